/**
 * Conflict records (SYNC.md §5): written by the server into the `conflicts` table, synced like any
 * record, `deviceId: null`. Nothing in a losing version is lost: its values are here (and in the
 * mutation log). Devices may only set `resolvedAt` and `resolution`.
 */
import type { FieldMap } from '../domain/merge';
import type { ConflictData } from '../domain/records';
import { SCHEMA_VERSION } from '../domain/tables';
import type { StoredRow } from './push-store';

export interface ConflictInput {
  conflictId: string;
  table: string;
  recordId: string;
  kind: ConflictData['kind'];
  fields: string[];
  winning: FieldMap;
  losing: FieldMap;
  winner: ConflictData['winner'];
  baseVersion: number;
  resultVersion: number;
  incoming: { deviceId: string | null; hlc: string; mutationId: string };
  stored: { deviceId: string | null; hlc: string };
  serverSeq: number;
  hlc: string;
  nowIso: string;
}

/** The stored row of a new conflict record (version 1, unresolved). */
export function buildConflictRow(c: ConflictInput): StoredRow {
  const data: ConflictData = {
    table: c.table,
    recordId: c.recordId,
    kind: c.kind,
    fields: c.fields,
    winning: c.winning,
    losing: c.losing,
    winner: c.winner,
    baseVersion: c.baseVersion,
    resultVersion: c.resultVersion,
    incoming: c.incoming,
    stored: c.stored,
    resolvedAt: null,
    resolution: null,
  };
  return {
    table: 'conflicts',
    id: c.conflictId,
    version: 1,
    serverSeq: c.serverSeq,
    hlc: c.hlc,
    deviceId: null,
    deleted: 0,
    schemaVersion: SCHEMA_VERSION,
    createdAt: c.nowIso,
    updatedAt: c.nowIso,
    data,
    lastStatus: 'server',
  };
}
