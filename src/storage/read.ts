/**
 * Reads, for `useLiveQuery(() => listX(db, …))`: plain async functions over Dexie queries, no
 * transaction spanning other promises. Every row is parsed on the way out (src/README.md 2); one that
 * does not parse comes back as `{ ok: false }` ("this item could not be read") and stays in its
 * table, never dropped or deleted: a newer build or a person may still need it. (A row too damaged
 * to have the week index fields is not in any week; `listAllRecords` and `getRecord` still show it.)
 */
import Dexie from 'dexie';
import { compareForPicker } from '../domain/children';
import { StoredRecordSchema, type StoredRecord } from '../domain/envelope';
import type { DeviceDataOf } from '../domain/device-records';
import type { ChildData, ObservationData } from '../domain/records';
import type { DeviceTable } from '../domain/tables';
import { withoutDerivedIndexFields, type NaptimeDb } from './db';
import { dataSchemaOf } from './schemas';

/** One row read back: the parsed record, or the raw row that could not be read. */
export type ReadItem<D> =
  { ok: true; record: StoredRecord<D> } | { ok: false; id: string; raw: unknown };

/** A deleted note or child, with the table it belongs to (for restore). */
export type DeletedItem =
  | (ReadItem<ObservationData> & { table: 'observations' })
  | (ReadItem<ChildData> & { table: 'children' });

/** Parses one stored row of `table`: envelope and data. */
export function readRow<T extends DeviceTable>(table: T, raw: unknown): ReadItem<DeviceDataOf<T>> {
  const row = withoutDerivedIndexFields(raw);
  const envelope = StoredRecordSchema.safeParse(row);
  const data = envelope.success ? dataSchemaOf(table).safeParse(envelope.data.data) : undefined;
  if (envelope.success && data?.success) {
    return {
      ok: true,
      record: { ...envelope.data, data: data.data } as unknown as StoredRecord<DeviceDataOf<T>>,
    };
  }
  const id =
    raw && typeof raw === 'object' && 'id' in raw ? String((raw as { id: unknown }).id) : '';
  return { ok: false, id, raw };
}

function rawField(raw: unknown, field: string): unknown {
  return raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[field] : undefined;
}

/** The record `id` of `table`, or null when there is none. */
export async function getRecord<T extends DeviceTable>(
  db: NaptimeDb,
  table: T,
  id: string,
): Promise<ReadItem<DeviceDataOf<T>> | null> {
  const raw = await db.synced(table).get(id);
  return raw === undefined ? null : readRow(table, raw);
}

/** Every row of `table`, deleted ones included, in id order. */
export async function listAllRecords<T extends DeviceTable>(
  db: NaptimeDb,
  table: T,
): Promise<ReadItem<DeviceDataOf<T>>[]> {
  const rows = await db.synced(table).toArray();
  return rows.map((raw) => readRow(table, raw));
}

/**
 * Children for pickers and the roster, not deleted: active toddlers first, then by name (see
 * `compareForPicker`), ages as of `db.now()`; inactive ones only with `includeInactive`, last.
 * Rows that cannot be read come after the rest.
 */
export async function listChildren(
  db: NaptimeDb,
  { includeInactive = false }: { includeInactive?: boolean } = {},
): Promise<ReadItem<ChildData>[]> {
  // The roster is small: read it all, so a damaged row (even one without `deleted`) still shows.
  const rows = await db.children.toArray();
  const items = rows
    .filter((raw) => rawField(raw, 'deleted') !== 1)
    .map((raw) => readRow('children', raw));
  const today = db.now();
  const readable = items
    .filter((i): i is Extract<ReadItem<ChildData>, { ok: true }> => i.ok)
    .filter((i) => includeInactive || i.record.data.active)
    .sort((a, b) => compareForPicker(a.record.data, b.record.data, today));
  return [...readable, ...items.filter((i) => !i.ok)];
}

const WEEK_INDEX = '[deleted+week+observedMs]';

function weekRange(db: NaptimeDb, week: string) {
  return db.observations
    .where(WEEK_INDEX)
    .between([0, week, Dexie.minKey], [0, week, Dexie.maxKey], true, true);
}

/**
 * The notes of ISO `week` (read in each note's own offset), newest `observedAt` first, deleted ones
 * left out; one index range walked backwards, so a page costs the same among 5,000 notes.
 */
export async function listObservationsOfWeek(
  db: NaptimeDb,
  week: string,
  { offset = 0, limit }: { offset?: number; limit?: number } = {},
): Promise<ReadItem<ObservationData>[]> {
  let query = weekRange(db, week).reverse();
  if (offset > 0) query = query.offset(offset);
  if (limit !== undefined) query = query.limit(limit);
  const rows = await query.toArray();
  return rows.map((raw) => readRow('observations', raw));
}

/** How many notes (not deleted) the week has; an index count. */
export function countObservationsOfWeek(db: NaptimeDb, week: string): Promise<number> {
  return weekRange(db, week).count();
}

/** The notes about one child (via the multi-entry `data.childIds` index), newest first, deleted left out. */
export async function listObservationsOfChild(
  db: NaptimeDb,
  childId: string,
): Promise<ReadItem<ObservationData>[]> {
  const rows = await db.observations.where('data.childIds').equals(childId).toArray();
  return rows
    .filter((raw) => rawField(raw, 'deleted') !== 1)
    .sort((a, b) => Number(rawField(b, 'observedMs') ?? 0) - Number(rawField(a, 'observedMs') ?? 0))
    .map((raw) => readRow('observations', raw));
}

/** Every week with at least one note (not deleted) and its count, newest week first; keys only. */
export async function listWeeksWithNotes(
  db: NaptimeDb,
): Promise<{ week: string; count: number }[]> {
  const keys = await db.observations
    .where(WEEK_INDEX)
    .between([0, Dexie.minKey, Dexie.minKey], [0, Dexie.maxKey, Dexie.maxKey], true, true)
    .reverse()
    .keys();
  const out: { week: string; count: number }[] = [];
  for (const key of keys) {
    const week = String((key as unknown[])[1]);
    const last = out.at(-1);
    if (last?.week === week) last.count += 1;
    else out.push({ week, count: 1 });
  }
  return out;
}

/** Deleted notes and children, the most recent change first (by HLC, which never goes backwards). */
export async function listRecentlyDeleted(db: NaptimeDb): Promise<DeletedItem[]> {
  const [notes, children] = await Promise.all([
    db.observations.where('deleted').equals(1).toArray(),
    db.children.where('deleted').equals(1).toArray(),
  ]);
  const tagged = [
    ...notes.map((raw) => ({
      raw,
      item: { ...readRow('observations', raw), table: 'observations' as const },
    })),
    ...children.map((raw) => ({
      raw,
      item: { ...readRow('children', raw), table: 'children' as const },
    })),
  ];
  const hlcOf = (raw: unknown) => String(rawField(raw, 'hlc') ?? '');
  // HLC strings order by plain code-unit comparison (SYNC.md §1), not by locale.
  return tagged
    .sort((a, b) => (hlcOf(a.raw) < hlcOf(b.raw) ? 1 : hlcOf(a.raw) > hlcOf(b.raw) ? -1 : 0))
    .map((t) => t.item as DeletedItem);
}

/** How many changes wait in the outbox to be sent. */
export function countPendingSync(db: NaptimeDb): Promise<number> {
  return db.outbox.count();
}
