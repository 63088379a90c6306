/**
 * Input, options and result of `analyzeRunChart`, exactly as RUNCHART.md §5 states them.
 */

/** A proportion; its run-chart value is the percent `100 * numerator / denominator` (RUNCHART.md §1.1). */
export interface Proportion {
  numerator: number | null | undefined;
  denominator: number | null | undefined;
}

/** One week's value: a number, a missing week (`null`/`undefined`/NaN/±Infinity) or a proportion. */
export type RunChartPoint = number | null | undefined | Proportion;

/** Which rule set drives `signal`: IHI (Perla 2011) or Anhøj (qicharts2 default). */
export type RuleSet = 'ihi' | 'anhoej';

/** Options of RUNCHART.md §5; every one is optional. */
export interface RunChartOptions {
  /** Which rule set drives `signal` and `points[i].signal` (default `'ihi'`). */
  rules?: RuleSet;
  /** Median from the first k non-missing points of each phase, frozen and extended; one per phase as an array. */
  baselineCount?: number | readonly (number | null | undefined)[] | null;
  /** Input indices where a new phase begins (a set: duplicates, 0 and indices outside the series are ignored). */
  phaseStarts?: readonly number[] | null;
  /** `enoughData` threshold (default 10). */
  minPoints?: number;
  /** Shortest run reported as a shift (default 6). */
  shiftLength?: number;
  /** Fewest counted points reported as a trend (default 5). */
  trendLength?: number;
  /** Relative tolerance of §1.3 (default 1e-9); 0 compares raw doubles. */
  tolerance?: number;
}

/** Below the median, on it (within the tolerance), or above it. */
export type Side = -1 | 0 | 1;

/** A maximal run of useful points on one side of the median (a shift, or an Anhøj long run). */
export interface RunSpan {
  start: number;
  end: number;
  length: number;
  direction: 'above' | 'below';
}

/** A maximal strictly monotone sequence of plateaus (§2.2). */
export interface TrendSpan {
  start: number;
  end: number;
  length: number;
  direction: 'up' | 'down';
}

/** Exact Swed–Eisenhart limits (§2.3): fewer runs than `lower` is too few, more than `upper` too many. */
export interface RunsLimits {
  lower: number;
  upper: number;
}

/** The runs test's verdict (§2.3). */
export type RunsVerdict = 'ok' | 'too-few' | 'too-many';

/** The Anhøj analysis of one phase (§3.1); limits are `null` without useful observations. */
export interface AnhoejResult {
  longestRunMax: number | null;
  crossingsMin: number | null;
  longRunSignal: boolean;
  crossingsSignal: boolean;
  signal: boolean;
  longRuns: RunSpan[];
}

/** The analysis of one phase: its own median, runs, shifts, trends and Anhøj rules (§1.6). */
export interface PhaseResult {
  index: number;
  start: number;
  end: number;
  median: number | null;
  baselineCount: number | null;
  baselineComplete: boolean;
  nonMissing: number;
  enoughData: boolean;
  useful: number;
  runs: number;
  crossings: number;
  longestRun: number | null;
  runsLimits: RunsLimits | null;
  runsVerdict: RunsVerdict | null;
  shifts: RunSpan[];
  trends: TrendSpan[];
  anhoej: AnhoejResult;
}

/** One input point as the chart draws it; `index` is its position in the input. */
export interface PointResult {
  index: number;
  /** The number used: a percent for a proportion, `null` when missing. */
  value: number | null;
  phase: number;
  /** Its phase's median. */
  median: number | null;
  /** `null` for a missing point, `0` on the median. */
  side: Side | null;
  shift: boolean;
  trend: boolean;
  longRun: boolean;
  signal: boolean;
}

/** Whether any phase shows each kind of signal (§5). */
export interface RunChartSummary {
  ihi: { shift: boolean; trend: boolean; runs: boolean; any: boolean };
  anhoej: { longRun: boolean; crossings: boolean; any: boolean };
}

/** The result of `analyzeRunChart` (§5); indices always refer to positions in the input. */
export interface RunChartAnalysis {
  rules: RuleSet;
  /** Number of input points, missing ones included. */
  n: number;
  phases: PhaseResult[];
  shifts: RunSpan[];
  trends: TrendSpan[];
  points: PointResult[];
  summary: RunChartSummary;
  signal: boolean;
}
