/** Live reads of the roster for components (no `db.` in a .tsx file: src/README.md 4). */
import { useLiveQuery } from '../../ui/use-live-query';
import { getRecord, listChildren } from '../../../storage/read';
import { useDb } from '../../db';

/** The roster sorted for pickers (toddlers first); `undefined` while loading. */
export function useChildren(options: { includeInactive?: boolean } = {}) {
  const db = useDb();
  const includeInactive = options.includeInactive ?? false;
  return useLiveQuery(() => listChildren(db, { includeInactive }), [includeInactive]);
}

/** One child, or `null` when there is none with that id; `undefined` while loading. */
export function useChild(id: string | undefined) {
  const db = useDb();
  return useLiveQuery(
    async () => (id ? ((await getRecord(db, 'children', id)) ?? null) : null),
    [id],
  );
}
