/**
 * The connection card's reads and actions (SYNC.md §7): disconnect keeps everything local and
 * revokes the token; "hand this tablet on" sends everything, checks that nothing waits, then
 * disconnects and erases. Storage and sync calls live here, not in components (src/README.md 4).
 */
import { countUnsynced } from '../../../storage/erase';
import { getConnection, type SyncConnection } from '../../../storage/sync-state';
import { disconnect } from '../../../sync/enroll';
import type { NaptimeDb } from '../../../storage/db';
import { useDb } from '../../db';
import { enrollDeps, settledStatus, stopSync, syncNow } from '../../sync-runtime';
import { useLiveQuery } from '../../ui/use-live-query';
import { eraseAndRestart } from '../data/use-data';

/** The connection, if any, how many changes wait to be sent, and how many records are not on the server. */
export function useConnection():
  { connection: SyncConnection | null; waiting: number; unsynced: number } | undefined {
  const db = useDb();
  return useLiveQuery(
    async () => ({
      connection: await getConnection(db),
      waiting: await db.outbox.count(),
      unsynced: await countUnsynced(db),
    }),
    [],
  );
}

/** Stops syncing, then revokes this device's token and forgets the connection (records stay). */
export async function disconnectDevice(
  db: NaptimeDb,
): Promise<'revoked' | 'revoke-later' | 'failed'> {
  const conn = await getConnection(db);
  stopSync();
  const result = await disconnect(db, await enrollDeps(conn?.serverUrl ?? ''));
  if (!result.ok) return 'failed';
  return result.revokedNow ? 'revoked' : 'revoke-later';
}

/** Sends everything it can now; resolves with how many records are still not on the server. */
export async function sendEverything(db: NaptimeDb): Promise<number> {
  await syncNow();
  await settledStatus();
  return countUnsynced(db);
}

/** Disconnects (revoking the token) and erases the device; false when erasing failed. */
export async function handOn(db: NaptimeDb): Promise<boolean> {
  await disconnectDevice(db);
  return eraseAndRestart(db);
}
