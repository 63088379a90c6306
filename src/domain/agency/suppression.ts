/**
 * Small-cell suppression (SYNC.md §15, rules 1–4): which pooled points may be shown, to whom.
 * 1. too few: fewer than 5 people, or a percent whose Σdenominator is under 5;
 * 2. subtraction within a view: the part of a point the viewer does not read individually must be
 *    empty or pass rule 1;
 * 3. across agencies: an agency's part enters a point only when it passes rule 1 alone (pool.ts);
 * 4. subtraction across time: a point's unknown part must equal one shown to this viewer before, or
 *    differ from every one shown before by at least 5 people.
 * Pure; the server keeps the history of rule 4.
 */

/** The smallest number of people, and the smallest Σdenominator of a percent, that may be shown. */
export const SMALL_CELL = 5;

/** Why a point is "too few to show". */
export type SuppressionReason = 'too-few' | 'small-denominator' | 'subtraction' | 'revision';

/** How a pooled measure is computed: 100·Σn/Σd, or the mean Σvalue/Σperson-weeks. */
export type PooledKind = 'percent' | 'mean';

/** What a cell is made of: how many people, and its sums. */
export interface CellStats {
  people: number;
  numerator: number;
  denominator: number;
}

/** Rule 1 for a cell that is shown itself: `null` when it passes, otherwise the reason. */
export function tooSmall(stats: CellStats, kind: PooledKind): SuppressionReason | null {
  if (stats.people < SMALL_CELL) return 'too-few';
  if (kind === 'percent' && stats.denominator < SMALL_CELL) return 'small-denominator';
  return null;
}

/** Rule 2: a part left over by subtraction reveals nothing when it is empty or passes rule 1. */
export function remainderPasses(stats: CellStats, kind: PooledKind): boolean {
  return stats.people === 0 || tooSmall(stats, kind) === null;
}

/** The number of people in exactly one of two sets. */
function symmetricDifference(a: ReadonlySet<string>, b: readonly string[]): number {
  const other = new Set(b);
  let n = 0;
  for (const x of a) if (!other.has(x)) n++;
  for (const x of other) if (!a.has(x)) n++;
  return n;
}

/**
 * Rule 4: may a point whose unknown part is `unknown` be shown, given the unknown parts shown to this
 * viewer for the same point before? An empty part always may (it reveals nothing to her).
 */
export function revisionPasses(
  unknown: ReadonlySet<string>,
  shownBefore: readonly (readonly string[])[],
): boolean {
  if (unknown.size === 0) return true;
  const differences = shownBefore.map((set) => symmetricDifference(unknown, set));
  return differences.includes(0) || differences.every((d) => d >= SMALL_CELL);
}
