/**
 * Trends: RUNCHART.md §2.2. Missing weeks are skipped and the median is ignored. Successive equal
 * values (within the §1.3 tolerance) collapse into one plateau that counts once ("ignore the like
 * points when counting"); a trend is a maximal strictly monotone sequence of ≥ `trendLength`
 * plateaus. Flagging convention (RUNCHART.md Decision): the span runs from the LAST point of its first
 * plateau to the FIRST point of its last plateau; `length` is the number of plateaus. Trends may share
 * a turning plateau.
 */
import { sameValue } from './median';
import type { TrendSpan } from './types';

interface Plateau {
  first: number;
  last: number;
  /** Values of its first and last points (equal, or within the tolerance of each other step by step). */
  firstValue: number;
  lastValue: number;
}

function plateausOf(
  values: readonly (number | null)[],
  offset: number,
  tolerance: number,
): Plateau[] {
  const plateaus: Plateau[] = [];
  values.forEach((value, i) => {
    if (value === null) return;
    const previous = plateaus[plateaus.length - 1];
    // Ties are judged between successive observations.
    if (previous && sameValue(previous.lastValue, value, tolerance)) {
      previous.last = offset + i;
      previous.lastValue = value;
    } else {
      plateaus.push({ first: offset + i, last: offset + i, firstValue: value, lastValue: value });
    }
  });
  return plateaus;
}

/**
 * Every trend among `values` (indexed from `offset` in the input; `null` = missing week).
 */
export function findTrends(
  values: readonly (number | null)[],
  trendLength: number,
  tolerance: number,
  offset = 0,
): TrendSpan[] {
  const plateaus = plateausOf(values, offset, tolerance);
  const rises = (k: number) => plateaus[k + 1]!.firstValue > plateaus[k]!.lastValue;
  const trends: TrendSpan[] = [];
  let from = 0;
  // Invariant: plateaus from..j form one strictly monotone stretch.
  for (let j = 1; j < plateaus.length; j++) {
    const isLast = j === plateaus.length - 1;
    if (!isLast && rises(j) === rises(j - 1)) continue;
    const count = j - from + 1;
    if (count >= trendLength) {
      trends.push({
        start: plateaus[from]!.last,
        end: plateaus[j]!.first,
        length: count,
        direction: rises(from) ? 'up' : 'down',
      });
    }
    from = j;
  }
  return trends;
}
