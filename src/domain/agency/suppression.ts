/**
 * Small-cell suppression (SYNC.md §15, rules 1–5): which pooled points may be shown, to whom.
 * 1. too few: fewer than 5 people, or a percent whose Σdenominator is under 5;
 * 2. subtraction within a view: the part of a point the viewer does not read individually must be
 *    empty or pass rule 1;
 * 3. across agencies: an agency's part enters a point only when it passes rule 1 alone (pool.ts);
 * 4. subtraction across time: a point's unknown part must equal one shown to this viewer before, or
 *    differ from every one shown before in the parts of at least 5 people;
 * 5. subtraction across grains: a month is hidden when some, not all, of its weeks are (pool.ts).
 * Pure; the server keeps the history of rule 4 (per viewer, point and grain).
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

/** The key of one person's part of one week: the unit rule 4 compares (ids hold no `@`). */
export function partKey(personId: string, week: string): string {
  return `${personId}@${week}`;
}

function personOf(key: string): string {
  return key.slice(0, key.lastIndexOf('@'));
}

/** The number of people with a part in exactly one of two sets of parts. */
function peopleChanged(a: ReadonlySet<string>, b: readonly string[]): number {
  const other = new Set(b);
  const people = new Set<string>();
  for (const x of a) if (!other.has(x)) people.add(personOf(x));
  for (const x of other) if (!a.has(x)) people.add(personOf(x));
  return people.size;
}

/**
 * Rule 4: may a point whose unknown part is `unknown` (its parts, `partKey`) be shown, given the
 * unknown parts shown to this viewer for the same point before? It may when it equals one of them,
 * or differs from every one in the parts of at least 5 people: so a provider who leaves, joins, or
 * files one week of a month late is never the whole difference. An empty part always may.
 */
export function revisionPasses(
  unknown: ReadonlySet<string>,
  shownBefore: readonly (readonly string[])[],
): boolean {
  if (unknown.size === 0) return true;
  const differences = shownBefore.map((set) => peopleChanged(unknown, set));
  return differences.includes(0) || differences.every((d) => d >= SMALL_CELL);
}
