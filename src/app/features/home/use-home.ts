/** Live reads behind Home. `undefined` means loading. */
import { useLiveQuery } from '../../ui/use-live-query';
import { addWeeks } from '../../../domain/dates';
import type { ObservationData } from '../../../domain/records';
import type { StoredRecord } from '../../../domain/envelope';
import { loadDraft } from '../../../storage/drafts';
import { countPendingSync, listObservationsOfWeek } from '../../../storage/read';
import { useDb } from '../../db';
import { noteFormFromDraft } from '../notes/note-form';

const IDEA_WEEKS = 4;
const IDEA_LIMIT = 5;

/** Her unfinished new note, if one is waiting. */
export function useUnfinishedNote() {
  const db = useDb();
  return useLiveQuery(async () => noteFormFromDraft(await loadDraft(db, 'note:new')), []);
}

/** How many changes wait to be sent to her agency. */
export function usePendingCount() {
  const db = useDb();
  return useLiveQuery(() => countPendingSync(db), []);
}

/** Her latest "ideas to try next" from the notes of the last four weeks, newest first. */
export function useRecentIdeas(thisWeek: string) {
  const db = useDb();
  return useLiveQuery(async () => {
    const ideas: StoredRecord<ObservationData>[] = [];
    for (let i = 0; i < IDEA_WEEKS && ideas.length < IDEA_LIMIT; i++) {
      for (const item of await listObservationsOfWeek(db, addWeeks(thisWeek, -i))) {
        const note = item.ok ? (item.record as StoredRecord<ObservationData>) : null;
        if (note?.data.nextStep?.trim() && ideas.length < IDEA_LIMIT) ideas.push(note);
      }
    }
    return ideas;
  }, [thisWeek]);
}
