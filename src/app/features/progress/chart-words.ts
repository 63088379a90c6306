/**
 * The Progress screen's words, in her language: measure titles, dates, numbers, the median label, the
 * sentence under each chart (one template per outcome, plus the PDSA cycle it lines up with and the
 * long-chart caveat) and the chart's text alternative. Reads the language signal through `t`.
 */
import { weekMonday } from '../../../domain/dates';
import type { MeasureProgress, Outcome } from '../../../domain/progress';
import type { MeasureId } from '../../../domain/tables';
import type { MessageKey } from '../../i18n/en';
import { dayInWords } from '../../i18n/format';
import { dateFormat, numberFormat, t, tn } from '../../i18n/i18n';
import { marksShown, type ChartWords } from './run-chart-config';
import type { ImageLegendItem } from './save-image';

function mondayOf(week: string): Date {
  const [y, m, d] = weekMonday(week).split('-').map(Number);
  return new Date(y!, m! - 1, d!, 12);
}

/** "Notes recorded", "% of peer talks about toddlers", … */
export function measureTitle(measure: MeasureId): string {
  return t(`progress.measure.${measure}`);
}

/** One line saying what a point of this chart counts. */
export function measureUnit(measure: MeasureId): string {
  return t(`progress.unit.${measure}`);
}

/** "26 January" (with the year when it is not this year), the Monday of `week`. */
export function weekDate(week: string, today: Date = new Date()): string {
  return dayInWords(weekMonday(week), today);
}

/** "9 April" (with the year when it is not this year), for a `YYYY-MM-DD` day. */
export function dayDate(day: string, today: Date = new Date()): string {
  return dayInWords(day, today);
}

/** "26 Jan", for the chart's axis. */
export function shortWeek(week: string): string {
  return dateFormat({ day: 'numeric', month: 'short' }).format(mondayOf(week));
}

/** "Weeks of 5 January 2026 to 21 December 2026": the complete weeks of the chart. */
export function rangeText(p: MeasureProgress): string {
  const long = (week: string) => dateFormat({ day: 'numeric', month: 'long', year: 'numeric' }).format(mondayOf(week));
  const first = p.weeks[0] ?? p.current.week;
  return t('progress.range', { from: long(first), to: long(p.weeks.at(-1) ?? first) });
}

/** A value as she reads it: "60%" for the proportion, else a number with at most one decimal. */
export function formatValue(measure: MeasureId, value: number | null): string {
  if (value === null) return t('progress.table.missing');
  const number = numberFormat({ maximumFractionDigits: 1 }).format(value);
  return measure === 'p5-of-p4' ? `${number}%` : number;
}

/** The label of the current phase's median: final, provisional ("7 of 12 weeks"), or of all weeks. */
export function medianText(p: MeasureProgress): string {
  const line = p.medians.at(-1);
  if (!line || line.value === null) return t('progress.median.none');
  const value = formatValue(p.measure, line.value);
  if (line.need === null) return t('progress.median.all', { value });
  if (line.isProvisional) return t('progress.median.provisional', { value, have: line.have, need: line.need });
  return t('progress.median.baseline', { value });
}

/** Signals said with their direction (`….up` / `….down`), and those said without one. */
const DIRECTED_KEYS = {
  shift: 'progress.outcome.shift',
  trend: 'progress.outcome.trend',
  'long-run': 'progress.outcome.longRun',
} as const;
const UNDIRECTED_KEYS = {
  'too-few-runs': 'progress.outcome.tooFewRuns',
  'too-many-runs': 'progress.outcome.tooManyRuns',
  'few-crossings': 'progress.outcome.fewCrossings',
} as const satisfies Record<string, MessageKey>;
const isUndirected = (kind: string): kind is keyof typeof UNDIRECTED_KEYS => kind in UNDIRECTED_KEYS;

function mainSentence(p: MeasureProgress, o: Outcome): string {
  switch (o.kind) {
    case 'no-data':
      return t('progress.outcome.noData');
    case 'not-enough':
      return t('progress.outcome.notEnough', { have: o.have, need: o.need });
    case 'no-signal':
      return t('progress.outcome.noSignal');
    default: {
      if (isUndirected(o.kind)) return t(UNDIRECTED_KEYS[o.kind]);
      const key = DIRECTED_KEYS[o.kind];
      return t(`${key}.${o.direction ?? 'up'}`, { length: o.length ?? 0, date: weekDate(p.weeks[o.start]!) });
    }
  }
}

/** The one or two plain sentences under a chart. */
export function outcomeSentence(p: MeasureProgress): string {
  const o = p.outcome;
  const parts = [mainSentence(p, o)];
  if ('pdsa' in o && o.pdsa) {
    const params = { cycle: o.pdsa.mark.cycle, idea: o.pdsa.mark.changeIdea };
    parts.push(o.pdsa.weeksBefore === 0 ? t('progress.outcome.pdsa.same', params) : tn('progress.outcome.pdsa.before', o.pdsa.weeksBefore, params));
  }
  if ('hasChanceCaveat' in o && o.hasChanceCaveat) parts.push(t('progress.outcome.caveat'));
  return parts.join(' ');
}

/** The words drawn on the chart itself. */
export function chartWords(p: MeasureProgress): ChartWords {
  return {
    weekLabels: [...p.weeks, p.current.week].map(shortWeek),
    cycleLabel: (mark) => t('progress.cycleLabel', { cycle: mark.cycle, idea: mark.changeIdea }),
    newPhase: t('progress.newPhase'),
    series: measureTitle(p.measure),
    median: t('progress.legend.median'),
    current: t('progress.legend.current'),
  };
}

/** The chart's text alternative: what it shows, its median and the sentence. */
export function chartAlt(p: MeasureProgress): string {
  return t('progress.chartAlt', { title: measureTitle(p.measure), range: rangeText(p), median: medianText(p), sentence: outcomeSentence(p) });
}

/** The short legend drawn into the saved image: only the marks the chart shows. */
export function imageLegend(p: MeasureProgress): ImageLegendItem[] {
  const marks = marksShown(p);
  const items: ImageLegendItem[] = [
    { kind: 'dot', label: t('progress.legend.week') },
    { kind: 'median', label: t('progress.legend.median') },
  ];
  if (marks.has('shift')) items.push({ kind: 'triangle', label: t('progress.mark.shift') });
  if (marks.has('long-run')) items.push({ kind: 'triangle', label: t('progress.mark.longRun') });
  if (marks.has('trend')) items.push({ kind: 'square', label: t('progress.mark.trend') });
  if (p.cycles.length) items.push({ kind: 'pdsa', label: t('progress.legend.pdsa') });
  return items;
}
