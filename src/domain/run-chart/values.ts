/**
 * From input points to run-chart values: RUNCHART.md §1.1. Missing weeks (`null`, `undefined`, NaN,
 * ±Infinity) become `null`; a proportion becomes its percent, and a zero or missing denominator (or a
 * missing numerator) makes the week missing, never 0%. An invalid proportion is a programming error
 * (the record schemas already forbid it), so it throws a RangeError naming the index.
 */
import type { Proportion, RunChartPoint } from './types';

function isMissingNumber(x: unknown): boolean {
  return typeof x !== 'number' || !Number.isFinite(x);
}

function percentOf(p: Proportion, index: number): number | null {
  const { numerator, denominator } = p;
  const bad = (why: string) => new RangeError(`run-chart point ${index}: ${why}`);
  if (typeof numerator === 'number' && numerator < 0) throw bad(`negative numerator ${numerator}`);
  if (typeof denominator === 'number' && denominator < 0)
    throw bad(`negative denominator ${denominator}`);
  if (!isMissingNumber(numerator) && !isMissingNumber(denominator) && numerator! > denominator!) {
    throw bad(`numerator ${numerator} is larger than denominator ${denominator}`);
  }
  if (isMissingNumber(denominator) || denominator === 0 || isMissingNumber(numerator)) return null;
  return (100 * numerator!) / denominator!;
}

/** The value of one point: a finite number, or `null` for a missing week. */
export function valueOf(point: RunChartPoint, index: number): number | null {
  if (point === null || point === undefined) return null;
  if (typeof point === 'number') return Number.isFinite(point) ? point : null;
  if (typeof point === 'object') return percentOf(point, index);
  throw new RangeError(`run-chart point ${index}: not a number, null or proportion`);
}

/** The values of all points, in input order. */
export function valuesOf(points: readonly RunChartPoint[]): (number | null)[] {
  return points.map((p, i) => valueOf(p, i));
}
