/**
 * The chain of outbox entries of one record (SYNC.md §2, §4): when an entry leaves the outbox, the
 * next entry of the same record (chained while its predecessor was in flight, `baseVersion: null`)
 * takes the version the device now holds. Also turning a stored record into the mutation it sends.
 * Runs inside the caller's rw transaction.
 */
import { isLocalDateTime, toLocalDateTime } from '../domain/dates';
import { StoredRecordSchema } from '../domain/envelope';
import type { ServerRecord } from '../domain/sync-messages';
import type { DeviceTable } from '../domain/tables';
import { DELETED_FIELD, knownFields, unionFields } from './changes';
import { withoutDerivedIndexFields, type NaptimeDb, type OutboxRow, type RecordRow } from './db';
import { outboxOp } from './outbox';
// The sync paths handle a staff member's records too: their schemas come with them.
import './staff-schemas';

/** The record `id` of `table` as stored, or undefined when missing or unreadable. */
export async function readRecordRow(
  db: NaptimeDb,
  table: DeviceTable,
  id: string,
): Promise<RecordRow | undefined> {
  return parseRecordRow(await db.synced(table).get(id));
}

/** A stored row as a record, or undefined when missing or unreadable. */
export function parseRecordRow(raw: unknown): RecordRow | undefined {
  if (raw === undefined) return undefined;
  const parsed = StoredRecordSchema.safeParse(withoutDerivedIndexFields(raw));
  return parsed.success ? parsed.data : undefined;
}

/** The outbox entries of one record, oldest first. */
export function entriesOf(db: NaptimeDb, table: DeviceTable, id: string): Promise<OutboxRow[]> {
  return db.outbox.where('[table+recordId]').equals([table, id]).sortBy('seq');
}

/**
 * Every field a "send it all" entry lists: its data fields and every field the schema knows (one
 * absent here is sent as null, so a field cleared while an earlier version was in flight is cleared
 * on the server too), plus `deleted` once the server knows the record.
 */
export function allFieldsOf(record: RecordRow, table: DeviceTable): string[] {
  const data = unionFields(Object.keys(record.data), knownFields(table));
  return record.version > 0 ? unionFields(data, [DELETED_FIELD]) : data;
}

/**
 * After the first entry of a record left the outbox: the next one takes `record.version` as its
 * base. With `sendAll` (the record was rejected, or the server lost it) it sends every field: a
 * `create` when the server never accepted the record, else an `update` of all fields (SYNC.md §4).
 */
export async function promoteNext(
  db: NaptimeDb,
  record: RecordRow,
  table: DeviceTable,
  sendAll: boolean,
): Promise<void> {
  const [next] = await entriesOf(db, table, record.id);
  const promoted = promotedEntry(next, record, table, sendAll);
  if (promoted) await db.outbox.put(promoted);
}

/** What `promoteNext` writes for the record's first waiting entry `next`, or null for nothing. */
export function promotedEntry(
  next: OutboxRow | undefined,
  record: RecordRow,
  table: DeviceTable,
  sendAll: boolean,
): OutboxRow | null {
  if (!next || next.payload != null) return null;
  if (next.baseVersion !== null && !sendAll) return null;
  let fields = sendAll ? allFieldsOf(record, table) : next.changedFields;
  // A create chained behind a create that was accepted becomes an update of every field.
  if (record.version > 0 && next.op === 'create') fields = allFieldsOf(record, table);
  if (record.version === 0) fields = Object.keys(record.data).sort();
  return {
    ...next,
    baseVersion: record.version,
    op: outboxOp(record, fields),
    changedFields: fields,
  };
}

/** The mutation an entry sends (SYNC.md §3), built from the stored record at the first send. */
export function mutationOf(entry: OutboxRow, record: RecordRow): Record<string, unknown> {
  const base = {
    mutationId: entry.mutationId,
    deviceSeq: entry.seq ?? null,
    table: entry.table,
    op: entry.op,
    id: entry.recordId,
    baseVersion: entry.baseVersion ?? record.version,
    hlc: entry.hlc,
    schemaVersion: record.schemaVersion,
  };
  if (entry.op === 'create') {
    return {
      ...base,
      baseVersion: 0,
      createdAt: record.createdAt,
      deleted: record.deleted,
      data: record.data,
    };
  }
  if (entry.op === 'delete') return { ...base, deleted: 1 };
  const data: Record<string, unknown> = {};
  let deleted: 0 | 1 | undefined;
  for (const field of entry.changedFields) {
    if (field === DELETED_FIELD) deleted = record.deleted;
    else data[field] = record.data[field] ?? null;
  }
  return deleted === undefined ? { ...base, data } : { ...base, data, deleted };
}

const localTime = (value: string, fallback: string) =>
  isLocalDateTime(value)
    ? value
    : Number.isFinite(Date.parse(value))
      ? toLocalDateTime(new Date(value))
      : fallback;

/** A server record as the device stores it (`synced`), keeping a local `createdAt` already known. */
export function toLocalRecord(row: ServerRecord, local: RecordRow | undefined): RecordRow {
  const hlcTime = toLocalDateTime(new Date(Date.parse(row.hlc.slice(0, 24))));
  const updatedAt = localTime(row.updatedAt, local?.updatedAt ?? hlcTime);
  return {
    id: row.id,
    data: row.data,
    schemaVersion: row.schemaVersion,
    hlc: row.hlc,
    deviceId: row.deviceId,
    createdAt: local?.createdAt ?? localTime(row.createdAt, updatedAt),
    updatedAt,
    deleted: row.deleted,
    version: row.version,
    serverSeq: row.serverSeq,
    syncStatus: 'synced',
  };
}
