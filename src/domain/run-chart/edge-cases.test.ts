/**
 * RUNCHART.md §4, one block per edge case. Every expectation below was worked out by hand from the
 * rules (the working is in the comment beside each case), not produced by running the code.
 */
import { describe, expect, it } from 'vitest';
import { analyzeRunChart } from './index';
import type { RunChartAnalysis } from './types';

const where = (r: RunChartAnalysis, test: (p: RunChartAnalysis['points'][number]) => boolean) =>
  r.points.filter(test).map((p) => p.index);
const ALTERNATING_1_5 = [5, 1, 5, 1, 5, 1, 5, 1, 5, 1];

describe('analyzeRunChart edge cases (RUNCHART.md §4, worked by hand)', () => {
  describe('missing weeks', () => {
    it('skips them everywhere, keeps their position and never lets them break a shift', () => {
      // Baseline 5,1,…,1 -> median (1+5)/2 = 3 (frozen, k = 10); baseline ends below. Then 4 above at
      // indices 10, 12, 14, 15, 17, 18 with missing weeks at 11, 13, 16 -> one shift of 6 from 10 to 18.
      const points = [...ALTERNATING_1_5, 4, null, 4, Number.NaN, 4, 4, Infinity, 4, 4];
      const r = analyzeRunChart(points, { baselineCount: 10 });
      const phase = r.phases[0]!;
      expect(r.n).toBe(19);
      expect([
        phase.median,
        phase.nonMissing,
        phase.useful,
        phase.runs,
        phase.crossings,
        phase.longestRun,
      ]).toEqual([3, 16, 16, 11, 10, 6]);
      expect(r.shifts).toEqual([{ start: 10, end: 18, length: 6, direction: 'above' }]);
      expect(where(r, (p) => p.shift)).toEqual([10, 12, 14, 15, 17, 18]);
      expect(where(r, (p) => p.value === null)).toEqual([11, 13, 16]);
      expect(r.points[11]).toMatchObject({
        value: null,
        side: null,
        shift: false,
        median: 3,
        phase: 0,
      });
      expect(r.trends).toEqual([]); // 1 -> 4 rises once, then the 4s are one plateau
    });

    it('never lets them break a trend', () => {
      // Observations 1, 2, 3, 4, 5 at indices 0, 2, 3, 5, 6 -> one 5-point trend 0..6.
      const r = analyzeRunChart([1, null, 2, 3, undefined, 4, 5]);
      expect(r.trends).toEqual([{ start: 0, end: 6, length: 5, direction: 'up' }]);
      expect(where(r, (p) => p.trend)).toEqual([0, 2, 3, 5, 6]);
    });

    it('handles a series of missing weeks only, and an empty series, without crashing', () => {
      const r = analyzeRunChart([null, Number.NaN, -Infinity]);
      expect(r.phases[0]).toMatchObject({
        median: null,
        nonMissing: 0,
        enoughData: false,
        useful: 0,
        runs: 0,
        longestRun: null,
      });
      expect(r.points.map((p) => p.side)).toEqual([null, null, null]);
      const empty = analyzeRunChart([]);
      expect([empty.n, empty.phases, empty.points, empty.signal]).toEqual([0, [], [], false]);
    });
  });

  describe('even-count median', () => {
    it.each([
      // [points, median, indices on the median]
      [[1, 2, 3, 4], 2.5, []], // (2+3)/2 is no data value
      [[1, 2, 2, 3], 2, [1, 2]], // both middle values are 2: every 2 lies on it
      [[9, 2, 1, 2], 2, [1, 3]],
    ])('%j has median %d with points %j on it', (points, med, onMedian) => {
      const r = analyzeRunChart(points);
      expect(r.phases[0]!.median).toBe(med);
      expect(where(r, (p) => p.side === 0)).toEqual(onMedian);
    });
  });

  describe('point exactly on the median', () => {
    it('is compared with the 1e-9 tolerance, and with raw doubles when tolerance is 0', () => {
      // Baseline 0.1, 0.2 -> median 0.15000000000000002; 0.15 is on it only within tolerance.
      expect(
        analyzeRunChart([0.1, 0.2, 0.15], { baselineCount: 2 }).points.map((p) => p.side),
      ).toEqual([-1, 1, 0]);
      expect(
        analyzeRunChart([0.1, 0.2, 0.15], { baselineCount: 2, tolerance: 0 }).points.map(
          (p) => p.side,
        ),
      ).toEqual([-1, 1, -1]);
    });

    it('can decide whether a shift exists (one ulp)', () => {
      // Baseline 0.1, 0.2 ends above; then five 0.14 and one 0.15. With tolerance, 0.15 is on the median:
      // only 5 useful below -> no shift. Compared raw, 0.15 < 0.15000000000000002: 6 below -> shift 2..7.
      const points = [0.1, 0.2, 0.14, 0.14, 0.14, 0.14, 0.14, 0.15];
      expect(analyzeRunChart(points, { baselineCount: 2 }).shifts).toEqual([]);
      expect(analyzeRunChart(points, { baselineCount: 2, tolerance: 0 }).shifts).toEqual([
        { start: 2, end: 7, length: 6, direction: 'below' },
      ]);
    });

    it('counts for a trend although it is skipped by the runs', () => {
      // Median 3 = index 2, which still counts in the rise 1..5.
      const r = analyzeRunChart([1, 2, 3, 4, 5]);
      expect(r.points[2]).toMatchObject({ side: 0, trend: true });
      expect([r.phases[0]!.useful, r.phases[0]!.runs]).toEqual([4, 2]);
    });
  });

  describe('all points equal the median', () => {
    it('gives 0 useful, 0 runs, null longest run, no verdicts and no trend, with missing weeks too', () => {
      const r = analyzeRunChart([7, null, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7]);
      expect(r.phases[0]).toMatchObject({
        median: 7,
        nonMissing: 11,
        enoughData: true,
        useful: 0,
        runs: 0,
        crossings: 0,
        longestRun: null,
        runsLimits: null,
        runsVerdict: null,
        shifts: [],
        trends: [],
        anhoej: {
          longestRunMax: null,
          crossingsMin: null,
          longRunSignal: false,
          crossingsSignal: false,
          signal: false,
          longRuns: [],
        },
      });
      expect(r.signal).toBe(false);
    });
  });

  describe('fewer than 10 points', () => {
    it('computes the patterns but reports enoughData false and no runs verdict', () => {
      // 1..9: median 5 (index 4 on it), 8 useful, sides ----++++ -> 2 runs, 1 crossing, longest 4.
      // Anhøj n = 8: round(log2 8) + 3 = 6; qbinom(0.05, 7, ½) = 1 (1/128 < 0.05 ≤ 8/128).
      const r = analyzeRunChart([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(r.phases[0]).toMatchObject({
        median: 5,
        nonMissing: 9,
        enoughData: false,
        useful: 8,
        runs: 2,
        crossings: 1,
        longestRun: 4,
        runsLimits: null,
        runsVerdict: null,
        anhoej: {
          longestRunMax: 6,
          crossingsMin: 1,
          longRunSignal: false,
          crossingsSignal: false,
          signal: false,
        },
      });
      expect(r.trends).toEqual([{ start: 0, end: 8, length: 9, direction: 'up' }]);
      expect(r.summary.ihi.trend).toBe(true);
    });

    it('gives no runs verdict with 12 points of which only 2 are useful', () => {
      const r = analyzeRunChart([5, 5, 5, 5, 5, 1, 9, 5, 5, 5, 5, 5]);
      expect(r.phases[0]).toMatchObject({
        enoughData: true,
        useful: 2,
        runs: 2,
        runsLimits: null,
        runsVerdict: null,
      });
      expect(r.trends).toEqual([]); // plateaus 5, 1, 9, 5
    });

    it('honours minPoints', () => {
      expect(analyzeRunChart([1, 2, 3], { minPoints: 3 }).phases[0]!.enoughData).toBe(true);
      expect(analyzeRunChart([1, null, 3], { minPoints: 3 }).phases[0]!.enoughData).toBe(false);
    });

    it('runs the test from exactly 10 useful: 10 alternating points are too many runs, marking no point', () => {
      // n = 10: limits 3..9; 10 runs > 9.
      const r = analyzeRunChart([1, 9, 1, 9, 1, 9, 1, 9, 1, 9]);
      expect(r.phases[0]).toMatchObject({
        useful: 10,
        runs: 10,
        runsLimits: { lower: 3, upper: 9 },
        runsVerdict: 'too-many',
      });
      expect(r.summary.ihi).toEqual({ shift: false, trend: false, runs: true, any: true });
      expect(r.signal).toBe(true);
      expect(where(r, (p) => p.signal)).toEqual([]);
    });
  });

  describe('trend with ties', () => {
    it.each([
      // 9, 8 8 8, 7, 6, 5 5 -> plateaus 9 8 7 6 5: from the last (only) 9 to the first 5.
      [[9, 8, 8, 8, 7, 6, 5, 5], [{ start: 0, end: 6, length: 5, direction: 'down' }]],
      // 1, 2 2, 3, 4 -> only 4 plateaus.
      [[1, 2, 2, 3, 4], []],
      // A turning point belongs to both trends.
      [
        [1, 2, 3, 4, 5, 4, 3, 2, 1],
        [
          { start: 0, end: 4, length: 5, direction: 'up' },
          { start: 4, end: 8, length: 5, direction: 'down' },
        ],
      ],
      // A flat before the movement is not part of it: 4 4 4 | 3 2 1 0 -> from the last 4.
      [[4, 4, 4, 3, 2, 1, 0], [{ start: 2, end: 6, length: 5, direction: 'down' }]],
    ])('%j gives %j', (points, trends) => {
      expect(analyzeRunChart(points).trends).toEqual(trends);
    });

    it('treats values within the tolerance as a tie', () => {
      // 0.3 and 0.1 + 0.2 = 0.30000000000000004 are one plateau -> 4 plateaus, no trend;
      // compared raw they rise, giving 5.
      const points = [0.3, 0.1 + 0.2, 0.4, 0.5, 0.6];
      expect(analyzeRunChart(points).trends).toEqual([]);
      expect(analyzeRunChart(points, { tolerance: 0 }).trends).toEqual([
        { start: 0, end: 4, length: 5, direction: 'up' },
      ]);
    });
  });

  describe('shift and trend overlapping', () => {
    it('reports both; the shift takes in the last baseline point on the same side', () => {
      // Baseline 3,7,… median 5; baseline ends with 7 (above, index 9), then 6..11 above -> shift 9..15 (7).
      // 7 -> 6 falls, then 6,7,8,9,10,11 rise -> trend 10..15 (6 plateaus). Runs: 9 baseline runs + 1 = 10,
      // 16 useful -> limits 5..13 ok. Anhøj n = 16: limit 7, longest 7 is not > 7.
      const r = analyzeRunChart([3, 7, 3, 7, 3, 7, 3, 7, 3, 7, 6, 7, 8, 9, 10, 11], {
        baselineCount: 10,
      });
      expect(r.shifts).toEqual([{ start: 9, end: 15, length: 7, direction: 'above' }]);
      expect(r.trends).toEqual([{ start: 10, end: 15, length: 6, direction: 'up' }]);
      expect(r.phases[0]).toMatchObject({
        runs: 10,
        crossings: 9,
        runsVerdict: 'ok',
        anhoej: { signal: false },
      });
      expect(where(r, (p) => p.signal)).toEqual([9, 10, 11, 12, 13, 14, 15]);
      const anhoej = analyzeRunChart([3, 7, 3, 7, 3, 7, 3, 7, 3, 7, 6, 7, 8, 9, 10, 11], {
        baselineCount: 10,
        rules: 'anhoej',
      });
      expect([anhoej.signal, where(anhoej, (p) => p.signal)]).toEqual([false, []]);
    });
  });

  describe('percent with a zero denominator', () => {
    it('is a missing week, never 0%; 0 over a positive denominator is a real 0%', () => {
      const r = analyzeRunChart([
        { numerator: 0, denominator: 0 },
        { numerator: 1, denominator: 2 },
        { numerator: null, denominator: 4 },
        { numerator: 0, denominator: 4 },
        { numerator: 3, denominator: undefined },
        { numerator: 1, denominator: 3 },
      ]);
      expect(r.points.map((p) => p.value)).toEqual([null, 50, null, 0, null, 100 / 3]);
      expect(r.phases[0]!.nonMissing).toBe(3);
      expect(r.phases[0]!.median).toBe(100 / 3);
    });

    it.each([
      [{ numerator: 5, denominator: 4 }],
      [{ numerator: -1, denominator: 4 }],
      [{ numerator: 1, denominator: -4 }],
      [{ numerator: 3, denominator: 0 }],
    ])('throws a RangeError naming the index for %j', (bad) => {
      expect(() => analyzeRunChart([1, 2, bad])).toThrow(RangeError);
      expect(() => analyzeRunChart([1, 2, bad])).toThrow(/point 2/);
    });

    it('accepts a negative plain number (only proportions are checked)', () => {
      expect(analyzeRunChart([-5, 0, 5]).phases[0]!.median).toBe(0);
    });
  });

  describe('baseline frozen vs not', () => {
    it('takes the median from the first k observations of the phase, not the first k weeks', () => {
      // Observations 1, 2, 3 (indices 2..4) -> median 2; the later 100s do not move it.
      const r = analyzeRunChart([null, null, 1, 2, 3, 100, 100], { baselineCount: 3 });
      expect(r.phases[0]).toMatchObject({ median: 2, baselineCount: 3, baselineComplete: true });
      expect(r.points.map((p) => p.side)).toEqual([null, null, -1, 0, 1, 1, 1]);
    });

    it('uses the observations it has and reports baselineComplete false while fewer than k exist', () => {
      // 5 observations < 8: median of 1, 2, 3, 100, 100 = 3.
      expect(
        analyzeRunChart([null, null, 1, 2, 3, 100, 100], { baselineCount: 8 }).phases[0],
      ).toMatchObject({
        median: 3,
        baselineCount: 8,
        baselineComplete: false,
      });
      expect(analyzeRunChart([1, 2, 3, 100, 100]).phases[0]).toMatchObject({
        median: 3,
        baselineCount: null,
        baselineComplete: true,
      });
    });

    it('rejects a baselineCount that is not a positive integer', () => {
      expect(() => analyzeRunChart([1, 2], { baselineCount: 0 })).toThrow(RangeError);
      expect(() => analyzeRunChart([1, 2], { baselineCount: 2.5 })).toThrow(RangeError);
      expect(() => analyzeRunChart([1, 2], { baselineCount: [3, -1] })).toThrow(RangeError);
    });
  });

  describe('re-phasing', () => {
    it('analyses each phase afresh: its own median, and no trend across the boundary', () => {
      // 1..8 is one 8-point trend; split at 4, each phase has only 4 rising points.
      const r = analyzeRunChart([1, 2, 3, 4, 5, 6, 7, 8], { phaseStarts: [4] });
      expect(r.phases.map((p) => [p.start, p.end, p.median])).toEqual([
        [0, 3, 2.5],
        [4, 7, 6.5],
      ]);
      expect(r.trends).toEqual([]);
      expect(r.points.map((p) => p.phase)).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
      expect(r.points[5]!.median).toBe(6.5);
      expect(analyzeRunChart([1, 2, 3, 4, 5, 6, 7, 8]).trends).toHaveLength(1);
    });

    it('takes phaseStarts as a set: duplicates, 0, out-of-range indices and order do not matter', () => {
      const a = analyzeRunChart([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], {
        phaseStarts: [8, 4, 4, 0, 10, -3, 99],
      });
      expect(a.phases.map((p) => [p.index, p.start, p.end])).toEqual([
        [0, 0, 3],
        [1, 4, 7],
        [2, 8, 9],
      ]);
    });

    it('gives each phase its own baselineCount from an array', () => {
      // Phase 0: first 2 of 1, 9, 5 -> 5; phase 1: no baseline -> median of 2, 4, 6, 8 = 5.
      const r = analyzeRunChart([1, 9, 5, 2, 4, 6, 8], {
        phaseStarts: [3],
        baselineCount: [2, null],
      });
      expect(r.phases.map((p) => [p.median, p.baselineCount])).toEqual([
        [5, 2],
        [5, null],
      ]);
    });

    it('does not carry a run across the boundary', () => {
      // Phase 0: 0 0 0 0 9 9 9 9 -> median 4.5, ends with 4 above. Phase 1: 20 20 20 20 10 10 10 10 ->
      // median 15, starts with 4 above. Carried over, that would be a run of 8; per phase there is no shift.
      // As one phase the median is (9+10)/2 = 9.5: eight below, then eight above -> two shifts.
      const points = [0, 0, 0, 0, 9, 9, 9, 9, 20, 20, 20, 20, 10, 10, 10, 10];
      const r = analyzeRunChart(points, { phaseStarts: [8] });
      expect(r.phases.map((p) => [p.median, p.runs, p.longestRun])).toEqual([
        [4.5, 2, 4],
        [15, 2, 4],
      ]);
      expect(r.shifts).toEqual([]);
      expect(analyzeRunChart(points).shifts).toEqual([
        { start: 0, end: 7, length: 8, direction: 'below' },
        { start: 8, end: 15, length: 8, direction: 'above' },
      ]);
    });
  });

  describe('options', () => {
    it('rejects unknown rules and bad numbers with a RangeError', () => {
      expect(() => analyzeRunChart([1], { rules: 'nhs' as never })).toThrow(RangeError);
      expect(() => analyzeRunChart([1], { tolerance: -1 })).toThrow(RangeError);
      expect(() => analyzeRunChart([1], { shiftLength: 0 })).toThrow(RangeError);
    });

    it('honours shiftLength and trendLength', () => {
      // Median 4.5 of 1..8; 4 below then 4 above; rise of 8.
      const r = analyzeRunChart([1, 2, 3, 4, 5, 6, 7, 8], { shiftLength: 4, trendLength: 9 });
      expect(r.shifts).toEqual([
        { start: 0, end: 3, length: 4, direction: 'below' },
        { start: 4, end: 7, length: 4, direction: 'above' },
      ]);
      expect(r.trends).toEqual([]);
    });
  });
});
