/**
 * The staff read answers (SYNC.md §17) on the in-memory store: every route's shape, the roles, the
 * query's 400s, small cells (rules 1–5 of §15) with the viewer's history across calls, and consent
 * taking effect on the next answer (§14). The backends' store is tested in staff-routes.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { sharedView } from '../domain/agency/consent';
import { weekDays } from '../domain/dates';
import type { StoredRecord } from '../domain/envelope';
import { HttpError } from './errors';
import {
  agenciesAnswer,
  providersAnswer,
  rollupAnswer,
  rollupWeeks,
  sharedAnswer,
  type RollupAnswer,
  type Viewer,
} from './staff-reads';
import { MemoryStaffStore, rec } from './test-staff-store';
import { T0 } from './test-support';

// T0 is Thursday 2026-11-26, ISO week 2026-W48: a 4-week axis is W44–W47.
const AXIS = ['2026-W44', '2026-W45', '2026-W46', '2026-W47'];
const W = '2026-W47';

const coachA: Viewer = { staffId: 'coach-a', role: 'coach', agencyId: 'agency-a' };
const coachA2: Viewer = { staffId: 'coach-a2', role: 'coach', agencyId: 'agency-a' };
const managerA: Viewer = { staffId: 'manager-a', role: 'manager', agencyId: 'agency-a' };
const managerB: Viewer = { staffId: 'manager-b', role: 'manager', agencyId: 'agency-b' };
const collab: Viewer = { staffId: 'collab', role: 'collaborative', agencyId: null };

const sharing = (level: string) => rec('sharing', { level, firstUseAt: '2026-10-01' });
function checkin(week: string, p6: number, p4 = 4, p5 = 2) {
  return rec(`checkin-${week}`, { week, p1: 3, p2: 2, p3: 1, p4, p5, p6 });
}
function note(id: string, week: string, text: string) {
  return rec(id, {
    childIds: ['child-1'],
    observedAt: `${weekDays(week)[1]}T10:00:00-06:00`,
    text,
    nextStep: 'next',
  });
}
const cycle = (id: string, title: string) =>
  rec(id, {
    changeIdeaId: 'idea',
    changeIdea: title,
    cycle: 1,
    purpose: 'test',
    driver: 'observe',
    objective: 'Objective text',
    questions: [],
    plan: {},
    startDate: '2026-11-02',
    learned: 'Learned text',
  });

/**
 * Agency A: providers a1…a10 (names in reverse id order), coach-a assigned a1–a4, coach-a2 a5,
 * manager-a; agency B: b1…b6, manager-b. Everyone shares numbers, with check-ins in every week of
 * the axis (p6 = 1, a1's p6 = 5) and one note a week.
 */
function world(): MemoryStaffStore {
  const s = new MemoryStaffStore();
  s.agencies = [
    { agencyId: 'agency-b', name: 'Bluebird Agency' },
    { agencyId: 'agency-a', name: 'Acorn Agency' },
  ];
  const names = 'Zoe Yara Xena Wren Vera Uma Tess Sara Rita Quinn'.split(' ');
  for (let i = 1; i <= 10; i++)
    s.providers.push({ providerId: `a${i}`, name: names[i - 1]!, agencyId: 'agency-a' });
  for (let i = 1; i <= 6; i++)
    s.providers.push({ providerId: `b${i}`, name: `B provider ${i}`, agencyId: 'agency-b' });
  s.staff = [
    { staffId: 'coach-a', name: 'Coach A', role: 'coach', agencyId: 'agency-a' },
    { staffId: 'coach-a2', name: 'Coach A2', role: 'coach', agencyId: 'agency-a' },
    { staffId: 'manager-a', name: 'Manager A', role: 'manager', agencyId: 'agency-a' },
    { staffId: 'manager-b', name: 'Manager B', role: 'manager', agencyId: 'agency-b' },
    { staffId: 'collab', name: 'Data manager', role: 'collaborative', agencyId: '' },
  ];
  s.assignments = [
    ['coach-a', 'a1'],
    ['coach-a', 'a2'],
    ['coach-a', 'a3'],
    ['coach-a', 'a4'],
    ['coach-a2', 'a5'],
  ];
  for (const p of s.providers) {
    const scope = `provider:${p.providerId}`;
    s.put(scope, 'sharing', sharing('numbers'));
    for (const week of AXIS) {
      s.put(scope, 'checkins', checkin(week, p.providerId === 'a1' ? 5 : 1));
      s.put(scope, 'observations', note(`n-${p.providerId}-${week}`, week, 'A note'));
    }
  }
  return s;
}

function setSharing(s: MemoryStaffStore, providerId: string, level: string) {
  s.put(`provider:${providerId}`, 'sharing', sharing(level));
}

const params = (q: Record<string, string> = {}) => new URLSearchParams(q);
const rollup = (s: MemoryStaffStore, v: Viewer, q: Record<string, string>) =>
  rollupAnswer(s, v, params({ weeks: '4', grain: 'week', ...q }), T0);

async function refused(p: Promise<unknown>): Promise<{ status: number; code: string }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof HttpError) return { status: e.status, code: e.code };
    throw e;
  }
  throw new Error('expected a refusal');
}

const point = (a: RollupAnswer, measure: keyof RollupAnswer['providers']['measures'], period = W) =>
  a.providers.measures[measure].points.find((p) => p.period === period)!;

describe('GET /api/v1/staff/providers, /shared, /agencies (SYNC.md §17)', () => {
  it('lists a coach her assigned providers and a manager her agency’s, in name order, sharing or not', async () => {
    const s = world();
    setSharing(s, 'a2', 'nothing');
    expect(await providersAnswer(s, coachA, params())).toEqual({
      providers: [
        { providerId: 'a4', name: 'Wren' },
        { providerId: 'a3', name: 'Xena' },
        { providerId: 'a2', name: 'Yara' },
        { providerId: 'a1', name: 'Zoe' },
      ],
    });
    const all = await providersAnswer(s, managerA, params());
    expect(all.providers.map((p) => p.providerId)).toEqual([
      'a10',
      'a9',
      'a8',
      'a7',
      'a6',
      'a5',
      'a4',
      'a3',
      'a2',
      'a1',
    ]);
  });

  it('shares, as sharedView builds it, only the providers who share', async () => {
    const s = world();
    setSharing(s, 'a2', 'nothing');
    setSharing(s, 'a3', 'numbers-and-pdsa');
    s.put('provider:a3', 'pdsa', cycle('cycle-a3', 'Cycle title of a3'));
    s.put('provider:a4', 'pdsa', cycle('cycle-a4', 'Cycle title of a4'));
    const answer = await sharedAnswer(s, coachA, params(), T0);
    expect(answer.asOf).toBe(new Date(T0).toISOString());
    expect(answer.providers.map((p) => p.providerId)).toEqual(['a4', 'a3', 'a1']);
    const a3 = answer.providers.find((p) => p.providerId === 'a3')!;
    const records = (id: string, table: string) =>
      (s.records.get(`provider:${id}`)?.get(table) ?? []) as StoredRecord<unknown>[];
    expect(a3.shared).toEqual(
      sharedView({
        sharing: records('a3', 'sharing')[0],
        observations: records('a3', 'observations'),
        checkins: records('a3', 'checkins'),
        pdsa: records('a3', 'pdsa'),
      }),
    );
    expect(a3.shared.cycles.map((c) => c.changeIdea)).toEqual(['Cycle title of a3']);
    // a4 shares numbers only: her cycle stays hers.
    expect(JSON.stringify(answer)).not.toContain('Cycle title of a4');
    expect(JSON.stringify(answer)).not.toContain('Objective text');
  });

  it('turning sharing off removes her from the next answer, past weeks and all', async () => {
    const s = world();
    const before = await sharedAnswer(s, managerA, params(), T0);
    expect(before.providers.find((p) => p.providerId === 'a1')!.shared.weeks).toHaveLength(4);
    setSharing(s, 'a1', 'nothing');
    const after = await sharedAnswer(s, managerA, params(), T0);
    expect(after.providers.map((p) => p.providerId)).not.toContain('a1');
    s.put('provider:a2', 'sharing', rec('sharing', { level: 'numbers' }, { deleted: 1 }));
    s.put('provider:a3', 'sharing', rec('sharing', { level: 'everything' }));
    const later = await sharedAnswer(s, managerA, params(), T0);
    expect(later.providers.map((p) => p.providerId)).not.toContain('a2');
    expect(later.providers.map((p) => p.providerId)).not.toContain('a3');
  });

  it('lists a manager her agency and the collaborative every agency, in name order', async () => {
    const s = world();
    expect(await agenciesAnswer(s, managerB, params())).toEqual({
      agencies: [{ agencyId: 'agency-b', name: 'Bluebird Agency' }],
    });
    expect(await agenciesAnswer(s, collab, params())).toEqual({
      agencies: [
        { agencyId: 'agency-a', name: 'Acorn Agency' },
        { agencyId: 'agency-b', name: 'Bluebird Agency' },
      ],
    });
  });

  it('refuses the roles a route does not name, and any query parameter', async () => {
    const s = world();
    const forbidden = { status: 403, code: 'FORBIDDEN' };
    expect(await refused(providersAnswer(s, collab, params()))).toEqual(forbidden);
    expect(await refused(sharedAnswer(s, collab, params(), T0))).toEqual(forbidden);
    expect(await refused(agenciesAnswer(s, coachA, params()))).toEqual(forbidden);
    const bad = { status: 400, code: 'BAD_REQUEST' };
    expect(await refused(providersAnswer(s, coachA, params({ agency: 'agency-b' })))).toEqual(bad);
    expect(await refused(sharedAnswer(s, managerA, params({ x: '1' }), T0))).toEqual(bad);
    expect(await refused(agenciesAnswer(s, collab, params({ all: '' })))).toEqual(bad);
  });
});

describe('GET /api/v1/staff/rollups (SYNC.md §17, §15)', () => {
  it('answers the axis, the group, N, and one point per period of every measure', async () => {
    const s = world();
    const a = await rollup(s, collab, { group: 'collaborative' });
    expect(rollupWeeks(T0, 4)).toEqual(AXIS);
    expect(a.weeks).toEqual(AXIS);
    expect(a.grain).toBe('week');
    expect(a.group).toEqual({ kind: 'collaborative', agencies: 2 });
    expect(a.providers.of).toBe(16);
    expect(Object.keys(a.providers.measures).sort()).toEqual(
      ['notes', 'notes-with-idea', 'p2', 'p3', 'p5-of-p4', 'p6'].sort(),
    );
    expect(a.providers.measures['p5-of-p4']).toMatchObject({ kind: 'percent' });
    expect(point(a, 'p5-of-p4')).toEqual({
      period: W,
      shown: true,
      value: 50,
      reporting: 16,
      of: 16,
      agencies: { included: 2, of: 2 },
    });
    expect(point(a, 'p6')).toMatchObject({ shown: true, value: (5 + 15) / 16 });
    expect(a.me).toBeNull();
    const monthly = await rollup(s, collab, { group: 'collaborative', grain: 'month' });
    expect(monthly.providers.measures.notes.points.map((p) => p.period)).toEqual([
      '2026-10',
      '2026-11',
    ]);
    // The default axis is 52 weeks.
    const long = await rollupAnswer(s, managerA, params({ group: 'agency', grain: 'week' }), T0);
    expect(long.weeks).toHaveLength(52);
    expect(long.weeks.at(-1)).toBe(W);
  });

  it('validates the query: 400 for a bad value, 403 for a group the role may not read', async () => {
    const s = world();
    const bad = { status: 400, code: 'BAD_REQUEST' };
    const forbidden = { status: 403, code: 'FORBIDDEN' };
    const cases: [Viewer, Record<string, string>, typeof bad][] = [
      [managerA, { grain: 'week' }, bad],
      [managerA, { group: 'agencies', grain: 'week' }, bad],
      [managerA, { group: 'agency' }, bad],
      [managerA, { group: 'agency', grain: 'day' }, bad],
      [managerA, { group: 'agency', grain: 'week', weeks: '3' }, bad],
      [managerA, { group: 'agency', grain: 'week', weeks: '157' }, bad],
      [managerA, { group: 'agency', grain: 'week', weeks: '52.5' }, bad],
      [managerA, { group: 'agency', grain: 'week', weeks: '-4' }, bad],
      [managerA, { group: 'agency', grain: 'week', weeks: '1e2' }, bad],
      [managerA, { group: 'agency', grain: 'week', weeks: '' }, bad],
      [managerA, { group: 'agency', grain: 'week', color: 'red' }, bad],
      [managerA, { group: 'agency', grain: 'week', agency: 'bad id!' }, bad],
      [managerA, { group: 'collaborative', grain: 'week', agency: 'agency-a' }, bad],
      [collab, { group: 'agency', grain: 'week' }, bad],
      [collab, { group: 'agency', grain: 'week', agency: 'agency-z' }, bad],
      [coachA, { group: 'collaborative', grain: 'week' }, forbidden],
      [coachA, { group: 'agency', grain: 'week', agency: 'agency-b' }, forbidden],
      [managerA, { group: 'agency', grain: 'week', agency: 'agency-b' }, forbidden],
      [managerA, { group: 'agency', grain: 'week', agency: 'agency-z' }, forbidden],
    ];
    for (const [viewer, q, expected] of cases)
      expect(await refused(rollupAnswer(s, viewer, params(q), T0)), JSON.stringify(q)).toEqual(
        expected,
      );
    const repeated = new URLSearchParams('group=agency&grain=week&grain=month');
    expect(await refused(rollupAnswer(s, managerA, repeated, T0))).toEqual(bad);
    // Her own agency named explicitly is fine.
    const own = await rollup(s, coachA, { group: 'agency', agency: 'agency-a' });
    expect(own.group).toEqual({ kind: 'agency', agencyId: 'agency-a', agencyName: 'Acorn Agency' });
  });

  it('rule 1: a point of fewer than 5 providers carries no numbers', async () => {
    const s = world();
    for (const id of ['b1', 'b2']) setSharing(s, id, 'nothing');
    const a = await rollup(s, managerB, { group: 'agency' });
    expect(a.providers.of).toBe(4);
    expect(point(a, 'p6')).toEqual({ period: W, shown: false, suppressed: 'too-few', of: 4 });
    // Rule 3: agency B's part leaves the collaborative's point; agency A's 10 make it.
    const c = await rollup(s, collab, { group: 'collaborative' });
    expect(point(c, 'p6')).toMatchObject({
      shown: true,
      reporting: 10,
      of: 14,
      agencies: { included: 1, of: 2 },
    });
  });

  it('rule 2: a coach assigned 4 of a group of 5 never sees its point; a manager sees her agency’s', async () => {
    const s = world();
    for (const id of ['a6', 'a7', 'a8', 'a9', 'a10']) setSharing(s, id, 'nothing');
    const coach = await rollup(s, coachA, { group: 'agency' });
    expect(coach.providers.of).toBe(5);
    expect(point(coach, 'p6')).toEqual({
      period: W,
      shown: false,
      suppressed: 'subtraction',
      of: 5,
    });
    const manager = await rollup(s, managerA, { group: 'agency' });
    expect(point(manager, 'p6')).toMatchObject({ shown: true, reporting: 5, value: 9 / 5 });
    // The other coach reads only a5: the unknown four do not pass either.
    expect(point(await rollup(s, coachA2, { group: 'agency' }), 'p6')).toMatchObject({
      shown: false,
      suppressed: 'subtraction',
    });
  });

  it('rule 4: two roll-ups differing by one provider are never both shown to one viewer', async () => {
    const s = world();
    const q = { group: 'agency', agency: 'agency-a' };
    const first = await rollup(s, collab, q);
    expect(point(first, 'p6')).toMatchObject({ shown: true, reporting: 10 });
    // One stops sharing: the old point minus the new would be her.
    setSharing(s, 'a10', 'nothing');
    const second = await rollup(s, collab, q);
    expect(point(second, 'p6')).toEqual({ period: W, shown: false, suppressed: 'revision', of: 9 });
    expect(second.providers.of).toBe(9);
    // Another viewer, with no history, sees the nine.
    expect(point(await rollup(s, managerB, { group: 'collaborative' }), 'p6')).toMatchObject({
      shown: true,
    });
    // She comes back: the point is again the one shown before.
    setSharing(s, 'a10', 'numbers');
    expect(point(await rollup(s, collab, q), 'p6')).toMatchObject({ shown: true, reporting: 10 });
    // Five stop sharing: the point has moved by 5 people from every one shown before.
    for (const id of ['a6', 'a7', 'a8', 'a9', 'a10']) setSharing(s, id, 'nothing');
    const moved = await rollup(s, collab, q);
    expect(point(moved, 'p6')).toMatchObject({ shown: true, reporting: 5, value: 9 / 5 });
    // One joins: one person from the five shown, four from the ten.
    setSharing(s, 'a9', 'numbers');
    expect(point(await rollup(s, collab, q), 'p6')).toMatchObject({
      shown: false,
      suppressed: 'revision',
    });
    // Her manager read every one of them individually: nothing is ever held back from her.
    expect(point(await rollup(s, managerA, q), 'p6')).toMatchObject({ shown: true, reporting: 6 });
  });

  it('rule 4 across a month: a provider who files one of its weeks late hides the month', async () => {
    const s = world();
    const q = { group: 'agency', agency: 'agency-a', grain: 'month' };
    const first = await rollup(s, collab, q);
    expect(point(first, 'p6', '2026-11')).toMatchObject({ shown: true, reporting: 10 });
    // a1 deletes one November check-in: the same ten people, one part fewer.
    s.put('provider:a1', 'checkins', rec('checkin-2026-W46', { week: '2026-W46' }, { deleted: 1 }));
    const second = await rollup(s, collab, q);
    expect(point(second, 'p6', '2026-11')).toMatchObject({ shown: false, suppressed: 'revision' });
  });

  it('rule 5: a month whose weeks the same viewer sees only in part is hidden', async () => {
    const s = world();
    // In W47 only four of agency A report p6: that week is too few, W45 and W46 are not.
    for (const id of ['a5', 'a6', 'a7', 'a8', 'a9', 'a10'])
      s.put(`provider:${id}`, 'checkins', rec(`checkin-${W}`, { week: W }));
    const q = { group: 'agency', agency: 'agency-a' };
    const weekly = await rollup(s, collab, q);
    expect(point(weekly, 'p6', W)).toMatchObject({ shown: false, suppressed: 'too-few' });
    expect(point(weekly, 'p6', '2026-W46')).toMatchObject({ shown: true });
    const monthly = await rollup(s, collab, { ...q, grain: 'month' });
    expect(point(monthly, 'p6', '2026-11')).toMatchObject({
      shown: false,
      suppressed: 'subtraction',
    });
  });

  it('turning sharing off takes her past weeks out of the next roll-up', async () => {
    const s = world();
    const q = { group: 'agency' };
    const before = await rollup(s, managerA, q);
    expect(before.providers.of).toBe(10);
    expect(point(before, 'p6', '2026-W44')).toMatchObject({ value: 14 / 10, reporting: 10 });
    setSharing(s, 'a1', 'nothing');
    const after = await rollup(s, managerA, q);
    expect(after.providers.of).toBe(9);
    for (const p of after.providers.measures.p6.points)
      expect(p).toMatchObject({ shown: true, value: 1, reporting: 9, of: 9 });
  });

  it("reuses a provider's view only while her scope and her choice are unchanged", async () => {
    const s = world();
    const q = { group: 'collaborative' };
    const loads = async () => {
      const before = s.loads.records;
      const a = await rollup(s, collab, q);
      return { a, records: s.loads.records - before };
    };
    const first = await loads();
    const next = await loads();
    // Her records are not read again (her sharing record, staff and events are), the answer alike.
    expect(next.records).toBe(first.records - 1);
    expect(next.a).toEqual(first.a);
    // A push to her scope, then a change of her choice: each answer is that of a store with no
    // cache (and the same rule-4 history).
    const fresh = world();
    const expected = async () => {
      fresh.history = structuredClone(s.history);
      return rollup(fresh, collab, q);
    };
    for (const store of [s, fresh]) store.put('provider:a1', 'checkins', checkin(W, 3));
    let want = await expected();
    const changed = await loads();
    expect(changed.records).toBe(first.records);
    expect(changed.a).toEqual(want);
    expect(changed.a).not.toEqual(first.a);
    for (const store of [s, fresh]) setSharing(store, 'b1', 'nothing');
    want = await expected();
    const fewer = await loads();
    expect(fewer.a.providers.of).toBe(first.a.providers.of - 1);
    expect(fewer.a).toEqual(want);
  });

  it('keeps the history cheap: an unchanged answer loads no past parts and adds none', async () => {
    const s = world();
    const q = { group: 'collaborative' };
    await rollup(s, collab, q);
    const stored = [...s.history.get('collab')!.values()].reduce((n, h) => n + h.size, 0);
    expect(stored).toBeGreaterThan(0);
    const loads = s.loads.shownParts;
    const again = await rollup(s, collab, q);
    expect(s.loads.shownParts).toBe(loads);
    expect([...s.history.get('collab')!.values()].reduce((n, h) => n + h.size, 0)).toBe(stored);
    expect(point(again, 'p6')).toMatchObject({ shown: true });
    // Nothing is kept of an empty unknown part (her manager reads every provider herself).
    await rollup(s, managerA, { group: 'agency' });
    expect(
      [...(s.history.get('manager-a')?.keys() ?? [])].filter((k) => k.includes('providers')),
    ).toEqual([]);
  });

  it('pools staff measures: unsuppressed for her own manager and in `me`, suppressed otherwise', async () => {
    const s = world();
    const survey = (week: string, s1: number, s2: number, s6: string[]) =>
      rec(`staff-checkin-${week}`, { week, s1, s2, s3: 0, s4: 0, s5: 1, s6 });
    for (const week of AXIS) {
      s.put('staff:coach-a', 'staff-checkins', survey(week, 10, 5, ['time']));
      s.put('staff:coach-a2', 'staff-checkins', survey(week, 10, 1, ['internet', 'time']));
    }
    // The manager logs one visit in W47 (her log is her week: no survey).
    s.put(
      'staff:manager-a',
      'ta-contacts',
      rec('contact-1', {
        providerId: 'a1',
        date: weekDays(W)[2],
        kind: 'visit',
        observation: true,
        planning: false,
        qiData: false,
      }),
    );
    const manager = await rollup(s, managerA, { group: 'agency' });
    expect(manager.staff.of).toBe(3);
    expect(manager.staff.measures['s2-of-s1'].points.at(-1)).toMatchObject({
      shown: true,
      value: 100 * (7 / 21),
      reporting: 3,
      of: 3,
    });
    expect(manager.staff.barriers.map((b) => [b.barrier, b.count])).toEqual([
      ['time', 8],
      ['internet', 4],
    ]);
    expect(manager.staff.barriersSuppressed).toBeNull();
    expect(manager.me!.measures['s2-of-s1'].points.at(-1)).toMatchObject({ value: 100 });
    expect(manager.me!.barriers).toEqual([]);

    const coach = await rollup(s, coachA, { group: 'agency' });
    expect(coach.staff.measures['s2-of-s1'].points.at(-1)).toEqual({
      period: W,
      shown: false,
      suppressed: 'too-few',
      of: 3,
    });
    expect(coach.staff.barriers).toEqual([]);
    expect(coach.staff.barriersSuppressed).toBe('too-few');
    expect(coach.me!.measures['s2-of-s1'].points.map((p) => p.shown && p.value)).toEqual([
      50, 50, 50, 50,
    ]);
    expect(coach.me!.measures.s5).toMatchObject({ kind: 'mean' });
    expect(coach.me!.barriers.map((b) => b.barrier)).toEqual(['time']);
    // Manager B reads agency A's staff nowhere but in the collaborative roll-up, suppressed.
    const other = await rollup(s, managerB, { group: 'collaborative' });
    expect(other.staff.of).toBe(4);
    expect(other.staff.measures.s5.points.every((p) => !p.shown)).toBe(true);
    expect((await rollup(s, collab, { group: 'collaborative' })).me).toBeNull();
  });

  it('places the group’s live events, oldest first', async () => {
    const s = world();
    const event = (id: string, date: string, title: string, extra = {}) =>
      rec(id, { date, title, kind: 'webinar' }, extra);
    s.put('agency:agency-a', 'events', event('e2', '2026-11-20', 'Second'));
    s.put('agency:agency-a', 'events', event('e1', '2026-11-03', 'First'));
    s.put('agency:agency-a', 'events', event('e3', '2026-11-04', 'Gone', { deleted: 1 }));
    s.put('agency:agency-a', 'events', rec('e4', { date: 'soon', title: 'Unreadable' }));
    s.put('agency:agency-b', 'events', event('e5', '2026-11-05', 'Of agency B'));
    const a = await rollup(s, coachA, { group: 'agency' });
    expect(a.events).toEqual([
      { id: 'e1', date: '2026-11-03', kind: 'webinar', title: 'First' },
      { id: 'e2', date: '2026-11-20', kind: 'webinar', title: 'Second' },
    ]);
    const c = await rollup(s, managerA, { group: 'collaborative' });
    expect(c.events.map((e) => e.id)).toEqual(['e1', 'e5', 'e2']);
  });
});
