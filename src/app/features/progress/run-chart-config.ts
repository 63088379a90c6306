/**
 * From one measure's progress to a Chart.js configuration (src/README.md 6: pure, so it is tested without a
 * browser). What is drawn: the weekly points (gaps for missing weeks, never zeros: `spanGaps: false`),
 * the median of each phase (dashed while provisional), the current week hollow and apart from the line
 * (not analysed), points in a shift or trend marked by shape AND colour (triangle for a shift or an
 * Anhøj long run, square for a trend), this measure's PDSA cycles as dashed lines at their start week
 * with a short label ("B2") in a band above the plot, other measures' cycles as faint dotted lines,
 * phase boundaries as solid lines, and her goal as a dashed line. Lines are drawn under the points.
 * Marks show only in a phase with enough weeks (RUNCHART.md §6).
 */
import type { ChartConfiguration, Plugin, PointStyle } from 'chart.js';
import type { AnnotationOptions } from 'chartjs-plugin-annotation';
import type { MeasureProgress, PdsaMark } from '../../../domain/progress';

export const COLOURS = {
  point: '#2f4f6f',
  shift: '#b93c0c',
  trend: '#6d28d9',
  median: '#a16207',
  pdsa: '#1f6b3a',
  other: '#8a949c',
  goal: '#0f766e',
  phase: '#1f2a33',
  grid: '#e6e1d8',
  text: '#1f2a33',
} as const;

/** What a point is marked with: a shift or Anhøj long run (triangle) or a trend (square). */
export type PointMark = 'shift' | 'trend' | 'long-run';

/** The words the chart draws, in her language. */
export interface ChartWords {
  /** One short label per week, the current week last (`weeks.length + 1` labels). */
  weekLabels: readonly string[];
  cycleLabel: (mark: PdsaMark) => string;
  newPhase: string;
  series: string;
  median: string;
  current: string;
}

export interface ChartStyle {
  /** Font size of ticks and labels, in CSS pixels. */
  fontSize?: number;
}

export type XY = { x: number; y: number | null };
export type RunChartConfig = ChartConfiguration<'line', XY[]>;

/** The marks of every week under her rules, none in a phase with too few weeks; several may apply. */
export function pointMarks(progress: MeasureProgress): PointMark[][] {
  const { analysis } = progress;
  return analysis.points.map((p) => {
    if (!analysis.phases[p.phase]?.enoughData) return [];
    if (analysis.rules === 'anhoej') return p.longRun ? ['long-run'] : [];
    return [...(p.shift ? (['shift'] as const) : []), ...(p.trend ? (['trend'] as const) : [])];
  });
}

/** Which marks appear anywhere on the chart (for the legend). */
export function marksShown(progress: MeasureProgress): Set<PointMark> {
  return new Set(pointMarks(progress).flat());
}

const SHAPE: Record<PointMark, PointStyle> = {
  shift: 'triangle',
  'long-run': 'triangle',
  trend: 'rect',
};
const COLOUR: Record<PointMark, string> = {
  shift: COLOURS.shift,
  'long-run': COLOURS.shift,
  trend: COLOURS.trend,
};

function yScale(progress: MeasureProgress) {
  switch (progress.measure) {
    case 'p5-of-p4':
      return {
        min: 0,
        max: 100,
        ticks: { stepSize: 25, callback: (v: number | string) => `${v}%` },
      };
    case 'p6':
      return { min: 1, max: 5, ticks: { stepSize: 1 } };
    case 'p2':
      return { min: 0, max: 7, ticks: { stepSize: 1 } };
    default:
      return { min: 0, suggestedMax: 5, ticks: { precision: 0 } };
  }
}

/** Week indices to label on the x axis: the first week, then every 2, 4, 8, 13 or 26 weeks (about six labels). */
export function tickWeeks(n: number): number[] {
  const step = [1, 2, 4, 8, 13, 26, 52].find((s) => n / s <= 6) ?? Math.ceil(n / 6);
  const out: number[] = [];
  for (let i = 0; i <= n; i += step) out.push(i);
  return out;
}

/** A label's box, in CSS pixels of the canvas: what the chart draws and tests read back. */
export interface LabelBox {
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Places short labels ("B2") in the band above the plot: centred on their line, moved inside
 * [left, right], each in the first of `rows` rows where it does not overlap the one before it (the
 * last row otherwise). Pure, so that "never cut off, never on a point" is tested without a browser.
 */
export function layoutLabels(
  items: readonly { label: string; x: number; width: number }[],
  left: number,
  right: number,
  rows: number,
  height: number,
): LabelBox[] {
  const ends: number[] = Array.from({ length: Math.max(1, rows) }, () => -Infinity);
  return items.map(({ label, x, width }) => {
    const at = Math.min(Math.max(x - width / 2, left), Math.max(left, right - width));
    let row = ends.findIndex((end) => at >= end + 2);
    if (row < 0) row = ends.length - 1;
    ends[row] = at + width;
    return { label, x: at, y: row * height, width, height };
  });
}

/** Rows kept above the plot for the PDSA labels (up to three). */
export function labelRows(progress: MeasureProgress): number {
  return Math.min(3, progress.cycles.length);
}

type LabelChart = {
  ctx: CanvasRenderingContext2D;
  width: number;
  canvas: HTMLCanvasElement;
  scales: Record<string, { getPixelForValue: (v: number) => number }>;
};

/** Draws the PDSA labels in the band above the plot (never over a point) and records their boxes. */
function labelPlugin(
  progress: MeasureProgress,
  words: ChartWords,
  fontSize: number,
): Plugin<'line'> {
  return {
    id: 'pdsaLabels',
    afterDraw(c) {
      const chart = c as unknown as LabelChart;
      const { ctx } = chart;
      const height = Math.round(fontSize * 1.5);
      ctx.save();
      ctx.font = `bold ${fontSize}px system-ui, sans-serif`;
      const items = progress.cycles.map((m) => {
        const label = words.cycleLabel(m);
        return {
          label,
          x: chart.scales.x!.getPixelForValue(m.index),
          width: ctx.measureText(label).width + 6,
        };
      });
      const boxes = layoutLabels(items, 0, chart.width, labelRows(progress), height);
      ctx.textBaseline = 'middle';
      for (const b of boxes) {
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(b.x, b.y, b.width, b.height);
        ctx.fillStyle = COLOURS.pdsa;
        ctx.fillText(b.label, b.x + 3, b.y + b.height / 2);
      }
      ctx.restore();
      chart.canvas.dataset.labels = JSON.stringify(boxes);
    },
  };
}

function annotations(progress: MeasureProgress): Record<string, AnnotationOptions> {
  const out: Record<string, AnnotationOptions> = {};
  // Every line is drawn under the points: no mark ever hides a week.
  const line = { type: 'line' as const, scaleID: 'x', drawTime: 'beforeDatasetsDraw' as const };
  for (const start of progress.phaseStarts.filter((s) => s > 0)) {
    out[`phase-${start}`] = {
      ...line,
      value: start - 0.5,
      borderColor: COLOURS.phase,
      borderWidth: 2,
    };
  }
  progress.cycles.forEach((mark, i) => {
    out[`pdsa-${i}`] = {
      ...line,
      value: mark.index,
      borderColor: COLOURS.pdsa,
      borderWidth: 2,
      borderDash: [5, 4],
    };
  });
  progress.otherCycles.forEach((mark, i) => {
    out[`other-${i}`] = {
      ...line,
      value: mark.index,
      borderColor: COLOURS.other,
      borderWidth: 1,
      borderDash: [2, 4],
    };
  });
  if (progress.goal) {
    out.goal = {
      type: 'line',
      scaleID: 'y',
      drawTime: 'beforeDatasetsDraw',
      value: progress.goal.value,
      borderColor: COLOURS.goal,
      borderWidth: 2,
      borderDash: [10, 6],
    };
  }
  return out;
}

/** The x axis of a run chart: one slot per period 0…last, a label under the ticks `tickWeeks` picks. */
export function periodAxis(last: number, labels: readonly string[], fontSize: number) {
  return {
    type: 'linear' as const,
    min: -0.5,
    max: last + 0.5,
    grid: { display: false },
    afterBuildTicks: (scale: { ticks: { value: number }[] }) => {
      scale.ticks = tickWeeks(last).map((value) => ({ value }));
    },
    ticks: {
      autoSkip: false,
      maxRotation: 0,
      color: COLOURS.text,
      font: { size: fontSize },
      callback: (v: number | string) =>
        Number.isInteger(Number(v)) ? (labels[Number(v)] ?? '') : '',
    },
  };
}

/** The Chart.js configuration of one run chart; `animation` is always off (instant, and calm). */
export function toRunChartConfig(
  progress: MeasureProgress,
  words: ChartWords,
  style: ChartStyle = {},
): RunChartConfig {
  const fontSize = style.fontSize ?? 12;
  const n = progress.weeks.length;
  const marks = pointMarks(progress);
  const shapeOf = (i: number): PointStyle => {
    const m = marks[i]?.[0];
    return m ? SHAPE[m] : 'circle';
  };
  const colourOf = (i: number): string => {
    const m = marks[i]?.[0];
    return m ? COLOUR[m] : COLOURS.point;
  };
  const sizeOf = (i: number): number => (marks[i]?.length ? 6 : 3.5);

  const medianSets = progress.medians.map((m) => ({
    label: words.median,
    data: [
      { x: m.start - 0.5, y: m.value },
      { x: (m.phase === progress.medians.length - 1 ? n : m.end) + 0.5, y: m.value },
    ],
    borderColor: COLOURS.median,
    borderWidth: 2,
    borderDash: m.isProvisional ? [6, 5] : [],
    pointRadius: 0,
    pointHitRadius: 0,
    spanGaps: false,
    order: 3,
  }));

  return {
    type: 'line',
    data: {
      datasets: [
        {
          label: words.series,
          data: progress.analysis.points.map((p) => ({ x: p.index, y: p.value })),
          borderColor: COLOURS.point,
          borderWidth: 2,
          spanGaps: false,
          tension: 0,
          pointStyle: marks.map((_, i) => shapeOf(i)),
          pointBackgroundColor: marks.map((_, i) => colourOf(i)),
          pointBorderColor: marks.map((_, i) => colourOf(i)),
          pointRadius: marks.map((_, i) => sizeOf(i)),
          order: 1,
        },
        {
          label: words.current,
          data: [{ x: n, y: progress.currentValue }],
          showLine: false,
          pointStyle: 'circle',
          pointBackgroundColor: '#ffffff',
          pointBorderColor: COLOURS.point,
          pointBorderWidth: 2,
          pointRadius: 5,
          order: 0,
        },
        ...medianSets,
      ],
    },
    options: {
      animation: false,
      // The points are already {x, y} in x order: Chart.js need not parse or sort them (faster to draw).
      parsing: false,
      normalized: true,
      responsive: true,
      maintainAspectRatio: false,
      events: [],
      // The band above the plot holds the PDSA labels (labelPlugin).
      layout: { padding: { top: 4 + labelRows(progress) * Math.round(fontSize * 1.5), right: 8 } },
      font: { size: fontSize },
      scales: {
        x: periodAxis(n, words.weekLabels, fontSize),
        y: {
          ...yScale(progress),
          grid: { color: COLOURS.grid },
          ticks: { ...yScale(progress).ticks, color: COLOURS.text, font: { size: fontSize } },
        },
      },
      plugins: {
        legend: { display: false },
        tooltip: { enabled: false },
        annotation: { annotations: annotations(progress) },
      },
    },
    plugins: [labelPlugin(progress, words, fontSize)],
  };
}
