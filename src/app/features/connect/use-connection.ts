/** Live reads behind the connection card in Settings. `undefined` means loading. */
import { countUnsynced } from '../../../storage/erase';
import { getConnection, type SyncConnection } from '../../../storage/sync-state';
import { useDb } from '../../db';
import { useLiveQuery } from '../../ui/use-live-query';

/** The connection, if any, and how many records are not on the server yet. */
export function useConnection():
  { connection: SyncConnection | null; unsynced: number } | undefined {
  const db = useDb();
  return useLiveQuery(
    async () => ({ connection: await getConnection(db), unsynced: await countUnsynced(db) }),
    [],
  );
}
