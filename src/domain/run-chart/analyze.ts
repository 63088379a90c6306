/**
 * `analyzeRunChart`: RUNCHART.md §5, putting together §1 (values, median, baseline freeze-then-extend,
 * phases, minimum points), §2 (IHI shift, trend, runs test) and §3 (Anhøj). Each phase is analysed on
 * its own; nothing carries across a phase boundary. Nothing is gated by `enoughData`: the analysis
 * reports, the UI decides what to show. Pure and synchronous.
 */
import { anhoejAnalysis } from './anhoej';
import { median, sideOf } from './median';
import { resolveOptions, type ResolvedOptions } from './options';
import { findRuns, runsAtLeast } from './runs';
import { runsTest } from './swed-eisenhart';
import { findTrends } from './trends';
import type {
  PhaseResult,
  PointResult,
  RunChartAnalysis,
  RunChartOptions,
  RunChartPoint,
  Side,
} from './types';
import { valuesOf } from './values';

type Phase = ResolvedOptions['phases'][number];

function analyzePhase(
  index: number,
  phase: Phase,
  values: readonly (number | null)[],
  options: ResolvedOptions,
): { result: PhaseResult; sides: (Side | null)[] } {
  const slice = values.slice(phase.start, phase.end + 1);
  const observed = slice.filter((v): v is number => v !== null);
  const k = phase.baselineCount;
  const centre = median(k === null ? observed : observed.slice(0, k));
  const sides = slice.map((v) =>
    v === null || centre === null ? null : sideOf(v, centre, options.tolerance),
  );
  const { useful, runs, crossings, longestRun } = findRuns(sides, phase.start);
  const { limits, verdict } = runsTest(useful, runs.length);
  return {
    sides,
    result: {
      index,
      start: phase.start,
      end: phase.end,
      median: centre,
      baselineCount: k,
      baselineComplete: k === null || observed.length >= k,
      nonMissing: observed.length,
      enoughData: observed.length >= options.minPoints,
      useful,
      runs: runs.length,
      crossings,
      longestRun,
      runsLimits: limits,
      runsVerdict: verdict,
      shifts: runsAtLeast(runs, options.shiftLength),
      trends: findTrends(slice, options.trendLength, options.tolerance, phase.start),
      anhoej: anhoejAnalysis(useful, runs, crossings),
    },
  };
}

function markSpans(
  flags: boolean[],
  spans: readonly { start: number; end: number }[],
  keep: (i: number) => boolean,
): void {
  for (const { start, end } of spans)
    for (let i = start; i <= end; i++) if (keep(i)) flags[i] = true;
}

/** Analyses one run chart (one value per week, in time order) under RUNCHART.md. */
export function analyzeRunChart(
  points: readonly RunChartPoint[],
  options: RunChartOptions = {},
): RunChartAnalysis {
  const values = valuesOf(points);
  const resolved = resolveOptions(values.length, options);
  const phases: PhaseResult[] = [];
  const sides: (Side | null)[] = [];
  const phaseOf: number[] = [];
  resolved.phases.forEach((phase, i) => {
    const analysed = analyzePhase(i, phase, values, resolved);
    phases.push(analysed.result);
    sides.push(...analysed.sides);
    for (let j = phase.start; j <= phase.end; j++) phaseOf.push(i);
  });

  const shifts = phases.flatMap((p) => p.shifts);
  const trends = phases.flatMap((p) => p.trends);
  const isUseful = (i: number) => sides[i] === 1 || sides[i] === -1;
  const shiftFlags = values.map(() => false);
  const trendFlags = values.map(() => false);
  const longRunFlags = values.map(() => false);
  markSpans(shiftFlags, shifts, isUseful);
  markSpans(trendFlags, trends, (i) => values[i] !== null);
  markSpans(
    longRunFlags,
    phases.flatMap((p) => p.anhoej.longRuns),
    isUseful,
  );

  const ihi = {
    shift: shifts.length > 0,
    trend: trends.length > 0,
    runs: phases.some((p) => p.runsVerdict === 'too-few' || p.runsVerdict === 'too-many'),
    any: false,
  };
  ihi.any = ihi.shift || ihi.trend || ihi.runs;
  const anhoej = {
    longRun: phases.some((p) => p.anhoej.longRunSignal),
    crossings: phases.some((p) => p.anhoej.crossingsSignal),
    any: false,
  };
  anhoej.any = anhoej.longRun || anhoej.crossings;

  const isIhi = resolved.rules === 'ihi';
  const pointResults: PointResult[] = values.map((value, i) => ({
    index: i,
    value,
    phase: phaseOf[i]!,
    median: phases[phaseOf[i]!]!.median,
    side: sides[i] ?? null,
    shift: shiftFlags[i]!,
    trend: trendFlags[i]!,
    longRun: longRunFlags[i]!,
    signal: isIhi ? shiftFlags[i]! || trendFlags[i]! : longRunFlags[i]!,
  }));

  return {
    rules: resolved.rules,
    n: values.length,
    phases,
    shifts: shifts.map((s) => ({ ...s })),
    trends: trends.map((t) => ({ ...t })),
    points: pointResults,
    summary: { ihi, anhoej },
    signal: isIhi ? ihi.any : anhoej.any,
  };
}
