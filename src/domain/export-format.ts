/**
 * The JSON export file (DESIGN.md 7, "Her data is hers"): every synced table, every row with its
 * envelope (SYNC.md §2), and a format version. An import reads the whole file with `parseExport`
 * before it touches anything, so a file that is not an export, a damaged one, or one from a newer
 * Naptime is refused as a whole.
 *
 * Rows this device could not read when it exported (a damaged row is kept, never dropped: see
 * storage/read.ts) are still written, as they are, and their ids are listed under `unreadable`, so
 * her own backup stays importable: such a row is skipped and counted. Any other row that does not
 * parse makes the file "damaged".
 */
import { z } from 'zod/mini';
import { LocalDateTimeSchema } from './dates';
import { StoredRecordSchema, type StoredRecord } from './envelope';
import { validateRecord } from './records';
import { SYNCED_TABLES, type SyncedTable } from './tables';

/** The `format` value that marks a Naptime export. */
export const EXPORT_FORMAT = 'naptime-export';
/** The version of the export format this build writes and reads. */
export const EXPORT_FORMAT_VERSION = 1;

type PerTable<V> = { [T in SyncedTable]: V };

const perTable = <S extends z.ZodMiniType>(schema: S) =>
  z.strictObject(Object.fromEntries(SYNCED_TABLES.map((t) => [t, schema])) as PerTable<S>);

/** Every table, `sharing` optional: a file exported before it existed still imports (SYNC.md §14). */
const tablesOf = <S extends z.ZodMiniType>(schema: S) =>
  z.strictObject({
    ...(Object.fromEntries(SYNCED_TABLES.map((t) => [t, schema])) as PerTable<S>),
    sharing: z.optional(schema),
  });

/** The shape of an export file; rows are checked one by one by `parseExport`. */
export const ExportFileSchema = z.looseObject({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  exportedAt: LocalDateTimeSchema,
  tables: tablesOf(z.array(z.unknown())),
  unreadable: z.optional(z.partial(perTable(z.array(z.string())))),
});

/** What an export file holds: every row of every synced table, as stored, and the unreadable ids. */
export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  formatVersion: typeof EXPORT_FORMAT_VERSION;
  exportedAt: string;
  tables: PerTable<unknown[]>;
  unreadable: PerTable<string[]>;
}

/** A file that passed every check: its readable records per table, and how many rows were unreadable. */
export interface ParsedExport {
  exportedAt: string;
  records: PerTable<StoredRecord[]>;
  unreadable: PerTable<number>;
}

/** Why a file is refused; `message` is for developers and logs, the app shows its own words per reason. */
export type ExportProblem = {
  ok: false;
  reason: 'not-an-export' | 'damaged' | 'newer-format';
  message: string;
};

function emptyPerTable<V>(make: () => V): PerTable<V> {
  return Object.fromEntries(SYNCED_TABLES.map((t) => [t, make()])) as PerTable<V>;
}

/** Checks one row: envelope and data (with the id rules of `validateRecord`); null when it is good. */
function rowProblem(table: SyncedTable, row: unknown): string | null {
  const envelope = StoredRecordSchema.safeParse(row);
  if (!envelope.success)
    return envelope.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  const data = validateRecord(table, envelope.data.id, envelope.data.data);
  return data.ok ? null : data.issues.map((i) => `data.${i.path}: ${i.message}`).join('; ');
}

/** Reads a parsed JSON value as an export: every row checked; nothing is returned unless all is well. */
export function parseExport(json: unknown): { ok: true; value: ParsedExport } | ExportProblem {
  const head = z.looseObject({ format: z.unknown(), formatVersion: z.unknown() }).safeParse(json);
  if (!head.success || head.data.format !== EXPORT_FORMAT) {
    return { ok: false, reason: 'not-an-export', message: 'the file is not a Naptime export' };
  }
  const version = head.data.formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > EXPORT_FORMAT_VERSION) {
    return {
      ok: false,
      reason: 'newer-format',
      message: `the export has format version ${version}; this build reads ${EXPORT_FORMAT_VERSION}`,
    };
  }
  const file = ExportFileSchema.safeParse(json);
  if (!file.success) {
    const first = file.error.issues[0];
    return {
      ok: false,
      reason: 'damaged',
      message: `the export is damaged at ${first?.path.join('.') ?? ''}: ${first?.message ?? ''}`,
    };
  }
  const records = emptyPerTable<StoredRecord[]>(() => []);
  const unreadable = emptyPerTable(() => 0);
  for (const table of SYNCED_TABLES) {
    const listed = new Set(file.data.unreadable?.[table] ?? []);
    const ids = new Set<string>();
    for (const [index, row] of (file.data.tables[table] ?? []).entries()) {
      const id = row && typeof row === 'object' ? (row as { id?: unknown }).id : undefined;
      if (typeof id === 'string' && ids.has(id)) {
        return { ok: false, reason: 'damaged', message: `${table} holds the id ${id} twice` };
      }
      if (typeof id === 'string') ids.add(id);
      const problem = rowProblem(table, row);
      if (problem === null) records[table].push(row as StoredRecord);
      else if (typeof id === 'string' && listed.has(id)) unreadable[table] += 1;
      else
        return {
          ok: false,
          reason: 'damaged',
          message: `${table} row ${index} does not parse: ${problem}`,
        };
    }
  }
  return { ok: true, value: { exportedAt: file.data.exportedAt, records, unreadable } };
}
