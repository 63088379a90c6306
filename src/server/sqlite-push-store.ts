/**
 * The PushStore of one scope over SQLite, with statements prepared once. The scope counter is read
 * once per transaction, advanced in memory and written back before commit (commit order = sequence
 * order, since the transaction holds SQLite's write lock from BEGIN IMMEDIATE). Each store also
 * keeps the scope's clock high-water mark in `meta` (SYNC.md §1) and the device's last activity,
 * and bounds the version history (sqlite-history.ts).
 */
import { stringifyJson } from '../domain/json-bounds';
import type { RecordContent } from '../domain/merge';
import type { TerminalResult } from '../domain/sync-messages';
import type { MutationLogEntry, PushStore, StoredRow } from './push-store';
import { rowFromSql, type RecordRowSql } from './record-row';
import type { Db } from './sqlite-db';
import { SqliteHistory, type ActiveDevice } from './sqlite-history';

/**
 * A device's `last_seen_at` is refreshed at most this often (it only decides the 90-day window).
 */
export const SEEN_REFRESH_MS = 60 * 60 * 1000;

/** The `meta` key of a scope's clock high-water mark. */
export function hlcMetaKey(scope: string): string {
  return `hlc:${scope}`;
}

/** Prepared statements of the push path, and a factory of per-scope stores. */
export class SqlitePushStatements {
  private readonly findResultStmt;
  private readonly getRecordStmt;
  private readonly getVersionStmt;
  private readonly getCounterStmt;
  private readonly setCounterStmt;
  private readonly upsertRecordStmt;
  private readonly keepVersionStmt;
  private readonly insertMutationStmt;
  private readonly touchDeviceStmt;
  private readonly raiseHighWaterStmt;
  private readonly history: SqliteHistory;

  constructor(db: Db) {
    this.history = new SqliteHistory(db);
    this.touchDeviceStmt = db.prepare<[number, string, number]>(
      'UPDATE devices SET last_seen_at = ? WHERE id = ? AND (last_seen_at IS NULL OR last_seen_at < ?)',
    );
    // Text order is clock order for HLCs, so SQLite's max() keeps the greater one.
    this.raiseHighWaterStmt = db.prepare<[string, string]>(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value)',
    );
    this.findResultStmt = db.prepare<[string, string], { result: string }>(
      'SELECT result FROM mutations WHERE scope = ? AND mutation_id = ?',
    );
    this.getRecordStmt = db.prepare<[string, string, string], RecordRowSql>(
      'SELECT * FROM records WHERE scope = ? AND tbl = ? AND id = ?',
    );
    this.getVersionStmt = db.prepare<
      [string, string, string, number],
      { data: string; deleted: number }
    >(
      'SELECT data, deleted FROM record_versions WHERE scope = ? AND tbl = ? AND id = ? AND version = ?',
    );
    this.getCounterStmt = db.prepare<[string], { seq: number }>(
      'SELECT seq FROM scope_counters WHERE scope = ?',
    );
    this.setCounterStmt = db.prepare(
      'INSERT INTO scope_counters (scope, seq) VALUES (?, ?) ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq',
    );
    this.upsertRecordStmt = db.prepare(
      `INSERT INTO records (scope, tbl, id, version, server_seq, hlc, device_id, deleted, schema_version, created_at, updated_at, data, last_status, mutation_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (scope, tbl, id) DO UPDATE SET version = excluded.version, server_seq = excluded.server_seq, hlc = excluded.hlc,
         device_id = excluded.device_id, deleted = excluded.deleted, schema_version = excluded.schema_version,
         updated_at = excluded.updated_at, data = excluded.data, last_status = excluded.last_status, mutation_id = excluded.mutation_id`,
    );
    this.keepVersionStmt = db.prepare<[string, string, string]>(
      `INSERT INTO record_versions (scope, tbl, id, version, server_seq, hlc, device_id, deleted, data, mutation_id)
       SELECT scope, tbl, id, version, server_seq, hlc, device_id, deleted, data, mutation_id FROM records WHERE scope = ? AND tbl = ? AND id = ?`,
    );
    this.insertMutationStmt = db.prepare(
      `INSERT INTO mutations (scope, mutation_id, device_id, device_seq, tbl, record_id, op, client_hlc, status, quarantine_id, received_at, payload, result)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  /** A store for `scope` in the current transaction; call `finish()` before commit. */
  forScope(scope: string, deviceId: string, now: number): PushStore & { finish(): void } {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the returned object's methods have their own `this`
    const s = this;
    let seq: number | null = null;
    let dirty = false;
    let highWater: string | null = null;
    let devices: ActiveDevice[] | null = null;
    s.touchDeviceStmt.run(now, deviceId, now - SEEN_REFRESH_MS);
    return {
      async findResult(mutationId) {
        const row = s.findResultStmt.get(scope, mutationId);
        return row ? (JSON.parse(row.result) as TerminalResult) : undefined;
      },
      async getRecord(table, id) {
        const row = s.getRecordStmt.get(scope, table, id);
        return row ? rowFromSql(row) : undefined;
      },
      async getContentAt(table, id, version): Promise<RecordContent | undefined> {
        const row = s.getVersionStmt.get(scope, table, id, version);
        return row
          ? { data: JSON.parse(row.data) as Record<string, unknown>, deleted: row.deleted ? 1 : 0 }
          : undefined;
      },
      nextSeq() {
        seq ??= s.getCounterStmt.get(scope)?.seq ?? 0;
        seq += 1;
        dirty = true;
        return seq;
      },
      async writeRecord(
        row: StoredRow,
        mutationId: string | null,
        dataJson: string,
        previous: StoredRow | undefined,
      ) {
        if (previous) {
          devices ??= s.history.activeDevices(scope, now);
          const kept = {
            version: previous.version,
            server_seq: previous.serverSeq,
            device_id: previous.deviceId,
          };
          if (
            s.history.beforeReplace(scope, row.table, row.id, kept, devices, row.deviceId ?? '')
          ) {
            s.keepVersionStmt.run(scope, row.table, row.id);
          }
        }
        if (highWater === null || row.hlc > highWater) highWater = row.hlc;
        // Positional parameters: binding by name costs a property lookup per column.
        s.upsertRecordStmt.run(
          scope,
          row.table,
          row.id,
          row.version,
          row.serverSeq,
          row.hlc,
          row.deviceId,
          row.deleted,
          row.schemaVersion,
          row.createdAt,
          row.updatedAt,
          dataJson,
          row.lastStatus,
          mutationId,
        );
      },
      async logMutation(e: MutationLogEntry) {
        s.insertMutationStmt.run(
          scope,
          e.mutationId,
          deviceId,
          e.deviceSeq,
          e.table,
          e.recordId,
          e.op,
          e.clientHlc,
          e.status,
          e.quarantineId,
          now,
          e.payload,
          stringifyJson(e.result),
        );
      },
      finish() {
        if (dirty && seq !== null) s.setCounterStmt.run(scope, seq);
        if (highWater !== null) s.raiseHighWaterStmt.run(hlcMetaKey(scope), highWater);
      },
    };
  }
}
