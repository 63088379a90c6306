/**
 * What the sync client keeps in `meta` (SYNC.md §2, §6, §9): the connection (device id and token),
 * the pull cursor, the repair in progress after a `reset`, and the last successful push and pull
 * times that must survive a reload. Also the counts the status model shows.
 */
import { hlcRecv, HlcStateSchema } from '../domain/hlc';
import { SYNCED_TABLES } from '../domain/tables';
import type { NaptimeDb } from './db';
import { META_KEYS, getMeta } from './meta';

/** The meta keys the sync client owns. */
export const SYNC_META_KEYS = {
  connection: 'sync.connection',
  cursor: 'sync.cursor',
  repair: 'sync.repair',
  lastPushAt: 'sync.lastPushAt',
  lastPullAt: 'sync.lastPullAt',
} as const;

/** A device's link to the agency's server, saved at enrollment (SYNC.md §7). */
export interface SyncConnection {
  deviceId: string;
  deviceToken: string;
  providerId: string;
  providerName?: string;
  agencyName?: string;
  /** The agency server's address as she confirmed it ('' or absent: the app's own origin). */
  serverUrl?: string;
}

/** The connection, or null when this device is not connected. */
export async function getConnection(db: NaptimeDb): Promise<SyncConnection | null> {
  const value = (await getMeta(db, SYNC_META_KEYS.connection)) as
    Partial<SyncConnection> | undefined;
  if (!value || typeof value.deviceId !== 'string' || typeof value.deviceToken !== 'string')
    return null;
  return value as SyncConnection;
}

/**
 * Saves the connection and the device id (stamped on every later write), in one transaction. The
 * cursor starts over: a newly connected device pulls everything.
 */
export async function saveConnection(db: NaptimeDb, connection: SyncConnection): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await db.meta.put({ key: SYNC_META_KEYS.connection, value: { ...connection } });
    await db.meta.put({ key: META_KEYS.deviceId, value: connection.deviceId });
    await db.meta.delete(SYNC_META_KEYS.cursor);
  });
}

/** The pull cursor (null before the first pull or after a reset). */
export async function getCursor(db: NaptimeDb): Promise<string | null> {
  const value = await getMeta(db, SYNC_META_KEYS.cursor);
  return typeof value === 'string' ? value : null;
}

/** Last successful push and pull, epoch ms (null when never). */
export async function getLastSyncTimes(
  db: NaptimeDb,
): Promise<{ lastPushAt: number | null; lastPullAt: number | null }> {
  const [push, pull] = await db.meta.bulkGet([
    SYNC_META_KEYS.lastPushAt,
    SYNC_META_KEYS.lastPullAt,
  ]);
  const ms = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return { lastPushAt: ms(push?.value), lastPullAt: ms(pull?.value) };
}

/** The numbers the sync status shows (SYNC.md §9). */
export interface SyncCounts {
  waiting: number;
  /** Epoch ms of the oldest waiting change (its HLC's time), or null when none waits. */
  oldestWaitingAt: number | null;
  rejected: number;
  /** Conflict records not yet resolved. */
  conflicted: number;
}

/** Reads the counts in one read transaction. */
export async function getSyncCounts(db: NaptimeDb): Promise<SyncCounts> {
  const stores = SYNCED_TABLES.map((t) => db.synced(t));
  return db.transaction('r', [db.outbox, ...stores], async () => {
    let oldest: number | null = null;
    let waiting = 0;
    await db.outbox.each((entry) => {
      waiting += 1;
      const ms = Date.parse(String(entry.hlc).slice(0, 24));
      if (Number.isFinite(ms) && (oldest === null || ms < oldest)) oldest = ms;
    });
    let rejected = 0;
    for (const table of SYNCED_TABLES)
      rejected += await db.synced(table).where('syncStatus').equals('rejected').count();
    const conflicted = await db.conflicts
      .filter(
        (row) => row.deleted !== 1 && (row.data as { resolvedAt?: unknown }).resolvedAt == null,
      )
      .count();
    return { waiting, oldestWaitingAt: oldest, rejected, conflicted };
  });
}

/** Saves the clock after receiving `remote` (in the caller's transaction). */
export async function receiveHlc(db: NaptimeDb, remote: string, now: number): Promise<void> {
  const row = await db.meta.get(META_KEYS.hlc);
  const state = HlcStateSchema.safeParse(row?.value);
  if (!state.success) return; // no local clock yet: the next write makes one
  await db.meta.put({ key: META_KEYS.hlc, value: hlcRecv(state.data, remote, now) });
}
