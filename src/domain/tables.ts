/**
 * The synced tables of a provider's device (DESIGN.md, SYNC.md §12), in the order a full export lists
 * them; `sharing` holds her one sharing choice (SYNC.md §14).
 */
export const SYNCED_TABLES = [
  'children',
  'observations',
  'checkins',
  'pdsa',
  'conflicts',
  'sharing',
] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

/** The tables a staff device syncs (SYNC.md §12): its own scope's and its agency's (plus `conflicts`). */
export const STAFF_TABLES = ['ta-contacts', 'staff-checkins', 'events'] as const;
export type StaffTable = (typeof STAFF_TABLES)[number];

/** Every table of records a device's database has: a provider's and a staff member's. */
export const DEVICE_TABLES = [...SYNCED_TABLES, ...STAFF_TABLES] as const;
export type DeviceTable = (typeof DEVICE_TABLES)[number];

/** Whose device it is (SYNC.md §13: one provider or one staff member). */
export type DeviceKind = 'provider' | 'staff';

/** The tables a device of `kind` syncs; a provider's are exactly `SYNCED_TABLES`, as before. */
export function tablesOfKind(kind: DeviceKind): readonly DeviceTable[] {
  return kind === 'staff' ? [...STAFF_TABLES, 'conflicts'] : SYNCED_TABLES;
}

/** True when `name` is one of the synced tables. */
export function isSyncedTable(name: unknown): name is SyncedTable {
  return typeof name === 'string' && (SYNCED_TABLES as readonly string[]).includes(name);
}

/** Measure ids, defined once (DESIGN.md): every chart, export and test uses these strings. */
export const MEASURE_IDS = ['notes', 'notes-with-idea', 'p2', 'p3', 'p5-of-p4', 'p6'] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];

/** The schema version written into every envelope by this build. */
export const SCHEMA_VERSION = 1;
