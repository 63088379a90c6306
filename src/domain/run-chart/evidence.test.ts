/**
 * RUNCHART.md §6: the two statistics' null laws checked against brute force and hand values, and the
 * claim's calibration on seeded N(0, 1) noise at a few lengths (the full sweep is in the bench).
 */
import { describe, expect, it } from 'vitest';
import { addWeeks, weeksBetween } from '../dates';
import { measureProgress, type MedianMode } from '../progress';
import {
  longestRunChance,
  longestRunEvidence,
  sideCountChance,
  sideCountEvidence,
} from './evidence';
import { normalNoise, noisyChart, type Planted } from './noise';

/** Every order of `above` ones and `below` zeros (brute force for small counts). */
function orders(above: number, below: number): number[][] {
  if (above === 0 && below === 0) return [[]];
  const out: number[][] = [];
  if (above > 0) for (const o of orders(above - 1, below)) out.push([1, ...o]);
  if (below > 0) for (const o of orders(above, below - 1)) out.push([0, ...o]);
  return out;
}

const longest = (o: number[]) =>
  o.reduce((best, v, i) => {
    let run = 1;
    while (i - run >= 0 && o[i - run] === v) run++;
    return Math.max(best, run);
  }, 0);

describe('longestRunChance', () => {
  it('is the share of all orders whose longest run reaches the length (brute force up to 7 + 7)', () => {
    for (let above = 0; above <= 7; above++) {
      for (let below = 0; below <= 7; below++) {
        if (above + below === 0) continue;
        const all = orders(above, below);
        for (let length = 1; length <= above + below + 1; length++) {
          const share = all.filter((o) => longest(o) >= length).length / all.length;
          expect(longestRunChance(above, below, length)).toBeCloseTo(share, 12);
        }
      }
    }
  });
});

describe('sideCountChance', () => {
  it('for an odd reference is the exact exceedance law (Beta((b+1)/2) mixing), two-sided', () => {
    // b = 3: the line is the middle value, F(line) ~ Beta(2, 2); P(both of 2 later values above) = 0.3.
    expect(sideCountChance(3, 2, 2)).toBeCloseTo(0.6, 12);
    // b = 1: P(all of n above one earlier value) = 1 / (n + 1).
    expect(sideCountChance(1, 4, 4)).toBeCloseTo(2 / 5, 12);
    expect(sideCountChance(12, 18, 9)).toBe(1);
  });

  it('for the 12-week median of normal noise is a little above the simulated chance (errs cautious)', () => {
    const next = normalNoise(3);
    let hits = 0;
    const charts = 20_000;
    for (let k = 0; k < charts; k++) {
      const x = noisyChart(next, 30);
      const e = sideCountEvidence(
        x,
        [...x.slice(0, 12)]
          .sort((a, b) => a - b)
          .slice(5, 7)
          .reduce((s, v) => s + v / 2, 0),
        12,
        12,
        29,
      )!;
      if (e.count >= 15) hits++;
    }
    // Simulated 0.073 (20,000 charts; ±0.002); the Beta(6.5, 6.5) mixing gives 0.079.
    const chance = sideCountChance(12, 18, 15);
    expect(chance).toBeGreaterThanOrEqual(hits / charts - 0.004);
    expect(chance).toBeLessThan(hits / charts + 0.015);
  });
});

describe('evidence of a series', () => {
  it('counts the weeks after a line on each side, points on it and missing weeks left out', () => {
    expect(sideCountEvidence([1, 5, 5, 3, null, 5, 0], 3, 12, 1, 6)).toMatchObject({
      direction: 'up',
      count: 3,
      of: 4,
      start: 1,
      end: 6,
    });
  });

  it('finds the latest of the longest runs, skipping points on the line', () => {
    expect(longestRunEvidence([5, 5, 1, 1, 3, 1, 5], 3, 0, 6)).toMatchObject({
      direction: 'down',
      count: 3,
      start: 2,
      end: 5,
      of: 6,
    });
  });
});

const FIRST = '2024-W02';

function claimRate(
  length: number,
  charts: number,
  seed: number,
  mode: MedianMode,
  planted?: Planted,
): { ihi: number; anhoej: number } {
  const next = normalNoise(seed);
  const weeks = weeksBetween(FIRST, addWeeks(FIRST, length - 1));
  let ihi = 0;
  let anhoej = 0;
  for (let k = 0; k < charts; k++) {
    const series = {
      measure: 'p2' as const,
      weeks,
      points: noisyChart(next, length, planted),
      current: { week: addWeeks(FIRST, length), point: null },
    };
    if (measureProgress(series, [], 'ihi', mode).outcome.claim === 'change') ihi++;
    if (measureProgress(series, [], 'anhoej', mode).outcome.claim === 'change') anhoej++;
  }
  return { ihi, anhoej };
}

describe('the claim on seeded noise (RUNCHART.md §6)', () => {
  it.each([
    [20, 1000],
    [30, 1000],
    [52, 1000],
    [104, 1000],
  ])(
    'says "change" on at most 5 in 100 of %i-week noise charts (%i seeded), both rules, both modes',
    (length, charts) => {
      // A count consistent with a rate of at most 5%: 5% of the charts plus three binomial standard
      // deviations (the bench counts 10,000 charts per length and prints the rates themselves).
      const bound = charts * 0.05 + 3 * Math.sqrt(charts * 0.05 * 0.95);
      for (const mode of ['baseline', 'all'] as const) {
        const { ihi, anhoej } = claimRate(
          length,
          charts,
          length * 7 + (mode === 'all' ? 1 : 0),
          mode,
        );
        expect(ihi).toBeLessThanOrEqual(bound);
        expect(anhoej).toBe(ihi); // the claim follows the evidence, not the rule set
      }
    },
  );

  it('catches a shift over weeks 13–30 of a 30-week chart: ≥ 80% at 2 SD, ≥ 70% at 1.5 SD (baseline)', () => {
    expect(
      claimRate(30, 500, 2, 'baseline', { kind: 'shift', from: 12, size: 2 }).ihi,
    ).toBeGreaterThanOrEqual(400);
    expect(
      claimRate(30, 500, 15, 'baseline', { kind: 'shift', from: 12, size: 1.5 }).ihi,
    ).toBeGreaterThanOrEqual(350);
  });
});
