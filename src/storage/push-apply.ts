/**
 * Applying a push response (SYNC.md §4) in ONE rw transaction: records, outbox, conflict records
 * and the clock. Per result (a `duplicate` is handled as its stored original, as if it came first):
 * - the entry leaves the outbox; the record's next entry takes the new version as its base;
 * - `version`, `serverSeq`, `hlc` and a merged `record` are adopted only when that version is higher
 *   than the one held here (a duplicate's stored result can be older than what was pulled since);
 * - `merged`/`conflict`: the server's record is adopted, then every newer local edit still waiting
 *   is laid over it again; `conflict` stores the conflict record and the record needs attention.
 *   Choice where SYNC.md is silent: when laying the waiting edits over the server's record breaks
 *   the schema (she raised P5 here while another device lowered P4), the record is not adopted: her
 *   data stays as she saw it, on the version she edited, and the waiting entry sends every field on
 *   that version. The server then merges (against that version, or against the empty record when
 *   its history dropped it) and answers `merged` or `conflict`, the other side's values kept in the
 *   conflict record. Sent as a fast-forward of the waiting fields alone on the server's version,
 *   the mix would be refused VALIDATION_FAILED and her valid edit flagged as if it were bad;
 * - `rejected`: the local data stays untouched, the record is marked with the code and message, and
 *   its next save sends all its fields.
 */
import { maxHlc } from '../domain/hlc';
import type { MutationResult, ServerRecord, TerminalResult } from '../domain/sync-messages';
import { validateRecord } from '../domain/records';
import { SCHEMA_VERSION, SYNCED_TABLES, type SyncedTable } from '../domain/tables';
import { DELETED_FIELD } from './changes';
import type { NaptimeDb, RecordRow } from './db';
import { entriesOf, promoteNext, readRecordRow, toLocalRecord } from './outbox-chain';
import { receiveHlc, SYNC_META_KEYS } from './sync-state';

/** How many results of each kind a response carried (duplicates counted once, as `duplicate`). */
export type OutcomeCounts = Record<
  'applied' | 'merged' | 'conflict' | 'duplicate' | 'rejected',
  number
>;

/** An empty tally. */
export function emptyOutcomes(): OutcomeCounts {
  return { applied: 0, merged: 0, conflict: 0, duplicate: 0, rejected: 0 };
}

/** The record with the fields of every waiting entry taken from `local` again (newer local edits). */
function reapplyWaiting(
  server: RecordRow,
  local: RecordRow,
  waitingFields: readonly string[],
): RecordRow {
  const data = { ...server.data };
  let deleted = server.deleted;
  for (const field of waitingFields) {
    if (field === DELETED_FIELD) deleted = local.deleted;
    else if (local.data[field] === undefined) delete data[field];
    else data[field] = local.data[field];
  }
  return { ...server, data, deleted };
}

async function adoptConflictRecord(db: NaptimeDb, conflict: ServerRecord): Promise<void> {
  const local = await readRecordRow(db, 'conflicts', conflict.id);
  if (local && local.version >= conflict.version) return;
  await db.conflicts.put(toLocalRecord(conflict, local));
}

async function applyOne(
  db: NaptimeDb,
  result: MutationResult,
  counts: OutcomeCounts,
): Promise<void> {
  const entry = await db.outbox.where('mutationId').equals(result.mutationId).first();
  if (!entry || entry.seq === undefined) return; // already applied by an earlier answer
  const term: TerminalResult = result.status === 'duplicate' ? result.original : result;
  counts[result.status === 'duplicate' ? 'duplicate' : term.status] += 1;
  await db.outbox.delete(entry.seq);
  const table: SyncedTable = entry.table;
  const local = await readRecordRow(db, table, entry.recordId);
  if (!local) return;
  if (term.status === 'rejected') {
    const { code, message, details } = term;
    const marked: RecordRow = {
      ...local,
      syncStatus: 'rejected',
      syncError: { code, message, details },
    };
    await db.synced(table).put(marked);
    await promoteNext(db, marked, table, true);
    return;
  }
  const waiting = await entriesOf(db, table, entry.recordId);
  let next: RecordRow = local;
  if (term.version > local.version) {
    if (term.status !== 'applied') {
      const server = toLocalRecord(term.record, local);
      next = reapplyWaiting(
        server,
        local,
        waiting.flatMap((e) => e.changedFields),
      );
      if (waiting.length && !validateRecord(table, local.id, next.data).ok) {
        await keepLocalForMerge(db, table, local, term);
        return;
      }
    }
    next = {
      ...next,
      version: term.version,
      serverSeq: term.serverSeq,
      hlc: waiting.length ? maxHlc(local.hlc, term.hlc) : term.hlc,
    };
  }
  if (term.status === 'conflict') await adoptConflictRecord(db, term.conflict);
  const { syncError: _cleared, ...rest } = next;
  const syncStatus =
    term.status === 'conflict' ? 'conflict' : waiting.length ? 'pending' : 'synced';
  const row: RecordRow = {
    ...rest,
    schemaVersion: Math.max(rest.schemaVersion, SCHEMA_VERSION),
    syncStatus,
  };
  await db.synced(table).put(row);
  await promoteNext(db, row, table, false);
}

/**
 * The waiting edits and the server's record do not make a valid record together: keep hers whole,
 * on the version she edited, and let the waiting entry send every field on it (module header).
 */
async function keepLocalForMerge(
  db: NaptimeDb,
  table: SyncedTable,
  local: RecordRow,
  term: Extract<TerminalResult, { status: 'merged' | 'conflict' }>,
): Promise<void> {
  if (term.status === 'conflict') await adoptConflictRecord(db, term.conflict);
  const { syncError: _cleared, ...rest } = local;
  const row: RecordRow = {
    ...rest,
    syncStatus: term.status === 'conflict' ? 'conflict' : 'pending',
  };
  await db.synced(table).put(row);
  await promoteNext(db, row, table, true);
}

/**
 * Applies the results of one push (see the module header) and the server's clock; stamps the last
 * push time. Entries the response does not answer stay in flight for the next run to send again.
 */
export function applyPushResults(
  db: NaptimeDb,
  response: { results: readonly MutationResult[]; serverHlc: string },
  now: number,
): Promise<OutcomeCounts> {
  const stores = SYNCED_TABLES.map((t) => db.synced(t));
  return db.transaction('rw', [db.outbox, db.meta, ...stores], async () => {
    const counts = emptyOutcomes();
    for (const result of response.results) await applyOne(db, result, counts);
    await receiveHlc(db, response.serverHlc, now);
    await db.meta.put({ key: SYNC_META_KEYS.lastPushAt, value: now });
    return counts;
  });
}
