import { describe, expect, it } from 'vitest';
import { anhoejAnalysis, crossingsMin, longestRunMax } from './anhoej';

// RUNCHART.md §3.2: [n, max run, min crossings] for n = 10 … 100 (qicharts2 vignette Appendix 2).
const SPEC_TABLE: [number, number, number][] = [
  [10, 6, 2],
  [11, 6, 2],
  [12, 7, 3],
  [13, 7, 3],
  [14, 7, 4],
  [15, 7, 4],
  [16, 7, 4],
  [17, 7, 5],
  [18, 7, 5],
  [19, 7, 6],
  [20, 7, 6],
  [21, 7, 6],
  [22, 7, 7],
  [23, 8, 7],
  [24, 8, 8],
  [25, 8, 8],
  [26, 8, 8],
  [27, 8, 9],
  [28, 8, 9],
  [29, 8, 10],
  [30, 8, 10],
  [31, 8, 11],
  [32, 8, 11],
  [33, 8, 11],
  [34, 8, 12],
  [35, 8, 12],
  [36, 8, 13],
  [37, 8, 13],
  [38, 8, 14],
  [39, 8, 14],
  [40, 8, 14],
  [41, 8, 15],
  [42, 8, 15],
  [43, 8, 16],
  [44, 8, 16],
  [45, 8, 17],
  [46, 9, 17],
  [47, 9, 17],
  [48, 9, 18],
  [49, 9, 18],
  [50, 9, 19],
  [51, 9, 19],
  [52, 9, 20],
  [53, 9, 20],
  [54, 9, 21],
  [55, 9, 21],
  [56, 9, 21],
  [57, 9, 22],
  [58, 9, 22],
  [59, 9, 23],
  [60, 9, 23],
  [61, 9, 24],
  [62, 9, 24],
  [63, 9, 25],
  [64, 9, 25],
  [65, 9, 25],
  [66, 9, 26],
  [67, 9, 26],
  [68, 9, 27],
  [69, 9, 27],
  [70, 9, 28],
  [71, 9, 28],
  [72, 9, 29],
  [73, 9, 29],
  [74, 9, 29],
  [75, 9, 30],
  [76, 9, 30],
  [77, 9, 31],
  [78, 9, 31],
  [79, 9, 32],
  [80, 9, 32],
  [81, 9, 33],
  [82, 9, 33],
  [83, 9, 34],
  [84, 9, 34],
  [85, 9, 34],
  [86, 9, 35],
  [87, 9, 35],
  [88, 9, 36],
  [89, 9, 36],
  [90, 9, 37],
  [91, 10, 37],
  [92, 10, 38],
  [93, 10, 38],
  [94, 10, 39],
  [95, 10, 39],
  [96, 10, 39],
  [97, 10, 40],
  [98, 10, 40],
  [99, 10, 41],
  [100, 10, 41],
];

describe('Anhøj limits', () => {
  it.each(SPEC_TABLE)(
    'n = %i: longest run ≤ %i, crossings ≥ %i (RUNCHART.md §3.2)',
    (n, maxRun, minCrossings) => {
      expect(longestRunMax(n)).toBe(maxRun);
      expect(crossingsMin(n)).toBe(minCrossings);
    },
  );

  it('gives the small-n values worked out in the examples (n = 1, 4, 6)', () => {
    // n = 1: Binomial(0, ½) is 0 with certainty -> 0; log2 1 = 0 -> 3.
    expect([longestRunMax(1), crossingsMin(1)]).toEqual([3, 0]);
    // n = 4: P(X ≤ 0) = 1/8 ≥ 0.05 -> 0; log2 4 = 2 -> 5.
    expect([longestRunMax(4), crossingsMin(4)]).toEqual([5, 0]);
    // n = 6: P(X ≤ 0) = 1/32 < 0.05 ≤ P(X ≤ 1) = 6/32 -> 1; round(2.58) = 3 -> 6.
    expect([longestRunMax(6), crossingsMin(6)]).toEqual([6, 1]);
  });

  it('computes the crossings minimum exactly for long series (n = 520)', () => {
    const n = 520;
    const x = crossingsMin(n);
    // Exact check in BigInt: P(X ≤ x − 1) < 0.05 ≤ P(X ≤ x).
    let c = 1n;
    let cumulative = 0n;
    const cum: bigint[] = [];
    for (let k = 0; k <= n - 1; k++) {
      cumulative += c;
      cum.push(cumulative);
      c = (c * BigInt(n - 1 - k)) / BigInt(k + 1);
    }
    const all = 1n << BigInt(n - 1);
    expect(20n * cum[x - 1]! < all).toBe(true);
    expect(20n * cum[x]! >= all).toBe(true);
    expect(x).toBe(241); // normal approximation: 259.5 − 1.645 · √519 / 2 ≈ 240.8
    expect(longestRunMax(n)).toBe(12); // log2 520 = 9.02
  });

  it('rejects n < 1 for the crossings minimum', () => {
    expect(() => crossingsMin(0)).toThrow(RangeError);
  });
});

describe('anhoejAnalysis', () => {
  it('gives null limits and no signal without useful observations', () => {
    expect(anhoejAnalysis(0, [], 0)).toEqual({
      longestRunMax: null,
      crossingsMin: null,
      longRunSignal: false,
      crossingsSignal: false,
      signal: false,
      longRuns: [],
    });
  });

  it('signals a run longer than the limit and lists it, but not a run equal to it', () => {
    const runs = [
      { start: 0, end: 6, length: 7, direction: 'above' as const },
      { start: 7, end: 14, length: 8, direction: 'below' as const },
    ];
    // n = 15: limit 7 -> only the run of 8 is long; crossings 1 < 4.
    const result = anhoejAnalysis(15, runs, 1);
    expect(result.longRuns).toEqual([runs[1]]);
    expect(result.longRunSignal).toBe(true);
    expect(result.crossingsSignal).toBe(true);
    expect(result.signal).toBe(true);
  });
});
