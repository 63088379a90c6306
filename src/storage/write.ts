/**
 * The write path (src/README.md 3, SYNC.md §1–§2). Every change of a synced record validates, stamps the
 * envelope (HLC `send()`, deviceId, dates, `syncStatus: 'pending'`) and writes the record, its outbox
 * entry and the clock state in ONE rw transaction (strict durability, set on the database), so a
 * crash can never leave a record without its entry or a clock that went backwards. Failures come
 * back as results, never as exceptions (src/README.md 2).
 */
import { v7 as uuidv7 } from 'uuid';
import { toLocalDateTime } from '../domain/dates';
import { StoredRecordSchema, type StoredRecord } from '../domain/envelope';
import { hlcSend } from '../domain/hlc';
import type { DeviceDataOf } from '../domain/device-records';
import {
  validateRecord,
  type ChildData,
  type FieldIssue,
  type ObservationData,
} from '../domain/records';
import { SCHEMA_VERSION, type DeviceTable } from '../domain/tables';
import { DELETED_FIELD, changedFields, mergeForSave, withoutEmpty } from './changes';
import { withoutDerivedIndexFields, type NaptimeDb, type RecordRow } from './db';
import { settleDraftWrites } from './drafts';
import { toStorageFailure, type StorageFailure } from './errors';
import { META_KEYS, ensureDeviceMeta } from './meta';
import { queueChange } from './outbox';
import { validateDeviceRecord } from './schemas';

/** What a save returns: the committed record, the field problems, or why storage refused it. */
export type SaveResult<D> =
  | { ok: true; record: StoredRecord<D> }
  | { ok: false; reason: 'invalid'; issues: FieldIssue[] }
  | StorageFailure;

/** Options of a save: `draftKey` names the draft deleted in the same transaction. */
export interface SaveOptions {
  draftKey?: string;
}

type Data = Record<string, unknown>;
type Decision = { ok: true; data: Data; deleted: 0 | 1 } | { ok: false; issues: FieldIssue[] };

/** A new record id: a UUIDv7 made on this device (SYNC.md §1). */
export function newRecordId(): string {
  return uuidv7();
}

class UnreadableRecordError extends Error {}

/**
 * Reads the stored record, lets `decide` say what it becomes, and commits the change with its outbox
 * entry and clock. A change that changes nothing writes nothing (besides deleting the draft), unless
 * the record was rejected: its next save sends every field again (SYNC.md §4).
 */
async function commitChange<T extends DeviceTable>(
  db: NaptimeDb,
  table: T,
  id: string,
  decide: (current: RecordRow | undefined) => Decision,
  options: SaveOptions = {},
): Promise<SaveResult<DeviceDataOf<T>>> {
  try {
    if (options.draftKey !== undefined) await settleDraftWrites(db, options.draftKey);
    const store = db.synced(table);
    // One transaction for record, outbox, clock and draft: they commit together or not at all.
    return await db.transaction('rw', [store, db.outbox, db.meta, db.drafts], async () => {
      const raw = await store.get(id);
      let current: RecordRow | undefined;
      if (raw !== undefined) {
        const parsed = StoredRecordSchema.safeParse(withoutDerivedIndexFields(raw));
        // Never overwrite a row this build cannot read: it is kept for a newer build or a person.
        if (!parsed.success)
          throw new UnreadableRecordError(`the stored ${table} record ${id} could not be read`);
        current = parsed.data;
      }
      const decision = decide(current);
      if (!decision.ok)
        return { ok: false as const, reason: 'invalid' as const, issues: decision.issues };

      const fields = fieldsToSend(current, decision);
      if (current && fields.length === 0) {
        if (options.draftKey !== undefined) await db.drafts.delete(options.draftKey);
        return { ok: true as const, record: current as unknown as StoredRecord<DeviceDataOf<T>> };
      }

      const now = db.now();
      const device = await ensureDeviceMeta(db);
      const { state, hlc } = hlcSend(device.hlc, now.getTime());
      const stamped = toLocalDateTime(now);
      const { syncError: _dropped, ...envelope } = current ?? ({} as Partial<RecordRow>);
      const record: RecordRow = {
        ...envelope,
        id,
        data: decision.data,
        schemaVersion: Math.max(current?.schemaVersion ?? 0, SCHEMA_VERSION),
        hlc,
        deviceId: device.deviceId,
        createdAt: current?.createdAt ?? stamped,
        updatedAt: stamped,
        deleted: decision.deleted,
        version: current?.version ?? 0,
        serverSeq: current?.serverSeq ?? null,
        syncStatus: 'pending',
      };
      await store.put(record);
      await queueChange(db, table, record, fields, hlc);
      await db.meta.put({ key: META_KEYS.hlc, value: state });
      if (options.draftKey !== undefined) await db.drafts.delete(options.draftKey);
      return { ok: true as const, record: record as unknown as StoredRecord<DeviceDataOf<T>> };
    });
  } catch (error) {
    return toStorageFailure(error);
  }
}

/** The fields the outbox must send for this change (data fields, plus `deleted` when it changed). */
export function fieldsToSend(
  current: RecordRow | undefined,
  next: { data: Data; deleted: 0 | 1 },
): string[] {
  if (!current) return Object.keys(next.data).sort();
  if (current.syncStatus === 'rejected') {
    const all = new Set([...Object.keys(current.data), ...Object.keys(next.data)]);
    return [...all, ...(current.version > 0 ? [DELETED_FIELD] : [])].sort();
  }
  const fields = changedFields(current.data, next.data);
  if (current.deleted !== next.deleted) fields.push(DELETED_FIELD);
  // Never accepted: the entry is a create, which sends all its data (and always `deleted`).
  if (current.version === 0 && fields.length > 0) return Object.keys(next.data).sort();
  return fields.sort();
}

/**
 * Creates or updates a record with `data`: every field this build knows comes from `data` (one left
 * out is cleared), fields it does not know stay as stored. Nothing is written when it is invalid.
 */
export function saveRecord<T extends DeviceTable>(
  db: NaptimeDb,
  table: T,
  id: string,
  data: Data,
  options: SaveOptions = {},
): Promise<SaveResult<DeviceDataOf<T>>> {
  return commitChange(
    db,
    table,
    id,
    (current) => {
      const checked = validateDeviceRecord(table, id, mergeForSave(table, current?.data, data));
      if (!checked.ok) return checked;
      return { ok: true, data: withoutEmpty(checked.data as Data), deleted: current?.deleted ?? 0 };
    },
    options,
  );
}

function notFound(): Decision {
  return { ok: false, issues: [{ path: 'id', message: 'not-found' }] };
}

/** Soft-deletes a record: `deleted: 1`, its data kept for undo and "recently deleted". */
export function deleteRecord<T extends DeviceTable>(
  db: NaptimeDb,
  table: T,
  id: string,
): Promise<SaveResult<DeviceDataOf<T>>> {
  return commitChange(db, table, id, (current) =>
    current ? { ok: true, data: current.data, deleted: 1 } : notFound(),
  );
}

/** Restores a soft-deleted record (`deleted: 0`). */
export function restoreRecord<T extends DeviceTable>(
  db: NaptimeDb,
  table: T,
  id: string,
): Promise<SaveResult<DeviceDataOf<T>>> {
  return commitChange(db, table, id, (current) =>
    current ? { ok: true, data: current.data, deleted: 0 } : notFound(),
  );
}

/** What the children form gives: `birthMonth` and `active` left out keep their stored values. */
export interface ChildInput {
  id?: string;
  name: string;
  /** `YYYY-MM`; null or '' clears it ("age not set"). */
  birthMonth?: string | null;
  /** Defaults to true for a new child. */
  active?: boolean;
}

/** Adds a child (a new UUIDv7 id when `id` is missing) or edits one, e.g. `{ id, name, active: false }`. */
export function saveChild(
  db: NaptimeDb,
  input: ChildInput,
  options: SaveOptions = {},
): Promise<SaveResult<ChildData>> {
  const id = input.id ?? newRecordId();
  return commitChange(
    db,
    'children',
    id,
    (current) => {
      const stored = current?.data ?? {};
      const birthMonth =
        input.birthMonth === undefined ? stored.birthMonth : input.birthMonth || null;
      const active = input.active ?? (typeof stored.active === 'boolean' ? stored.active : true);
      const checked = validateRecord('children', id, {
        ...stored,
        name: input.name,
        birthMonth,
        active,
      });
      if (!checked.ok) return checked;
      return { ok: true, data: withoutEmpty(checked.data), deleted: current?.deleted ?? 0 };
    },
    options,
  );
}

/** What the note form gives: the whole note; an optional field left out (or null) is cleared. */
export type ObservationInput = { id?: string } & ObservationData;

/** Writes a note (a new UUIDv7 id when `id` is missing). A blank "idea to try next" is stored as none. */
export function saveObservation(
  db: NaptimeDb,
  input: ObservationInput,
  options: SaveOptions = {},
): Promise<SaveResult<ObservationData>> {
  const { id = newRecordId(), ...data } = input;
  const nextStep =
    typeof data.nextStep === 'string' && data.nextStep.trim() === '' ? null : data.nextStep;
  return saveRecord(db, 'observations', id, { ...data, nextStep }, options);
}
