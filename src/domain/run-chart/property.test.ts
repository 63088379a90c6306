/**
 * Property test (RUNCHART.md §5): the analysis against a naive brute-force version of the same rules,
 * written plainly below, on random series with missing weeks, ties, proportions with zero
 * denominators, points on the median, baselines and phases. Also long series of 520 points.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeRunChart } from './index';
import type { RunChartOptions, RunChartPoint } from './types';

type Span = { start: number; end: number; length: number; direction: string };

interface NaivePhase {
  median: number | null;
  sides: (number | null)[];
  useful: number;
  runs: number;
  crossings: number;
  longestRun: number | null;
  shifts: Span[];
  trends: Span[];
  anhoejSignal: boolean;
}

const TOL = 1e-9;
const same = (a: number, b: number) =>
  Math.abs(a - b) <= TOL * Math.max(1, Math.abs(a), Math.abs(b));

function naiveValue(p: RunChartPoint): number | null {
  if (p === null || p === undefined) return null;
  if (typeof p === 'number') return Number.isFinite(p) ? p : null;
  const { numerator, denominator } = p;
  if (typeof numerator !== 'number' || typeof denominator !== 'number' || denominator === 0)
    return null;
  return (100 * numerator) / denominator;
}

function naiveMedian(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/** Shifts by sliding windows: every window of 6 consecutive useful points on one side is marked, then merged. */
function naiveShifts(useful: { index: number; side: number }[], shiftLength: number): Span[] {
  const marked = useful.map(() => false);
  for (let i = 0; i + shiftLength <= useful.length; i++) {
    const window = useful.slice(i, i + shiftLength);
    if (window.every((u) => u.side === window[0]!.side))
      for (let j = i; j < i + shiftLength; j++) marked[j] = true;
  }
  const spans: Span[] = [];
  useful.forEach((u, j) => {
    if (!marked[j]) return;
    const last = spans[spans.length - 1];
    const direction = u.side > 0 ? 'above' : 'below';
    if (last && marked[j - 1] && useful[j - 1]!.side === u.side) {
      last.end = u.index;
      last.length++;
    } else spans.push({ start: u.index, end: u.index, length: 1, direction });
  });
  return spans;
}

/** Trends by checking every pair of observations and keeping the maximal monotone stretches. */
function naiveTrends(obs: { index: number; value: number }[], trendLength: number): Span[] {
  const candidates: (Span & { from: number; to: number })[] = [];
  for (let p = 0; p < obs.length; p++) {
    for (let q = p + 1; q < obs.length; q++) {
      const seq = obs.slice(p, q + 1).map((o) => o.value);
      if (same(seq[0]!, seq[1]!) || same(seq[seq.length - 2]!, seq[seq.length - 1]!)) continue;
      const up = seq[1]! > seq[0]!;
      let plateaus = 1;
      let monotone = true;
      for (let i = 1; i < seq.length; i++) {
        if (same(seq[i - 1]!, seq[i]!)) continue;
        plateaus++;
        if (seq[i]! > seq[i - 1]! !== up) monotone = false;
      }
      if (monotone) {
        candidates.push({
          from: p,
          to: q,
          start: obs[p]!.index,
          end: obs[q]!.index,
          length: plateaus,
          direction: up ? 'up' : 'down',
        });
      }
    }
  }
  return candidates
    .filter(
      (c) =>
        !candidates.some(
          (d) => d !== c && d.direction === c.direction && d.from <= c.from && d.to >= c.to,
        ),
    )
    .filter((c) => c.length >= trendLength)
    .map(({ start, end, length, direction }) => ({ start, end, length, direction }))
    .sort((a, b) => a.start - b.start);
}

function naiveAnhoejSignal(n: number, longest: number | null, crossings: number): boolean {
  if (n === 0) return false;
  // Floating point is precise enough for these short series.
  let cumulative = 0;
  let minCrossings = 0;
  for (let x = 0; x <= n - 1; x++) {
    let c = 1;
    for (let i = 0; i < x; i++) c = (c * (n - 1 - i)) / (i + 1);
    cumulative += c / 2 ** (n - 1);
    if (cumulative >= 0.05 - 1e-12) {
      minCrossings = x;
      break;
    }
  }
  return longest! > Math.round(Math.log2(n)) + 3 || crossings < minCrossings;
}

function naivePhase(
  values: (number | null)[],
  offset: number,
  baselineCount: number | null,
): NaivePhase {
  const obs = values.flatMap((v, i) => (v === null ? [] : [{ index: offset + i, value: v }]));
  const base = baselineCount === null ? obs : obs.slice(0, baselineCount);
  const median = naiveMedian(base.map((o) => o.value));
  const sides = values.map((v) =>
    v === null || median === null ? null : same(v, median) ? 0 : v > median ? 1 : -1,
  );
  const useful = sides.flatMap((s, i) =>
    s === null || s === 0 ? [] : [{ index: offset + i, side: s }],
  );
  let runs = 0;
  let longest = 0;
  let length = 0;
  useful.forEach((u, j) => {
    if (j === 0 || useful[j - 1]!.side !== u.side) {
      runs++;
      length = 1;
    } else length++;
    longest = Math.max(longest, length);
  });
  const crossings = Math.max(runs - 1, 0);
  return {
    median,
    sides,
    useful: useful.length,
    runs,
    crossings,
    longestRun: useful.length ? longest : null,
    shifts: naiveShifts(useful, 6),
    trends: naiveTrends(obs, 5),
    anhoejSignal: naiveAnhoejSignal(useful.length, useful.length ? longest : null, crossings),
  };
}

function naiveAnalysis(
  points: RunChartPoint[],
  phaseStarts: number[],
  baselineCount: number | null,
) {
  const values = points.map(naiveValue);
  const starts = [...new Set([0, ...phaseStarts.filter((s) => s > 0 && s < values.length)])].sort(
    (a, b) => a - b,
  );
  return starts.map((s, i) =>
    naivePhase(values.slice(s, starts[i + 1] ?? values.length), s, baselineCount),
  );
}

const point: fc.Arbitrary<RunChartPoint> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 6 }) },
  { weight: 2, arbitrary: fc.constantFrom(null, undefined, Number.NaN, Infinity) },
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: 0, max: 4 })
      .chain((d) =>
        fc.record({ numerator: fc.integer({ min: 0, max: d }), denominator: fc.constant(d) }),
      ),
  },
  { weight: 1, arbitrary: fc.constantFrom(0.1 + 0.2, 0.3, 0.15) },
);

const scenario = fc.record({
  points: fc.array(point, { maxLength: 45 }),
  phaseStarts: fc.array(fc.integer({ min: -2, max: 48 }), { maxLength: 3 }),
  baselineCount: fc.option(fc.integer({ min: 1, max: 14 }), { nil: null }),
});

function compare(
  points: RunChartPoint[],
  phaseStarts: number[],
  baselineCount: number | null,
): void {
  const options: RunChartOptions = { phaseStarts, baselineCount };
  const result = analyzeRunChart(points, options);
  const naive = naiveAnalysis(points, phaseStarts, baselineCount);
  expect(result.phases).toHaveLength(points.length === 0 ? 0 : naive.length);
  result.phases.forEach((phase, i) => {
    const expected = naive[i]!;
    expect(phase.median).toBe(expected.median);
    expect(result.points.slice(phase.start, phase.end + 1).map((p) => p.side)).toEqual(
      expected.sides,
    );
    expect([phase.useful, phase.runs, phase.crossings, phase.longestRun]).toEqual([
      expected.useful,
      expected.runs,
      expected.crossings,
      expected.longestRun,
    ]);
    expect(phase.shifts).toEqual(expected.shifts);
    expect(phase.trends).toEqual(expected.trends);
    expect(phase.anhoej.signal).toBe(expected.anhoejSignal);
  });
  expect(result.shifts).toEqual(naive.flatMap((p) => p.shifts));
  expect(result.trends).toEqual(naive.flatMap((p) => p.trends));
}

describe('analyzeRunChart against a naive brute-force version', () => {
  it('agrees on median, sides, runs, crossings, longest run, shifts, trends and the Anhøj signal', () => {
    fc.assert(
      fc.property(scenario, ({ points, phaseStarts, baselineCount }) =>
        compare(points, phaseStarts, baselineCount),
      ),
      { numRuns: 1500 },
    );
  });

  it('agrees on series built around the median (many points on it, long runs and plateaus)', () => {
    const clustered = fc.array(fc.oneof(fc.constantFrom(3, 3, 3, 2, 4), fc.constant(null)), {
      minLength: 10,
      maxLength: 40,
    });
    fc.assert(
      fc.property(clustered, (points) => compare(points, [], null)),
      { numRuns: 500 },
    );
  });
});

/** A deterministic pseudo-random generator (mulberry32), so the long series are the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('analyzeRunChart on long series (520 weeks)', () => {
  it('agrees with the naive version on a 520-point series with gaps, ties and proportions', () => {
    const random = mulberry32(520);
    const points: RunChartPoint[] = Array.from({ length: 520 }, () => {
      const r = random();
      if (r < 0.1) return null;
      if (r < 0.3) {
        const d = Math.floor(random() * 5);
        return { numerator: Math.floor(random() * (d + 1)), denominator: d };
      }
      return Math.floor(random() * 8);
    });
    compare(points, [], null);
    compare(points, [130, 260, 390], 12);
  });

  it('computes the runs limits and Anhøj limits for n = 520 and flags a too-many-runs zig-zag', () => {
    const zigzag = Array.from({ length: 520 }, (_, i) => (i % 2 ? 9 : 1));
    const r = analyzeRunChart(zigzag);
    const phase = r.phases[0]!;
    expect([phase.useful, phase.runs, phase.crossings, phase.longestRun]).toEqual([
      520, 520, 519, 1,
    ]);
    expect(phase.runsVerdict).toBe('too-many');
    expect(phase.runsLimits!.upper).toBeLessThan(520);
    expect(phase.anhoej).toMatchObject({ longestRunMax: 12, crossingsMin: 241, signal: false });
    expect(r.trends).toEqual([]);
  });

  it('finds a level change in 520 weeks as one long run per side', () => {
    const step = Array.from({ length: 520 }, (_, i) => (i < 260 ? 10 + (i % 3) : 20 + (i % 3)));
    const r = analyzeRunChart(step, { rules: 'anhoej' });
    // Median (12 + 20) / 2 = 16: 260 below then 260 above.
    expect(r.phases[0]).toMatchObject({
      median: 16,
      runs: 2,
      longestRun: 260,
      runsVerdict: 'too-few',
    });
    expect(r.shifts).toEqual([
      { start: 0, end: 259, length: 260, direction: 'below' },
      { start: 260, end: 519, length: 260, direction: 'above' },
    ]);
    expect(r.phases[0]!.anhoej.longRuns).toHaveLength(2);
    expect(r.points.every((p) => p.signal)).toBe(true);
    expect(r.signal).toBe(true);
  });
});
