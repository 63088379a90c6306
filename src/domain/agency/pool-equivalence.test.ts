/**
 * pool.ts against the implementation it replaced (kept here verbatim, renamed `referencePool`): on
 * random contributions, axes, grains, known sets and histories, every series is exactly equal —
 * points, values to the last bit, and the unknown parts remembered for rule 4.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWeeks, weeksBetween } from '../dates';
import { periodOf, periodsOf } from './periods';
import {
  poolSeries,
  type Contribution,
  type PooledPoint,
  type PooledSeries,
  type PoolOptions,
} from './pool';
import {
  partKey,
  remainderPasses,
  revisionPasses,
  tooSmall,
  type CellStats,
  type PooledKind,
  type SuppressionReason,
} from './suppression';

/** One person's sums in one period. */
type Sums = { numerator: number; denominator: number; weeks: string[] };
/** Per period, per agency, per person. */
type Parts = Map<string, Map<string, Map<string, Sums>>>;

function addTo(parts: Parts, c: Contribution, period: string): void {
  let groups = parts.get(period);
  if (!groups) parts.set(period, (groups = new Map()));
  let people = groups.get(c.groupId);
  if (!people) groups.set(c.groupId, (people = new Map()));
  const sums = people.get(c.personId);
  if (sums) {
    sums.numerator += c.numerator;
    sums.denominator += c.denominator;
    sums.weeks.push(c.week);
  } else
    people.set(c.personId, { numerator: c.numerator, denominator: c.denominator, weeks: [c.week] });
}

function statsOf(people: Iterable<[string, Sums]>): CellStats {
  const stats = { people: 0, numerator: 0, denominator: 0 };
  for (const [, s] of people) {
    stats.people++;
    stats.numerator += s.numerator;
    stats.denominator += s.denominator;
  }
  return stats;
}

function valueOf(stats: CellStats, kind: PooledKind): number | null {
  if (!(stats.denominator > 0)) return null;
  return (kind === 'percent' ? 100 : 1) * (stats.numerator / stats.denominator);
}

/** Pools contributions into one point per period, suppressing small cells unless told not to. */
function referencePool(contributions: readonly Contribution[], options: PoolOptions): PooledSeries {
  const inAxis = new Set(options.weeks);
  const parts: Parts = new Map();
  for (const c of contributions) {
    // A percent part with no denominator adds nothing and must not count toward k (rule 1).
    if (!inAxis.has(c.week) || (options.kind === 'percent' && !(c.denominator > 0))) continue;
    addTo(parts, c, periodOf(c.week, options.grain));
  }
  const unknownShown = new Map<string, string[]>();
  const of = options.population;
  const splitMonths = options.grain === 'month' && options.suppress ? monthsSplit() : new Set();
  const points = periodsOf(options.weeks, options.grain).map((period): PooledPoint => {
    const groups = [...(parts.get(period)?.values() ?? [])];
    const allGroups = options.groups ?? groups.length;
    const shown = (people: Map<string, Sums>, included: number): PooledPoint => {
      const stats = statsOf(people);
      return {
        period,
        shown: true,
        value: valueOf(stats, options.kind),
        reporting: stats.people,
        of,
        agencies: { included, of: allGroups },
      };
    };
    // Rule 3: an agency's part enters only when it passes rule 1 alone.
    const included = options.suppress
      ? groups.filter((g) => tooSmall(statsOf(g), options.kind) === null)
      : groups;
    const people = new Map<string, Sums>();
    for (const g of included) for (const [id, s] of g) people.set(id, s);
    if (groups.length === 0 || !options.suppress) return shown(people, included.length);

    // With no part left, say why the whole would be too small (one agency: its own reason).
    const whole = included.length === 0 ? new Map(groups.flatMap((g) => [...g])) : people;
    const reason =
      tooSmall(statsOf(whole), options.kind) ??
      (included.length === 0
        ? 'too-few'
        : splitMonths.has(period)
          ? 'subtraction'
          : bySubtraction(period, people));
    return reason
      ? { period, shown: false, suppressed: reason, of }
      : shown(people, included.length);
  });
  return { points, unknownShown };

  /**
   * Rule 5: the months of which the same viewer's weekly chart hides some weeks and shows others
   * (the month less the weeks shown would be the weeks hidden), her weekly history included.
   */
  function monthsSplit(): Set<string> {
    const weekly = referencePool(contributions, {
      ...options,
      grain: 'week',
      shownBefore: options.shownBeforeWeekly,
    });
    const hidden = new Set<string>();
    const shown = new Set<string>();
    for (const p of weekly.points) {
      if (p.shown && p.reporting === 0) continue;
      (p.shown ? shown : hidden).add(periodOf(p.period, 'month'));
    }
    return new Set([...hidden].filter((m) => shown.has(m)));
  }

  /** Rules 2 and 4, on the part of the point the viewer does not read individually. */
  function bySubtraction(period: string, people: Map<string, Sums>): SuppressionReason | null {
    const known = options.known;
    const unknown: Iterable<[string, Sums]> =
      known && known.size > 0 ? [...people].filter(([id]) => !known.has(id)) : people;
    if (!remainderPasses(statsOf(unknown), options.kind)) return 'subtraction';
    const ids = new Set<string>();
    for (const [id, sums] of unknown) for (const week of sums.weeks) ids.add(partKey(id, week));
    if (!revisionPasses(ids, options.shownBefore?.(period) ?? [])) return 'revision';
    unknownShown.set(period, [...ids].sort());
    return null;
  }
}

const START = '2025-W50';

const PEOPLE = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9', 'p10', 'p11', 'p12'];

/** A part: mostly of her own agency (p1–p6 a, the others b), now and then of a third. */
const contribution = (weeks: number) =>
  fc
    .record({
      personId: fc.constantFrom(...PEOPLE),
      other: fc.integer({ min: 0, max: 19 }),
      week: fc.integer({ min: -1, max: weeks }).map((i) => addWeeks(START, i)),
      numerator: fc.oneof(
        fc.integer({ min: 0, max: 7 }),
        fc.double({ min: 0, max: 7, noNaN: true }),
      ),
      denominator: fc.oneof(fc.constant(1), fc.integer({ min: 0, max: 7 })),
    })
    .map(({ other, ...c }): Contribution => ({
      ...c,
      groupId: other === 0 ? 'c' : PEOPLE.indexOf(c.personId) < 6 ? 'a' : 'b',
    }));

const world = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.record({
    weeks: fc.constant(weeksBetween(START, addWeeks(START, n - 1))),
    contributions: fc.array(contribution(n), { minLength: 20, maxLength: 200, size: 'max' }),
    kind: fc.constantFrom<PooledKind>('percent', 'mean'),
    grain: fc.constantFrom<'week' | 'month'>('week', 'month'),
    suppress: fc.boolean(),
    known: fc.subarray(['p1', 'p2', 'p7']),
    groups: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    // Each history entry: the period's parts less those of a few people (0 to 5 of them).
    history: fc.array(fc.subarray(PEOPLE, { maxLength: 5 }), { maxLength: 2 }),
  }),
);

describe('pool.ts equals the implementation it replaced', () => {
  it('on random inputs, with and without a history', () => {
    fc.assert(
      fc.property(world, (w) => {
        const before = (period: string) => {
          const parts = w.contributions
            .filter((c) => c.week === period || periodOf(c.week, 'month') === period)
            .map((c) => partKey(c.personId, c.week));
          return w.history.map((dropped) =>
            parts.filter((k) => !dropped.some((id) => k.startsWith(`${id}@`))),
          );
        };
        const options: PoolOptions = {
          kind: w.kind,
          weeks: w.weeks,
          grain: w.grain,
          population: 20,
          groups: w.groups,
          suppress: w.suppress,
          known: new Set(w.known),
          shownBefore: before,
          shownBeforeWeekly: before,
        };
        expect(poolSeries(w.contributions, options)).toEqual(
          referencePool(w.contributions, options),
        );
        // Rule 5 reusing a weekly chart pooled by the caller, as the roll-up route does.
        const weekly = poolSeries(w.contributions, {
          ...options,
          grain: 'week',
          shownBefore: before,
        });
        expect(poolSeries(w.contributions, { ...options, weekly })).toEqual(
          referencePool(w.contributions, options),
        );
        const bare = {
          ...options,
          known: undefined,
          shownBefore: undefined,
          shownBeforeWeekly: undefined,
        };
        expect(poolSeries(w.contributions, bare)).toEqual(referencePool(w.contributions, bare));
      }),
      { numRuns: 400 },
    );
  });
});
