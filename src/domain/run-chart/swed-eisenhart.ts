/**
 * Too few / too many runs: RUNCHART.md §2.3. Limits come from the exact Swed–Eisenhart distribution
 * of the number of runs R with n1 = ⌊n/2⌋ and n2 = ⌈n/2⌉, tested at 2.5% in each tail, in BigInt:
 *   P(R = 2k)   = 2·C(n1−1, k−1)·C(n2−1, k−1) / C(n, n1)
 *   P(R = 2k+1) = [C(n1−1, k−1)·C(n2−1, k) + C(n1−1, k)·C(n2−1, k−1)] / C(n, n1)
 * too few ⇔ P(R ≤ runs) ≤ 0.025; too many ⇔ P(R ≥ runs) ≤ 0.025. `lower` and `upper` are the
 * smallest and largest acceptable counts. Works for any n ≥ 2; the analysis asks only for n ≥ 10.
 */
import { binomialRow, pick } from './binomial';
import type { RunsLimits, RunsVerdict } from './types';

/** The runs test needs at least this many useful observations (RUNCHART.md §1.7). */
export const RUNS_TEST_MIN_USEFUL = 10;

/**
 * Number of arrangements (out of C(n, n1)) with exactly r runs, for r = 0 … n, and the total.
 * Exposed for tests.
 */
export function runsDistribution(n: number): { counts: bigint[]; total: bigint } {
  const n1 = Math.floor(n / 2);
  const n2 = n - n1;
  const row1 = binomialRow(n1 - 1);
  const row2 = binomialRow(n2 - 1);
  const counts: bigint[] = Array.from({ length: n + 1 }, () => 0n);
  for (let r = 2; r <= n; r++) {
    const k = r >> 1;
    counts[r] =
      r % 2 === 0
        ? 2n * pick(row1, k - 1) * pick(row2, k - 1)
        : pick(row1, k - 1) * pick(row2, k) + pick(row1, k) * pick(row2, k - 1);
  }
  return { counts, total: binomialRow(n)[n1]! };
}

const cache = new Map<number, RunsLimits>();

/** The exact limits for n useful observations (n ≥ 2): runs < lower is too few, runs > upper too many. */
export function runsLimits(n: number): RunsLimits {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`runs limits need n ≥ 2, got ${n}`);
  const cached = cache.get(n);
  if (cached) return cached;
  const { counts, total } = runsDistribution(n);
  // A tail is rejected when its probability is ≤ 1/40, i.e. when 40 · count ≤ total.
  let lower = 0;
  for (let r = 0, tail = 0n; r <= n; r++) {
    tail += counts[r]!;
    if (40n * tail > total) {
      lower = r;
      break;
    }
  }
  let upper = n;
  for (let r = n, tail = 0n; r >= 0; r--) {
    tail += counts[r]!;
    if (40n * tail > total) {
      upper = r;
      break;
    }
  }
  const limits = { lower, upper };
  cache.set(n, limits);
  return limits;
}

/** The verdict of the runs test, or `null` (and no limits) with fewer than 10 useful observations. */
export function runsTest(
  useful: number,
  runs: number,
): { limits: RunsLimits | null; verdict: RunsVerdict | null } {
  if (useful < RUNS_TEST_MIN_USEFUL) return { limits: null, verdict: null };
  const limits = runsLimits(useful);
  const verdict = runs < limits.lower ? 'too-few' : runs > limits.upper ? 'too-many' : 'ok';
  return { limits: { ...limits }, verdict };
}
