/**
 * Settling a conflict (SYNC.md §5). "Keep this" sets `resolvedAt`/`resolution: 'kept'` on the
 * conflict record; "use the other" is an ordinary edit of the record with the losing values (a
 * `deleted` among them deletes or restores it), plus `resolution: 'used-other'`, in ONE transaction,
 * each with its outbox entry: both sync like any change. A record that the losing values would make
 * invalid (an `invalid-merge`, whose values only fit their own base) is not changed; the issues come
 * back for her to fix in the form. Results, not exceptions (src/README.md 2). The reads of what
 * needs her are in `attention.ts`.
 */
import type { StoredRecord } from '../domain/envelope';
import type { ConflictData, FieldIssue } from '../domain/records';
import { SYNCED_TABLES } from '../domain/tables';
import { isRecordTable, type RecordTable } from './attention';
import { DELETED_FIELD } from './changes';
import type { NaptimeDb } from './db';
import { toStorageFailure, type StorageFailure } from './errors';
import { readRow } from './read';
import { deleteRecord, restoreRecord, saveRecord } from './write';

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
