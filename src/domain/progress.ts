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
import type { MeasureSeries, WeeklyMeasures } from './measures';
import { marksOf, phaseStartsOf } from './pdsa-marks';
import { goalOf, outcomeOf } from './progress-outcome';
import {
  BASELINE_WEEKS,
  MIN_POINTS,
  type MedianLine,
  type MedianMode,
  type MeasureProgress,
  type Outcome,
  type PdsaCycleInput,
  type PdsaMark,
  type ChartPreferences,
} from './progress-types';
import { analyzeRunChart, type RuleSet, type RunChartAnalysis } from './run-chart';
import { sinceReading } from './run-chart/readings';
import { valueOf } from './run-chart/values';
import { MEASURE_IDS, type MeasureId } from './tables';

export {
  BASELINE_WEEKS,
  GOAL_WEEKS,
  MIN_POINTS,
  PDSA_WINDOW_WEEKS,
  type ChartPreferences,
  type Claim,
  type CycleReading,
  type Evidence,
  type GoalLine,
  type MeasureProgress,
  type MedianLine,
  type MedianMode,
  type NewPhase,
  type Outcome,
  type PdsaCredit,
  type PdsaCycleInput,
  type PdsaMark,
  type SignalKind,
} from './progress-types';
export { cycleBefore, ideaLetters, phaseStartsOf, weeksFrom } from './pdsa-marks';
export { goalOf, outcomeOf } from './progress-outcome';

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
  return MEASURE_IDS.map((m) => progressOfMeasure(measures, m, cycles, preferences));
}

/** One measure's chart of `progressOf` (Progress analyses one per task: src/app/features/progress). */
export function progressOfMeasure(
  measures: WeeklyMeasures,
  m: MeasureId,
  cycles: readonly PdsaCycleInput[],
  preferences: ChartPreferences,
): MeasureProgress {
  const p = measureProgress(
    measures[m],
    cycles,
    preferences.rules,
    preferences.medianMode[m] ?? 'baseline',
  );
  return { ...p, goal: goalOf(p.analysis, preferences.goals?.[m]) };
}
