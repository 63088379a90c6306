/** Live reads of her PDSA cycles for components. `undefined` means loading. */
import { useLiveQuery } from '../../ui/use-live-query';
import type { StoredRecord } from '../../../domain/envelope';
import { cycleInProgress, groupByChangeIdea } from '../../../domain/pdsa';
import type { PdsaData } from '../../../domain/records';
import { listAllRecords } from '../../../storage/read';
import type { NaptimeDb } from '../../../storage/db';
import { useDb } from '../../db';

/** A saved cycle. */
export type PdsaRecord = StoredRecord<PdsaData>;

/** Her cycles not deleted, and how many rows could not be read (kept on the device, never dropped). */
export async function readPdsaCycles(
  db: NaptimeDb,
): Promise<{ cycles: PdsaRecord[]; unreadable: number }> {
  const items = await listAllRecords(db, 'pdsa');
  const cycles = items.flatMap((i) =>
    i.ok && i.record.deleted !== 1 ? [i.record as PdsaRecord] : [],
  );
  return { cycles, unreadable: items.filter((i) => !i.ok).length };
}

/** Her change ideas, each with its cycles in cycle order, and the count of unreadable rows. */
export function useChangeIdeas() {
  const db = useDb();
  return useLiveQuery(async () => {
    const { cycles, unreadable } = await readPdsaCycles(db);
    return { ideas: groupByChangeIdea(cycles), unreadable };
  }, []);
}

/** The cycle in progress (the latest one not done), or null. */
export function useCycleInProgress() {
  const db = useDb();
  return useLiveQuery(async () => cycleInProgress((await readPdsaCycles(db)).cycles), []);
}
