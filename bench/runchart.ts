/**
 * Run-chart bench (RUNCHART.md §5): p50/p95 time of `analyzeRunChart` on a 520-week series (ten
 * years of weekly points) with missing weeks, ties, proportions with zero denominators, a frozen
 * baseline and phases. Run by bench/run.mjs (bundled with esbuild); needs no build and no browser.
 */
import { analyzeRunChart, type RunChartOptions, type RunChartPoint } from '../src/domain/run-chart';

const LENGTH = 520;
const WARMUP = 200;
const ITERATIONS = 3000;

/** A deterministic pseudo-random generator (mulberry32): the same series on every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function series(): RunChartPoint[] {
  const random = mulberry32(4);
  return Array.from({ length: LENGTH }, (_, i) => {
    const r = random();
    if (r < 0.08) return null;
    const level = i < LENGTH / 2 ? 3 : 5;
    if (r < 0.5) {
      const denominator = Math.floor(random() * 8);
      return { numerator: Math.floor(random() * (denominator + 1)), denominator };
    }
    return level + Math.floor(random() * 4);
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function time(
  points: readonly RunChartPoint[],
  options: RunChartOptions,
): { p50: number; p95: number } {
  let sink = 0;
  for (let i = 0; i < WARMUP; i++) sink += analyzeRunChart(points, options).phases.length;
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const t0 = performance.now();
    sink += analyzeRunChart(points, options).phases.length;
    samples.push(performance.now() - t0);
  }
  if (sink === 0) throw new Error('the analysis returned no phases');
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/** Times the analysis; returns milliseconds per call. */
export async function run(): Promise<Record<string, unknown>> {
  const points = series();
  const whole = time(points, {});
  const phased = time(points, { baselineCount: 12, phaseStarts: [130, 260, 390], rules: 'anhoej' });
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return {
    'runchart.analyze520.p50Ms': round(whole.p50),
    'runchart.analyze520.p95Ms': round(whole.p95),
    'runchart.analyze520.phased.p50Ms': round(phased.p50),
    'runchart.analyze520.phased.p95Ms': round(phased.p95),
    'runchart.analyze520.iterations': ITERATIONS,
  };
}
