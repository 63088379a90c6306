/**
 * Her data, out (DESIGN.md 7): every row of every synced table as stored (envelope included,
 * unreadable rows too) as one JSON object, the complete machine copy; and the readable records a
 * person's spreadsheets are made from (the app writes them in her words). Both read all tables in
 * one read-only transaction, so a file is one consistent moment of the device.
 */
import { toLocalDateTime } from '../domain/dates';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, type ExportFile } from '../domain/export-format';
import type { StoredRecord } from '../domain/envelope';
import type { CheckinData, ChildData, DataOf, ObservationData, PdsaData } from '../domain/records';
import { SYNCED_TABLES, type SyncedTable } from '../domain/tables';
import { withoutDerivedIndexFields, type NaptimeDb } from './db';
import { readRow } from './read';

type Rows = { [T in SyncedTable]: unknown[] };

/** Every stored row of every synced table, without the local-only index fields, in one transaction. */
async function readAllRows(db: NaptimeDb): Promise<Rows> {
  const stores = SYNCED_TABLES.map((t) => db.synced(t));
  return db.transaction('r', stores, async () => {
    const lists = await Promise.all(stores.map((s) => s.toArray()));
    return Object.fromEntries(
      SYNCED_TABLES.map((t, i) => [t, lists[i]!.map(withoutDerivedIndexFields)]),
    ) as Rows;
  });
}

/** An export file of `tables` (`naptime-export`, format version 1), naming the rows this build cannot read. */
function exportFileOf(db: NaptimeDb, tables: Rows): ExportFile {
  const unreadable = Object.fromEntries(
    SYNCED_TABLES.map((t) => [
      t,
      tables[t].map((raw) => readRow(t, raw)).flatMap((item) => (item.ok ? [] : [item.id])),
    ]),
  ) as ExportFile['unreadable'];
  return {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: toLocalDateTime(db.now()),
    tables,
    unreadable,
  };
}

/** The whole device as a JSON-able export. */
export async function exportAll(db: NaptimeDb): Promise<ExportFile> {
  return exportFileOf(db, await readAllRows(db));
}

/**
 * One row as stored, alone in an export file (the copy she keeps before discarding a record this
 * build cannot read); null when the row is not there.
 */
export async function exportRow(
  db: NaptimeDb,
  table: SyncedTable,
  id: string,
): Promise<ExportFile | null> {
  const raw = await db.synced(table).get(id);
  if (raw === undefined) return null;
  const tables = Object.fromEntries(
    SYNCED_TABLES.map((t) => [t, t === table ? [withoutDerivedIndexFields(raw)] : []]),
  ) as Rows;
  return exportFileOf(db, tables);
}

/** The readable, not deleted records of the tables a person reads in a spreadsheet, in one transaction. */
export async function readRecordsForSpreadsheets(db: NaptimeDb): Promise<{
  children: StoredRecord<ChildData>[];
  observations: StoredRecord<ObservationData>[];
  checkins: StoredRecord<CheckinData>[];
  pdsa: StoredRecord<PdsaData>[];
}> {
  const tables = await readAllRows(db);
  const readable = <T extends 'children' | 'observations' | 'checkins' | 'pdsa'>(table: T) =>
    tables[table]
      .map((raw) => readRow(table, raw))
      .flatMap((item) =>
        item.ok && item.record.deleted === 0 ? [item.record as StoredRecord<DataOf<T>>] : [],
      );
  return {
    children: readable('children'),
    observations: readable('observations'),
    checkins: readable('checkins'),
    pdsa: readable('pdsa'),
  };
}

// The last saved copy is read on Home: it lives in a module of its own (no export format there).
export { LAST_EXPORT_KEY, lastExportAt, recordExport } from './last-export';
