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
  /**
   * For a monthly chart, that weekly chart when the caller has pooled it already, from the same
   * contributions and options with `shownBeforeWeekly` as its history (rule 5 then reuses it).
   */
  weekly?: PooledSeries;
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

/**
 * One person's sums in one period, and the weeks they come from (rule 4's parts): `week`, and the
 * others in `more` (most people have one part per period: no array for them).
 */
type Sums = { numerator: number; denominator: number; week: string; more: string[] | null };
/** One agency's people in one period. */
type Group = Map<string, Sums>;

function statsOf(people: Iterable<Sums>): CellStats {
  const stats = { people: 0, numerator: 0, denominator: 0 };
  for (const s of people) {
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

/**
 * Pools contributions into one point per period, suppressing small cells unless told not to.
 * `remember: false` (rule 5's look at the weekly chart) leaves `unknownShown` empty, so the sorted
 * part keys nobody reads are never built.
 */
export function poolSeries(
  contributions: readonly Contribution[],
  options: PoolOptions,
  remember = true,
): PooledSeries {
  const { grain, kind } = options;
  const periods = periodsOf(options.weeks, grain);
  // Each axis week's slot, found with one lookup per contribution: per period, per agency, per person.
  const slotOf = new Map<string, number>();
  const slotOfWeek = new Map<string, number>();
  for (const w of options.weeks) {
    const period = periodOf(w, grain);
    let slot = slotOf.get(period);
    if (slot === undefined) slotOf.set(period, (slot = slotOf.size));
    slotOfWeek.set(w, slot);
  }
  const slots: Map<string, Group>[] = Array.from({ length: slotOf.size }, () => new Map());
  for (const c of contributions) {
    const slot = slotOfWeek.get(c.week);
    // A percent part with no denominator adds nothing and must not count toward k (rule 1).
    if (slot === undefined || (kind === 'percent' && !(c.denominator > 0))) continue;
    const groups = slots[slot]!;
    let group = groups.get(c.groupId);
    if (!group) groups.set(c.groupId, (group = new Map()));
    const sums = group.get(c.personId);
    if (sums) {
      sums.numerator += c.numerator;
      sums.denominator += c.denominator;
      (sums.more ??= []).push(c.week);
    } else
      group.set(c.personId, {
        numerator: c.numerator,
        denominator: c.denominator,
        week: c.week,
        more: null,
      });
  }
  const unknownShown = new Map<string, string[]>();
  const of = options.population;
  const splitMonths = grain === 'month' && options.suppress ? monthsSplit() : new Set();
  const points = periods.map((period): PooledPoint => {
    const groups = [...slots[slotOf.get(period)!]!.values()];
    const allGroups = options.groups ?? groups.length;
    const shown = (people: Map<string, Sums>, included: number): PooledPoint => {
      const stats = statsOf(people.values());
      return {
        period,
        shown: true,
        value: valueOf(stats, kind),
        reporting: stats.people,
        of,
        agencies: { included, of: allGroups },
      };
    };
    // Rule 3: an agency's part enters only when it passes rule 1 alone.
    const included = options.suppress
      ? groups.filter((g) => tooSmall(statsOf(g.values()), kind) === null)
      : groups;
    const people = new Map<string, Sums>();
    for (const g of included) for (const [id, s] of g) people.set(id, s);
    if (groups.length === 0 || !options.suppress) return shown(people, included.length);

    // With no part left, say why the whole would be too small (one agency: its own reason).
    let whole = people;
    if (included.length === 0) {
      whole = new Map();
      for (const g of groups) for (const [id, s] of g) whole.set(id, s);
    }
    const reason =
      tooSmall(statsOf(whole.values()), kind) ??
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
    const weekly =
      options.weekly ??
      poolSeries(
        contributions,
        { ...options, grain: 'week', shownBefore: options.shownBeforeWeekly },
        false,
      );
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
    const unknown: Sums[] = [];
    const unknownIds: string[] = [];
    for (const [id, s] of people)
      if (!known?.has(id)) {
        unknown.push(s);
        unknownIds.push(id);
      }
    if (!remainderPasses(statsOf(unknown), kind)) return 'subtraction';
    const before = options.shownBefore?.(period) ?? [];
    // With nothing shown before, rule 4 passes whatever the parts: build them only to remember.
    if (before.length === 0 && !remember) return null;
    const keys: string[] = [];
    let repeated = false;
    for (let i = 0; i < unknown.length; i++) {
      const s = unknown[i]!;
      keys.push(partKey(unknownIds[i]!, s.week));
      if (s.more === null) continue;
      repeated = true;
      for (const week of s.more) keys.push(partKey(unknownIds[i]!, week));
    }
    // Distinct people give distinct keys; only a person's own weeks may repeat one.
    const parts = repeated ? [...new Set(keys)] : keys;
    if (before.length > 0 && !revisionPasses(new Set(parts), before)) return 'revision';
    if (remember) unknownShown.set(period, parts.sort());
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
