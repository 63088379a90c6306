/**
 * Useful observations, runs and shifts: RUNCHART.md §1.4 and §2.1. A point on the median or a
 * missing week is skipped: it neither ends a run nor lengthens it (qicharts2 drops `sign(y − cl)`
 * values that are 0 or NA before `rle`). A shift is a maximal run of ≥ `shiftLength` useful points,
 * reported once however long it is.
 */
import type { RunSpan, Side } from './types';

export interface RunsSummary {
  /** Number of useful observations (non-missing, not on the median). */
  useful: number;
  /** Every maximal run, in time order; `start`/`end` are input indices of its first/last useful point. */
  runs: RunSpan[];
  /** Number of times the line crosses the median: runs − 1, or 0 without useful points. */
  crossings: number;
  /** Length of the longest run, or `null` without useful points. */
  longestRun: number | null;
}

/**
 * Splits the useful points of `sides` (indexed from `offset` in the input) into maximal runs.
 * `sides[i]` is `null` for a missing week and 0 for a point on the median.
 */
export function findRuns(sides: readonly (Side | null)[], offset = 0): RunsSummary {
  const runs: RunSpan[] = [];
  let current: RunSpan | null = null;
  let useful = 0;
  sides.forEach((side, i) => {
    if (side === null || side === 0) return;
    useful++;
    const direction = side > 0 ? 'above' : 'below';
    if (current && current.direction === direction) {
      current.end = offset + i;
      current.length++;
    } else {
      current = { start: offset + i, end: offset + i, length: 1, direction };
      runs.push(current);
    }
  });
  const longestRun =
    runs.length === 0 ? null : runs.reduce((longest, r) => Math.max(longest, r.length), 0);
  return { useful, runs, crossings: Math.max(runs.length - 1, 0), longestRun };
}

/** The runs of at least `minLength` useful points (shifts with `shiftLength`). */
export function runsAtLeast(runs: readonly RunSpan[], minLength: number): RunSpan[] {
  return runs.filter((r) => r.length >= minLength).map((r) => ({ ...r }));
}
