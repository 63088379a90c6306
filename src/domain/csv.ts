/**
 * CSV for spreadsheets (DESIGN.md 7, "Her data is hers"): RFC 4180 (CRLF line ends; a field holding
 * a comma, a quote, CR or LF is quoted, its quotes doubled), UTF-8 with a BOM so Excel reads
 * accents right, and formula-like cells (starting with `=`, `+`, `-`, `@`, tab or CR) prefixed with
 * `'` so a spreadsheet shows them as text instead of running them (OWASP "CSV injection"). Pure:
 * imports nothing.
 */

/** The byte order mark that tells spreadsheets the file is UTF-8. */
export const CSV_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell as written: formula-like text defused with `'`, then quoted when RFC 4180 requires it. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole CSV file: BOM, a header row of `columns`, then one row per record, every row ending in CRLF. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, string>[]): string {
  const lines = [columns, ...rows.map((row) => columns.map((c) => row[c] ?? ''))];
  return CSV_BOM + lines.map((cells) => cells.map(csvCell).join(',') + '\r\n').join('');
}

/** Reads RFC 4180 text back into rows of cells (strict: every row ends in CRLF; a BOM is skipped). Throws on malformed text. */
export function parseCsv(source: string): string[][] {
  const rows: string[][] = [];
  const text = source.startsWith(CSV_BOM) ? source.slice(CSV_BOM.length) : source;
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else if (ch === '\r' || ch === '\n' || ch === '"') {
      throw new Error(`bare ${JSON.stringify(ch)} at ${i}`);
    } else cell += ch;
    i += 1;
  }
  if (cell !== '' || row.length > 0) throw new Error('the last row does not end in CRLF');
  return rows;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A scalar as a cell's text: null and absent are empty, booleans and numbers as JSON writes them. */
function scalarText(value: unknown): string {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * Flattens one value into cells under `prefix`: nested objects become dotted columns (`plan.what`),
 * arrays of plain values are joined with "; ", arrays holding objects are written as JSON text.
 */
export function flattenInto(out: Record<string, string>, prefix: string, value: unknown): void {
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) out[prefix] = '';
    for (const key of keys) flattenInto(out, prefix ? `${prefix}.${key}` : key, value[key]);
  } else if (Array.isArray(value)) {
    out[prefix] = value.some((v) => typeof v === 'object' && v !== null)
      ? JSON.stringify(value)
      : value.map(scalarText).join('; ');
  } else {
    out[prefix] = scalarText(value);
  }
}

/**
 * The cells of one record: its envelope fields, then its `data` fields flattened without a prefix
 * (a data field whose name an envelope field already uses is written as `data.<name>`).
 */
export function flattenRecord(row: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(row)) if (key !== 'data') flattenInto(out, key, value);
  const data = row.data;
  if (isPlainObject(data)) {
    for (const [key, value] of Object.entries(data)) {
      const column = key in out ? `data.${key}` : key;
      flattenInto(out, column, value);
    }
  } else if (data !== undefined) {
    flattenInto(out, 'data', data);
  }
  return out;
}

/**
 * The columns of `rows`: each name of `preferred` in its order (or, when rows hold it flattened, its
 * dotted columns such as `plan.what`, as first seen), then every other column as first seen.
 */
export function columnsOf(
  rows: readonly Record<string, string>[],
  preferred: readonly string[] = [],
): string[] {
  const seen: string[] = [];
  const known = new Set<string>();
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (!known.has(key)) seen.push(key);
      known.add(key);
    }
  }
  const out: string[] = [];
  for (const name of preferred) {
    const nested = seen.filter((c) => c.startsWith(`${name}.`));
    out.push(...(nested.length > 0 && !known.has(name) ? nested : [name]));
  }
  const taken = new Set(out);
  return [...out, ...seen.filter((c) => !taken.has(c))];
}
