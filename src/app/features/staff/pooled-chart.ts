/**
 * The collaborative's charts (SYNC.md §15, §17) from a roll-up answer: which charts, in which order
 * (Chart 1, the staff's S2/S1; Chart 2, the providers' P5/P4; then every provider measure and the
 * other staff measures), each analysed by `analyzePooled` (a suppressed point is a missing week),
 * its events placed on its periods, and its Chart.js configuration: the points (a gap where a point is
 * too few to show), the median, shifts and trends marked as on her own charts, events as dashed lines,
 * and "k" under every point. Pure, so it is tested without a browser.
 */
import type { ChartConfiguration, Plugin, PointStyle } from 'chart.js';
import type { AnnotationOptions } from 'chartjs-plugin-annotation';
import { analyzePooled, type PooledPoint } from '../../../domain/agency/pool';
import { periodOf, type Grain } from '../../../domain/agency/periods';
import type { StaffMeasureId } from '../../../domain/agency/staff-measures';
import { isoWeekOf, weekMonday } from '../../../domain/dates';
import { BASELINE_WEEKS, MIN_POINTS, outcomeOf } from '../../../domain/progress';
import type { Outcome } from '../../../domain/progress-types';
import type { RunChartAnalysis } from '../../../domain/run-chart';
import type { PooledSeriesAnswer, StaffRollupsAnswer } from '../../../domain/staff-read';
import { MEASURE_IDS, type MeasureId } from '../../../domain/tables';
import { COLOURS, periodAxis } from '../progress/run-chart-config';

export type PooledMeasure =
  { part: 'staff'; measure: StaffMeasureId } | { part: 'providers'; measure: MeasureId };

type RollupEvent = StaffRollupsAnswer['events'][number];

/** One chart of the page. */
export interface PooledChart {
  /** A stable id for headings and tests: `staff-s2-of-s1`, `providers-p5-of-p4`, … */
  id: string;
  which: PooledMeasure;
  kind: 'percent' | 'mean';
  grain: Grain;
  points: PooledPoint[];
  /** N: the people of the group (providers who share, or staff). */
  of: number;
  analysis: RunChartAnalysis;
  /** What the sentence may claim, calibrated to chance as on her own Progress (progress.ts). */
  outcome: Outcome;
  events: { index: number; event: RollupEvent }[];
}

/** The order of the page: Chart 1, Chart 2, the other provider measures, the other staff measures. */
export const CHART_ORDER: readonly PooledMeasure[] = [
  { part: 'staff', measure: 's2-of-s1' },
  { part: 'providers', measure: 'p5-of-p4' },
  ...MEASURE_IDS.filter((m) => m !== 'p5-of-p4').map((measure) => ({
    part: 'providers' as const,
    measure,
  })),
  ...(['s3-of-s1', 's4-of-s1', 's5'] as const).map((measure) => ({
    part: 'staff' as const,
    measure,
  })),
];

/** The first day of a period, `YYYY-MM-DD` (a week's Monday, a month's 1st): for axes and CSV. */
export function periodStart(period: string, grain: Grain): string {
  return grain === 'week' ? weekMonday(period) : `${period}-01`;
}

/** Every chart the answer holds, in page order; a measure the answer lacks is left out. */
export function pooledCharts(answer: StaffRollupsAnswer): PooledChart[] {
  const grain = answer.grain;
  return CHART_ORDER.flatMap((which): PooledChart[] => {
    const part = which.part === 'staff' ? answer.staff : answer.providers;
    const measures: Partial<Record<string, PooledSeriesAnswer>> = part.measures;
    const series = measures[which.measure];
    if (!series) return [];
    const index = new Map(series.points.map((p, i) => [p.period, i]));
    const events = answer.events
      .flatMap((event) => {
        const i = index.get(periodOf(isoWeekOf(event.date), grain));
        return i === undefined ? [] : [{ index: i, event }];
      })
      .sort((a, b) => a.index - b.index);
    // The default reading of her own Progress: IHI marks, a frozen 12-point baseline, and a sentence
    // as strong as the evidence (a pooled chart of noise is not "something changed").
    const analysis = analyzePooled(
      { points: series.points, unknownShown: new Map() },
      { minPoints: MIN_POINTS, baselineCount: [BASELINE_WEEKS] },
    );
    return [
      {
        id: `${which.part}-${which.measure}`,
        which,
        kind: series.kind,
        grain,
        points: series.points,
        of: part.of,
        analysis,
        outcome: outcomeOf(analysis, [], BASELINE_WEEKS),
        events,
      },
    ];
  });
}

/** The words the chart draws, in her language. */
export interface PooledWords {
  periodLabels: readonly string[];
  /** What is written under each point: k, or "–" when too few to show. */
  reportingLabels: readonly string[];
  reportingRow: string;
  series: string;
  median: string;
  eventLabel: (e: RollupEvent) => string;
}

export type PooledConfig = ChartConfiguration<'line', { x: number; y: number | null }[]>;

/** Draws "k" under every point, and the row's name at its left, in the band below the axis. */
function reportingPlugin(words: PooledWords, fontSize: number): Plugin<'line'> {
  return {
    id: 'naptime-reporting',
    afterDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      const x = scales.x!;
      const y = chartArea.bottom + fontSize * 2.9;
      ctx.save();
      ctx.font = `${fontSize}px system-ui, sans-serif`;
      ctx.fillStyle = COLOURS.text;
      ctx.textAlign = 'center';
      words.reportingLabels.forEach((label, i) => ctx.fillText(label, x.getPixelForValue(i), y));
      ctx.textAlign = 'left';
      ctx.fillText(words.reportingRow, chartArea.left, y + fontSize * 1.5);
      ctx.restore();
    },
  };
}

/** The Chart.js configuration of one pooled chart. */
export function pooledConfig(
  chart: PooledChart,
  words: PooledWords,
  style: { fontSize?: number } = {},
): PooledConfig {
  const fontSize = style.fontSize ?? 12;
  const n = chart.points.length;
  const shape = (i: number): PointStyle =>
    chart.analysis.points[i]?.shift
      ? 'triangle'
      : chart.analysis.points[i]?.trend
        ? 'rect'
        : 'circle';
  const colour = (i: number): string =>
    chart.analysis.points[i]?.shift
      ? COLOURS.shift
      : chart.analysis.points[i]?.trend
        ? COLOURS.trend
        : COLOURS.point;
  const median = chart.analysis.phases[0]?.median ?? null;
  const annotations: Record<string, AnnotationOptions> = {};
  chart.events.forEach(({ index, event }, k) => {
    annotations[`event-${k}`] = {
      type: 'line',
      scaleID: 'x',
      value: index,
      borderColor: COLOURS.pdsa,
      borderWidth: 2,
      borderDash: [6, 4],
      label: {
        display: true,
        content: words.eventLabel(event),
        position: k % 2 === 0 ? 'start' : 'end',
        backgroundColor: 'rgba(255,255,255,0.9)',
        color: COLOURS.pdsa,
        font: { size: fontSize },
      },
    };
  });
  const indices = chart.points.map((_, i) => i);
  return {
    type: 'line',
    data: {
      datasets: [
        {
          label: words.series,
          data: chart.points.map((p, i) => ({ x: i, y: p.shown ? p.value : null })),
          borderColor: COLOURS.point,
          borderWidth: 2,
          spanGaps: false,
          tension: 0,
          pointStyle: indices.map(shape),
          pointBackgroundColor: indices.map(colour),
          pointBorderColor: indices.map(colour),
          pointRadius: indices.map((i) => (shape(i) === 'circle' ? 3.5 : 6)),
          order: 1,
        },
        ...(median === null
          ? []
          : [
              {
                label: words.median,
                data: [
                  { x: -0.5, y: median },
                  { x: n - 0.5, y: median },
                ],
                borderColor: COLOURS.median,
                borderWidth: 2,
                pointRadius: 0,
                pointHitRadius: 0,
                order: 3,
              },
            ]),
      ],
    },
    options: {
      animation: false,
      parsing: false,
      normalized: true,
      responsive: true,
      maintainAspectRatio: false,
      events: [],
      layout: { padding: { top: 8, right: 8, bottom: Math.round(fontSize * 3.4) } },
      font: { size: fontSize },
      scales: {
        x: periodAxis(Math.max(0, n - 1), words.periodLabels, fontSize),
        y: {
          beginAtZero: true,
          ...(chart.kind === 'percent' ? { max: 100 } : {}),
          grid: { color: COLOURS.grid },
          ticks: { color: COLOURS.text, font: { size: fontSize } },
        },
      },
      plugins: {
        legend: { display: false },
        tooltip: { enabled: false },
        annotation: { annotations },
      },
    },
    plugins: [reportingPlugin(words, fontSize)],
  };
}
