/**
 * What needs her: open conflict records and records the server did not accept (SYNC.md §4, §5).
 * - A conflict is open while its `resolvedAt` is empty. The record it names shows "needs your
 *   attention" while any open conflict names it, whatever the record's own `syncStatus` says: a
 *   pull replaces that status with `synced`, and a device that did not push the losing side never
 *   had it (the conflict record reaches it by pull).
 * - "Keep this" sets `resolvedAt`/`resolution: 'kept'` on the conflict record; "use the other" is an
 *   ordinary edit of the record with the losing values (a `deleted` among them deletes or restores
 *   it), plus `resolution: 'used-other'`, in ONE transaction, each with its outbox entry: both sync
 *   like any change. A record that the losing values would make invalid (an `invalid-merge`, whose
 *   values only fit their own base) is not changed; the issues come back for her to fix in the form.
 * - Results, not exceptions (src/README.md 2).
 */
import type { StoredRecord } from '../domain/envelope';
import { ConflictDataSchema, type ConflictData, type FieldIssue } from '../domain/records';
import { isSyncedTable, SYNCED_TABLES, type SyncedTable } from '../domain/tables';
import { DELETED_FIELD } from './changes';
import type { NaptimeDb } from './db';
import { toStorageFailure, type StorageFailure } from './errors';
import { readRow, type ReadItem } from './read';
import { deleteRecord, restoreRecord, saveRecord } from './write';

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

/** A record the server (or this device) did not accept, with the reason kept for her. */
export interface RejectedItem {
  table: RecordTable;
  record: StoredRecord<Record<string, unknown>>;
}

const isRecordTable = (name: unknown): name is RecordTable =>
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
        out.push({ table, record: record as StoredRecord<Record<string, unknown>> });
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

/** Her choice: keep the version now shown, or use the one set aside. */
export type ConflictChoice = 'kept' | 'used-other';

/** What resolving gave. */
export type ResolveResult =
  | { ok: true }
  | { ok: false; reason: 'not-found' | 'already-resolved' | 'record-missing' }
  | { ok: false; reason: 'invalid'; issues: FieldIssue[] }
  | StorageFailure;

class Abort extends Error {
  constructor(readonly result: Exclude<ResolveResult, { ok: true }>) {
    super(result.reason);
  }
}

/** The record's data with the losing values laid over it (null clears), and its `deleted` flag. */
export function withLosingValues(
  data: Record<string, unknown>,
  deleted: 0 | 1,
  losing: Record<string, unknown>,
): { data: Record<string, unknown>; deleted: 0 | 1 } {
  const next = { ...data };
  let flag = deleted;
  for (const [field, value] of Object.entries(losing)) {
    if (field === DELETED_FIELD) flag = value === 1 ? 1 : 0;
    else if (value == null) delete next[field];
    else next[field] = value;
  }
  return { data: next, deleted: flag };
}

/**
 * Settles conflict `conflictId` with her choice (see the module header), in one transaction: the
 * record's edit (for "use the other") and the resolution commit together or not at all.
 */
export async function resolveConflict(
  db: NaptimeDb,
  conflictId: string,
  choice: ConflictChoice,
): Promise<ResolveResult> {
  const stores = SYNCED_TABLES.map((t) => db.synced(t));
  try {
    return await db.transaction('rw', [...stores, db.outbox, db.meta, db.drafts], async () => {
      const raw = await db.conflicts.get(conflictId);
      const item = raw === undefined ? null : readRow('conflicts', raw);
      if (!item?.ok) throw new Abort({ ok: false, reason: 'not-found' });
      const conflict = item.record as StoredRecord<ConflictData>;
      if (conflict.data.resolvedAt != null)
        throw new Abort({ ok: false, reason: 'already-resolved' });
      const table = conflict.data.table;
      if (!isRecordTable(table)) throw new Abort({ ok: false, reason: 'not-found' });
      if (choice === 'used-other') await useOther(db, table, conflict.data);
      const resolved = await saveRecord(db, 'conflicts', conflictId, {
        ...conflict.data,
        resolvedAt: db.now().toISOString(),
        resolution: choice,
      });
      if (!resolved.ok)
        throw new Abort(
          resolved.reason === 'invalid'
            ? { ok: false, reason: 'invalid', issues: resolved.issues }
            : resolved,
        );
      return { ok: true as const };
    });
  } catch (error) {
    if (error instanceof Abort) return error.result;
    return toStorageFailure(error);
  }
}

async function useOther(db: NaptimeDb, table: RecordTable, c: ConflictData): Promise<void> {
  const raw = await db.synced(table).get(c.recordId);
  const current = raw === undefined ? null : readRow(table, raw);
  if (!current?.ok) throw new Abort({ ok: false, reason: 'record-missing' });
  const { record } = current;
  const next = withLosingValues(record.data as Record<string, unknown>, record.deleted, c.losing);
  const saved = await saveRecord(db, table, c.recordId, next.data);
  if (!saved.ok)
    throw new Abort(
      saved.reason === 'invalid' ? { ok: false, reason: 'invalid', issues: saved.issues } : saved,
    );
  if (next.deleted === record.deleted) return;
  const flagged = await (next.deleted === 1 ? deleteRecord : restoreRecord)(db, table, c.recordId);
  if (!flagged.ok)
    throw new Abort(
      flagged.reason === 'invalid'
        ? { ok: false, reason: 'invalid', issues: flagged.issues }
        : flagged,
    );
}
