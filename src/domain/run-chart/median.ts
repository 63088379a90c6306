/**
 * Centre line and equality: RUNCHART.md §1.2 (median as R `median()`: the middle value, or the mean
 * of the two middle values) and §1.3 (two values are the same when
 * `|a − b| ≤ tolerance · max(1, |a|, |b|)`; tolerance 0 compares raw doubles, like qicharts2).
 */
import type { Side } from './types';

/** The median of `values` (non-missing numbers), or `null` when there are none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** True when `a` and `b` count as the same value under the §1.3 tolerance. */
export function sameValue(a: number, b: number, tolerance: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Which side of `centre` the value lies on: 1 above, −1 below, 0 on it (within tolerance). */
export function sideOf(value: number, centre: number, tolerance: number): Side {
  if (sameValue(value, centre, tolerance)) return 0;
  return value > centre ? 1 : -1;
}
