/**
 * Options of `analyzeRunChart` with their defaults (RUNCHART.md §5) and the phase split (§1.6):
 * `phaseStarts` is a set — duplicates, 0 and indices outside the series are ignored, order does not
 * matter. A wrong option is a programming error and throws a RangeError.
 */
import type { RuleSet, RunChartOptions } from './types';

export interface ResolvedOptions {
  rules: RuleSet;
  minPoints: number;
  shiftLength: number;
  trendLength: number;
  tolerance: number;
  /** [start, end] input indices of each phase, in order. */
  phases: { start: number; end: number; baselineCount: number | null }[];
}

function integerAtLeast(name: string, value: unknown, min: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new RangeError(
      `run-chart option ${name} must be an integer ≥ ${min}, got ${String(value)}`,
    );
  }
  return value;
}

function checkedBaseline(value: unknown, phase: number): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new RangeError(
      `run-chart baselineCount for phase ${phase} must be a positive integer, got ${String(value)}`,
    );
  }
  return value;
}

function phaseStartsOf(n: number, phaseStarts: readonly number[] | null | undefined): number[] {
  const starts = new Set<number>([0]);
  for (const s of phaseStarts ?? []) {
    if (!Number.isInteger(s))
      throw new RangeError(`run-chart phaseStarts must hold integers, got ${s}`);
    if (s > 0 && s < n) starts.add(s);
  }
  return [...starts].sort((a, b) => a - b);
}

/** Checks the options, fills in the defaults and splits `n` points into phases. */
export function resolveOptions(n: number, options: RunChartOptions = {}): ResolvedOptions {
  const rules = options.rules ?? 'ihi';
  if (rules !== 'ihi' && rules !== 'anhoej')
    throw new RangeError(`unknown run-chart rules: ${String(rules)}`);
  const tolerance = options.tolerance ?? 1e-9;
  if (typeof tolerance !== 'number' || !(tolerance >= 0) || !Number.isFinite(tolerance)) {
    throw new RangeError(
      `run-chart tolerance must be a finite number ≥ 0, got ${String(tolerance)}`,
    );
  }
  const starts = n === 0 ? [] : phaseStartsOf(n, options.phaseStarts);
  const baseline = options.baselineCount;
  const phases = starts.map((start, i) => ({
    start,
    end: (starts[i + 1] ?? n) - 1,
    baselineCount: checkedBaseline(Array.isArray(baseline) ? baseline[i] : baseline, i),
  }));
  // Every given baselineCount is checked, even for phases the series does not reach.
  if (Array.isArray(baseline)) baseline.forEach((b: unknown, i: number) => checkedBaseline(b, i));
  else checkedBaseline(baseline, 0);
  return {
    rules,
    minPoints: integerAtLeast('minPoints', options.minPoints, 0, 10),
    shiftLength: integerAtLeast('shiftLength', options.shiftLength, 1, 6),
    trendLength: integerAtLeast('trendLength', options.trendLength, 2, 5),
    tolerance,
    phases,
  };
}
