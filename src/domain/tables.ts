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

/** True when `name` is one of the synced tables. */
export function isSyncedTable(name: unknown): name is SyncedTable {
  return typeof name === 'string' && (SYNCED_TABLES as readonly string[]).includes(name);
}

/** Measure ids, defined once (DESIGN.md): every chart, export and test uses these strings. */
export const MEASURE_IDS = ['notes', 'notes-with-idea', 'p2', 'p3', 'p5-of-p4', 'p6'] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];

/** The schema version written into every envelope by this build. */
export const SCHEMA_VERSION = 1;
