/**
 * A record's fields in her words, for the two versions of a conflict and the server's reasons:
 * labels as the forms show them (never keys), values as the app shows them (a note's time, areas,
 * children's names, months, the ease scale, PDSA choices). Nested parts (a PDSA plan, its questions)
 * are split into their own rows, so each row is one thing she can read.
 */
import type { RecordTable } from '../../../storage/attention';
import type { MessageKey } from '../../i18n/en';
import { dayInWords, monthName, weekOf } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { toCalendarDate } from '../../../domain/dates';
import { APPROX_KEYS, AREA_KEYS, DURING_KEYS, WITH_KEYS } from '../notes/note-labels';
import { capitalized, noteWhen } from '../notes/note-when';

type Data = Record<string, unknown>;

/** What the words need besides the record: children's names by id. */
export interface WordsContext {
  childNames: ReadonlyMap<string, string>;
}

/** One line of a comparison: a label and each version's value in words. */
export interface FieldRow {
  /** A stable id for keys and tests (the field path). */
  path: string;
  label: string;
  now: string;
  other: string;
}

const LABELS: Record<RecordTable, Record<string, MessageKey>> = {
  observations: {
    childIds: 'note.child',
    observedAt: 'when.legend',
    text: 'note.text',
    area: 'area.legend',
    during: 'during.legend',
    with: 'with.legend',
    nextStep: 'note.nextStep',
    nextStepTriedOn: 'ideas.tried',
  },
  children: { name: 'children.name', birthMonth: 'children.birthMonth', active: 'children.active' },
  checkins: {
    week: 'attention.week',
    p1: 'checkin.p1',
    p2: 'checkin.p2',
    p3: 'checkin.p3',
    p4: 'checkin.p4',
    p5: 'checkin.p5',
    p6: 'checkin.p6',
  },
  pdsa: {
    changeIdea: 'pdsa.changeIdea',
    changeIdeaId: 'pdsa.changeIdea',
    cycle: 'attention.cycle',
    purpose: 'pdsa.purpose.legend',
    driver: 'pdsa.driver.legend',
    objective: 'pdsa.objective',
    'plan.what': 'pdsa.plan.what',
    'plan.who': 'pdsa.plan.who',
    'plan.when': 'pdsa.plan.when',
    'plan.where': 'pdsa.plan.where',
    measure: 'pdsa.measure.label',
    startDate: 'pdsa.startDate',
    endDate: 'pdsa.endDate',
    'do.asPlanned': 'pdsa.do.asPlanned',
    'do.whatHappened': 'pdsa.do.whatHappened',
    'do.surprises': 'pdsa.do.surprises',
    learned: 'pdsa.study.learned',
    act: 'pdsa.act.legend',
    nextStep: 'pdsa.act.nextStep',
    startsPhase: 'pdsa.startsPhase',
  },
  sharing: { level: 'sharing.levelLegend', firstUseAt: 'sharing.firstUse' },
};

/** The label of a field path of `table` ("Another detail" for one this build does not know). */
export function fieldLabel(table: RecordTable, path: string): string {
  if (path === 'deleted') return t('attention.deleted');
  const question = /^questions\.(\d+)\.(question|prediction|result)$/.exec(path);
  if (table === 'pdsa' && question) {
    const n = Number(question[1]) + 1;
    const key: MessageKey =
      question[2] === 'question'
        ? 'pdsa.questions.question'
        : question[2] === 'prediction'
          ? 'pdsa.questions.prediction'
          : 'pdsa.study.result';
    return t(key, { n });
  }
  const key = LABELS[table][path] ?? LABELS[table][path.split('.')[0] ?? ''];
  return key ? t(key) : t('attention.otherField');
}

const isEmpty = (v: unknown) =>
  v == null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

function choice(keys: Record<string, MessageKey>, v: unknown): string {
  return typeof v === 'string' && v in keys ? t(keys[v]!) : String(v);
}

/** A value of a field path in words, from the whole version (`data`), which some fields need. */
export function valueWords(
  table: RecordTable,
  path: string,
  data: Data,
  deleted: 0 | 1,
  ctx: WordsContext,
): string {
  if (path === 'deleted') return t(deleted === 1 ? 'attention.deletedYes' : 'attention.deletedNo');
  const v = valueAt(data, path);
  if (table === 'observations' && path === 'observedAt' && typeof v === 'string') {
    const approx = (data.observedAtApprox ?? null) as keyof typeof APPROX_KEYS | null;
    return capitalized(noteWhen(v, approx, toCalendarDate(new Date())));
  }
  if (isEmpty(v)) return t('attention.empty');
  switch (`${table}:${path}`) {
    case 'observations:childIds':
      return (v as unknown[])
        .map((id) => ctx.childNames.get(String(id)) ?? t('note.unknownChild'))
        .join(', ');
    case 'observations:area':
      return choice(AREA_KEYS, v);
    case 'observations:during':
      return choice(DURING_KEYS, v);
    case 'observations:with':
      return (v as unknown[]).map((w) => choice(WITH_KEYS, w)).join(', ');
    case 'observations:nextStepTriedOn':
    case 'pdsa:startDate':
    case 'pdsa:endDate':
      return dayInWords(String(v));
    case 'children:birthMonth':
      return monthName(String(v));
    case 'children:active':
      return v ? t('children.active') : capitalized(t('children.inactive'));
    case 'checkins:week':
      return weekOf(String(v));
    case 'checkins:p6':
      return `${String(v)} · ${t(`checkin.ease${Number(v) as 1 | 2 | 3 | 4 | 5}`)}`;
    case 'pdsa:purpose':
    case 'pdsa:driver':
    case 'pdsa:act':
      return t(`pdsa.${path as 'purpose' | 'driver' | 'act'}.${String(v)}` as MessageKey);
    case 'pdsa:measure':
      return t(`pdsa.measure.${String(v)}` as MessageKey);
    case 'pdsa:do.asPlanned':
      return t(v ? 'pdsa.do.asPlannedYes' : 'pdsa.do.asPlannedNo');
    case 'pdsa:startsPhase':
      return t(v ? 'attention.yes' : 'attention.no');
    case 'sharing:level':
      return t(`sharing.level.${String(v)}` as MessageKey);
    case 'sharing:firstUseAt':
      return dayInWords(String(v).slice(0, 10));
  }
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The value at a dotted path (`plan.what`, `questions.0.result`). */
function valueAt(data: Data, path: string): unknown {
  let v: unknown = data;
  for (const part of path.split('.')) {
    if (v == null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/** The leaf paths under a top-level field: nested objects and arrays of objects are split. */
function leafPaths(field: string, a: unknown, b: unknown): string[] {
  const objects = [a, b].filter((v) => v && typeof v === 'object') as object[];
  const splittable =
    objects.length > 0 &&
    objects.every((v) => !Array.isArray(v) || v.every((x) => x && typeof x === 'object'));
  if (!splittable || field === 'childIds' || field === 'with') return [field];
  const keys = new Set<string>();
  for (const o of objects)
    for (const [k, v] of Object.entries(o))
      for (const p of leafPaths(k, v, undefined)) keys.add(`${field}.${p}`);
  return [...keys];
}

/** One version of a record: its data and its soft-delete flag. */
export interface Version {
  data: Data;
  deleted: 0 | 1;
}

/**
 * The rows that tell the two versions apart, in the order of the form. `fields` are the fields the
 * conflict lists (plus `deleted` when the flag is in it); rows whose words are equal are left out,
 * unless every row is equal (then all are shown, so she still sees what the conflict was about).
 */
export function comparisonRows(
  table: RecordTable,
  fields: readonly string[],
  now: Version,
  other: Version,
  ctx: WordsContext,
): FieldRow[] {
  const top = new Set(fields.map((f) => (f === 'observedAtApprox' ? 'observedAt' : f)));
  const order = Object.keys(LABELS[table]).map((p) => p.split('.')[0]!);
  const sorted = [...top].sort((a, b) => rank(order, a) - rank(order, b));
  const rows: FieldRow[] = [];
  for (const field of sorted) {
    const paths =
      field === 'deleted' ? ['deleted'] : leafPaths(field, now.data[field], other.data[field]);
    for (const path of paths) {
      rows.push({
        path,
        label: fieldLabel(table, path),
        now: valueWords(table, path, now.data, now.deleted, ctx),
        other: valueWords(table, path, other.data, other.deleted, ctx),
      });
    }
  }
  const differing = rows.filter((r) => r.now !== r.other);
  return differing.length > 0 ? differing : rows;
}

function rank(order: string[], field: string): number {
  if (field === 'deleted') return -1;
  const i = order.indexOf(field);
  return i === -1 ? order.length : i;
}
