/**
 * Pooled measures (SYNC.md §15): Σnumerator ÷ Σdenominator over the people of a roll-up per week or
 * month, with "k of N reporting" and small-cell suppression (suppression.ts, rules 1–5). Each
 * person's weekly part is a `Contribution`; a count or score is a part `value / 1` (one person-week),
 * so its pooled value is the mean per person-week. Pure.
 */
import { analyzeRunChart, type RunChartAnalysis, type RunChartOptions } from '../run-chart';
import { periodOf, periodsOf, type Grain } from './periods';
import {
  partKey,
  remainderPasses,
  revisionPasses,
  tooSmall,
  type CellStats,
  type PooledKind,
  type SuppressionReason,
} from './suppression';

/** One person's part of one week of one measure. */
export interface Contribution {
  personId: string;
  /** Her agency: the unit of rule 3. */
  groupId: string;
  week: string;
  numerator: number;
  denominator: number;
}

/** How to pool, and for whom. */
export interface PoolOptions {
  kind: PooledKind;
  /** The weeks of the chart's axis, oldest first; contributions of other weeks are ignored. */
  weeks: readonly string[];
  grain: Grain;
  /** N: the people of the roll-up (providers who share, or staff), reporting or not. */
  population: number;
  /** The agencies of the roll-up, for "from a of b agencies" (default: those seen). */
  groups?: number;
  /** False only for staff measures read by their own manager or staff member (SYNC.md §15). */
  suppress: boolean;
  /** The people the viewer already reads individually (rule 2). */
  known?: ReadonlySet<string>;
  /** The unknown parts shown to this viewer before, per period (rule 4); none when omitted. */
  shownBefore?: (period: string) => readonly (readonly string[])[];
  /** For a monthly chart, the same viewer's weekly history (rule 5 reads her weekly chart). */
  shownBeforeWeekly?: (week: string) => readonly (readonly string[])[];
}

/** One point of a pooled chart. A suppressed point carries no numbers at all. */
export type PooledPoint =
  | {
      period: string;
      shown: true;
      /** A percent (0–100) or a mean; `null` when nobody reported (a gap). */
      value: number | null;
      /** k: the people whose parts make the point. */
      reporting: number;
      of: number;
      agencies: { included: number; of: number };
    }
  | { period: string; shown: false; suppressed: SuppressionReason; of: number };

/** A pooled series, and what the server must remember of it for rule 4. */
export interface PooledSeries {
  points: PooledPoint[];
  /** For each shown point, its unknown part as sorted `partKey`s (never sent to a device). */
  unknownShown: Map<string, string[]>;
}

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
export function poolSeries(
  contributions: readonly Contribution[],
  options: PoolOptions,
): PooledSeries {
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
    const weekly = poolSeries(contributions, {
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

/** The run-chart analysis of a pooled series: a suppressed or empty point is a missing week. */
export function analyzePooled(
  series: PooledSeries,
  options: RunChartOptions = {},
): RunChartAnalysis {
  return analyzeRunChart(
    series.points.map((p) => (p.shown ? p.value : null)),
    options,
  );
}
