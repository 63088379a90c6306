/**
 * What Progress reads (DESIGN.md 6): her notes, check-ins and PDSA cycles, `firstUseAt` and her chart
 * settings. Why it is not three `listAllRecords` and two more reads:
 * - One read transaction, each table read whole with one `getAll` (Dexie `toArray`): a consistent
 *   snapshot, and one round trip to the database instead of five transactions.
 * - Rows are parsed (src/README.md 2) in chunks of `PARSE_CHUNK` rows, handing the main thread back between
 *   chunks. Three years of rows parsed at once held an old tablet's page for over a second, longer than
 *   the whole run-chart analysis; each chunk now is a short task.
 * - A deleted row is not parsed: no chart counts it, whether it parses or not.
 * Parsing is `readRow`'s, so what is counted is exactly what `listAllRecords` calls readable. A row that
 * does not parse is counted nowhere, stays in its table untouched (nothing here writes), and is listed in
 * `unreadable` so that the screen says so.
 */
import type { StoredRecord } from '../domain/envelope';
import type { CheckinData, ObservationData, PdsaData } from '../domain/records';
import type { NaptimeDb } from './db';
import { META_KEYS } from './meta';
import { readRow } from './read';
import { getSettings, type Settings } from './settings';

/** Rows parsed between two hand-backs of the main thread (tens of milliseconds on an old tablet). */
export const PARSE_CHUNK = 50;

/** The tables Progress reads records from. */
export type ProgressTable = 'observations' | 'checkins' | 'pdsa';

/** One consistent snapshot of what Progress reads, rows not yet parsed. */
export interface ProgressRows {
  observations: unknown[];
  checkins: unknown[];
  pdsa: unknown[];
  firstUseAt: unknown;
  settings: Settings;
}

/** What Progress charts: readable records that are not deleted, and the rows that could not be read. */
export interface ProgressRecords {
  observations: StoredRecord<ObservationData>[];
  checkins: StoredRecord<CheckinData>[];
  pdsa: StoredRecord<PdsaData>[];
  /** `meta.firstUseAt` when it is a string, else null. */
  firstUseAt: string | null;
  settings: Settings;
  /** Rows (not deleted) that do not parse: left out of every chart, kept as they are. */
  unreadable: { table: ProgressTable; id: string }[];
}

/** Reads everything Progress needs in one read transaction (for `useLiveQuery`); nothing is parsed yet. */
export function readProgressRows(db: NaptimeDb): Promise<ProgressRows> {
  return db.transaction('r', [db.observations, db.checkins, db.pdsa, db.meta, db.settings], () =>
    Promise.all([
      db.observations.toArray(),
      db.checkins.toArray(),
      db.pdsa.toArray(),
      db.meta.get(META_KEYS.firstUseAt),
      getSettings(db),
    ]).then(([observations, checkins, pdsa, firstUse, settings]) => ({
      observations,
      checkins,
      pdsa,
      firstUseAt: firstUse?.value,
      settings,
    })),
  );
}

const handBack = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const isDeleted = (raw: unknown) =>
  !!raw && typeof raw === 'object' && (raw as { deleted?: unknown }).deleted === 1;

/** Parses `rows` of `table` (deleted ones skipped), `chunk` at a time, handing back between chunks. */
async function parseTable<T extends ProgressTable>(
  table: T,
  rows: readonly unknown[],
  unreadable: ProgressRecords['unreadable'],
  chunk: number,
  budget: { left: number },
): Promise<StoredRecord[]> {
  const out: StoredRecord[] = [];
  for (const raw of rows) {
    if (isDeleted(raw)) continue;
    if (budget.left-- <= 0) {
      await handBack();
      budget.left = chunk - 1;
    }
    const item = readRow(table, raw);
    if (item.ok) out.push(item.record as StoredRecord);
    else unreadable.push({ table, id: item.id });
  }
  return out;
}

/** Parses a snapshot from `readProgressRows`, in chunks of `chunk` rows with the main thread between. */
export async function parseProgressRows(
  rows: ProgressRows,
  { chunk = PARSE_CHUNK }: { chunk?: number } = {},
): Promise<ProgressRecords> {
  const unreadable: ProgressRecords['unreadable'] = [];
  const budget = { left: chunk };
  const pdsa = await parseTable('pdsa', rows.pdsa, unreadable, chunk, budget);
  const checkins = await parseTable('checkins', rows.checkins, unreadable, chunk, budget);
  const observations = await parseTable(
    'observations',
    rows.observations,
    unreadable,
    chunk,
    budget,
  );
  return {
    observations: observations as StoredRecord<ObservationData>[],
    checkins: checkins as StoredRecord<CheckinData>[],
    pdsa: pdsa as StoredRecord<PdsaData>[],
    firstUseAt: typeof rows.firstUseAt === 'string' ? rows.firstUseAt : null,
    settings: rows.settings,
    unreadable,
  };
}
