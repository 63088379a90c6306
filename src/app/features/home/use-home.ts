/** Live reads behind Home. `undefined` means loading. */
import { useLiveQuery } from '../../ui/use-live-query';
import { loadDraft } from '../../../storage/drafts';
import { countPendingSync } from '../../../storage/read';
import { useDb } from '../../db';
import { noteFormFromDraft } from '../notes/note-form';

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
