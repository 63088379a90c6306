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
import { SCHEMA_VERSION, DEVICE_TABLES, type DeviceTable } from '../domain/tables';
import { DELETED_FIELD } from './changes';
import type { NaptimeDb, OutboxRow, RecordRow } from './db';
import { parseRecordRow, promotedEntry, toLocalRecord } from './outbox-chain';
import { validateDeviceRecord } from './schemas';
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

const keyOf = (table: DeviceTable, id: string) => `${table}\u0000${id}`;

/**
 * What applying one response reads and writes, held in memory: the answered entries, the chains
 * and records they touch are read in bulk first, and every change is written in bulk at the end
 * (500 results were some 3,000 requests one after another; a tablet took seconds over them).
 * Reads and writes in between go through it, so a later result sees an earlier one's changes.
 */
class WorkingSet {
  readonly byMutation = new Map<string, OutboxRow>();
  private readonly records = new Map<string, RecordRow | undefined>();
  private readonly chains = new Map<string, OutboxRow[]>();
  private readonly dirty = new Map<string, { table: DeviceTable; row: RecordRow }>();
  private readonly outboxPuts = new Map<number, OutboxRow>();
  private readonly outboxDeletes = new Set<number>();

  constructor(private readonly db: NaptimeDb) {}

  /** Reads everything the results can touch: their entries, chains, records and conflict records. */
  async load(results: readonly MutationResult[]): Promise<void> {
    const { db } = this;
    const conflictIds = results.flatMap((r) => {
      const term = r.status === 'duplicate' ? r.original : r;
      return term.status === 'conflict' ? [term.conflict.id] : [];
    });
    if (conflictIds.length) {
      const rows = await db.conflicts.bulkGet(conflictIds);
      conflictIds.forEach((id, i) =>
        this.records.set(keyOf('conflicts', id), parseRecordRow(rows[i])),
      );
    }
    const mutationIds = results.map((r) => r.mutationId);
    const answered = await db.outbox.where('mutationId').anyOf(mutationIds).toArray();
    for (const e of answered) this.byMutation.set(e.mutationId, e);
    const pairs = new Map<string, [DeviceTable, string]>();
    for (const e of answered) pairs.set(keyOf(e.table, e.recordId), [e.table, e.recordId]);
    if (pairs.size === 0) return;
    const chained = await db.outbox
      .where('[table+recordId]')
      .anyOf([...pairs.values()])
      .toArray();
    for (const key of pairs.keys()) this.chains.set(key, []);
    for (const e of chained) this.chains.get(keyOf(e.table, e.recordId))?.push(e);
    for (const chain of this.chains.values()) chain.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
    for (const table of DEVICE_TABLES) {
      const ids = [...pairs.values()].filter(([t]) => t === table).map(([, id]) => id);
      if (ids.length === 0) continue;
      const rows = await db.synced(table).bulkGet(ids);
      ids.forEach((id, i) => this.records.set(keyOf(table, id), parseRecordRow(rows[i])));
    }
  }

  // Synchronous from here to `flush`: a long run of awaits that make no IndexedDB request loses
  // Dexie's transaction zone and Chromium commits the transaction under it (PrematureCommitError).

  /** A record `load` read (or one written since). */
  record(table: DeviceTable, id: string): RecordRow | undefined {
    return this.records.get(keyOf(table, id));
  }

  /** The record's entries still in the outbox, oldest first. */
  chain(table: DeviceTable, id: string): OutboxRow[] {
    const key = keyOf(table, id);
    if (!this.chains.has(key)) this.chains.set(key, []);
    return this.chains.get(key)!;
  }

  put(table: DeviceTable, row: RecordRow): void {
    const key = keyOf(table, row.id);
    this.records.set(key, row);
    this.dirty.set(key, { table, row });
  }

  /** Drops an answered entry from the outbox. */
  drop(entry: OutboxRow & { seq: number }): void {
    this.byMutation.delete(entry.mutationId);
    this.outboxDeletes.add(entry.seq);
    this.outboxPuts.delete(entry.seq);
    const chain = this.chain(entry.table, entry.recordId);
    const at = chain.findIndex((e) => e.seq === entry.seq);
    if (at >= 0) chain.splice(at, 1);
  }

  /** `promoteNext` on the working set. */
  promote(row: RecordRow, table: DeviceTable, sendAll: boolean): void {
    const chain = this.chain(table, row.id);
    const promoted = promotedEntry(chain[0], row, table, sendAll);
    if (!promoted || promoted.seq === undefined) return;
    chain[0] = promoted;
    this.outboxPuts.set(promoted.seq, promoted);
  }

  async flush(): Promise<void> {
    const { db } = this;
    for (const table of DEVICE_TABLES) {
      const rows = [...this.dirty.values()].filter((d) => d.table === table).map((d) => d.row);
      if (rows.length) await db.synced(table).bulkPut(rows as never[]);
    }
    if (this.outboxPuts.size) await db.outbox.bulkPut([...this.outboxPuts.values()]);
    if (this.outboxDeletes.size) await db.outbox.bulkDelete([...this.outboxDeletes]);
  }
}

function adoptConflictRecord(ws: WorkingSet, conflict: ServerRecord): void {
  const local = ws.record('conflicts', conflict.id);
  if (local && local.version >= conflict.version) return;
  ws.put('conflicts', toLocalRecord(conflict, local));
}

function applyOne(ws: WorkingSet, result: MutationResult, counts: OutcomeCounts): void {
  const entry = ws.byMutation.get(result.mutationId);
  if (!entry || entry.seq === undefined) return; // already applied by an earlier answer
  const term: TerminalResult = result.status === 'duplicate' ? result.original : result;
  counts[result.status === 'duplicate' ? 'duplicate' : term.status] += 1;
  ws.drop({ ...entry, seq: entry.seq });
  const table: DeviceTable = entry.table;
  const local = ws.record(table, entry.recordId);
  if (!local) return;
  if (term.status === 'rejected') {
    const { code, message, details } = term;
    const marked: RecordRow = {
      ...local,
      syncStatus: 'rejected',
      syncError: { code, message, details },
    };
    ws.put(table, marked);
    ws.promote(marked, table, true);
    return;
  }
  const waiting = ws.chain(table, entry.recordId);
  let next: RecordRow = local;
  if (term.version > local.version) {
    if (term.status !== 'applied') {
      const server = toLocalRecord(term.record, local);
      next = reapplyWaiting(
        server,
        local,
        waiting.flatMap((e) => e.changedFields),
      );
      if (waiting.length && !validateDeviceRecord(table, local.id, next.data).ok) {
        keepLocalForMerge(ws, table, local, term);
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
  if (term.status === 'conflict') adoptConflictRecord(ws, term.conflict);
  const { syncError: _cleared, ...rest } = next;
  const syncStatus =
    term.status === 'conflict' ? 'conflict' : waiting.length ? 'pending' : 'synced';
  const row: RecordRow = {
    ...rest,
    schemaVersion: Math.max(rest.schemaVersion, SCHEMA_VERSION),
    syncStatus,
  };
  ws.put(table, row);
  ws.promote(row, table, false);
}

/**
 * The waiting edits and the server's record do not make a valid record together: keep hers whole,
 * on the version she edited, and let the waiting entry send every field on it (module header).
 */
function keepLocalForMerge(
  ws: WorkingSet,
  table: DeviceTable,
  local: RecordRow,
  term: Extract<TerminalResult, { status: 'merged' | 'conflict' }>,
): void {
  if (term.status === 'conflict') adoptConflictRecord(ws, term.conflict);
  const { syncError: _cleared, ...rest } = local;
  const row: RecordRow = {
    ...rest,
    syncStatus: term.status === 'conflict' ? 'conflict' : 'pending',
  };
  ws.put(table, row);
  ws.promote(row, table, true);
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
  const stores = DEVICE_TABLES.map((t) => db.synced(t));
  return db.transaction('rw', [db.outbox, db.meta, ...stores], async () => {
    const counts = emptyOutcomes();
    const ws = new WorkingSet(db);
    await ws.load(response.results);
    for (const result of response.results) applyOne(ws, result, counts);
    await ws.flush();
    await receiveHlc(db, response.serverHlc, now);
    await db.meta.put({ key: SYNC_META_KEYS.lastPushAt, value: now });
    return counts;
  });
}
