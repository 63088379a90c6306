/** Live reads of notes for components. `undefined` means loading. */
import { useLiveQuery } from '../../ui/use-live-query';
import {
  countObservationsOfWeek,
  listChildren,
  listObservationsOfChild,
  listObservationsOfWeek,
  listRecentlyDeleted,
  listWeeksWithNotes,
} from '../../../storage/read';
import { useDb } from '../../db';

/** The first `limit` notes of a week, newest first. */
export function useWeekNotes(week: string, limit: number) {
  const db = useDb();
  return useLiveQuery(() => listObservationsOfWeek(db, week, { limit }), [week, limit]);
}

/** How many notes a week holds. */
export function useWeekNoteCount(week: string) {
  const db = useDb();
  return useLiveQuery(() => countObservationsOfWeek(db, week), [week]);
}

/** Every note naming one child, newest first. */
export function useChildNotes(childId: string | undefined) {
  const db = useDb();
  return useLiveQuery(async () => (childId ? listObservationsOfChild(db, childId) : []), [childId]);
}

/** Weeks that have notes, newest first, with their counts. */
export function useWeeksWithNotes() {
  const db = useDb();
  return useLiveQuery(() => listWeeksWithNotes(db), []);
}

/** Deleted notes and children she can bring back. */
export function useRecentlyDeleted() {
  const db = useDb();
  return useLiveQuery(() => listRecentlyDeleted(db), []);
}

/** Each child of the roster (toddlers first, inactive last) with their newest `limit` notes. */
export function useLatestNotesByChild(limit: number) {
  const db = useDb();
  return useLiveQuery(async () => {
    const children = (await listChildren(db, { includeInactive: true })).flatMap((c) =>
      c.ok ? [c.record] : [],
    );
    return Promise.all(
      children.map(async (child) => ({
        child,
        notes: (await listObservationsOfChild(db, child.id)).slice(0, limit),
      })),
    );
  }, [limit]);
}
