/**
 * A row of the `records` table as both backends return it (SQLite and PostgreSQL share the column
 * names and keep `data` as the JSON text the server wrote), turned into a StoredRow for the push
 * algorithm or straight into the pull's wire JSON.
 */
import type { StoredRecord } from '../domain/envelope';
import type { StoredRow } from './push-store';

/** A row of `records` as the database returns it. */
export interface RecordRowSql {
  tbl: string;
  id: string;
  version: number;
  server_seq: number;
  hlc: string;
  device_id: string | null;
  deleted: number;
  schema_version: number;
  created_at: string;
  updated_at: string;
  data: string;
  last_status: string;
}

/** Turns a SQL row of `records` into a StoredRow. */
export function rowFromSql(r: RecordRowSql): StoredRow {
  return {
    table: r.tbl,
    id: r.id,
    version: r.version,
    serverSeq: r.server_seq,
    hlc: r.hlc,
    deviceId: r.device_id,
    deleted: r.deleted ? 1 : 0,
    schemaVersion: r.schema_version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    data: JSON.parse(r.data) as Record<string, unknown>,
    lastStatus: r.last_status as StoredRow['lastStatus'],
  };
}

/** Serialises a pulled row straight from SQL (the stored data JSON is embedded as is). */
export function pullRowJson(r: RecordRowSql): string {
  return (
    `{"table":${JSON.stringify(r.tbl)},"id":${JSON.stringify(r.id)},"version":${r.version},"serverSeq":${r.server_seq},` +
    `"hlc":${JSON.stringify(r.hlc)},"deviceId":${JSON.stringify(r.device_id)},"deleted":${r.deleted ? 1 : 0},` +
    `"schemaVersion":${r.schema_version},"createdAt":${JSON.stringify(r.created_at)},"updatedAt":${JSON.stringify(r.updated_at)},` +
    `"data":${r.data}}`
  );
}

/** A SQL row of `records` as a StoredRecord, for the staff read routes' consent filter. */
export function storedRecordFromSql(r: Omit<RecordRowSql, 'last_status'>): StoredRecord<unknown> {
  return {
    id: r.id,
    data: JSON.parse(r.data) as unknown,
    schemaVersion: r.schema_version,
    hlc: r.hlc,
    deviceId: r.device_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deleted: r.deleted ? 1 : 0,
    version: r.version,
    serverSeq: r.server_seq,
    syncStatus: 'synced',
  };
}
