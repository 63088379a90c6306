/**
 * What needs her, read (SYNC.md §4, §5): open conflict records and records the server did not
 * accept, and their counts. A conflict is open while its `resolvedAt` is empty; the record it names
 * needs her attention while any open conflict names it, whatever the record's own `syncStatus` says
 * (a pull replaces it with `synced`, and a device that did not push the losing side never had it).
 * Reads here, so Home's count stays small; `conflicts.ts` writes her choice, and
 * `discardRejected` removes a record not accepted that this build cannot read, once she has a copy.
 */
import type { StoredRecord } from '../domain/envelope';
import { ConflictDataSchema, type ConflictData } from '../domain/records';
import { isSyncedTable, SYNCED_TABLES, type SyncedTable } from '../domain/tables';
import type { NaptimeDb } from './db';
import { toStorageFailure, type StorageFailure } from './errors';
import { readRow, type ReadItem } from './read';

/** A table whose records can be in conflict (every synced table but `conflicts`). */
export type RecordTable = Exclude<SyncedTable, 'conflicts'>;

/** The tables whose records she writes, in the order "Needs your attention" lists them. */
export const RECORD_TABLES: readonly RecordTable[] = SYNCED_TABLES.filter(
  (t): t is RecordTable => t !== 'conflicts',
);

/** One open conflict, with the record it is about as stored here now (null when not here yet). */
export interface OpenConflict {
  conflict: StoredRecord<ConflictData>;
  table: RecordTable;
  record: ReadItem<Record<string, unknown>> | null;
}

/**
 * A record the server (or this device) did not accept, with the reason kept for her. `isReadable`
 * is false when this build cannot read it (its form cannot open it): `record` is then the raw row.
 */
export interface RejectedItem {
  table: RecordTable;
  record: StoredRecord<Record<string, unknown>>;
  isReadable: boolean;
}

/** True for a table whose records can be in conflict. */
export const isRecordTable = (name: unknown): name is RecordTable =>
  isSyncedTable(name) && name !== 'conflicts';

function openConflictOf(raw: unknown): StoredRecord<ConflictData> | null {
  const item = readRow('conflicts', raw);
  if (!item.ok || item.record.deleted === 1) return null;
  const data = ConflictDataSchema.safeParse(item.record.data);
  if (!data.success || data.data.resolvedAt != null || !isRecordTable(data.data.table)) return null;
  return item.record as StoredRecord<ConflictData>;
}

/** Every open conflict, newest first (by the conflict record's HLC), with its record. */
export async function listOpenConflicts(db: NaptimeDb): Promise<OpenConflict[]> {
  const rows = await db.conflicts.toArray();
  const open = rows.flatMap((raw) => {
    const c = openConflictOf(raw);
    return c ? [c] : [];
  });
  open.sort((a, b) => (a.hlc < b.hlc ? 1 : a.hlc > b.hlc ? -1 : 0));
  return Promise.all(
    open.map(async (conflict) => {
      const table = conflict.data.table as RecordTable;
      const raw = await db.synced(table).get(conflict.data.recordId);
      return {
        conflict,
        table,
        record: raw === undefined ? null : (readRow(table, raw) as OpenConflict['record']),
      };
    }),
  );
}

/** The ids of the records of `table` that an open conflict names (few: read them all). */
export async function listRecordIdsNeedingAttention(
  db: NaptimeDb,
  table: RecordTable,
): Promise<Set<string>> {
  const rows = await db.conflicts.toArray();
  const ids = new Set<string>();
  for (const raw of rows) {
    const c = openConflictOf(raw);
    if (c && c.data.table === table) ids.add(c.data.recordId);
  }
  return ids;
}

/** Records marked `rejected`, table by table (the `syncStatus` index), newest change first. */
export async function listRejected(db: NaptimeDb): Promise<RejectedItem[]> {
  const out: RejectedItem[] = [];
  for (const table of RECORD_TABLES) {
    const rows = await db.synced(table).where('syncStatus').equals('rejected').toArray();
    for (const raw of rows) {
      const item = readRow(table, raw);
      // A row whose data no longer parses is still listed: she opens it to see it, nothing hides.
      const record = item.ok ? item.record : (raw as StoredRecord<Record<string, unknown>>);
      if (record && typeof record === 'object' && typeof record.id === 'string')
        out.push({
          table,
          record: record as StoredRecord<Record<string, unknown>>,
          isReadable: item.ok,
        });
    }
  }
  return out.sort((a, b) => (a.record.hlc < b.record.hlc ? 1 : -1));
}

/** How many conflicts are open and how many records were not accepted. */
export async function countNeedingAttention(
  db: NaptimeDb,
): Promise<{ conflicts: number; rejected: number }> {
  const rows = await db.conflicts.toArray();
  const conflicts = rows.filter((raw) => openConflictOf(raw) !== null).length;
  let rejected = 0;
  for (const table of RECORD_TABLES)
    rejected += await db.synced(table).where('syncStatus').equals('rejected').count();
  return { conflicts, rejected };
}

/** What discarding gave: done, or the record is no longer one to discard (sent again, or gone). */
export type DiscardResult = { ok: true } | { ok: false; reason: 'changed' } | StorageFailure;

/**
 * Removes a record not accepted from this device (SYNC.md §4), in one transaction, only while it is
 * still `rejected` and nothing waits to send it. For a record this build cannot read, after she
 * saved a copy of it (`exportRow`): nothing is lost silently. An earlier version the server
 * accepted stays on the server.
 */
export async function discardRejected(
  db: NaptimeDb,
  table: RecordTable,
  id: string,
): Promise<DiscardResult> {
  try {
    const store = db.synced(table);
    return await db.transaction('rw', [store, db.outbox], async () => {
      const raw = (await store.get(id)) as { syncStatus?: unknown } | undefined;
      const waiting = await db.outbox.where('[table+recordId]').equals([table, id]).count();
      if (raw?.syncStatus !== 'rejected' || waiting > 0)
        return { ok: false as const, reason: 'changed' as const };
      await store.delete(id);
      return { ok: true as const };
    });
  } catch (error) {
    return toStorageFailure(error);
  }
}
