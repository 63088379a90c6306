/**
 * The Progress screen's words, in her language: measure titles, dates, numbers, the median label, the
 * sentence under each chart (one template per outcome, how likely chance is, the PDSA cycle it lines up
 * with, the goal), the sentence under each cycle and the chart's text alternative. Reads the language signal through `t`.
 */
import { addWeeks, weekMonday } from '../../../domain/dates';
import type { CycleReading, MeasureProgress, Outcome, PdsaMark } from '../../../domain/progress';
import { MIN_WEEKS_BEFORE } from '../../../domain/run-chart/readings';
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
  const long = (week: string) =>
    dateFormat({ day: 'numeric', month: 'long', year: 'numeric' }).format(mondayOf(week));
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
  if (line.isProvisional)
    return t('progress.median.provisional', { value, have: line.have, need: line.need });
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
/** Every signal's key, for the sentences that read a pattern (`maybe`). */
const SIGNAL_KEYS = { ...DIRECTED_KEYS, ...UNDIRECTED_KEYS } as const;

/** "1 chart in {odds}": the chance as a whole number of charts (at least 2). */
export function oddsOf(chance: number): number {
  return Math.max(2, Math.round(1 / Math.max(chance, 1e-9)));
}

function mainSentence(p: MeasureProgress, o: Outcome): string[] {
  switch (o.kind) {
    case 'no-data':
      return [t('progress.outcome.noData', { date: weekDate(addWeeks(p.current.week, 1)) })];
    case 'not-enough':
      return [t('progress.outcome.notEnough', { have: o.have, need: o.need })];
    case 'no-signal':
      return [t('progress.outcome.noSignal')];
    case 'change': {
      const e = o.evidence!;
      const test = e.test === 'longest-run' ? 'longest-run' : 'since-baseline';
      const said = t(`progress.outcome.change.${test}.${o.direction}` as MessageKey, {
        count: e.count,
        of: e.of,
        date: weekDate(p.weeks[e.start]!),
      });
      const chance =
        e.chance < 0.001
          ? t('progress.outcome.changeRare')
          : t('progress.outcome.changeChance', { odds: oddsOf(e.chance) });
      return [said, chance];
    }
    default: {
      const key = SIGNAL_KEYS[o.kind];
      const said =
        o.direction === null
          ? t(key as MessageKey)
          : t(`${key}.${o.direction}` as MessageKey, {
              length: o.length ?? 0,
              date: weekDate(p.weeks[o.start]!),
            });
      const e = o.evidence;
      if (!e) return [said, t('progress.outcome.maybe.early')];
      const test = e.test === 'longest-run' ? 'longest-run' : 'since-baseline';
      return [
        said,
        t(`progress.outcome.maybe.${test}` as MessageKey, {
          count: e.count,
          of: e.of,
          odds: oddsOf(e.chance),
        }),
      ];
    }
  }
}

function newPhaseSentence(p: MeasureProgress, o: Outcome): string | null {
  if (!('newPhase' in o) || !o.newPhase) return null;
  const { mark, have, need, start } = o.newPhase;
  if (mark)
    return t('progress.outcome.newPhaseCycle', {
      label: mark.label,
      idea: mark.changeIdea,
      have,
      need,
    });
  return t('progress.outcome.newPhase', { date: weekDate(p.weeks[start]!), have, need });
}

/** The plain sentences under a chart: the phase read, what it shows, how sure, the cycle, the goal. */
export function outcomeSentence(p: MeasureProgress): string {
  const o = p.outcome;
  const parts = [newPhaseSentence(p, o), ...mainSentence(p, o)].filter(
    (s): s is string => s !== null,
  );
  if ('pdsa' in o && o.pdsa) {
    const params = { label: o.pdsa.mark.label, idea: o.pdsa.mark.changeIdea };
    parts.push(
      o.pdsa.weeksBefore === 0
        ? t('progress.outcome.pdsa.same', params)
        : tn('progress.outcome.pdsa.before', o.pdsa.weeksBefore, params),
    );
  }
  if (p.goal?.reached)
    parts.push(t('progress.outcome.goal', { goal: formatValue(p.measure, p.goal.value) }));
  return parts.join(' ');
}

/** The one sentence under a cycle of this measure: weeks before and since, and what they show. */
export function cycleSentence(p: MeasureProgress, r: CycleReading): string {
  const m = r.mark;
  const head = t('progress.cycleItem', {
    label: m.label,
    cycle: m.cycle,
    idea: m.changeIdea,
    date: dayDate(m.startDate),
  });
  const weeks = t('progress.reading.weeks', { before: r.before, since: r.since });
  const e = r.evidence;
  let verdict: string;
  if (r.since === 0) verdict = t('progress.reading.noSince');
  else if (r.before < MIN_WEEKS_BEFORE) verdict = t('progress.reading.fewBefore');
  else if (!e) verdict = t('progress.reading.onLine');
  else {
    const params = {
      count: e.count,
      of: e.of,
      side: t(e.direction === 'up' ? 'progress.reading.above' : 'progress.reading.below'),
      line: formatValue(p.measure, r.line),
      odds: oddsOf(e.chance),
    };
    if (r.claim === 'none') verdict = t('progress.reading.none', params);
    else if (r.claim === 'maybe') verdict = t('progress.reading.maybe', params);
    else
      verdict = t(
        e.chance < 0.001 ? 'progress.reading.changeRare' : 'progress.reading.change',
        params,
      );
  }
  return `${head} ${weeks} ${verdict}`;
}

/** A cycle of another measure (or of none), named in the list but never read on this chart. */
export function otherCycleSentence(m: PdsaMark): string {
  const params = { label: m.label, cycle: m.cycle, idea: m.changeIdea, date: dayDate(m.startDate) };
  return m.measure
    ? t('progress.cycleOther', { ...params, measure: measureTitle(m.measure) })
    : t('progress.cycleNoMeasure', params);
}

/** The words drawn on the chart itself. */
export function chartWords(p: MeasureProgress): ChartWords {
  return {
    weekLabels: [...p.weeks, p.current.week].map(shortWeek),
    cycleLabel: (mark) => mark.label,
    newPhase: t('progress.newPhase'),
    series: measureTitle(p.measure),
    median: t('progress.legend.median'),
    current: t('progress.legend.current'),
  };
}

/** The chart's text alternative: what it shows, its median and the sentence (`outcomeSentence`). */
export function chartAlt(p: MeasureProgress, sentence: string = outcomeSentence(p)): string {
  return t('progress.chartAlt', {
    title: measureTitle(p.measure),
    range: rangeText(p),
    median: medianText(p),
    sentence,
  });
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
  const named = (m: PdsaMark) =>
    t('progress.mark.pdsa', { label: m.label, cycle: m.cycle, idea: m.changeIdea });
  for (const m of p.cycles) items.push({ kind: 'pdsa', label: named(m) });
  if (p.otherCycles.length)
    items.push({ kind: 'pdsa-other', label: t('progress.legend.otherPdsa') });
  if (p.phaseStarts.length) items.push({ kind: 'phase', label: t('progress.legend.phase') });
  if (p.goal)
    items.push({
      kind: 'goal',
      label: `${t('progress.legend.goal')} (${formatValue(p.measure, p.goal.value)})`,
    });
  return items;
}
