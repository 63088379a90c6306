/**
 * RUNCHART.md §3.3: on pure noise, IHI false alarms (a shift or a trend) grow with chart length while
 * the Anhøj signal stays near 5–10%. Seeded, so the counts are the same on every run.
 */
import { describe, expect, it } from 'vitest';
import { analyzeRunChart } from './index';

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function falseAlarmRates(
  length: number,
  charts: number,
  seed: number,
): { ihi: number; anhoej: number } {
  const random = mulberry32(seed);
  let ihi = 0;
  let anhoej = 0;
  for (let k = 0; k < charts; k++) {
    const result = analyzeRunChart(Array.from({ length }, () => random()));
    if (result.summary.ihi.shift || result.summary.ihi.trend) ihi++;
    if (result.summary.anhoej.any) anhoej++;
  }
  return { ihi: ihi / charts, anhoej: anhoej / charts };
}

describe('false alarms on pure noise (RUNCHART.md §3.3)', () => {
  it('grow with length under the IHI rules but stay low under the Anhøj rules', () => {
    const short = falseAlarmRates(12, 1000, 12);
    const year = falseAlarmRates(52, 1000, 52);
    const decade = falseAlarmRates(520, 200, 520);
    // §3.3 reports 13%, 75% and 100% (IHI) and 1%, 4% and 10% (Anhøj) on 2,000 charts per length.
    expect(short.ihi).toBeGreaterThan(0.08);
    expect(short.ihi).toBeLessThan(0.18);
    expect(year.ihi).toBeGreaterThan(0.65);
    expect(year.ihi).toBeLessThan(0.85);
    expect(decade.ihi).toBe(1);
    expect(short.anhoej).toBeLessThan(0.03);
    expect(year.anhoej).toBeLessThan(0.09);
    expect(decade.anhoej).toBeGreaterThan(0.04);
    expect(decade.anhoej).toBeLessThan(0.16);
  });

  it('gives the crossings signal at the exact Swed–Eisenhart rate for 20 points (P(R ≤ 6) = 0.019)', () => {
    // With 20 distinct values the median splits them 10/10; fewer than 6 crossings = at most 6 runs.
    const random = mulberry32(20);
    let signals = 0;
    const charts = 10_000;
    for (let k = 0; k < charts; k++) {
      if (
        analyzeRunChart(Array.from({ length: 20 }, () => random())).phases[0]!.anhoej
          .crossingsSignal
      )
        signals++;
    }
    expect(signals / charts).toBeGreaterThan(0.015);
    expect(signals / charts).toBeLessThan(0.023);
  });
});
