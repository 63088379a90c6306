import { describe, expect, it } from 'vitest';
import { addWeeks, weekMonday, weeksBetween } from '../../../domain/dates';
import type { MeasureSeries } from '../../../domain/measures';
import { measureProgress, type MedianMode, type PdsaCycleInput } from '../../../domain/progress';
import type { RuleSet, RunChartPoint } from '../../../domain/run-chart';
import type { MeasureId } from '../../../domain/tables';
import {
  COLOURS,
  layoutLabels,
  marksShown,
  pointMarks,
  tickWeeks,
  toRunChartConfig,
  type ChartWords,
  type XY,
} from './run-chart-config';

const FIRST = '2026-W02';
const BASELINE = [9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 11, 9];
const rep = (n: number, v: number) => Array.from({ length: n }, () => v);

function progressOf(
  points: RunChartPoint[],
  {
    measure = 'p2',
    rules = 'ihi',
    mode = 'baseline',
    cycles = [],
    current = null,
  }: {
    measure?: MeasureId;
    rules?: RuleSet;
    mode?: MedianMode;
    cycles?: PdsaCycleInput[];
    current?: RunChartPoint;
  } = {},
) {
  const weeks = weeksBetween(FIRST, addWeeks(FIRST, points.length - 1));
  const series: MeasureSeries = {
    measure,
    weeks,
    points,
    current: { week: addWeeks(FIRST, points.length), point: current },
  };
  return measureProgress(series, cycles, rules, mode);
}

function cycleAt(index: number, extra: Partial<PdsaCycleInput> = {}): PdsaCycleInput {
  return {
    startDate: weekMonday(addWeeks(FIRST, index)),
    cycle: 1,
    changeIdea: 'Talk circle',
    startsPhase: false,
    measure: 'p2',
    ...extra,
  };
}

const WORDS: ChartWords = {
  weekLabels: Array.from({ length: 60 }, (_, i) => `w${i}`),
  cycleLabel: (m) => m.label,
  newPhase: 'New phase',
  series: 'Days',
  median: 'Median',
  current: 'This week',
};

function config(points: RunChartPoint[], options: Parameters<typeof progressOf>[1] = {}) {
  const c = toRunChartConfig(progressOf(points, options), WORDS);
  const [line, current, ...medians] = c.data.datasets as unknown as ({ data: XY[] } & Record<
    string,
    unknown
  >)[];
  return { c, line: line!, current: current!, medians };
}

describe('toRunChartConfig', () => {
  it('draws one point per week at its index, missing weeks as gaps (never zeros) that the line does not span', () => {
    const { line, c } = config([3, null, 4, { numerator: 0, denominator: 0 }, 5]);
    expect(line.data).toEqual([
      { x: 0, y: 3 },
      { x: 1, y: null },
      { x: 2, y: 4 },
      { x: 3, y: null },
      { x: 4, y: 5 },
    ]);
    expect(line.spanGaps).toBe(false);
    expect(c.type).toBe('line');
    expect(c.options?.animation).toBe(false);
  });

  it('draws proportions as percents on a 0–100 axis', () => {
    const { line, c } = config(
      [
        { numerator: 3, denominator: 5 },
        { numerator: 4, denominator: 5 },
      ],
      { measure: 'p5-of-p4' },
    );
    expect(line.data.map((d) => d.y)).toEqual([60, 80]);
    expect(c.options?.scales?.y).toMatchObject({ min: 0, max: 100 });
  });

  it('draws the current week hollow, apart from the line, after the last complete week', () => {
    const { current, line } = config([3, 4, 5], { current: 6 });
    expect(current.data).toEqual([{ x: 3, y: 6 }]);
    expect(current).toMatchObject({
      showLine: false,
      pointBackgroundColor: '#ffffff',
      pointBorderColor: COLOURS.point,
    });
    expect(line.data).toHaveLength(3);
  });

  it('draws one median line per phase, the last one reaching the current week, dashed while provisional', () => {
    const points = [...BASELINE, ...rep(4, 10), ...rep(5, 30)];
    const { medians } = config(points, { cycles: [cycleAt(16, { startsPhase: true })] });
    expect(medians.map((m) => m.data)).toEqual([
      [
        { x: -0.5, y: 10 },
        { x: 15.5, y: 10 },
      ],
      [
        { x: 15.5, y: 30 },
        { x: 21.5, y: 30 },
      ],
    ]);
    expect(medians.map((m) => m.borderDash)).toEqual([[], [6, 5]]);
  });

  it('marks a shift with triangles and a trend with squares, in their own colours, and plain weeks with circles', () => {
    const points = [...BASELINE, 8, 9.5, 10.5, 12, 13, ...rep(6, 20)];
    const { line } = config(points);
    const styles = line.pointStyle as string[];
    const colours = line.pointBackgroundColor as string[];
    expect(styles.slice(0, 12)).toEqual(rep(12, 0).map(() => 'circle'));
    expect(styles.slice(12, 14)).toEqual(['rect', 'rect']); // trend 8 → 13 (12–16), below the median
    expect(styles.slice(14, 23)).toEqual(rep(9, 0).map(() => 'triangle')); // 10.5, 12, 13 and six 20s: a shift of 9
    expect(colours[12]).toBe(COLOURS.trend);
    expect(colours[20]).toBe(COLOURS.shift);
    expect(colours[0]).toBe(COLOURS.point);
    expect((line.pointRadius as number[])[20]).toBeGreaterThan((line.pointRadius as number[])[0]!);
  });

  it('lists every mark of a week, and the marks the legend needs', () => {
    const p = progressOf([...BASELINE, 8, 9.5, 10.5, 12, 13, ...rep(6, 20)]);
    expect(pointMarks(p)[14]).toEqual(['shift', 'trend']);
    expect(marksShown(p)).toEqual(new Set(['shift', 'trend']));
  });

  it('under the Anhøj rules marks long runs only, with triangles', () => {
    const { line } = config([...BASELINE, ...rep(9, 15)], { rules: 'anhoej' });
    const styles = line.pointStyle as string[];
    expect(styles.slice(12)).toEqual(rep(9, 0).map(() => 'triangle'));
    expect(styles.slice(0, 12).every((s) => s === 'circle')).toBe(true);
    expect(
      config([...BASELINE, 8, 9.5, 10.5, 12, 13], { rules: 'anhoej' }).line.pointStyle,
    ).toEqual(rep(17, 0).map(() => 'circle'));
  });

  it('marks nothing in a phase with fewer than 12 weeks of data', () => {
    const { line } = config([1, 2, 3, 4, 5, 6, 7]);
    expect((line.pointStyle as string[]).every((s) => s === 'circle')).toBe(true);
    expect(marksShown(progressOf([1, 2, 3, 4, 5, 6, 7]))).toEqual(new Set());
  });

  const annotationsOf = (c: ReturnType<typeof config>['c']) =>
    (c.options?.plugins as { annotation: { annotations: Record<string, Record<string, unknown>> } })
      .annotation.annotations;

  it('draws each PDSA cycle of this measure as a dashed line under the points, with no label on the plot', () => {
    const { c } = config(rep(20, 3), { cycles: [cycleAt(5, { cycle: 2 })] });
    expect(annotationsOf(c)['pdsa-0']).toMatchObject({
      type: 'line',
      scaleID: 'x',
      value: 5,
      borderColor: COLOURS.pdsa,
      borderDash: [5, 4],
      drawTime: 'beforeDatasetsDraw',
    });
    expect(annotationsOf(c)['pdsa-0']!.label).toBeUndefined();
    expect((c.options?.layout?.padding as { top: number }).top).toBeGreaterThan(4); // the label band
  });

  it("draws another measure's cycle faintly, and her goal as a dashed horizontal line", () => {
    const p = {
      ...progressOf(rep(20, 3), { cycles: [cycleAt(5, { measure: 'p3' })] }),
      goal: { value: 4, reached: false },
    };
    const a = annotationsOf(toRunChartConfig(p, WORDS));
    expect(a['other-0']).toMatchObject({ value: 5, borderColor: COLOURS.other, borderWidth: 1 });
    expect(a['pdsa-0']).toBeUndefined();
    expect(a.goal).toMatchObject({ scaleID: 'y', value: 4, borderDash: [10, 6] });
  });

  it('draws a phase boundary between the last week of a phase and the first of the next', () => {
    const { c } = config(rep(20, 3), { cycles: [cycleAt(8, { startsPhase: true })] });
    expect(annotationsOf(c)['phase-8']).toMatchObject({ type: 'line', value: 7.5 });
    expect(annotationsOf(c)['pdsa-0']).toMatchObject({ value: 8 });
  });
});

describe('layoutLabels', () => {
  it('keeps every label inside the canvas, and puts one that would overlap its neighbour in the next row', () => {
    const boxes = layoutLabels(
      [
        { label: 'A1', x: 2, width: 20 },
        { label: 'B1', x: 100, width: 20 },
        { label: 'B2', x: 108, width: 20 },
        { label: 'C1', x: 389, width: 20 },
      ],
      0,
      390,
      3,
      18,
    );
    expect(boxes.map((b) => [b.label, b.x, b.y])).toEqual([
      ['A1', 0, 0],
      ['B1', 90, 0],
      ['B2', 98, 18],
      ['C1', 370, 0],
    ]);
    for (const b of boxes) expect(b.x + b.width).toBeLessThanOrEqual(390);
  });

  it('labels the weeks on the x axis with the given words, and nothing between weeks', () => {
    const { c } = config(rep(20, 3));
    const x = c.options?.scales?.x as {
      min: number;
      max: number;
      ticks: { callback: (v: number) => string };
    };
    expect([x.min, x.max]).toEqual([-0.5, 20.5]);
    expect(x.ticks.callback(4)).toBe('w4');
    expect(x.ticks.callback(4.5)).toBe('');
  });

  it('labels about six weeks, from the first, at a steady step', () => {
    expect(tickWeeks(5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(tickWeeks(12)).toEqual([0, 2, 4, 6, 8, 10, 12]);
    expect(tickWeeks(52)).toEqual([0, 13, 26, 39, 52]);
    expect(tickWeeks(156)).toEqual([0, 26, 52, 78, 104, 130, 156]);
    const { c } = config(rep(20, 3));
    const scale = { ticks: [] as { value: number }[] };
    (
      c.options?.scales?.x as unknown as { afterBuildTicks: (s: typeof scale) => void }
    ).afterBuildTicks(scale);
    expect(scale.ticks.map((t) => t.value)).toEqual([0, 4, 8, 12, 16, 20]);
  });

  it('fits the y axis to each measure', () => {
    expect(config([1], { measure: 'p6' }).c.options?.scales?.y).toMatchObject({ min: 1, max: 5 });
    expect(config([1], { measure: 'p2' }).c.options?.scales?.y).toMatchObject({ min: 0, max: 7 });
    expect(config([1], { measure: 'notes' }).c.options?.scales?.y).toMatchObject({
      min: 0,
      suggestedMax: 5,
    });
  });
});
