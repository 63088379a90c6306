/**
 * Exact binomial coefficients in BigInt, for the runs distributions of RUNCHART.md §2.3 and §3.1
 * ("the computation must be exact … not floating point").
 */

/** The row C(m, 0) … C(m, m) as BigInts (empty for m < 0). */
export function binomialRow(m: number): bigint[] {
  if (m < 0) return [];
  const row: bigint[] = [1n];
  for (let k = 0; k < m; k++) row.push((row[k]! * BigInt(m - k)) / BigInt(k + 1));
  return row;
}

/** C(m, k) read from a row made by `binomialRow(m)`: 0 outside 0 ≤ k ≤ m. */
export function pick(row: readonly bigint[], k: number): bigint {
  return k < 0 || k >= row.length ? 0n : row[k]!;
}
