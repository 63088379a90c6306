/**
 * What the Progress screen shows for each measure (DESIGN.md 6): the phases that
 * her PDSA cycles start, the run-chart analysis under her chosen rules (RUNCHART.md §5), the cycles
 * drawn on the chart, and the one outcome to put into words. The rules of the outcome:
 * - Only the current (last) phase is read (RUNCHART.md §1.6); with fewer than 10 weeks of data in it,
 *   the outcome is "not enough weeks yet" with the count (§1.7; no signal is claimed).
 * - Precedence: shift, then long run, then trend, then runs (too few / too many), then few crossings;
 *   each only when the chosen rule set gives it (IHI: shift, trend, runs; Anhøj: long run, few
 *   crossings, §3.1). Otherwise "no signal". Of several spans of one kind, the latest is told.
 * - All six measures are "higher is better": above the median (or rising) is `up`.
 * - The PDSA cycle named is the most recent one whose start week is 0–4 weeks before the signal's
 *   first point. A shift, long run or trend starts at its first point; the runs test and the
 *   crossings describe the whole phase, so theirs is the phase's first week (Decision: a cycle that
 *   starts a phase, or just precedes it, is what such a phase-wide pattern lines up with).
 * - On a phase longer than 26 weeks, a signal that only the IHI rules give (Anhøj finds none in that
 *   phase) carries a caveat: such patterns also happen by chance on long charts (§3.3).
 * - The baseline median (12 weeks per phase, frozen and extended, §1.5) is provisional until the phase
 *   has 12 weeks of data.
 * Pure: the weeks come from `weeklyMeasures`, nothing reads the clock.
 */
import { isoWeekOf, weekMonday } from './dates';
import type { MeasureSeries, WeeklyMeasures } from './measures';
import type { PdsaData } from './records';
import { analyzeRunChart, type PhaseResult, type RuleSet, type RunChartAnalysis, type RunChartPoint } from './run-chart';
import { valueOf } from './run-chart/values';
import { MEASURE_IDS, type MeasureId } from './tables';

/** Weeks of data the current phase needs before any signal is read (RUNCHART.md §1.7). */
export const MIN_POINTS = 10;
/** Weeks in the frozen baseline median of each phase (RUNCHART.md §1.5). */
export const BASELINE_WEEKS = 12;
/** The widest gap, in weeks, between a cycle's start and the first point of a signal it is named with. */
export const PDSA_WINDOW_WEEKS = 4;
/** Past this many weeks, a phase's IHI-only signal carries the "also by chance" caveat (RUNCHART.md §3.3). */
export const LONG_PHASE_WEEKS = 26;

export type MedianMode = 'baseline' | 'all';

/** Her chart preferences (kept in settings). */
export interface ChartPreferences {
  rules: RuleSet;
  medianMode: Record<MeasureId, MedianMode>;
}

/** The fields of a PDSA cycle the charts use. */
export type PdsaCycleInput = Pick<PdsaData, 'startDate' | 'startsPhase' | 'changeIdea' | 'cycle'> & { id?: string };

/** A PDSA cycle on a chart: drawn at `index`, the position of its start week. */
export interface PdsaMark {
  id: string | null;
  index: number;
  week: string;
  startDate: string;
  cycle: number;
  changeIdea: string;
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

export type SignalKind = 'shift' | 'long-run' | 'trend' | 'too-few-runs' | 'too-many-runs' | 'few-crossings';

/** The one thing the sentence under a chart says. */
export type Outcome =
  | { kind: 'no-data' }
  | { kind: 'not-enough'; have: number; need: number }
  | { kind: 'no-signal'; phase: number }
  | {
      kind: SignalKind;
      phase: number;
      /** `up` above the median or rising (better: every measure is "higher is better"); `null` for runs and crossings. */
      direction: 'up' | 'down' | null;
      /** First and last point of the signal (the whole phase for runs and crossings). */
      start: number;
      end: number;
      /** Weeks of data in a shift, long run or trend; `null` for runs and crossings. */
      length: number | null;
      /** The cycle it lines up with, and how many weeks before the signal's first point it started. */
      pdsa: { mark: PdsaMark; weeksBefore: number } | null;
      /** A long phase where only the IHI rules see a signal (RUNCHART.md §3.3). */
      hasChanceCaveat: boolean;
    };

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
  /** Cycles whose start week is on the chart (the current week included, at index `weeks.length`). */
  cycles: PdsaMark[];
  outcome: Outcome;
}

/** Whole weeks from ISO week `from` to ISO week `to` (negative when `to` is earlier). */
export function weeksFrom(from: string, to: string): number {
  const day = (week: string) => {
    const [y, m, d] = weekMonday(week).split('-').map(Number);
    return Date.UTC(y!, m! - 1, d!) / 86_400_000;
  };
  return Math.round((day(to) - day(from)) / 7);
}

function marksOf(cycles: readonly PdsaCycleInput[], firstWeek: string): PdsaMark[] {
  return cycles
    .map((c) => {
      const week = isoWeekOf(c.startDate);
      return {
        id: c.id ?? null,
        index: weeksFrom(firstWeek, week),
        week,
        startDate: c.startDate,
        cycle: c.cycle,
        changeIdea: c.changeIdea,
        startsPhase: c.startsPhase === true,
      };
    })
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.cycle - b.cycle));
}

/** The phase starts (indices into the series) of the cycles marked `startsPhase`; others ignored. */
export function phaseStartsOf(cycles: readonly PdsaCycleInput[], weeks: readonly string[]): number[] {
  if (weeks.length === 0) return [];
  const starts = marksOf(cycles, weeks[0]!)
    .filter((m) => m.startsPhase && m.index >= 0 && m.index < weeks.length)
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
export function cycleBefore(marks: readonly PdsaMark[], index: number): { mark: PdsaMark; weeksBefore: number } | null {
  let found: PdsaMark | null = null;
  for (const m of marks) {
    const before = index - m.index;
    if (before >= 0 && before <= PDSA_WINDOW_WEEKS) found = m; // marks are sorted oldest first
  }
  return found ? { mark: found, weeksBefore: index - found.index } : null;
}

type Candidate = { kind: SignalKind; direction: 'up' | 'down' | null; start: number; end: number; length: number | null };

function latest<T extends { start: number }>(spans: readonly T[]): T | undefined {
  return [...spans].sort((a, b) => a.start - b.start).at(-1);
}

/** The signals of one phase under `rules`, in the order of precedence. */
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
          phase.anhoej.longRunSignal && longRun && { kind: 'long-run', ...longRun, direction: up(longRun.direction) },
          phase.anhoej.crossingsSignal && { kind: 'few-crossings', ...whole },
        ];
  return all.filter((c): c is Candidate => !!c);
}

/** The outcome of the current phase, by the rules in this module's header. */
export function outcomeOf(analysis: RunChartAnalysis, marks: readonly PdsaMark[]): Outcome {
  const phase = analysis.phases.at(-1);
  if (!phase) return { kind: 'no-data' };
  if (!phase.enoughData) return { kind: 'not-enough', have: phase.nonMissing, need: MIN_POINTS };
  const signal = candidates(phase, analysis.rules)[0];
  if (!signal) return { kind: 'no-signal', phase: phase.index };
  const isLongPhase = phase.end - phase.start + 1 > LONG_PHASE_WEEKS;
  return {
    ...signal,
    phase: phase.index,
    pdsa: cycleBefore(marks, signal.start),
    hasChanceCaveat: analysis.rules === 'ihi' && isLongPhase && !phase.anhoej.signal,
  };
}

/** One chart: phases from the cycles, the analysis under her preferences, the cycles and the outcome. */
export function measureProgress(series: MeasureSeries, cycles: readonly PdsaCycleInput[], rules: RuleSet, medianMode: MedianMode): MeasureProgress {
  const phaseStarts = phaseStartsOf(cycles, series.weeks);
  const analysis = analyzeRunChart(series.points, {
    rules,
    minPoints: MIN_POINTS,
    phaseStarts,
    ...(medianMode === 'baseline' ? { baselineCount: Array.from({ length: phaseStarts.length + 1 }, () => BASELINE_WEEKS) } : {}),
  });
  const firstWeek = series.weeks[0] ?? series.current.week;
  // A cycle started just before the chart's first week can still be the one a signal lines up with.
  const marks = marksOf(cycles, firstWeek).filter((m) => m.index <= series.weeks.length);
  const hasData = series.points.length > 0;
  return {
    measure: series.measure,
    weeks: series.weeks,
    points: series.points,
    current: series.current,
    currentValue: valueOf(series.current.point, series.points.length),
    rules,
    medianMode,
    phaseStarts,
    analysis,
    medians: medianLines(analysis, medianMode),
    cycles: hasData ? marks.filter((m) => m.index >= 0) : [],
    outcome: hasData ? outcomeOf(analysis, marks) : { kind: 'no-data' },
  };
}

/** Every chart of the Progress screen, in the order of `MEASURE_IDS`. */
export function progressOf(measures: WeeklyMeasures, cycles: readonly PdsaCycleInput[], preferences: ChartPreferences): MeasureProgress[] {
  return MEASURE_IDS.map((m) => measureProgress(measures[m], cycles, preferences.rules, preferences.medianMode[m] ?? 'baseline'));
}
