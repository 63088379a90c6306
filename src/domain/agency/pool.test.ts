import { describe, expect, it } from 'vitest';
import { addWeeks, weeksBetween } from '../dates';
import { analyzePooled, poolSeries, type Contribution, type PoolOptions } from './pool';
import { SMALL_CELL } from './suppression';

const W = '2026-W10';
const weeks = [W];
const percent = (o: Partial<PoolOptions> = {}): PoolOptions => ({
  kind: 'percent',
  weeks,
  grain: 'week',
  population: 20,
  suppress: true,
  ...o,
});

/** `n` providers of agency `a`, each `num`/`den` in week W, ids a1, a2, … */
function people(a: string, n: number, num = 1, den = 2, week = W): Contribution[] {
  return Array.from({ length: n }, (_, i) => ({
    personId: `${a}${i + 1}`,
    groupId: a,
    week,
    numerator: num,
    denominator: den,
  }));
}

function only(contributions: Contribution[], o: Partial<PoolOptions> = {}) {
  return poolSeries(contributions, percent(o)).points[0]!;
}

describe('pooled measures', () => {
  it('pools Σnumerator ÷ Σdenominator, with k of N reporting', () => {
    const c = [
      ...people('a', 4, 1, 2),
      ...people('b', 0),
      ...people('a', 1, 3, 4).map((x) => ({ ...x, personId: 'a9' })),
    ];
    expect(only(c)).toEqual({
      period: W,
      shown: true,
      value: (100 * 7) / 12,
      reporting: 5,
      of: 20,
      agencies: { included: 1, of: 1 },
    });
  });

  it('pools a count as the mean per person-week', () => {
    const c = people('a', 5, 3, 1).map((x, i) => ({ ...x, numerator: i }));
    const p = poolSeries(c, percent({ kind: 'mean' })).points[0]!;
    expect(p.shown && p.value).toBe(2);
  });

  it('leaves a week nobody reported as a gap, never a zero', () => {
    const p = poolSeries([], percent()).points[0]!;
    expect(p).toMatchObject({ shown: true, value: null, reporting: 0 });
  });

  it('pools a month from the weeks whose Thursday falls in it', () => {
    // 2026-W05 runs 26 Jan – 1 Feb: its Thursday is 29 January, so it belongs to January.
    const axis = weeksBetween('2026-W04', '2026-W06');
    const c = [
      ...people('a', 5, 1, 2, '2026-W04'),
      ...people('a', 5, 2, 2, '2026-W05'),
      ...people('a', 5, 0, 2, '2026-W06'),
    ];
    const months = poolSeries(c, percent({ weeks: axis, grain: 'month' })).points;
    expect(months.map((m) => m.period)).toEqual(['2026-01', '2026-02']);
    expect(months[0]).toMatchObject({ value: 75, reporting: 5 });
    expect(months[1]).toMatchObject({ value: 0, reporting: 5 });
  });
});

describe('small-cell suppression (SYNC.md §15)', () => {
  it('rule 1: hides a point from fewer than 5 providers, and carries no numbers', () => {
    const p = only(people('a', SMALL_CELL - 1));
    expect(p).toEqual({ period: W, shown: false, suppressed: 'too-few', of: 20 });
    expect(only(people('a', SMALL_CELL)).shown).toBe(true);
  });

  it('rule 1: hides a percent whose denominator is under 5, not a mean', () => {
    const c = people('a', 5, 0, 0);
    c[0]!.denominator = 1;
    c[1]!.denominator = 1;
    c[2]!.denominator = 1;
    c[3]!.denominator = 1;
    c[4]!.denominator = 0;
    // The one with 0/0 adds nothing to the percent and does not count toward the five.
    expect(only(c)).toMatchObject({ shown: false, suppressed: 'too-few' });
    c[4]!.denominator = 1;
    c[0]!.denominator = 0.5;
    expect(only(c)).toMatchObject({ shown: false, suppressed: 'small-denominator' });
    expect(only(people('a', 5, 0, 1))).toMatchObject({ shown: true, value: 0 });
    expect(only(people('a', 5, 1, 0), { kind: 'mean' })).toMatchObject({ shown: true });
  });

  it('rule 2: hides a point a coach could subtract her own providers from', () => {
    const c = people('a', 6);
    const knowsFive = new Set(['a1', 'a2', 'a3', 'a4', 'a5']);
    expect(only(c, { known: knowsFive })).toMatchObject({
      shown: false,
      suppressed: 'subtraction',
    });
    expect(only(c, { known: new Set(['a1']) })).toMatchObject({ shown: true, reporting: 6 });
    // A manager reads all six already: the point tells her nothing new.
    expect(only(c, { known: new Set(c.map((x) => x.personId)) })).toMatchObject({ shown: true });
  });

  it('rule 2: judges the denominator of the unknown part too', () => {
    const c = [
      ...people('a', 5, 1, 1),
      ...people('b', 5, 0, 0.5).map((x) => ({ ...x, groupId: 'a' })),
    ];
    const known = new Set(['a1', 'a2', 'a3', 'a4', 'a5']);
    // The five unknown providers have 2.5 contacts in all: under 5.
    expect(only(c, { known })).toMatchObject({ shown: false, suppressed: 'subtraction' });
  });

  it('rule 3: an agency whose part is too small stays out of the cross-agency point', () => {
    const c = [...people('a', 6, 1, 2), ...people('b', 3, 2, 2)];
    const p = only(c, { groups: 2 });
    expect(p).toMatchObject({
      shown: true,
      value: 50,
      reporting: 6,
      agencies: { included: 1, of: 2 },
    });
    const all = only([...c, ...people('c', 5, 2, 2)], { groups: 3 });
    expect(all).toMatchObject({ reporting: 11, agencies: { included: 2, of: 3 } });
  });

  it('rule 4: the subtraction case — a second roll-up differing by one provider is hidden', () => {
    const six = people('a', 6, 1, 2);
    const first = poolSeries(six, percent());
    expect(first.points[0]).toMatchObject({ shown: true, reporting: 6 });
    const shownBefore = () => [first.unknownShown.get(W)!];
    // a6 turns sharing off: the new point would be the old one less exactly her.
    const without = poolSeries(six.slice(0, 5), percent({ shownBefore }));
    expect(without.points[0]).toEqual({ period: W, shown: false, suppressed: 'revision', of: 20 });
    expect(without.unknownShown.has(W)).toBe(false);
    // The same five-plus-one again is what was shown: nothing new.
    expect(poolSeries(six, percent({ shownBefore })).points[0]!.shown).toBe(true);
    // Once five providers have joined, the difference is a group of five, not one person.
    const joined = [...six.slice(0, 5), ...people('n', 5, 1, 2)];
    expect(poolSeries(joined, percent({ shownBefore })).points[0]).toMatchObject({
      shown: true,
      reporting: 10,
    });
  });

  it('rule 4: a late check-in by one provider does not reveal her answers either', () => {
    const five = people('a', 5, 1, 2);
    const first = poolSeries(five, percent());
    const late = [
      ...five,
      { personId: 'late', groupId: 'a', week: W, numerator: 2, denominator: 2 },
    ];
    const again = poolSeries(late, percent({ shownBefore: () => [first.unknownShown.get(W)!] }));
    expect(again.points[0]).toMatchObject({ shown: false, suppressed: 'revision' });
  });

  it('shows every staff measure to its own manager unsuppressed', () => {
    const p = only(people('a', 2, 1, 3), { suppress: false });
    expect(p).toMatchObject({ shown: true, reporting: 2 });
    expect(p.shown && p.value).toBeCloseTo(100 / 3, 9);
  });

  it('never shows a viewer two points whose unknown parts differ by 1 to 4 (random histories)', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const seen = { shown: 0, revision: 0, subtraction: 0, 'small-denominator': 0 };
    for (let trial = 0; trial < 200; trial++) {
      const pool = Array.from({ length: 14 }, (_, i) => `p${i}`);
      const known = new Set(pool.filter(() => random() < 0.3));
      const history: string[][] = [];
      let members = pool.filter(() => random() < 0.6);
      for (let step = 0; step < 12; step++) {
        const c = members.map((id) => ({
          personId: id,
          groupId: random() < 0.8 ? 'a' : 'b',
          week: W,
          numerator: Math.floor(random() * 3),
          denominator: 2 + Math.floor(random() * 2),
        }));
        const r = poolSeries(c, percent({ known, shownBefore: () => history }));
        const p = r.points[0]!;
        if (p.shown && p.reporting > 0) {
          const unknown = r.unknownShown.get(W)!;
          expect(unknown.length === 0 || unknown.length >= SMALL_CELL).toBe(true);
          for (const before of history) {
            // Distinct people whose parts differ (a part is `person@week`).
            const d = new Set(
              [
                ...unknown.filter((x) => !before.includes(x)),
                ...before.filter((x) => !unknown.includes(x)),
              ].map((k) => k.split('@')[0]),
            ).size;
            expect(d === 0 || d >= SMALL_CELL).toBe(true);
          }
          history.push(unknown);
          seen.shown++;
        } else if (!p.shown && p.suppressed !== 'too-few') seen[p.suppressed]++;
        // One provider joins or leaves sharing, or files a week late.
        const who = pool[Math.floor(random() * pool.length)]!;
        members = members.includes(who) ? members.filter((m) => m !== who) : [...members, who];
      }
    }
    // The property is not vacuous: points were shown, and both subtraction rules hid some.
    expect(seen.shown).toBeGreaterThan(100);
    expect(seen.revision).toBeGreaterThan(100);
    expect(seen.subtraction).toBeGreaterThan(10);
  });

  it('rule 4: one week of a month filed late by a provider already in it is not revealed', () => {
    const axis = weeksBetween('2026-W06', '2026-W09'); // February 2026
    const early = [
      ...axis.slice(0, 3).flatMap((w) => people('a', 6, 1, 2, w)),
      ...people('a', 6, 1, 2, '2026-W09').slice(1),
    ];
    const month = (c: Contribution[], shownBefore?: PoolOptions['shownBefore']) =>
      poolSeries(c, percent({ weeks: axis, grain: 'month', shownBefore }));
    const first = month(early);
    expect(first.points[0]).toMatchObject({ shown: true, reporting: 6 });
    // a1 files her fourth week late: the month's people are the same six, its parts are not (and
    // her late week alone breaks no weekly point: it had five providers already).
    const late = [...early, ...people('a', 1, 2, 2, '2026-W09')];
    expect(month(late, () => [first.unknownShown.get('2026-02')!]).points[0]).toMatchObject({
      shown: false,
      suppressed: 'revision',
    });
  });

  it('rule 5: hides a month whose weekly chart hides some of its weeks and shows others', () => {
    const axis = weeksBetween('2026-W06', '2026-W09');
    const c = axis.flatMap((w, i) => people('a', i === 2 ? 3 : 6, 1, 2, w));
    const weekly = poolSeries(c, percent({ weeks: axis }));
    expect(weekly.points.map((p) => p.shown)).toEqual([true, true, false, true]);
    // February less its three shown weeks would be the hidden week of three providers.
    expect(poolSeries(c, percent({ weeks: axis, grain: 'month' })).points[0]).toMatchObject({
      shown: false,
      suppressed: 'subtraction',
    });
    // When every week passes, the month shows.
    const all = axis.flatMap((w) => people('a', 6, 1, 2, w));
    expect(poolSeries(all, percent({ weeks: axis, grain: 'month' })).points[0]).toMatchObject({
      shown: true,
      value: 50,
    });
  });

  it('analyses a pooled series with suppressed points as missing weeks', () => {
    const axis = weeksBetween(W, addWeeks(W, 11));
    const c = axis.flatMap((w, i) =>
      i === 3 ? people('a', 2, 1, 2, w) : people('a', 5, i % 2, 2, w),
    );
    const series = poolSeries(c, percent({ weeks: axis }));
    expect(series.points[3]).toMatchObject({ shown: false });
    const analysis = analyzePooled(series);
    expect(analysis.points[3]!.value).toBeNull();
    expect(analysis.phases[0]!.nonMissing).toBe(11);
  });
});
