/**
 * The .zip of spreadsheets, made for a person (DESIGN.md 7): one CSV per kind of record, UTF-8 with
 * a BOM, comma-separated, RFC 4180 (src/domain/csv.ts). Headers, choices, children's names and
 * yes/no are in her language; dates are `YYYY-MM-DD` and date-times `YYYY-MM-DD HH:MM` in her local
 * time, which Excel and other spreadsheets read as dates, not text. One row per note, check-in or
 * cycle; deleted items and sync bookkeeping are left out (the JSON export is the complete copy).
 * Pure: words come in through `tr`, so tests run it with either catalogue.
 */
import { ageBand } from '../../../domain/children';
import { CSV_BOM, csvCell } from '../../../domain/csv';
import type { StoredRecord } from '../../../domain/envelope';
import { weekMonday } from '../../../domain/dates';
import { pdsaStatus } from '../../../domain/pdsa';
import type { CheckinData, ChildData, ObservationData, PdsaData } from '../../../domain/records';
import type { MessageKey } from '../../i18n/en';
import { AGE_KEYS } from '../children/age-labels';
import { APPROX_KEYS, AREA_KEYS, DURING_KEYS, WITH_KEYS } from '../notes/note-labels';
import { ACT_KEYS, DRIVER_KEYS, PURPOSE_KEYS, STATUS_KEYS } from '../pdsa/pdsa-labels';

/** A catalogue lookup with `{name}` placeholders filled in. */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** What the spreadsheets are made from: the readable, not deleted records of each table. */
export interface SpreadsheetRecords {
  children: StoredRecord<ChildData>[];
  observations: StoredRecord<ObservationData>[];
  checkins: StoredRecord<CheckinData>[];
  pdsa: StoredRecord<PdsaData>[];
}

const NOTE_COLUMNS = [
  'dateTime', 'when', 'children', 'text', 'area', 'during', 'with', 'idea', 'tried', 'recorded',
];
const CHECKIN_COLUMNS = ['week', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
const PDSA_COLUMNS = [
  'changeIdea', 'cycle', 'status', 'startDate', 'endDate', 'purpose', 'driver', 'objective',
  'what', 'who', 'whenPlan', 'where', 'measure', 'asPlanned', 'whatHappened', 'surprises',
  'learned', 'act', 'nextStep', 'startsPhase',
];

/** The header words of `columns` under `prefix` (`sheet.note.` + `dateTime`, ...). */
const headerOf = (tr: Translate, prefix: string, columns: string[]) =>
  columns.map((c) => tr(`${prefix}${c}` as MessageKey));

/** `2026-12-02 08:01` from a stored local date-time, in the offset it was written in. */
export function sheetDateTime(localDateTime: string | null | undefined): string {
  return localDateTime ? `${localDateTime.slice(0, 10)} ${localDateTime.slice(11, 16)}` : '';
}

const text = (s: string | null | undefined) => s ?? '';
const num = (n: number | null | undefined) => (n == null ? '' : String(n));

/** A table as CSV text: BOM, header words, then one row of cells per item, lines ending CRLF. */
function sheet(header: string[], rows: string[][]): string {
  const lines = [header, ...rows.map((r) => header.map((_, i) => r[i] ?? ''))];
  return CSV_BOM + lines.map((cells) => cells.map(csvCell).join(',') + '\r\n').join('');
}

function notesSheet(r: SpreadsheetRecords, tr: Translate, names: Map<string, string>): string {
  const notes = [...r.observations].sort(
    (a, b) => Date.parse(a.data.observedAt) - Date.parse(b.data.observedAt),
  );
  const rows = notes.map(({ data: d, createdAt }) => [
    sheetDateTime(d.observedAt),
    d.observedAtApprox ? tr(APPROX_KEYS[d.observedAtApprox]) : tr('sheet.note.exact'),
    d.childIds.map((id) => names.get(id) ?? tr('note.unknownChild')).join(', '),
    d.text,
    d.area ? tr(AREA_KEYS[d.area]) : '',
    d.during ? tr(DURING_KEYS[d.during]) : '',
    (d.with ?? []).map((w) => tr(WITH_KEYS[w])).join(', '),
    text(d.nextStep),
    text(d.nextStepTriedOn),
    sheetDateTime(createdAt),
  ]);
  return sheet(headerOf(tr, 'sheet.note.', NOTE_COLUMNS), rows);
}

function childrenSheet(r: SpreadsheetRecords, tr: Translate, today: string): string {
  const children = [...r.children].sort((a, b) => a.data.name.localeCompare(b.data.name));
  const rows = children.map(({ data: c }) => {
    const band = ageBand(c.birthMonth, today);
    const age = band ? tr(AGE_KEYS[band]) : tr('age.notSet');
    return [c.name, text(c.birthMonth), age, tr(c.active ? 'sheet.yes' : 'sheet.no')];
  });
  return sheet(headerOf(tr, 'sheet.child.', ['name', 'birthMonth', 'age', 'active']), rows);
}

function checkinsSheet(r: SpreadsheetRecords, tr: Translate): string {
  const checkins = [...r.checkins].sort((a, b) => a.data.week.localeCompare(b.data.week));
  const rows = checkins.map(({ data: c }) => [
    weekMonday(c.week),
    ...[c.p1, c.p2, c.p3, c.p4, c.p5, c.p6].map(num),
  ]);
  return sheet(headerOf(tr, 'sheet.checkin.', CHECKIN_COLUMNS), rows);
}

function pdsaSheet(r: SpreadsheetRecords, tr: Translate): string {
  const cycles = [...r.pdsa].sort(
    (a, b) => a.data.startDate.localeCompare(b.data.startDate) || a.data.cycle - b.data.cycle,
  );
  const most = Math.max(0, ...cycles.map((c) => c.data.questions.length));
  const header = headerOf(tr, 'sheet.pdsa.', PDSA_COLUMNS);
  for (let n = 1; n <= most; n++) {
    for (const key of ['question', 'prediction', 'result']) {
      header.push(tr(`sheet.pdsa.${key}` as MessageKey, { n }));
    }
  }
  const yesNo = (b: boolean | null | undefined) =>
    b == null ? '' : tr(b ? 'sheet.yes' : 'sheet.no');
  const rows = cycles.map(({ data: p }) => [
    p.changeIdea,
    String(p.cycle),
    tr(STATUS_KEYS[pdsaStatus(p)]),
    p.startDate,
    text(p.endDate),
    tr(PURPOSE_KEYS[p.purpose]),
    tr(DRIVER_KEYS[p.driver]),
    p.objective,
    text(p.plan.what),
    text(p.plan.who),
    text(p.plan.when),
    text(p.plan.where),
    p.measure ? tr(`pdsa.measure.${p.measure}` as MessageKey) : '',
    yesNo(p.do?.asPlanned),
    text(p.do?.whatHappened),
    text(p.do?.surprises),
    text(p.learned),
    p.act ? tr(ACT_KEYS[p.act]) : '',
    text(p.nextStep),
    yesNo(p.startsPhase ?? false),
    ...p.questions.flatMap((q) => [text(q.question), text(q.prediction), text(q.result)]),
  ]);
  return sheet(header, rows);
}

/**
 * The files of the .zip, name → CSV text: notes, children, weekly check-ins and PDSA cycles,
 * named in her language. `names` labels each child as the screens do; `today` dates ages.
 */
export function spreadsheetFiles(
  r: SpreadsheetRecords,
  tr: Translate,
  names: Map<string, string>,
  today: string,
): Record<string, string> {
  return {
    [`${tr('sheet.file.notes')}.csv`]: notesSheet(r, tr, names),
    [`${tr('sheet.file.children')}.csv`]: childrenSheet(r, tr, today),
    [`${tr('sheet.file.checkins')}.csv`]: checkinsSheet(r, tr),
    [`${tr('sheet.file.pdsa')}.csv`]: pdsaSheet(r, tr),
  };
}
