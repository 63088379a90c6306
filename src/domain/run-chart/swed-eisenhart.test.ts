import { describe, expect, it } from 'vitest';
import { runsDistribution, runsLimits, runsTest } from './swed-eisenhart';

// RUNCHART.md §2.3 table: [n useful, lower, upper] from the exact computation.
const SPEC_TABLE: [number, number, number][] = [
  [10, 3, 9],
  [11, 4, 9],
  [12, 4, 10],
  [13, 4, 11],
  [14, 4, 12],
  [15, 5, 12],
  [16, 5, 13],
  [17, 6, 13],
  [18, 6, 14],
  [19, 6, 15],
  [20, 7, 15],
  [21, 7, 16],
  [22, 8, 16],
  [23, 8, 17],
  [24, 8, 18],
  [25, 9, 18],
  [26, 9, 19],
  [27, 10, 19],
  [28, 10, 20],
  [29, 10, 21],
  [30, 11, 21],
  [31, 11, 22],
  [32, 12, 22],
  [33, 12, 23],
  [34, 12, 24],
  [35, 13, 24],
  [36, 13, 25],
  [37, 14, 25],
  [38, 14, 26],
  [39, 14, 26],
  [40, 15, 27],
  [41, 15, 28],
  [42, 16, 28],
  [43, 16, 29],
  [44, 17, 29],
  [45, 17, 30],
  [46, 17, 31],
  [47, 18, 31],
  [48, 18, 32],
  [49, 19, 32],
  [50, 19, 33],
  [51, 20, 33],
  [52, 20, 34],
  [53, 20, 35],
  [54, 21, 35],
  [55, 21, 36],
  [56, 22, 36],
  [57, 22, 37],
  [58, 23, 37],
  [59, 23, 38],
  [60, 24, 38],
];

/** Counts runs of every arrangement of n1 zeros and n2 ones by enumeration (independent of the formula). */
function enumerateRuns(n: number): number[] {
  const n1 = Math.floor(n / 2);
  const counts = Array.from({ length: n + 1 }, () => 0);
  for (let mask = 0; mask < 1 << n; mask++) {
    let ones = 0;
    for (let b = 0; b < n; b++) ones += (mask >> b) & 1;
    if (ones !== n - n1) continue;
    let runs = 1;
    for (let b = 1; b < n; b++) if (((mask >> b) & 1) !== ((mask >> (b - 1)) & 1)) runs++;
    counts[runs]!++;
  }
  return counts;
}

describe('runsDistribution', () => {
  it('matches a full enumeration of arrangements for n = 2 … 18', () => {
    for (let n = 2; n <= 18; n++) {
      const { counts, total } = runsDistribution(n);
      expect(counts.map(Number)).toEqual(enumerateRuns(n));
      expect(counts.reduce((a, b) => a + b, 0n)).toBe(total);
    }
  });

  it('gives the published check-point for n1 = n2 = 10: P(R ≤ 6) = 0.019, P(R ≥ 16) = 0.019', () => {
    const { counts, total } = runsDistribution(20);
    expect(total).toBe(184756n);
    const atMost6 = counts.slice(0, 7).reduce((a, b) => a + b, 0n);
    const atLeast16 = counts.slice(16).reduce((a, b) => a + b, 0n);
    expect(Number(atMost6) / Number(total)).toBeCloseTo(0.019, 3);
    expect(Number(atLeast16) / Number(total)).toBeCloseTo(0.019, 3);
    const atMost7 = atMost6 + counts[7]!;
    expect(Number(atMost7) / Number(total)).toBeCloseTo(0.051, 3);
  });
});

describe('runsLimits', () => {
  it.each(SPEC_TABLE)('n = %i useful gives %i–%i (RUNCHART.md §2.3 table)', (n, lower, upper) => {
    expect(runsLimits(n)).toEqual({ lower, upper });
  });

  it('puts each limit exactly at the 2.5% boundary for n = 10 … 200', () => {
    for (let n = 10; n <= 200; n++) {
      const { counts, total } = runsDistribution(n);
      const { lower, upper } = runsLimits(n);
      const below = (r: number) => counts.slice(0, r + 1).reduce((a, b) => a + b, 0n);
      const above = (r: number) => counts.slice(r).reduce((a, b) => a + b, 0n);
      expect(40n * below(lower - 1) <= total).toBe(true); // too few is rejected
      expect(40n * below(lower) > total).toBe(true); // lower itself is acceptable
      expect(40n * above(upper + 1) <= total).toBe(true);
      expect(40n * above(upper) > total).toBe(true);
    }
  });

  it('computes limits for long series (n = 520) near the normal approximation', () => {
    const { lower, upper } = runsLimits(520);
    // Mean 261, sd ≈ √(519/4) ≈ 11.39; ±1.96 sd ≈ 238.7 … 283.3.
    expect(lower).toBeGreaterThanOrEqual(237);
    expect(lower).toBeLessThanOrEqual(240);
    expect(upper).toBeGreaterThanOrEqual(282);
    expect(upper).toBeLessThanOrEqual(285);
    expect(lower + upper).toBe(522); // symmetric around the mean n/2 + 1 for even n
  });

  it('throws a RangeError below n = 2', () => {
    expect(() => runsLimits(1)).toThrow(RangeError);
    expect(() => runsLimits(2.5)).toThrow(RangeError);
  });
});

describe('runsTest', () => {
  it('gives no limits and no verdict with fewer than 10 useful observations', () => {
    expect(runsTest(9, 1)).toEqual({ limits: null, verdict: null });
    expect(runsTest(0, 0)).toEqual({ limits: null, verdict: null });
  });

  it('judges too few below the lower limit and too many above the upper limit', () => {
    expect(runsTest(20, 6).verdict).toBe('too-few');
    expect(runsTest(20, 7).verdict).toBe('ok');
    expect(runsTest(20, 15).verdict).toBe('ok');
    expect(runsTest(20, 16).verdict).toBe('too-many');
    expect(runsTest(10, 2).verdict).toBe('too-few');
    expect(runsTest(10, 10).verdict).toBe('too-many');
  });
});
