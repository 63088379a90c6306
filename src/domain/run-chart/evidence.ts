/**
 * How strongly a run chart says "something changed": one statistic per reading, with its chance
 * under pure noise computed for the chart's own length (RUNCHART.md §6). The marks (IHI shift ≥ 6,
 * trend ≥ 5, Anhøj long run) stay what she was taught; only the sentence's strength comes from here.
 *
 * Why not the rules themselves. A fixed rule ("6 in a row") is looked for everywhere on the chart,
 * so the longer the chart, the more places chance has to make one: RUNCHART.md §3.3 measures 13% of
 * 12-week and 75% of 52-week noise charts with an IHI shift or trend. Anhøj & Olesen (2014, PLOS ONE
 * 9(11):e113825) widen the limit with log2(n) and keep near 5%, but not below it at every length
 * (§3.3: 8–10% at 260–520 points; with a frozen baseline, more). A claim that must stay ≤ 5% at every
 * length needs a test whose null distribution is computed at that length.
 *
 * The two statistics (one per median mode, so that what is counted is the line she sees):
 * 1. Frozen baseline (the default). The median of the first b weeks of the phase is the line; the k
 *    weeks after it are the new weeks. Count how many of those fall above the line (points on it
 *    dropped, RUNCHART.md §1.4). Under noise (independent, identically distributed, continuous)
 *    this count is an "exceedance" count: the number of n later values above an order statistic of
 *    an earlier sample of b is distribution-free, and follows a beta-binomial law — the later values
 *    are independent given the line, and the line's own position F(median) is a Beta variable
 *    (Gumbel & von Schelling 1950, "The distribution of the number of exceedances", Ann. Math.
 *    Stat. 21:247–262). For an odd b the median is the ((b+1)/2)-th value and F(median) ~
 *    Beta((b+1)/2, (b+1)/2) exactly. For an even b (12) the median is the mean of two values; we use
 *    the same Beta((b+1)/2, (b+1)/2), between the laws of its two neighbours (Beta(b/2, b/2+1) and
 *    Beta(b/2+1, b/2)). That is an approximation, not a bound; `npm run bench -- calibration` checks
 *    the resulting false-claim rate on 10,000 noise charts per length (10–156 weeks). Using the
 *    conservative neighbour instead would raise the 30-week threshold from 16 to 17 of 18 weeks and
 *    lose a fifth of the 1.5 SD shifts (measured: 81% → 61%).
 *    This is why the frozen baseline matters: the weeks are not all pulled into their own median, so
 *    a shift that lasts is not halved by the line moving towards it. It is Mood's median test with
 *    the baseline as the first sample. Two-sided: the larger of the counts above and below, its tail
 *    doubled.
 * 2. Median of all weeks. The line is the median of the phase, so half its weeks are above it by
 *    construction and counting says nothing. The statistic is the longest run on one side: given n1
 *    weeks above and n2 below, under noise every order of them is equally likely, and the exact law
 *    of the longest run is a count of arrangements (Mood 1940, "The distribution theory of runs",
 *    Ann. Math. Stat. 11:367–392), computed here by a small recursion in floating point (counts up to
 *    C(156, 78) ≈ 7e45 are far inside a double's range; the relative error is about 1e-15).
 *
 * Multiple looks. She looks every week, and six charts. Repeating a 5% test on data that grows makes
 * "ever saw a change" more likely than 5% (Armitage, McPherson & Rowe 1969, "Repeated significance
 * tests on accumulating data", J. R. Stat. Soc. A 132:235–244). What this module does about it: (a)
 * one statistic per reading, on a split fixed before the data (the baseline's end, or a cycle's start
 * week), never the best of several windows or several rules; (b) the level is calibrated per length,
 * so every weekly look is itself ≤ 5%; (c) the bench reports how often a stable provider would ever
 * be told "change" over one and three years of weekly looks, so the residual risk is measured, not
 * hidden. A stricter per-look level (spending 5% over all looks, as group-sequential designs do)
 * would cost the detection of a 1.5 SD shift at 30 weeks that the product must keep (≥ 70%).
 * These sources are cited from the statistical literature as known to the author; their full texts
 * were not re-read for this module. The rates it promises are measured, by the bench and the tests.
 */
import { sideOf } from './median';

/** The chance level at or below which a reading says plainly that something changed. */
export const CHANGE_LEVEL = 0.05;

/** P(K ≥ k) for K ~ BetaBinomial(n, a, a), by the ratio of successive terms. */
function betaBinomialUpperTail(n: number, a: number, k: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  let term = 1;
  for (let i = 0; i < n; i++) term *= (a + i) / (2 * a + i); // P(K = 0)
  let tail = 0;
  for (let j = 0; j < n; j++) {
    if (j >= k) tail += term;
    term *= ((n - j) / (j + 1)) * ((j + a) / (n - j - 1 + a));
  }
  return tail + term; // the last term is P(K = n)
}

/**
 * The chance, under noise, that of `n` later weeks at least `count` fall on one side (either side)
 * of the median of `reference` earlier weeks (statistic 1 above; two-sided).
 */
export function sideCountChance(reference: number, n: number, count: number): number {
  if (reference < 1 || n < 1) return 1;
  return Math.min(1, 2 * betaBinomialUpperTail(n, (reference + 1) / 2, count));
}

/** P(longest run ≥ length) among `above` + `below` weeks in random order (statistic 2 above). */
export function longestRunChance(above: number, below: number, length: number): number {
  if (length <= 1) return above + below > 0 ? 1 : 0;
  // endA[i][j]: orders of i "above" and j "below" whose runs are all shorter than `length` and that
  // end with an "above" run; endB likewise. An order ending in a run of l "above" is an order of
  // (i − l, j) ending in "below" (or the empty order), so endA[i][j] = Σ_{l<length} endB[i−l][j].
  // O(above · below · length), in two flat arrays (no allocation per row).
  const w = below + 1;
  const endA = new Float64Array((above + 1) * w);
  const endB = new Float64Array((above + 1) * w);
  const at = (i: number, j: number) => i * w + j;
  for (let i = 0; i <= above; i++) {
    for (let j = 0; j <= below; j++) {
      if (i + j === 0) continue;
      let a = 0;
      for (let l = 1; l < length && l <= i; l++) a += i === l && j === 0 ? 1 : endB[at(i - l, j)]!;
      endA[at(i, j)] = a;
      let b = 0;
      for (let l = 1; l < length && l <= j; l++) b += j === l && i === 0 ? 1 : endA[at(i, j - l)]!;
      endB[at(i, j)] = b;
    }
  }
  let orders = 1; // C(above + below, above)
  for (let i = 1; i <= above; i++) orders = (orders * (below + i)) / i;
  return Math.max(0, 1 - (endA[at(above, below)]! + endB[at(above, below)]!) / orders);
}

/** What one reading found: the weeks counted, which way they lean, and the chance of that by noise. */
export interface Evidence {
  /** `since-baseline`: weeks after the frozen baseline counted against it; `longest-run`: median of all. */
  test: 'since-baseline' | 'longest-run' | 'since-cycle';
  direction: 'up' | 'down';
  /** Input indices of the first and last week counted (the run itself for `longest-run`). */
  start: number;
  end: number;
  /** Weeks on the `direction` side (the run's length for `longest-run`). */
  count: number;
  /** Weeks counted (points on the line left out; all useful weeks of the phase for `longest-run`). */
  of: number;
  /** The chance under noise of a count (or run) at least this large, on a chart this long. */
  chance: number;
}

/** Sides (−1, 0, +1) of `values` against `line`; missing values and values on it are 0 (§1.3). */
export function sidesOf(
  values: readonly (number | null)[],
  line: number,
  tolerance = 1e-9,
): number[] {
  return values.map((v) => (v === null ? 0 : sideOf(v, line, tolerance)));
}

/**
 * Statistic 1: the weeks at `from`…`to` (input indices) against `line`, the median of `reference`
 * earlier weeks of data. `null` when no week in that span is off the line.
 */
export function sideCountEvidence(
  values: readonly (number | null)[],
  line: number,
  reference: number,
  from: number,
  to: number,
  test: Evidence['test'] = 'since-baseline',
): Evidence | null {
  const sides = sidesOf(values.slice(from, to + 1), line);
  const up = sides.filter((s) => s > 0).length;
  const down = sides.filter((s) => s < 0).length;
  if (up + down === 0) return null;
  const count = Math.max(up, down);
  return {
    test,
    direction: up >= down ? 'up' : 'down',
    start: from,
    end: to,
    count,
    of: up + down,
    chance: sideCountChance(reference, up + down, count),
  };
}

/** Statistic 2: the longest run of `values[from..to]` on one side of `line` (the latest of equals). */
export function longestRunEvidence(
  values: readonly (number | null)[],
  line: number,
  from: number,
  to: number,
): Evidence | null {
  const sides = sidesOf(values.slice(from, to + 1), line);
  let best = { length: 0, side: 0, start: -1, end: -1 };
  let run = { length: 0, side: 0, start: -1 };
  sides.forEach((s, i) => {
    if (s === 0) return; // on the line or missing: neither ends nor lengthens a run (RUNCHART.md §1.4)
    run =
      s === run.side ? { ...run, length: run.length + 1 } : { length: 1, side: s, start: from + i };
    if (run.length >= best.length)
      best = { length: run.length, side: s, start: run.start, end: from + i };
  });
  if (best.length === 0) return null;
  const above = sides.filter((s) => s > 0).length;
  const below = sides.filter((s) => s < 0).length;
  const chance = longestRunChance(above, below, best.length);
  return {
    test: 'longest-run',
    direction: best.side > 0 ? 'up' : 'down',
    start: best.start,
    end: best.end,
    count: best.length,
    of: above + below,
    chance,
  };
}
