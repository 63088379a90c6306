/** Her ideas to try next for Home and a child's page (DESIGN.md 1). `undefined` means loading. */
import { addWeeks } from '../../../domain/dates';
import type { StoredRecord } from '../../../domain/envelope';
import { collectIdeas, type Idea } from '../../../domain/ideas';
import type { ObservationData } from '../../../domain/records';
import { markIdeaTried } from '../../../storage/ideas';
import { listObservationsOfChild, listObservationsOfWeek } from '../../../storage/read';
import type { NaptimeDb } from '../../../storage/db';
import { useDb } from '../../db';
import { showToast } from '../../state';
import { useLiveQuery } from '../../ui/use-live-query';

const IDEA_WEEKS = 4;
const IDEA_LIMIT = 5;

function readable(
  items: Awaited<ReturnType<typeof listObservationsOfWeek>>,
): StoredRecord<ObservationData>[] {
  return items.flatMap((i) => (i.ok ? [i.record as StoredRecord<ObservationData>] : []));
}

/** Her open ideas (not marked tried) from the notes of the last four weeks, each once, newest first. */
export function useOpenIdeas(thisWeek: string) {
  const db = useDb();
  return useLiveQuery(async () => {
    const notes: StoredRecord<ObservationData>[] = [];
    for (let i = 0; i < IDEA_WEEKS; i++)
      notes.push(...readable(await listObservationsOfWeek(db, addWeeks(thisWeek, -i))));
    return collectIdeas(notes)
      .filter((idea) => !idea.triedOn)
      .slice(0, IDEA_LIMIT);
  }, [thisWeek]);
}

/** Every idea written about one child, tried ones included. */
export function useChildIdeas(childId: string) {
  const db = useDb();
  return useLiveQuery(
    async () => collectIdeas(readable(await listObservationsOfChild(db, childId))),
    [childId],
  );
}

/** Marks an idea tried (with Undo) or open again. */
export async function setIdeaTried(db: NaptimeDb, idea: Idea, isTried: boolean): Promise<void> {
  const ok = await markIdeaTried(db, idea.noteIds, isTried);
  if (!ok) return showToast('error.storageError');
  if (isTried) {
    showToast('ideas.markedTried', {
      durationMs: 10_000,
      action: { label: 'common.undo', run: () => void markIdeaTried(db, idea.noteIds, false) },
    });
  }
}
