/**
 * What the push algorithm needs from storage, for one scope inside one write transaction. The SQLite
 * repository implements it with prepared statements; a PostgreSQL one would implement the same.
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
  findResult(mutationId: string): TerminalResult | undefined;
  getRecord(table: string, id: string): StoredRow | undefined;
  /** The content of one earlier version of a record (for the merge base). */
  getContentAt(table: string, id: string, version: number): RecordContent | undefined;
  /** The next scope-wide sequence number (commit order = sequence order: call inside the transaction). */
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
  ): void;
  logMutation(entry: MutationLogEntry): void;
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
