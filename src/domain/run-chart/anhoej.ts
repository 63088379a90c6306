/**
 * Anhøj rules: RUNCHART.md §3.1, as coded in qicharts2 0.8.1 `runs.analysis()`. With n useful
 * observations: longest-run limit `round(log2(n)) + 3`; fewest crossings `qbinom(0.05, n − 1, 0.5)`,
 * the smallest x with P(X ≤ x) ≥ 0.05 for X ~ Binomial(n − 1, ½), computed exactly. Signal: a run
 * longer than the limit or fewer crossings than the minimum. No minimum n; with n = 0 the limits are
 * `null` and there is no signal. Long runs are listed (an extension) so the product can highlight them.
 */
import { binomialRow } from './binomial';
import type { AnhoejResult, RunSpan } from './types';

/** `round(log2(n)) + 3`; log2 of an integer is never exactly x.5, so rounding ties never arise. */
export function longestRunMax(n: number): number {
  return Math.round(Math.log2(n)) + 3;
}

const crossingsCache = new Map<number, number>();

/** `qbinom(0.05, n − 1, 0.5)`, exactly: smallest x with 20 · Σ_{i≤x} C(n−1, i) ≥ 2^(n−1). */
export function crossingsMin(n: number): number {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`crossings minimum needs n ≥ 1, got ${n}`);
  const cached = crossingsCache.get(n);
  if (cached !== undefined) return cached;
  const row = binomialRow(n - 1);
  const all = 1n << BigInt(n - 1);
  let x = 0;
  for (let cumulative = row[0]!; 20n * cumulative < all; cumulative += row[x]!) x++;
  crossingsCache.set(n, x);
  return x;
}

/** The Anhøj analysis of one phase from its useful count, runs and crossings. */
export function anhoejAnalysis(
  useful: number,
  runs: readonly RunSpan[],
  crossings: number,
): AnhoejResult {
  if (useful === 0) {
    return {
      longestRunMax: null,
      crossingsMin: null,
      longRunSignal: false,
      crossingsSignal: false,
      signal: false,
      longRuns: [],
    };
  }
  const maxRun = longestRunMax(useful);
  const minCrossings = crossingsMin(useful);
  const longRuns = runs.filter((r) => r.length > maxRun).map((r) => ({ ...r }));
  const longRunSignal = longRuns.length > 0;
  const crossingsSignal = crossings < minCrossings;
  return {
    longestRunMax: maxRun,
    crossingsMin: minCrossings,
    longRunSignal,
    crossingsSignal,
    signal: longRunSignal || crossingsSignal,
    longRuns,
  };
}
