/**
 * What the sync client keeps in `meta` (SYNC.md §2, §6, §9): the connection (device id and token),
 * the pull cursor, the repair in progress after a `reset`, and the last successful push and pull
 * times that must survive a reload; and, on a staff member's device, who she is (SYNC.md §13), which
 * makes it a staff device for as long as it is not erased. Also the counts the status model shows.
 */
import { hlcRecv, HlcStateSchema } from '../domain/hlc';
import type { StaffRole } from '../domain/scopes';
import { DEVICE_TABLES, type DeviceKind } from '../domain/tables';
import type { NaptimeDb } from './db';
import { META_KEYS, getMeta } from './meta';

/** The meta keys the sync client owns. */
export const SYNC_META_KEYS = {
  connection: 'sync.connection',
  cursor: 'sync.cursor',
  repair: 'sync.repair',
  lastPushAt: 'sync.lastPushAt',
  lastPullAt: 'sync.lastPullAt',
  /** The staff member this device belongs to; kept after a disconnect, like her records. */
  staff: 'sync.staff',
} as const;

/** The staff member of a staff device, from her enrollment answer (SYNC.md §13). */
export interface StaffProfile {
  staffId: string;
  staffName: string;
  role: StaffRole;
  /** Null for the collaborative's data manager, who belongs to no agency. */
  agencyId: string | null;
  agencyName: string | null;
}

/** The staff member this device belongs to, or null on a provider's device. */
export async function getStaffProfile(db: NaptimeDb): Promise<StaffProfile | null> {
  const v = (await getMeta(db, SYNC_META_KEYS.staff)) as Partial<StaffProfile> | undefined;
  if (!v || typeof v.staffId !== 'string' || typeof v.role !== 'string') return null;
  return {
    staffId: v.staffId,
    staffName: v.staffName ?? '',
    role: v.role,
    agencyId: v.agencyId ?? null,
    agencyName: v.agencyName ?? null,
  };
}

/** Whose device this is: a staff member's once enrolled with a staff code, else a provider's. */
export async function getDeviceKind(db: NaptimeDb): Promise<DeviceKind> {
  return (await getStaffProfile(db)) ? 'staff' : 'provider';
}

/** A device's link to the agency's server, saved at enrollment (SYNC.md §7). */
export interface SyncConnection {
  deviceId: string;
  deviceToken: string;
  /** Absent on a staff device (its person is in `getStaffProfile`). */
  providerId?: string;
  /** The name she is connected as (a provider's, or a staff member's on a staff device). */
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
  const stores = DEVICE_TABLES.map((t) => db.synced(t));
  return db.transaction('r', [db.outbox, ...stores], async () => {
    let oldest: number | null = null;
    let waiting = 0;
    await db.outbox.each((entry) => {
      waiting += 1;
      const ms = Date.parse(String(entry.hlc).slice(0, 24));
      if (Number.isFinite(ms) && (oldest === null || ms < oldest)) oldest = ms;
    });
    let rejected = 0;
    for (const table of DEVICE_TABLES)
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
