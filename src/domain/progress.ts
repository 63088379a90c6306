/**
 * What the Progress screen shows for each measure: the phases that her PDSA cycles on that measure
 * start, the run-chart analysis under her chosen rules (RUNCHART.md §5), the cycles drawn on the
 * chart, the one outcome to put into words, and one reading per cycle. The rules of the outcome
 * (RUNCHART.md §6):
 * - A cycle belongs to the measure it names (`measure`): only there does it start a phase or get
 *   credit. A cycle without a measure starts no phase and is credited nowhere; on other charts it is
 *   context only (`otherCycles`).
 * - One threshold: a phase is read once it has 12 weeks of data, the weeks that set its median
 *   (§1.5, §1.7). While the latest phase has fewer, the phase before it is read and the outcome says
 *   so (`newPhase`); with no such phase the outcome is "not enough weeks yet" with the count.
 * - `claim` follows the evidence, not the marks (run-chart/evidence.ts): `change` when the phase's
 *   statistic has a chance under noise of at most 5% at this length; `maybe` when the rules mark a
 *   pattern (shift, then long run, then trend, then runs, then few crossings; the latest of a kind)
 *   that the statistic does not confirm; `none` otherwise.
 * - All six measures are "higher is better": above the median (or rising) is `up`.
 * - The cycle credited (`pdsa`) is the most recent cycle of this measure whose start week is 0–4
 *   weeks before the first point of what is told (the runs test and crossings: the phase's first week).
 * - `cycleReadings`: for each cycle of this measure, the weeks since its start week against the
 *   weeks before it (run-chart/readings.ts `sinceReading`).
 * Pure: the weeks come from `weeklyMeasures`, nothing reads the clock.
 */
import { isoWeekOf, weekMonday } from './dates';
import type { MeasureSeries, WeeklyMeasures } from './measures';
import type { PdsaData } from './records';
import {
  analyzeRunChart,
  type PhaseResult,
  type RuleSet,
  type RunChartAnalysis,
  type RunChartPoint,
} from './run-chart';
import { CHANGE_LEVEL, type Evidence } from './run-chart/evidence';
import {
  phaseEvidence,
  readablePhase,
  sinceReading,
  type SinceReading,
} from './run-chart/readings';
import { median } from './run-chart/median';
import { valueOf } from './run-chart/values';
import { MEASURE_IDS, type MeasureId } from './tables';

/** Weeks of data a phase needs before it is read: the weeks that set its median (RUNCHART.md §6). */
export const MIN_POINTS = 12;
/** Weeks in the frozen baseline median of each phase (RUNCHART.md §1.5). */
export const BASELINE_WEEKS = 12;
/** The widest gap, in weeks, between a cycle's start and the first point of a signal it is named with. */
export const PDSA_WINDOW_WEEKS = 4;
/** The latest weeks of data whose median is compared with her goal. */
export const GOAL_WEEKS = 6;

export type MedianMode = 'baseline' | 'all';
export type Claim = 'change' | 'maybe' | 'none';
export type { Evidence };

/** Her chart preferences (kept in settings); `goals` holds the optional goal of each measure. */
export interface ChartPreferences {
  rules: RuleSet;
  medianMode: Record<MeasureId, MedianMode>;
  goals?: Partial<Record<MeasureId, number | null>>;
}

/** The fields of a PDSA cycle the charts use. */
export type PdsaCycleInput = Pick<
  PdsaData,
  'startDate' | 'startsPhase' | 'changeIdea' | 'cycle' | 'measure'
> & {
  id?: string;
  changeIdeaId?: string;
};

/** A PDSA cycle on a chart: drawn at `index`, the position of its start week. */
export interface PdsaMark {
  id: string | null;
  index: number;
  week: string;
  startDate: string;
  cycle: number;
  changeIdea: string;
  /** The short label drawn on the chart: the idea's letter and the cycle number ("B2"). */
  label: string;
  measure: MeasureId | null;
  /** True when it starts a phase on its measure's chart. */
  startsPhase: boolean;
}

/** The median line of one phase, and whether it is still provisional. */
export interface MedianLine {
  phase: number;
  start: number;
  end: number;
  value: number | null;
  /** True while the baseline has fewer weeks of data than it needs. */
  isProvisional: boolean;
  /** Weeks of data in the baseline so far (at most `need`). */
  have: number;
  /** Weeks the baseline needs (12), or `null` with the median of all weeks. */
  need: number | null;
}

export type SignalKind =
  'shift' | 'long-run' | 'trend' | 'too-few-runs' | 'too-many-runs' | 'few-crossings';

/** A newer phase that has too few weeks to read yet (the phase before it is read meanwhile). */
export interface NewPhase {
  start: number;
  /** The cycle of this measure that started it (`null` if none is on the chart). */
  mark: PdsaMark | null;
  have: number;
  need: number;
}

/** What is common to the outcomes that read a phase. */
interface PhaseOutcome {
  phase: number;
  /** The phase's statistic (run-chart/evidence.ts), or `null` before it has weeks to count. */
  evidence: Evidence | null;
  /** Set when the phase read is not the latest one. */
  newPhase: NewPhase | null;
}

/** The cycle credited, and how many weeks before what is told it started. */
export type PdsaCredit = { mark: PdsaMark; weeksBefore: number } | null;

/** The one thing the sentence under a chart says; `claim` is how strongly. */
export type Outcome =
  | { kind: 'no-data'; claim: 'none' }
  | { kind: 'not-enough'; claim: 'none'; have: number; need: number }
  | ({ kind: 'no-signal'; claim: 'none' } & PhaseOutcome)
  | ({
      kind: 'change';
      claim: 'change';
      direction: 'up' | 'down';
      start: number;
      end: number;
      pdsa: PdsaCredit;
    } & PhaseOutcome)
  | ({
      kind: SignalKind;
      claim: 'maybe';
      /** `up` above the median or rising; `null` for runs and crossings. */
      direction: 'up' | 'down' | null;
      /** First and last point of the pattern (the whole phase for runs and crossings). */
      start: number;
      end: number;
      /** Weeks of data in a shift, long run or trend; `null` for runs and crossings. */
      length: number | null;
      pdsa: PdsaCredit;
    } & PhaseOutcome);

/** One cycle's answer: the weeks before and since its start, and how strongly they differ. */
export interface CycleReading extends SinceReading {
  id: string | null;
  mark: PdsaMark;
}

/** Her goal for a measure: a dashed line, and `reached` when her latest weeks' median meets it. */
export interface GoalLine {
  value: number;
  reached: boolean;
}

/** Everything one chart shows. */
export interface MeasureProgress {
  measure: MeasureId;
  weeks: string[];
  points: RunChartPoint[];
  current: MeasureSeries['current'];
  /** The current week's value (a percent for a proportion), drawn hollow and never analysed. */
  currentValue: number | null;
  rules: RuleSet;
  medianMode: MedianMode;
  phaseStarts: number[];
  analysis: RunChartAnalysis;
  medians: MedianLine[];
  /** This measure's cycles whose start week is on the chart (the current week is `weeks.length`). */
  cycles: PdsaMark[];
  /** Other cycles on the chart's weeks (another measure, or none): context, never credited. */
  otherCycles: PdsaMark[];
  outcome: Outcome;
  cycleReadings: CycleReading[];
  goal: GoalLine | null;
}

/** Whole weeks from ISO week `from` to ISO week `to` (negative when `to` is earlier). */
export function weeksFrom(from: string, to: string): number {
  const day = (week: string) => {
    const [y, m, d] = weekMonday(week).split('-').map(Number);
    return Date.UTC(y!, m! - 1, d!) / 86_400_000;
  };
  return Math.round((day(to) - day(from)) / 7);
}

const byStart = (a: PdsaCycleInput, b: PdsaCycleInput) =>
  a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.cycle - b.cycle;

/** A, B, …, Z, AA, AB, …: the letter of the n-th change idea (0-based). */
function letter(n: number): string {
  const one = String.fromCharCode(65 + (n % 26));
  return n < 26 ? one : letter(Math.floor(n / 26) - 1) + one;
}

/** One letter per change idea, in the order of each idea's first cycle (the same on every chart). */
export function ideaLetters(cycles: readonly PdsaCycleInput[]): Map<string, string> {
  const letters = new Map<string, string>();
  for (const c of [...cycles].sort(byStart)) {
    const key = c.changeIdeaId ?? c.changeIdea;
    if (!letters.has(key)) letters.set(key, letter(letters.size));
  }
  return letters;
}

function marksOf(cycles: readonly PdsaCycleInput[], firstWeek: string): PdsaMark[] {
  const letters = ideaLetters(cycles);
  return [...cycles].sort(byStart).map((c) => {
    const week = isoWeekOf(c.startDate);
    return {
      id: c.id ?? null,
      index: weeksFrom(firstWeek, week),
      week,
      startDate: c.startDate,
      cycle: c.cycle,
      changeIdea: c.changeIdea,
      label: `${letters.get(c.changeIdeaId ?? c.changeIdea)}${c.cycle}`,
      measure: c.measure ?? null,
      startsPhase: c.startsPhase === true && c.measure != null,
    };
  });
}

/** The phase starts (indices into the series) of `measure`'s cycles marked `startsPhase`; others ignored. */
export function phaseStartsOf(
  cycles: readonly PdsaCycleInput[],
  weeks: readonly string[],
  measure: MeasureId,
): number[] {
  if (weeks.length === 0) return [];
  const starts = marksOf(cycles, weeks[0]!)
    .filter((m) => m.measure === measure && m.startsPhase && m.index > 0 && m.index < weeks.length)
    .map((m) => m.index);
  return [...new Set(starts)].sort((a, b) => a - b);
}

function medianLines(analysis: RunChartAnalysis, mode: MedianMode): MedianLine[] {
  return analysis.phases.map((p) => ({
    phase: p.index,
    start: p.start,
    end: p.end,
    value: p.median,
    isProvisional: mode === 'baseline' && !p.baselineComplete,
    have: mode === 'baseline' ? Math.min(p.nonMissing, BASELINE_WEEKS) : p.nonMissing,
    need: mode === 'baseline' ? BASELINE_WEEKS : null,
  }));
}

/** The most recent cycle that started 0–4 weeks before `index` (by start date, then cycle number). */
export function cycleBefore(marks: readonly PdsaMark[], index: number): PdsaCredit {
  let found: PdsaMark | null = null;
  for (const m of marks) {
    const before = index - m.index;
    if (before >= 0 && before <= PDSA_WINDOW_WEEKS) found = m; // marks are sorted oldest first
  }
  return found ? { mark: found, weeksBefore: index - found.index } : null;
}

type Candidate = {
  kind: SignalKind;
  direction: 'up' | 'down' | null;
  start: number;
  end: number;
  length: number | null;
};

function latest<T extends { start: number }>(spans: readonly T[]): T | undefined {
  return [...spans].sort((a, b) => a.start - b.start).at(-1);
}

/** The patterns the rules mark in one phase, in the order of precedence. */
function candidates(phase: PhaseResult, rules: RuleSet): Candidate[] {
  const whole = { start: phase.start, end: phase.end, length: null, direction: null };
  const shift = latest(phase.shifts);
  const longRun = latest(phase.anhoej.longRuns);
  const trend = latest(phase.trends);
  const up = (d: string) => (d === 'above' || d === 'up' ? ('up' as const) : ('down' as const));
  const all: (Candidate | false | undefined)[] =
    rules === 'ihi'
      ? [
          shift && { kind: 'shift', ...shift, direction: up(shift.direction) },
          trend && { kind: 'trend', ...trend, direction: up(trend.direction) },
          phase.runsVerdict === 'too-few' && { kind: 'too-few-runs', ...whole },
          phase.runsVerdict === 'too-many' && { kind: 'too-many-runs', ...whole },
        ]
      : [
          phase.anhoej.longRunSignal &&
            longRun && { kind: 'long-run', ...longRun, direction: up(longRun.direction) },
          phase.anhoej.crossingsSignal && { kind: 'few-crossings', ...whole },
        ];
  return all.filter((c): c is Candidate => !!c);
}

/**
 * The outcome, by the rules in this module's header. `marks` are this measure's cycles (credit);
 * `baselineWeeks` is 12 with the frozen baseline, `null` with the median of all weeks.
 */
export function outcomeOf(
  analysis: RunChartAnalysis,
  marks: readonly PdsaMark[],
  baselineWeeks: number | null = BASELINE_WEEKS,
): Outcome {
  const last = analysis.phases.at(-1);
  if (!last) return { kind: 'no-data', claim: 'none' };
  const phase = readablePhase(analysis);
  if (!phase) return { kind: 'not-enough', claim: 'none', have: last.nonMissing, need: MIN_POINTS };
  const newPhase =
    phase === last
      ? null
      : {
          start: last.start,
          mark: marks.find((m) => m.startsPhase && m.index === last.start) ?? null,
          have: last.nonMissing,
          need: MIN_POINTS,
        };
  const evidence = phaseEvidence(analysis, phase, baselineWeeks);
  const base = { phase: phase.index, evidence, newPhase };
  const marked = candidates(phase, analysis.rules);
  if (evidence && evidence.chance <= CHANGE_LEVEL) {
    // Told from the first week of the latest marked run that agrees with it, else from where counting began.
    const agreeing = marked.find((c) => c.direction === evidence.direction && c.kind !== 'trend');
    const start =
      evidence.test === 'longest-run' ? evidence.start : (agreeing?.start ?? evidence.start);
    return {
      kind: 'change',
      claim: 'change',
      direction: evidence.direction,
      start,
      end: evidence.end,
      pdsa: cycleBefore(marks, start),
      ...base,
    };
  }
  const signal = marked[0];
  if (!signal) return { kind: 'no-signal', claim: 'none', ...base };
  return { ...signal, claim: 'maybe', pdsa: cycleBefore(marks, signal.start), ...base };
}

/** Her goal against the median of her latest GOAL_WEEKS weeks of data (at least 3 of them). */
export function goalOf(
  analysis: RunChartAnalysis,
  goal: number | null | undefined,
): GoalLine | null {
  if (goal === null || goal === undefined || !Number.isFinite(goal)) return null;
  const recent = analysis.points
    .map((p) => p.value)
    .filter((v): v is number => v !== null)
    .slice(-GOAL_WEEKS);
  const m = recent.length >= 3 ? median(recent) : null;
  return { value: goal, reached: m !== null && m >= goal };
}

/** One chart: phases from its measure's cycles, the analysis under her preferences, the outcome. */
export function measureProgress(
  series: MeasureSeries,
  cycles: readonly PdsaCycleInput[],
  rules: RuleSet,
  medianMode: MedianMode,
): MeasureProgress {
  const phaseStarts = phaseStartsOf(cycles, series.weeks, series.measure);
  const analysis = analyzeRunChart(series.points, {
    rules,
    minPoints: MIN_POINTS,
    phaseStarts,
    ...(medianMode === 'baseline'
      ? { baselineCount: Array.from({ length: phaseStarts.length + 1 }, () => BASELINE_WEEKS) }
      : {}),
  });
  const n = series.weeks.length;
  const firstWeek = series.weeks[0] ?? series.current.week;
  // A cycle started just before the chart's first week can still be the one a signal lines up with.
  const all = marksOf(cycles, firstWeek).filter((m) => m.index <= n);
  const own = all.filter((m) => m.measure === series.measure);
  const onChart = (m: PdsaMark) => n > 0 && m.index >= 0;
  const outcome: Outcome =
    n > 0
      ? outcomeOf(analysis, own, medianMode === 'baseline' ? BASELINE_WEEKS : null)
      : { kind: 'no-data', claim: 'none' };
  return {
    measure: series.measure,
    weeks: series.weeks,
    points: series.points,
    current: series.current,
    currentValue: valueOf(series.current.point, n),
    rules,
    medianMode,
    phaseStarts,
    analysis,
    medians: medianLines(analysis, medianMode),
    cycles: own.filter(onChart),
    otherCycles: all.filter((m) => m.measure !== series.measure && onChart(m)),
    outcome,
    cycleReadings: own
      .filter(onChart)
      .map((mark) => ({ id: mark.id, mark, ...sinceReading(analysis, mark.index) })),
    goal: null,
  };
}

/** Every chart of the Progress screen, in the order of `MEASURE_IDS`, each with its goal. */
export function progressOf(
  measures: WeeklyMeasures,
  cycles: readonly PdsaCycleInput[],
  preferences: ChartPreferences,
): MeasureProgress[] {
  return MEASURE_IDS.map((m) => {
    const p = measureProgress(
      measures[m],
      cycles,
      preferences.rules,
      preferences.medianMode[m] ?? 'baseline',
    );
    return { ...p, goal: goalOf(p.analysis, preferences.goals?.[m]) };
  });
}
