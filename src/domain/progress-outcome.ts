/**
 * The one outcome a chart's sentence tells, and her goal against her latest weeks, by the rules in the
 * header of `progress.ts` (RUNCHART.md §6): `change` when the phase's statistic confirms it, `maybe`
 * when the rules mark a pattern it does not confirm, `none` otherwise.
 */
import type { PhaseResult, RuleSet, RunChartAnalysis } from './run-chart';
import { CHANGE_LEVEL } from './run-chart/evidence';
import { median } from './run-chart/median';
import { phaseEvidence, readablePhase } from './run-chart/readings';
import { cycleBefore } from './pdsa-marks';
import {
  BASELINE_WEEKS,
  GOAL_WEEKS,
  MIN_POINTS,
  type GoalLine,
  type Outcome,
  type PdsaMark,
  type SignalKind,
} from './progress-types';

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
