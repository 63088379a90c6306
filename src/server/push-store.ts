/**
 * What the push algorithm needs from storage, for one scope inside one write transaction. Every
 * method is async, so that a driver that talks to a database server (PostgreSQL, pg-push-store.ts)
 * implements it as well as synchronous SQLite (sqlite-push-store.ts), whose methods answer at once.
 */
import type { FieldMap, RecordContent } from '../domain/merge';
import type { ServerRecord, TerminalResult } from '../domain/sync-messages';

/** A record as stored: its envelope, its data, and how it was last written (for echo suppression). */
export interface StoredRow {
  table: string;
  id: string;
  version: number;
  serverSeq: number;
  hlc: string;
  deviceId: string | null;
  deleted: 0 | 1;
  schemaVersion: number;
  createdAt: string;
  updatedAt: string;
  data: FieldMap;
  /** The status of the write that made this version (`applied` rows are echo-suppressed). */
  lastStatus: 'applied' | 'merged' | 'conflict' | 'server';
}

/** One append to the mutation log (dedupe, audit, quarantine). */
export interface MutationLogEntry {
  mutationId: string;
  deviceSeq: number | null;
  table: string | null;
  recordId: string | null;
  op: string | null;
  clientHlc: string | null;
  status: TerminalResult['status'];
  quarantineId: string | null;
  payload: string;
  result: TerminalResult;
}

export interface PushStore {
  /** The stored result of a known mutationId in this scope. */
  findResult(mutationId: string): Promise<TerminalResult | undefined>;
  getRecord(table: string, id: string): Promise<StoredRow | undefined>;
  /** The content of one earlier version of a record (for the merge base). */
  getContentAt(table: string, id: string, version: number): Promise<RecordContent | undefined>;
  /**
   * The next scope-wide sequence number (commit order = sequence order: the scope's counter is held
   * by the transaction). Synchronous: the counter is read when the transaction starts.
   */
  nextSeq(): number;
  /**
   * Writes a new version of a record; `previous` (the version it replaces, if any) is kept in the
   * version history first, so that every version stays readable as a merge base.
   */
  writeRecord(
    row: StoredRow,
    mutationId: string | null,
    dataJson: string,
    previous: StoredRow | undefined,
  ): Promise<void>;
  logMutation(entry: MutationLogEntry): Promise<void>;
}

/** The wire form of a stored record. */
export function toServerRecord(row: StoredRow): ServerRecord {
  return {
    table: row.table,
    id: row.id,
    version: row.version,
    serverSeq: row.serverSeq,
    hlc: row.hlc,
    deviceId: row.deviceId,
    deleted: row.deleted,
    schemaVersion: row.schemaVersion,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    data: row.data,
  };
}
