/**
 * Progress calibration (RUNCHART.md §6): how often the sentence under a chart says plainly that
 * something changed (`outcome.claim === 'change'`) on independent N(0, 1) noise, for every chart
 * length from 10 to 40 weeks and every 4th week from 44 to 156, under both rule sets and both median modes; how often it does on
 * planted shifts and trends; and how often a stable provider who looks every week is ever told so.
 * Seeded (src/domain/run-chart/noise.ts), so the figures are the same on every run. Both rule sets
 * are read from one analysis (`analyzeRunChart` computes both; `outcomeOf` reads one). Needs no
 * build and no browser. NAPTIME_BENCH_CHARTS sets the charts per length (default 10,000).
 */
import { addWeeks, weeksBetween } from '../src/domain/dates';
import type { MeasureSeries } from '../src/domain/measures';
import {
  BASELINE_WEEKS,
  measureProgress,
  outcomeOf,
  type MedianMode,
} from '../src/domain/progress';
import { normalNoise, noisyChart, type Planted } from '../src/domain/run-chart/noise';

const CHARTS = Number(process.env.NAPTIME_BENCH_CHARTS ?? 10_000);
const LOOK_CHARTS = Math.max(200, Math.round(CHARTS / 10));
/** Every week up to 40 (where the thresholds move fastest), then every 4th week up to three years. */
const ALL_LENGTHS = [
  ...Array.from({ length: 31 }, (_, i) => 10 + i),
  ...Array.from({ length: 29 }, (_, i) => 44 + 4 * i),
];
/** NAPTIME_BENCH_LENGTHS="104,156" sweeps only those lengths; NAPTIME_BENCH_PARTS="sweep,detection,looks" picks parts. */
const LENGTHS = process.env.NAPTIME_BENCH_LENGTHS
  ? process.env.NAPTIME_BENCH_LENGTHS.split(',').map(Number)
  : ALL_LENGTHS;
const PARTS = new Set((process.env.NAPTIME_BENCH_PARTS ?? 'sweep,detection,looks').split(','));
const FIRST = '2024-W02';
const MODES: MedianMode[] = ['baseline', 'all'];

function seriesOf(points: number[]): MeasureSeries {
  const n = points.length;
  return {
    measure: 'p2',
    weeks: weeksBetween(FIRST, addWeeks(FIRST, n - 1)),
    points,
    current: { week: addWeeks(FIRST, n), point: null },
  };
}

/** Claims of one chart under both rule sets: [ihi, anhoej]. */
function claims(points: number[], mode: MedianMode): [boolean, boolean] {
  const p = measureProgress(seriesOf(points), [], 'ihi', mode);
  const anhoej = outcomeOf(
    { ...p.analysis, rules: 'anhoej' },
    [],
    mode === 'baseline' ? BASELINE_WEEKS : null,
  );
  return [p.outcome.claim === 'change', anhoej.claim === 'change'];
}

function rate(
  length: number,
  mode: MedianMode,
  seed: number,
  planted?: Planted,
): { ihi: number; anhoej: number } {
  const next = normalNoise(seed);
  let ihi = 0;
  let anhoej = 0;
  for (let k = 0; k < CHARTS; k++) {
    const [a, b] = claims(noisyChart(next, length, planted), mode);
    if (a) ihi++;
    if (b) anhoej++;
  }
  return { ihi: ihi / CHARTS, anhoej: anhoej / CHARTS };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** For each horizon, the share of stable charts told "change" at least once, read every week from 13. */
function everTold(horizons: readonly number[], mode: MedianMode, seed: number): number[] {
  const next = normalNoise(seed);
  const upTo = Math.max(...horizons);
  const told = horizons.map(() => 0);
  for (let k = 0; k < LOOK_CHARTS; k++) {
    const chart = noisyChart(next, upTo);
    let first = Infinity;
    for (let n = 13; n <= upTo && first === Infinity; n++)
      if (claims(chart.slice(0, n), mode)[0]) first = n;
    horizons.forEach((h, i) => (told[i]! += first <= h ? 1 : 0));
  }
  return told.map((t) => t / LOOK_CHARTS);
}

/** A planted step of `size` SD from week `from` + 1 of a `length`-week chart, named as printed. */
const shift = (size: number, from: number, length: number) => ({
  name: `shift ${size} SD, weeks ${from + 1}–${length} of ${length}`,
  length,
  planted: { kind: 'shift', from, size } as Planted,
});
/** A planted drift of `perWeek` SD a week from week `from` + 1 of a `length`-week chart. */
const trend = (perWeek: number, from: number, length: number) => ({
  name: `trend ${perWeek} SD a week from week ${from + 1}, ${length} weeks`,
  length,
  planted: { kind: 'trend', from, perWeek } as Planted,
});

const PLANTED = [
  shift(2, 12, 30),
  shift(1.5, 12, 30),
  shift(1, 12, 30),
  shift(1, 12, 52),
  shift(1.5, 26, 52),
  trend(0.1, 12, 30),
  trend(0.05, 12, 52),
];

/** The sweep; bench/run.mjs writes the figures to bench/results.json. */
export async function run(): Promise<Record<string, unknown>> {
  const t0 = performance.now();
  const falseChange: Record<string, Record<string, number>> = {};
  let worst = { rate: 0, where: '' };
  console.log(`False "change" on N(0,1) noise, ${CHARTS} charts per length (IHI / Anhøj rules):`);
  console.log('weeks  baseline (first 12 weeks)   median of all weeks');
  for (const length of PARTS.has('sweep') ? LENGTHS : []) {
    const row: Record<string, number> = {};
    for (const mode of MODES) {
      const r = rate(length, mode, length * 1009 + (mode === 'all' ? 7 : 0));
      row[`${mode}.ihi`] = r.ihi;
      row[`${mode}.anhoej`] = r.anhoej;
      for (const [rules, x] of [
        ['ihi', r.ihi],
        ['anhoej', r.anhoej],
      ] as const) {
        if (x > worst.rate) worst = { rate: x, where: `${length} weeks, ${mode}, ${rules}` };
      }
    }
    falseChange[length] = row;
    console.log(
      `${String(length).padStart(5)}  ${pct(row['baseline.ihi']!).padStart(6)} / ${pct(row['baseline.anhoej']!).padStart(6)}` +
        `          ${pct(row['all.ihi']!).padStart(6)} / ${pct(row['all.anhoej']!).padStart(6)}`,
    );
  }
  console.log(`Highest false "change" rate: ${pct(worst.rate)} (${worst.where})`);
  const detection: Record<string, Record<string, number>> = {};
  console.log(
    `\nDetection ("change"), ${CHARTS} charts per pattern (IHI rules; the claim is the same under Anhøj's):`,
  );
  (PARTS.has('detection') ? PLANTED : []).forEach(({ name, length, planted }, i) => {
    const row: Record<string, number> = {};
    for (const mode of MODES)
      row[mode] = rate(length, mode, 77_000 + i * 13 + (mode === 'all' ? 1 : 0), planted).ihi;
    detection[name] = row;
    console.log(`  ${name}: baseline ${pct(row.baseline!)}, median of all weeks ${pct(row.all!)}`);
  });
  const looks: Record<string, number> = {};
  console.log(
    `\nA stable provider reading every week from week 13 (${LOOK_CHARTS} charts): ever told "change"`,
  );
  for (const mode of PARTS.has('looks') ? MODES : []) {
    const horizons = [30, 52, 104, 156];
    everTold(horizons, mode, 5_000 + (mode === 'all' ? 1 : 0)).forEach(
      (x, i) => (looks[`${horizons[i]}.${mode}`] = x),
    );
    console.log(
      `  ${mode}: ${horizons.map((h) => `by week ${h} ${pct(looks[`${h}.${mode}`]!)}`).join(', ')}`,
    );
  }
  return {
    'calibration.chartsPerLength': CHARTS,
    'calibration.falseChange': falseChange,
    'calibration.falseChange.max': worst,
    'calibration.detection': detection,
    'calibration.everTold': looks,
    'calibration.everTold.charts': LOOK_CHARTS,
    'calibration.seconds': Math.round((performance.now() - t0) / 1000),
  };
}
