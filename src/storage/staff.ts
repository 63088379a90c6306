/**
 * A staff member's records on her device (DESIGN.md "Agency staff", SYNC.md §12): her TA contacts
 * and weekly surveys (scope `staff:<id>`) and her agency's events (scope `agency:<id>`, written by
 * managers). Every write goes through the one write path (`saveRecord`: validation, envelope,
 * outbox, clock in one transaction); reads parse every row (`readRow`). Also the last answer of
 * `GET /api/v1/staff/providers` (SYNC.md §17), kept whole for offline use.
 */
import {
  staffCheckinId,
  type EventData,
  type StaffCheckinData,
  type TaContactData,
} from '../domain/agency-records';
import type { StoredRecord } from '../domain/envelope';
import type { NaptimeDb } from './db';
import { getMeta } from './meta';
import './staff-schemas';
import { readRow, type ReadItem } from './read';
import {
  deleteRecord,
  newRecordId,
  restoreRecord,
  saveRecord,
  type SaveOptions,
  type SaveResult,
} from './write';

/** What the contact form gives; `id` missing for a new contact. */
export type TaContactInput = { id?: string } & TaContactData;

/** Writes one TA contact (a new UUIDv7 id when `id` is missing). A blank note is stored as none. */
export function saveTaContact(
  db: NaptimeDb,
  input: TaContactInput,
  options: SaveOptions = {},
): Promise<SaveResult<TaContactData>> {
  const { id = newRecordId(), ...data } = input;
  const note = typeof data.note === 'string' && data.note.trim() === '' ? null : data.note;
  return saveRecord(db, 'ta-contacts', id, { ...data, note }, options);
}

/** Soft-deletes a contact (restorable, like a note). */
export function deleteTaContact(db: NaptimeDb, id: string): Promise<SaveResult<TaContactData>> {
  return deleteRecord(db, 'ta-contacts', id);
}

/** Undoes `deleteTaContact`. */
export function restoreTaContact(db: NaptimeDb, id: string): Promise<SaveResult<TaContactData>> {
  return restoreRecord(db, 'ta-contacts', id);
}

/** Every contact not deleted, newest date first (then newest write); unreadable rows last. */
export async function listTaContacts(db: NaptimeDb): Promise<ReadItem<TaContactData>[]> {
  const rows = await db.synced('ta-contacts').toArray();
  const items = rows
    .filter((raw) => (raw as { deleted?: unknown }).deleted !== 1)
    .map((raw) => readRow('ta-contacts', raw));
  const readable = items
    .filter((i): i is Extract<ReadItem<TaContactData>, { ok: true }> => i.ok)
    .sort((a, b) =>
      a.record.data.date !== b.record.data.date
        ? a.record.data.date < b.record.data.date
          ? 1
          : -1
        : a.record.hlc < b.record.hlc
          ? 1
          : -1,
    );
  return [...readable, ...items.filter((i) => !i.ok)];
}

/** One contact, or null when there is none (deleted ones too: the form says so). */
export async function getTaContact(
  db: NaptimeDb,
  id: string,
): Promise<ReadItem<TaContactData> | null> {
  const raw = await db.synced('ta-contacts').get(id);
  return raw === undefined ? null : readRow('ta-contacts', raw);
}

/** Every stored row of her contacts and surveys, as the measures read them (`staffWeeks`). */
export async function staffRecords(
  db: NaptimeDb,
): Promise<{ contacts: StoredRecord<unknown>[]; surveys: StoredRecord<unknown>[] }> {
  const [contacts, surveys] = await Promise.all([
    db.synced('ta-contacts').toArray(),
    db.synced('staff-checkins').toArray(),
  ]);
  const live = (items: ReadItem<unknown>[]) =>
    items.flatMap((i) => (i.ok && i.record.deleted === 0 ? [i.record] : []));
  return {
    contacts: live(contacts.map((raw) => readRow('ta-contacts', raw))),
    surveys: live(surveys.map((raw) => readRow('staff-checkins', raw))),
  };
}

/** Her survey of `week`, or null when she has not answered it. */
export async function getStaffCheckin(
  db: NaptimeDb,
  week: string,
): Promise<ReadItem<StaffCheckinData> | null> {
  const raw = await db.synced('staff-checkins').get(staffCheckinId(week));
  return raw === undefined ? null : readRow('staff-checkins', raw);
}

/** Saves her survey of `data.week` as `staff-checkin-<week>` (her two devices write one record). */
export function saveStaffCheckin(
  db: NaptimeDb,
  data: StaffCheckinData,
  options: SaveOptions = {},
): Promise<SaveResult<StaffCheckinData>> {
  const s6Other =
    typeof data.s6Other === 'string' && data.s6Other.trim() === '' ? null : data.s6Other;
  return saveRecord(db, 'staff-checkins', staffCheckinId(data.week), { ...data, s6Other }, options);
}

/** Adds a collaborative event (a manager's device; the server refuses anyone else's). */
export function saveEvent(
  db: NaptimeDb,
  input: { id?: string } & EventData,
): Promise<SaveResult<EventData>> {
  const { id = newRecordId(), ...data } = input;
  return saveRecord(db, 'events', id, data);
}

/** Deletes an event. */
export function deleteEvent(db: NaptimeDb, id: string): Promise<SaveResult<EventData>> {
  return deleteRecord(db, 'events', id);
}

/** The agency's events not deleted, newest date first. */
export async function listEvents(db: NaptimeDb): Promise<StoredRecord<EventData>[]> {
  const rows = await db.synced('events').toArray();
  return rows
    .map((raw) => readRow('events', raw))
    .flatMap((i) => (i.ok && i.record.deleted === 0 ? [i.record] : []))
    .sort((a, b) => (a.data.date < b.data.date ? 1 : a.data.date > b.data.date ? -1 : 0));
}

/** A provider she may log a contact with (SYNC.md §17: name only, in name order). */
export interface StaffProvider {
  providerId: string;
  name: string;
}

/** The meta key of the last providers answer. */
export const STAFF_PROVIDERS_KEY = 'staff.providers';

/** The last list the server gave, or null before the first answer. */
export async function getStaffProviders(db: NaptimeDb): Promise<StaffProvider[] | null> {
  const value = await getMeta(db, STAFF_PROVIDERS_KEY);
  if (!Array.isArray(value)) return null;
  return value.filter(
    (p): p is StaffProvider => typeof p?.providerId === 'string' && typeof p?.name === 'string',
  );
}

/** Replaces the kept list whole with the server's newest answer (SYNC.md §17). */
export async function saveStaffProviders(
  db: NaptimeDb,
  providers: readonly StaffProvider[],
): Promise<void> {
  await db.meta.put({
    key: STAFF_PROVIDERS_KEY,
    value: providers.map(({ providerId, name }) => ({ providerId, name })),
  });
}
