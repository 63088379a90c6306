/**
 * Her data, out (DESIGN.md 7, "Her data is hers"): every row of every synced table as stored
 * (envelope included, unreadable rows too), as one JSON object or a .zip of CSV files. Both read
 * all tables in one read-only transaction, so the files are one consistent moment of the device.
 */
import { strToU8, zipSync } from 'fflate';
import { columnsOf, flattenRecord, toCsv } from '../domain/csv';
import { toLocalDateTime } from '../domain/dates';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, type ExportFile } from '../domain/export-format';
import { DATA_SCHEMAS } from '../domain/records';
import { SYNCED_TABLES, type SyncedTable } from '../domain/tables';
import { withoutDerivedIndexFields, type NaptimeDb } from './db';
import { readRow } from './read';

/** The envelope fields, in the order the CSV columns list them (SYNC.md §2). */
const ENVELOPE_COLUMNS = [
  'id',
  'schemaVersion',
  'hlc',
  'deviceId',
  'createdAt',
  'updatedAt',
  'deleted',
  'version',
  'serverSeq',
  'syncStatus',
  'syncError',
];

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

/** The whole device as a JSON-able export (`naptime-export`, format version 1). */
export async function exportAll(db: NaptimeDb): Promise<ExportFile> {
  const tables = await readAllRows(db);
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

/** The CSV text of one table: envelope columns, then the data fields the schema knows, then any others. */
export function tableCsv(table: SyncedTable, rows: readonly unknown[]): string {
  const cells = rows.map((row) =>
    flattenRecord(
      row && typeof row === 'object' ? (row as Record<string, unknown>) : { data: row },
    ),
  );
  const known = Object.keys(DATA_SCHEMAS[table].shape);
  return toCsv(columnsOf(cells, [...ENVELOPE_COLUMNS, ...known]), cells);
}

/** A .zip (bytes) holding `<table>.csv` for every synced table: UTF-8 with BOM, RFC 4180. */
export async function exportCsvZip(db: NaptimeDb): Promise<Uint8Array> {
  const tables = await readAllRows(db);
  const files = Object.fromEntries(
    SYNCED_TABLES.map((t) => [`${t}.csv`, strToU8(tableCsv(t, tables[t]))]),
  );
  return zipSync(files);
}
