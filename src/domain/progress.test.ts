import { describe, expect, it } from 'vitest';
import { addWeeks, weekMonday, weeksBetween } from './dates';
import type { MeasureSeries, WeeklyMeasures } from './measures';
import {
  cycleBefore,
  measureProgress,
  outcomeOf,
  phaseStartsOf,
  progressOf,
  weeksFrom,
  type MedianMode,
  type Outcome,
  type PdsaCycleInput,
  type PdsaMark,
} from './progress';
import { analyzeRunChart, type RuleSet, type RunChartPoint } from './run-chart';
import { MEASURE_IDS } from './tables';

const FIRST = '2026-W02';

function seriesOf(points: RunChartPoint[], first = FIRST): MeasureSeries {
  const weeks = points.length ? weeksBetween(first, addWeeks(first, points.length - 1)) : [];
  return {
    measure: 'p2',
    weeks,
    points,
    current: { week: addWeeks(first, points.length), point: null },
  };
}

/** A cycle starting on the Wednesday of the week at `index` of a series starting at FIRST. */
function cycleAt(index: number, extra: Partial<PdsaCycleInput> = {}): PdsaCycleInput {
  const monday = weekMonday(addWeeks(FIRST, index));
  const [y, m, d] = monday.split('-').map(Number);
  const wednesday = new Date(Date.UTC(y!, m! - 1, d! + 2)).toISOString().slice(0, 10);
  return {
    startDate: wednesday,
    cycle: 1,
    changeIdea: `Idea at ${index}`,
    startsPhase: false,
    measure: 'p2',
    ...extra,
  };
}

function run(
  points: RunChartPoint[],
  options: { rules?: RuleSet; mode?: MedianMode; cycles?: PdsaCycleInput[] } = {},
) {
  return measureProgress(
    seriesOf(points),
    options.cycles ?? [],
    options.rules ?? 'ihi',
    options.mode ?? 'baseline',
  );
}

const rep = (n: number, v: number) => Array.from({ length: n }, () => v);
const alternate = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? 11 : 9));
const evidenceOf = (o: Outcome) => ('evidence' in o ? o.evidence : null);
/** 12 weeks around 10 (median 10 exactly), ending below it, with no pattern of their own. */
const BASELINE = [9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 11, 9];

describe('weeksFrom', () => {
  it('counts whole weeks between ISO weeks, across a year end and backwards', () => {
    expect(weeksFrom('2026-W02', '2026-W02')).toBe(0);
    expect(weeksFrom('2025-W52', '2026-W02')).toBe(2); // 2025 has 52 ISO weeks
    expect(weeksFrom('2026-W53', '2027-W01')).toBe(1);
    expect(weeksFrom('2026-W10', '2026-W06')).toBe(-4);
  });
});

describe('phaseStartsOf', () => {
  const weeks = seriesOf(rep(30, 1)).weeks;

  it('takes the start week of every cycle marked startsPhase, as indices, sorted and without repeats', () => {
    const cycles = [
      cycleAt(20, { startsPhase: true }),
      cycleAt(8, { startsPhase: true }),
      cycleAt(8, { startsPhase: true, cycle: 2 }),
    ];
    expect(phaseStartsOf(cycles, weeks, 'p2')).toEqual([8, 20]);
  });

  it('ignores cycles not marked, and cycles before the chart, in the current week or later', () => {
    const cycles = [
      cycleAt(5),
      cycleAt(6, { startsPhase: null }),
      cycleAt(-1, { startsPhase: true }),
      cycleAt(30, { startsPhase: true }), // the current week: not analysed
      cycleAt(40, { startsPhase: true }),
    ];
    expect(phaseStartsOf(cycles, weeks, 'p2')).toEqual([]);
    expect(phaseStartsOf([cycleAt(0, { startsPhase: true })], [], 'p2')).toEqual([]);
  });

  it('reads the week of the start date on the calendar (Sunday is the end of its ISO week)', () => {
    // 2026-W02 runs Monday 5 to Sunday 11 January 2026.
    expect(
      phaseStartsOf([{ ...cycleAt(0), startDate: '2026-01-18', startsPhase: true }], weeks, 'p2'),
    ).toEqual([1]);
    expect(
      phaseStartsOf([{ ...cycleAt(0), startDate: '2026-01-19', startsPhase: true }], weeks, 'p2'),
    ).toEqual([2]);
  });
});

describe('measureProgress: phases from cycles', () => {
  it('starts a new phase, with its own 12-week baseline median, at each cycle marked startsPhase', () => {
    const points = [...BASELINE, ...rep(4, 10), ...rep(14, 30)];
    const p = run(points, { cycles: [cycleAt(16, { startsPhase: true })] });
    expect(p.phaseStarts).toEqual([16]);
    expect(p.analysis.phases.map((ph) => [ph.start, ph.end, ph.median, ph.baselineCount])).toEqual([
      [0, 15, 10, 12],
      [16, 29, 30, 12],
    ]);
  });

  it('reads the current phase only: a shift in the earlier phase is not the outcome', () => {
    const noisy = [20, 22, 19, 23, 21, 18, 22, 20, 19, 23, 21, 22];
    const points = [...BASELINE, ...rep(6, 15), ...noisy];
    const p = run(points, { cycles: [cycleAt(18, { startsPhase: true })] });
    expect(p.analysis.phases[0]!.shifts).toHaveLength(1);
    expect(p.outcome).toMatchObject({ kind: 'no-signal', claim: 'none', phase: 1, newPhase: null });
  });

  it('reads the phase before while the new one has fewer than 12 weeks, and says so', () => {
    const points = [...BASELINE, ...rep(6, 15), 20, null, 21, 19, null, 22, 18];
    const p = run(points, { cycles: [cycleAt(18, { startsPhase: true, cycle: 3 })] });
    expect(p.outcome).toMatchObject({
      phase: 0,
      newPhase: { start: 18, have: 5, need: 12, mark: { cycle: 3, label: 'A3' } },
    });
    expect(p.outcome.kind).toBe('shift'); // the 6 weeks at 15 before the new phase, marked but unconfirmed
    expect(p.outcome.claim).toBe('maybe');
  });

  it('says "not enough weeks yet" for a first phase under 12 weeks, missing weeks left out', () => {
    const p = run([5, 6, null, 7, 5, null, 6, 7]);
    expect(p.outcome).toEqual({ kind: 'not-enough', claim: 'none', have: 6, need: 12 });
  });
});

describe('measureProgress: the median label', () => {
  it('is provisional while the baseline has fewer than 12 weeks of data ("7 of 12")', () => {
    const p = run([5, null, 6, 7, 5, 6, null, 7, 6]);
    expect(p.medians).toEqual([
      { phase: 0, start: 0, end: 8, value: 6, isProvisional: true, have: 7, need: 12 },
    ]);
  });

  it('is final once 12 weeks of data are in, and frozen: later weeks do not move it', () => {
    const p = run([...BASELINE, ...rep(10, 40)]);
    expect(p.medians[0]).toMatchObject({ value: 10, isProvisional: false, have: 12, need: 12 });
  });

  it('with "all weeks" is never provisional and is the median of every week of the phase', () => {
    const p = run([...BASELINE, ...rep(10, 40)], { mode: 'all' });
    expect(p.medians[0]).toMatchObject({ value: 11, isProvisional: false, need: null });
    expect(p.medianMode).toBe('all');
  });

  it('is provisional in a new phase that has not had 12 weeks yet', () => {
    const p = run([...BASELINE, ...rep(5, 30)], { cycles: [cycleAt(12, { startsPhase: true })] });
    expect(p.medians.map((m) => [m.isProvisional, m.have])).toEqual([
      [false, 12],
      [true, 5],
    ]);
  });
});

describe('measureProgress: outcomes', () => {
  it('says "no data" for a chart with no complete week yet', () => {
    const p = run([], { cycles: [cycleAt(0)] });
    expect(p.outcome).toEqual({ kind: 'no-data', claim: 'none' });
    expect(p.cycles).toEqual([]);
  });

  it('says "not enough weeks yet" with the count below 12 weeks of data (one threshold: the baseline)', () => {
    expect(run([1, 2, 3, 4, 5, 6, 7]).outcome).toEqual({
      kind: 'not-enough',
      claim: 'none',
      have: 7,
      need: 12,
    });
    expect(run([1, null, 2, null, null, 3, 4, 5, 6, 7, null, 8, 9]).outcome).toEqual({
      kind: 'not-enough',
      claim: 'none',
      have: 9,
      need: 12,
    });
    expect(run(rep(12, null as never)).outcome).toEqual({
      kind: 'not-enough',
      claim: 'none',
      have: 0,
      need: 12,
    });
  });

  it('reads from 12 weeks on: a rising line is marked, but with no week after the baseline it is only "maybe"', () => {
    const p = run([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(p.outcome).toMatchObject({ kind: 'shift', claim: 'maybe', evidence: null });
  });

  it('tells a shift up (higher is better), from its first point, with its length', () => {
    const p = run([...BASELINE, ...rep(6, 15)]);
    expect(p.outcome).toMatchObject({
      kind: 'shift',
      claim: 'maybe',
      phase: 0,
      direction: 'up',
      start: 12,
      end: 17,
      length: 6,
      pdsa: null,
    });
    // 6 of 6 weeks after the baseline above its median: by chance 2 · Π (6.5 + i) / (13 + i) = 0.071.
    expect(evidenceOf(p.outcome)).toMatchObject({ test: 'since-baseline', count: 6, of: 6 });
  });

  it('tells a shift down', () => {
    const p = run([...BASELINE.map((v) => 20 - v), ...rep(6, 5)]);
    expect(p.outcome).toMatchObject({ kind: 'shift', direction: 'down', start: 12, length: 6 });
  });

  it('tells the latest of two shifts', () => {
    const p = run([...BASELINE, ...rep(6, 15), 9, 11, ...rep(7, 4)], { mode: 'baseline' });
    expect(p.analysis.phases[0]!.shifts).toHaveLength(2);
    expect(p.outcome).toMatchObject({ kind: 'shift', direction: 'down', start: 20, length: 7 });
  });

  it('puts a shift before a trend when both are there', () => {
    const p = run([...BASELINE, 11, 12, 13, 14, 15, 16]);
    expect(p.analysis.phases[0]!.trends).toHaveLength(1);
    expect(p.outcome).toMatchObject({ kind: 'shift', direction: 'up', start: 12, length: 6 });
  });

  it('tells a trend up and a trend down when there is no shift', () => {
    const up = run([...BASELINE, 8, 9.5, 10.5, 12, 13]);
    expect(up.analysis.phases[0]!.shifts).toEqual([]);
    expect(up.outcome).toMatchObject({
      kind: 'trend',
      direction: 'up',
      start: 12,
      end: 16,
      length: 5,
    });
    const down = run([...BASELINE.map((v) => 20 - v), 12, 10.5, 9.5, 8, 7]);
    expect(down.outcome).toMatchObject({ kind: 'trend', direction: 'down', start: 12, length: 5 });
  });

  // Runs of five around a median of all weeks (10): no shift (needs 6), four runs in 20 useful points,
  // below the lower limit 7; three crossings, below the Anhøj minimum 6.
  const FEW_RUNS = [13, 14, 13, 14, 13, 7, 6, 7, 6, 7, 13, 14, 13, 14, 13, 7, 6, 7, 6, 7];

  it('tells too few runs (IHI) when there is no shift or trend', () => {
    const p = run(FEW_RUNS, { mode: 'all' });
    expect(p.analysis.phases[0]).toMatchObject({ median: 10, runs: 4, runsVerdict: 'too-few' });
    expect(p.outcome).toMatchObject({
      kind: 'too-few-runs',
      direction: null,
      start: 0,
      end: 19,
      length: null,
    });
  });

  it('puts a trend before the runs verdict', () => {
    const points = [...FEW_RUNS];
    points.splice(10, 5, 11, 12, 13, 14, 15);
    const p = run(points, { mode: 'all' });
    expect(p.analysis.phases[0]!.runsVerdict).toBe('too-few');
    expect(p.outcome.kind).toBe('trend');
  });

  it('tells too many runs (IHI) for a line that jumps across the median every week', () => {
    const p = run([...BASELINE.slice(0, 10), ...BASELINE.slice(0, 10)]);
    expect(p.analysis.phases[0]!.runsVerdict).toBe('too-many');
    expect(p.outcome).toMatchObject({ kind: 'too-many-runs', direction: null });
  });

  it('under the Anhøj rules: few crossings for the same runs of five, and no verdict on too many runs', () => {
    expect(run(FEW_RUNS, { rules: 'anhoej', mode: 'all' }).outcome).toMatchObject({
      kind: 'few-crossings',
      start: 0,
      end: 19,
    });
    expect(
      run([...BASELINE.slice(0, 10), ...BASELINE.slice(0, 10)], { rules: 'anhoej' }).outcome,
    ).toMatchObject({ kind: 'no-signal', phase: 0 });
  });

  it('under the Anhøj rules: a 6-week shift is no signal (the limit is 7 at 18 points), a 9-week run is a long run', () => {
    expect(
      run([...BASELINE, ...rep(6, 15)], { rules: 'anhoej' }).analysis.phases[0]!.anhoej
        .longRunSignal,
    ).toBe(false);
    const p = run([...BASELINE, ...rep(9, 15)], { rules: 'anhoej' });
    expect(p.analysis.phases[0]!.anhoej.longRunSignal).toBe(true);
    // 9 of 9 weeks after the baseline above its median: the evidence says "change", told from the run.
    expect(p.outcome).toMatchObject({
      kind: 'change',
      claim: 'change',
      direction: 'up',
      start: 12,
    });
  });

  it('under the Anhøj rules: a long run comes before few crossings, and trends are never told', () => {
    const p = run([...alternate(20), ...rep(9, 15)], { rules: 'anhoej', mode: 'all' });
    expect(p.analysis.phases[0]!.anhoej).toMatchObject({ longRunSignal: true });
    // The median is 11: the 11s lie on it and are skipped, so the ten 9s make the longest run.
    expect(p.outcome).toMatchObject({
      kind: 'change',
      direction: 'down',
      start: 0,
      evidence: { count: 10 },
    });
    expect(run([...BASELINE, 8, 9.5, 10.5, 12, 13], { rules: 'anhoej' }).outcome.kind).toBe(
      'no-signal',
    );
  });

  it('says "no signal" for ordinary ups and downs', () => {
    const p = run([10, 12, 9, 13, 11, 8, 12, 10, 9, 13, 11, 12, 9, 10, 12]);
    expect(p.outcome).toMatchObject({ kind: 'no-signal', claim: 'none', phase: 0 });
  });
});

describe('measureProgress: the PDSA cycle a signal lines up with', () => {
  const SHIFT_AT_12 = [...BASELINE, ...rep(6, 15)];

  it('names a cycle that started 0 to 4 weeks before the first point of the signal', () => {
    for (const before of [0, 1, 4]) {
      const p = run(SHIFT_AT_12, {
        cycles: [cycleAt(12 - before, { cycle: 3, changeIdea: 'Talk circle' })],
      });
      expect(p.outcome).toMatchObject({
        pdsa: {
          weeksBefore: before,
          mark: { index: 12 - before, cycle: 3, changeIdea: 'Talk circle' },
        },
      });
    }
  });

  it('names none for a cycle 5 weeks before, or one after the signal began', () => {
    expect(run(SHIFT_AT_12, { cycles: [cycleAt(7)] }).outcome).toMatchObject({ pdsa: null });
    expect(run(SHIFT_AT_12, { cycles: [cycleAt(13)] }).outcome).toMatchObject({ pdsa: null });
  });

  it('names the most recent of several cycles in the window', () => {
    const cycles = [cycleAt(11, { cycle: 2 }), cycleAt(9, { cycle: 1 }), cycleAt(14, { cycle: 3 })];
    expect(run(SHIFT_AT_12, { cycles }).outcome).toMatchObject({
      pdsa: { weeksBefore: 1, mark: { cycle: 2 } },
    });
  });

  it('names a cycle that started a few weeks before the chart itself', () => {
    const marks: PdsaMark[] = [
      {
        id: null,
        index: -2,
        week: '2025-W52',
        startDate: '2025-12-24',
        cycle: 1,
        changeIdea: 'x',
        label: 'A1',
        measure: 'p2',
        startsPhase: false,
      },
    ];
    expect(cycleBefore(marks, 1)).toEqual({ mark: marks[0], weeksBefore: 3 });
    expect(cycleBefore(marks, 3)).toBeNull();
    const p = run([8, 12, 12, 12, 12, 12, 12, 9, 11, 9, 11, 9], { cycles: [cycleAt(-2)] });
    expect(p.outcome).toMatchObject({
      kind: 'shift',
      start: 1,
      pdsa: { weeksBefore: 3, mark: { index: -2 } },
    });
    expect(p.cycles).toEqual([]); // not drawn: its week is not on the chart
  });

  it('for runs or crossings, names the cycle that starts the phase', () => {
    const points = [...rep(5, 10), ...FEW_RUNS_LATER];
    const p = run(points, { mode: 'all', cycles: [cycleAt(5, { startsPhase: true, cycle: 2 })] });
    expect(p.outcome).toMatchObject({
      kind: 'too-few-runs',
      start: 5,
      pdsa: { weeksBefore: 0, mark: { cycle: 2 } },
    });
  });
});
const FEW_RUNS_LATER = [13, 14, 13, 14, 13, 7, 6, 7, 6, 7, 13, 14, 13, 14, 13, 7, 6, 7, 6, 7];

describe('measureProgress: the claim follows the evidence (RUNCHART.md §6)', () => {
  it('says "change" for weeks after the baseline well above its median, from the first week counted', () => {
    const p = run([...BASELINE, ...rep(16, 15), 9, 11]);
    expect(p.outcome).toMatchObject({
      kind: 'change',
      claim: 'change',
      direction: 'up',
      start: 12,
    });
    expect(evidenceOf(p.outcome)).toMatchObject({ test: 'since-baseline', count: 17, of: 18 });
    expect(evidenceOf(p.outcome)!.chance).toBeLessThan(0.01);
  });

  it('with the median of all weeks, reads the longest run and its exact chance', () => {
    const p = run([...BASELINE, ...Array.from({ length: 18 }, (_, i) => 14 + (i % 3))], {
      mode: 'all',
    });
    expect(p.medians[0]!.value).toBe(14);
    expect(p.outcome).toMatchObject({
      kind: 'change',
      claim: 'change',
      evidence: { test: 'longest-run', count: 12, direction: 'up' },
    });
  });

  it('keeps the marks but says "maybe" for a 6-week shift in a long, otherwise even chart', () => {
    const alternating = Array.from({ length: 40 }, (_, i) => (i % 2 ? 11 : 9));
    const p = run([...alternating, ...rep(6, 15)]);
    expect(p.outcome).toMatchObject({ kind: 'shift', claim: 'maybe', length: 7 });
    expect(evidenceOf(p.outcome)!.chance).toBeGreaterThan(0.05);
  });

  it('credits a cycle of this measure that started 0–4 weeks before a change', () => {
    const p = run([...BASELINE, ...rep(16, 15), 9, 11], { cycles: [cycleAt(11, { cycle: 2 })] });
    expect(p.outcome).toMatchObject({
      kind: 'change',
      pdsa: { weeksBefore: 1, mark: { cycle: 2, label: 'A2' } },
    });
  });
});

describe('measureProgress: a cycle belongs to its measure', () => {
  const SHIFT = [...BASELINE, ...rep(4, 10), ...rep(14, 30)];

  it("starts no phase and gets no credit on another measure's chart, and is listed as context there", () => {
    const elsewhere = cycleAt(16, { startsPhase: true, measure: 'p3' });
    const p = run(SHIFT, { cycles: [elsewhere] });
    expect(p.phaseStarts).toEqual([]);
    expect(p.cycles).toEqual([]);
    expect(p.otherCycles).toMatchObject([{ index: 16, measure: 'p3' }]);
    expect(p.cycleReadings).toEqual([]);
    expect('pdsa' in p.outcome && p.outcome.pdsa).toBeFalsy();
  });

  it('without a measure, starts no phase anywhere and is credited nowhere', () => {
    const p = run(SHIFT, { cycles: [cycleAt(16, { startsPhase: true, measure: null })] });
    expect(p.phaseStarts).toEqual([]);
    expect(p.otherCycles).toMatchObject([{ index: 16, measure: null, startsPhase: false }]);
  });

  it('labels cycles by idea letter and cycle number, the same on every chart', () => {
    const cycles = [
      cycleAt(3, { changeIdea: 'Talk', cycle: 1 }),
      cycleAt(8, { changeIdea: 'Song', cycle: 1, measure: 'p3' }),
      cycleAt(12, { changeIdea: 'Talk', cycle: 2 }),
    ];
    const p = run(SHIFT, { cycles });
    expect(p.cycles.map((c) => c.label)).toEqual(['A1', 'A2']);
    expect(p.otherCycles.map((c) => c.label)).toEqual(['B1']);
  });
});

describe('measureProgress: one reading per cycle', () => {
  it('compares the weeks since a phase-starting cycle with the weeks of the phase before it', () => {
    const p = run([...BASELINE, ...rep(4, 10), ...rep(8, 30)], {
      cycles: [cycleAt(16, { startsPhase: true, id: 'c1' } as Partial<PdsaCycleInput>)],
    });
    expect(p.cycleReadings).toMatchObject([
      {
        id: 'c1',
        before: 16,
        since: 8,
        line: 10,
        claim: 'change',
        evidence: { direction: 'up', count: 8, of: 8 },
      },
    ]);
    expect(p.outcome).toMatchObject({ phase: 0, newPhase: { start: 16, have: 8 } });
  });

  it('says "maybe" for a lean that chance gives often, and "none" with too few weeks before', () => {
    const lean = run([...BASELINE, 11, 12, 11, 12, 13], { cycles: [cycleAt(12)] });
    expect(lean.cycleReadings[0]).toMatchObject({ claim: 'maybe', evidence: { count: 5, of: 5 } });
    expect(
      run([...BASELINE, 11, 12, 11, 9], { cycles: [cycleAt(12)] }).cycleReadings[0],
    ).toMatchObject({ claim: 'none', since: 4 });
    const early = run([...BASELINE, 11, 12], { cycles: [cycleAt(3)] });
    expect(early.cycleReadings[0]).toMatchObject({ before: 3, claim: 'none', evidence: null });
  });
});

describe('goalOf', () => {
  it('is reached when the median of the last 6 weeks is at or above it', () => {
    const points = [...BASELINE, 12, 13, 12, 9, 12, 14];
    const p = progressOf(
      {
        ...Object.fromEntries(MEASURE_IDS.map((m) => [m, { ...seriesOf(points), measure: m }])),
      } as WeeklyMeasures,
      [],
      {
        rules: 'ihi',
        medianMode: Object.fromEntries(MEASURE_IDS.map((m) => [m, 'baseline'])) as Record<
          (typeof MEASURE_IDS)[number],
          MedianMode
        >,
        goals: { p2: 12, p3: 13 },
      },
    );
    expect(p.find((c) => c.measure === 'p2')!.goal).toEqual({ value: 12, reached: true });
    expect(p.find((c) => c.measure === 'p3')!.goal).toEqual({ value: 13, reached: false });
    expect(p.find((c) => c.measure === 'p6')!.goal).toBeNull();
  });
});

describe('measureProgress: cycles on the chart', () => {
  it('lists every cycle whose start week is on the chart, the current week included, oldest first', () => {
    const cycles = [
      cycleAt(18, { cycle: 4 }),
      cycleAt(3, { cycle: 2 }),
      cycleAt(-1),
      cycleAt(20),
      cycleAt(19, { cycle: 5 }),
    ];
    const p = run(rep(18, 5), { cycles });
    expect(p.cycles.map((c) => [c.index, c.cycle])).toEqual([
      [3, 2],
      [18, 4],
    ]);
    expect(p.cycles[0]).toMatchObject({
      week: addWeeks(FIRST, 3),
      changeIdea: 'Idea at 3',
      startsPhase: false,
      id: null,
    });
  });
});

describe('measureProgress: the current week', () => {
  it('gives its value apart (a percent for a proportion), outside the analysis', () => {
    const series = {
      ...seriesOf([{ numerator: 1, denominator: 2 }]),
      current: { week: addWeeks(FIRST, 1), point: { numerator: 3, denominator: 4 } },
    };
    const p = measureProgress(series, [], 'ihi', 'baseline');
    expect(p.currentValue).toBe(75);
    expect(p.analysis.n).toBe(1);
  });
});

describe('outcomeOf', () => {
  it('says "no data" for an analysis without phases', () => {
    expect(outcomeOf(analyzeRunChart([]), [])).toEqual({ kind: 'no-data', claim: 'none' });
  });
});

describe('progressOf', () => {
  it('gives the six charts in the order of the measure ids, each with its own median mode', () => {
    const measures = Object.fromEntries(
      MEASURE_IDS.map((m) => [m, { ...seriesOf([...BASELINE, ...rep(10, 40)]), measure: m }]),
    ) as WeeklyMeasures;
    const medianMode = Object.fromEntries(
      MEASURE_IDS.map((m) => [m, m === 'p3' ? 'all' : 'baseline']),
    ) as Record<(typeof MEASURE_IDS)[number], MedianMode>;
    const all = progressOf(measures, [], { rules: 'anhoej', medianMode });
    expect(all.map((p) => p.measure)).toEqual([...MEASURE_IDS]);
    expect(all.map((p) => p.medians[0]!.value)).toEqual([10, 10, 10, 11, 10, 10]);
    expect(all.every((p) => p.rules === 'anhoej' && p.analysis.rules === 'anhoej')).toBe(true);
  });
});
