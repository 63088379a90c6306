/**
 * Push and pull for staff devices (SYNC.md §12), on every backend: each device writes only its
 * scope's tables (FORBIDDEN / UNKNOWN_TABLE per mutation, never a 5xx), events only from managers
 * and into their own agency, `sharing` only in a provider's scope with id `sharing`; a staff
 * device pulls its own scope and its agency's under one cursor, which never reads another scope.
 */
import type { Context } from 'hono';
import { describe, expect, it } from 'vitest';
import { PullResponseSchema, PushResponseSchema } from '../domain/sync-messages';
import { authenticateStaff } from './context';
import { HttpError } from './errors';
import { backends } from './test-backends';
import {
  agencyCreate,
  hlcAt,
  noteCreate,
  T0,
  update,
  type AnyDevice,
  type TestServer,
} from './test-support';

const BACKENDS = backends();

describe.each(BACKENDS)('staff sync on $name', (backend) => {
  /** Agency A with a provider, a coach and a manager; agency B with a manager; a collaborative. */
  async function world() {
    const s = await backend.server();
    const p = await s.createProvider('Agency A', 'Ana');
    const provider = await s.enroll(p.providerId, 'tablet');
    const coachStaff = await s.createStaff('coach', 'Agency A', 'Zoe');
    const coach = await s.enrollStaff(coachStaff.staffId);
    const manager = await s.enrollStaff(
      (await s.createStaff('manager', 'Agency A', 'Mia')).staffId,
    );
    const otherManager = await s.enrollStaff(
      (await s.createStaff('manager', 'Agency B', 'Bo')).staffId,
    );
    const collab = await s.enrollStaff(
      (await s.createStaff('collaborative', null, 'Quinn')).staffId,
    );
    return { s, p, provider, coach, manager, otherManager, collab };
  }

  async function statuses(s: TestServer, device: AnyDevice, mutations: unknown[]) {
    const res = await s.push(device, mutations);
    expect(res.status).toBe(200);
    expect(PushResponseSchema.safeParse(res.json).success).toBe(true);
    return res.json.results.map((r: any) => (r.status === 'rejected' ? r.code : r.status));
  }

  /** The stored records of a scope, as (table, id) pairs. */
  async function stored(s: TestServer, scope: string) {
    const { records } = await s.repository.dump();
    return (records as { scope: string; tbl: string; id: string }[])
      .filter((r) => r.scope === scope)
      .map((r) => `${r.tbl}/${r.id}`)
      .sort();
  }

  describe('push', () => {
    it('a coach writes her own tables into staff:<id> and nothing else', async () => {
      const { s, coach, p } = await world();
      const contact = agencyCreate('ta-contacts', { providerId: p.providerId });
      const survey = agencyCreate('staff-checkins', { week: '2026-W47', s1: 2 });
      expect(
        await statuses(s, coach, [
          contact,
          survey,
          noteCreate(),
          agencyCreate('events'),
          agencyCreate('sharing'),
          agencyCreate('ta-contacts', {}, { table: 'nonsense' }),
        ]),
      ).toEqual(['applied', 'applied', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNKNOWN_TABLE']);
      expect(await stored(s, `staff:${coach.staffId}`)).toEqual(
        [`staff-checkins/${survey.id}`, `ta-contacts/${contact.id}`].sort(),
      );
      expect(await stored(s, `provider:${p.providerId}`)).toEqual([]);
      expect(await stored(s, `agency:${coach.agencyId}`)).toEqual([]);
    });

    it('a staff token can never write into a provider scope, even with the provider’s deviceId', async () => {
      const { s, coach, manager, provider, p } = await world();
      for (const d of [coach, manager])
        expect(await statuses(s, d, [noteCreate(), agencyCreate('sharing')])).toEqual([
          'FORBIDDEN',
          'FORBIDDEN',
        ]);
      const spoof = await s.push({ deviceId: provider.deviceId, token: coach.token }, [
        noteCreate(),
      ]);
      expect([spoof.status, spoof.json.error.code]).toEqual([401, 'UNAUTHENTICATED']);
      expect(await stored(s, `provider:${p.providerId}`)).toEqual([]);
    });

    it('a manager pushes events into her agency’s scope, in one request with her own records', async () => {
      const { s, manager, coach } = await world();
      const event = agencyCreate('events');
      const contact = agencyCreate('ta-contacts');
      const res = await s.push(manager, [contact, event]);
      expect(res.json.results.map((r: any) => [r.mutationId, r.status])).toEqual([
        [contact.mutationId, 'applied'],
        [event.mutationId, 'applied'],
      ]);
      expect(await stored(s, `agency:${manager.agencyId}`)).toEqual([`events/${event.id}`]);
      expect(await stored(s, `staff:${manager.staffId}`)).toEqual([`ta-contacts/${contact.id}`]);
      // A retry is a duplicate in each scope, answered in order.
      const again = await s.push(manager, [contact, event]);
      expect(again.json.results.map((r: any) => r.status)).toEqual(['duplicate', 'duplicate']);
      // A coach of the same agency may not.
      expect(await statuses(s, coach, [agencyCreate('events')])).toEqual(['FORBIDDEN']);
      expect(await stored(s, `agency:${manager.agencyId}`)).toEqual([`events/${event.id}`]);
    });

    it('a collaborative device has no agency scope: its events are FORBIDDEN', async () => {
      const { s, collab } = await world();
      expect(
        await statuses(s, collab, [agencyCreate('events'), agencyCreate('ta-contacts')]),
      ).toEqual(['FORBIDDEN', 'applied']);
      const { records } = await s.repository.dump();
      expect((records as { scope: string }[]).map((r) => r.scope)).toEqual([
        `staff:${collab.staffId}`,
      ]);
    });

    it('validates agency records by their schema (VALIDATION_FAILED with the path)', async () => {
      const { s, manager, coach } = await world();
      const bad = await s.push(manager, [
        agencyCreate('events', { title: '   ' }),
        agencyCreate('staff-checkins', { week: '2026-W47' }, { id: 'staff-checkin-2026-W01' }),
      ]);
      expect(bad.json.results.map((r: any) => [r.code, r.details[0]?.path])).toEqual([
        ['VALIDATION_FAILED', 'title'],
        ['VALIDATION_FAILED', 'id'],
      ]);
      expect(await statuses(s, coach, [agencyCreate('ta-contacts', { kind: 'group' })])).toEqual([
        'VALIDATION_FAILED',
      ]);
    });

    it('merges two managers’ edits of one event, and each may resolve its conflict record there', async () => {
      const s = await backend.server();
      const one = await s.enrollStaff((await s.createStaff('manager', 'Agency A', 'Mia')).staffId);
      const two = await s.enrollStaff((await s.createStaff('manager', 'Agency A', 'Max')).staffId);
      const coach = await s.enrollStaff((await s.createStaff('coach', 'Agency A', 'Zoe')).staffId);
      const event = agencyCreate('events');
      await s.push(one, [event]);
      await s.push(one, [
        update('events', event.id, 1, { title: 'Session A' }, { hlc: hlcAt(T0 + 1000) }),
      ]);
      const res = await s.push(two, [
        update('events', event.id, 1, { title: 'Session B' }, { hlc: hlcAt(T0 + 2000) }),
      ]);
      expect(res.json.results[0]).toMatchObject({ status: 'conflict', version: 3 });
      const conflictId = res.json.results[0].conflictId as string;
      expect(await stored(s, `agency:${one.agencyId}`)).toEqual(
        [`conflicts/${conflictId}`, `events/${event.id}`].sort(),
      );
      // A coach's resolution goes to her own scope, where no such record is: FORBIDDEN.
      const resolve = (v: number) =>
        update('conflicts', conflictId, v, {
          resolvedAt: '2026-11-26T12:00:00Z',
          resolution: 'kept',
        });
      expect(await statuses(s, coach, [resolve(1)])).toEqual(['FORBIDDEN']);
      expect(await statuses(s, one, [resolve(1)])).toEqual(['applied']);
    });

    it('keeps §1–§11 per scope: a clock ahead is clamped in its own scope only, the size limit holds', async () => {
      const { s, coach, provider } = await world();
      const ahead = hlcAt(T0 + 7 * 24 * 3600 * 1000);
      const res = await s.push(coach, [agencyCreate('ta-contacts', {}, { hlc: ahead })]);
      expect(res.json.warnings).toEqual([
        expect.objectContaining({ code: 'CLOCK_AHEAD', clientHlc: ahead }),
      ]);
      expect(res.json.results[0].hlc < ahead).toBe(true);
      // The provider's scope has its own clock: her answer is not carried a week ahead.
      const hers = await s.push(provider, []);
      expect(hers.json.serverHlc < hlcAt(T0 + 3600 * 1000)).toBe(true);
      const big = agencyCreate('ta-contacts', { extra: 'x'.repeat(70 * 1024) });
      expect(await statuses(s, coach, [big])).toEqual(['RECORD_TOO_LARGE']);
    });

    it('a provider’s device may push sharing, id "sharing" only, and no agency table', async () => {
      const { s, provider, p } = await world();
      const other = agencyCreate('sharing', {}, { id: 'sharing-2' });
      const res = await s.push(provider, [
        agencyCreate('sharing'),
        other,
        agencyCreate('ta-contacts'),
        agencyCreate('events'),
        agencyCreate('staff-checkins'),
      ]);
      expect(
        res.json.results.map((r: any) => (r.status === 'rejected' ? r.code : r.status)),
      ).toEqual(['applied', 'VALIDATION_FAILED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
      expect(res.json.results[1].details).toEqual([{ path: 'id', message: 'sharing-id' }]);
      expect(await stored(s, `provider:${p.providerId}`)).toEqual(['sharing/sharing']);
    });
  });

  describe('pull', () => {
    it('a staff device pulls its own scope and its agency’s, never another person’s or agency’s', async () => {
      const { s, coach, manager, otherManager, provider, collab } = await world();
      const mine = agencyCreate('ta-contacts');
      await s.push(coach, [mine]);
      const event = agencyCreate('events');
      const managerContact = agencyCreate('ta-contacts');
      await s.push(manager, [event, managerContact]);
      const elsewhere = agencyCreate('events');
      await s.push(otherManager, [elsewhere]);
      await s.push(provider, [noteCreate(), agencyCreate('sharing')]);

      const ids = async (d: AnyDevice) => (await s.pullAll(d)).rows.map((r: any) => r.id).sort();
      expect(await ids(coach)).toEqual([mine.id, event.id].sort());
      expect(await ids(manager)).toEqual([event.id, managerContact.id].sort());
      expect(await ids(otherManager)).toEqual([elsewhere.id]);
      expect(await ids(collab)).toEqual([]);
      expect((await ids(provider)).length).toBe(2);
      const first = await s.pull(coach);
      expect(PullResponseSchema.safeParse(first.json).success).toBe(true);
    });

    it('pages across both scopes with one cursor, every row once, then only what is new', async () => {
      const { s, coach, manager } = await world();
      const own = [agencyCreate('ta-contacts'), agencyCreate('ta-contacts')];
      await s.push(coach, own);
      const events = [agencyCreate('events'), agencyCreate('events'), agencyCreate('events')];
      await s.push(manager, events);
      const pages: number[] = [];
      let cursor: string | null = null;
      const seen: string[] = [];
      for (let i = 0; i < 10; i++) {
        const res = await s.pull(coach, cursor, 2);
        expect(res.status).toBe(200);
        pages.push(res.json.changes.length);
        seen.push(...res.json.changes.map((r: any) => r.id));
        cursor = res.json.cursor;
        if (!res.json.hasMore) break;
      }
      expect(pages).toEqual([2, 2, 1]);
      expect(seen.sort()).toEqual([...own, ...events].map((m) => m.id).sort());
      // Nothing new: an empty page; then a new event and a new contact of hers arrive.
      const idle = await s.pull(coach, cursor);
      expect([idle.json.changes, idle.json.hasMore]).toEqual([[], false]);
      const late = agencyCreate('events');
      await s.push(manager, [late]);
      const next = await s.pull(coach, idle.json.cursor);
      expect(next.json.changes.map((r: any) => r.id)).toEqual([late.id]);
      expect(next.json.serverHlc >= late.hlc).toBe(true);
      // The manager's own event is an echo for her, skipped once her full pull is done.
      const full = await s.pullAll(manager);
      const mineAgain = await s.pull(manager, full.cursor);
      expect(mineAgain.json.changes).toEqual([]);
    });

    it('a cursor made for other scopes never reads these: it answers reset', async () => {
      const { s, coach, manager, otherManager, provider, collab } = await world();
      await s.push(manager, [agencyCreate('events')]);
      await s.push(provider, [noteCreate()]);
      const managerCursor = (await s.pullAll(manager)).cursor!;
      const coachCursor = (await s.pullAll(coach)).cursor!;
      const providerCursor = (await s.pullAll(provider)).cursor!;
      const collabCursor = (await s.pullAll(collab)).cursor!;
      expect(coachCursor.split('~')).toHaveLength(2);
      expect(collabCursor.split('~')).toHaveLength(1);
      const swapped = coachCursor.split('~').reverse().join('~');
      const [ownPart, agencyPart] = coachCursor.split('~');
      for (const [device, cursor] of [
        [coach, managerCursor],
        [otherManager, coachCursor],
        [coach, providerCursor],
        [provider, coachCursor],
        [provider, ownPart!],
        [coach, swapped],
        [coach, ownPart!],
        [coach, `${ownPart}~${agencyPart}~${agencyPart}`],
        [collab, coachCursor],
        [coach, collabCursor],
      ] as const) {
        const res = await s.pull(device, cursor);
        expect([res.status, res.json]).toEqual([200, { reset: true }]);
      }
      expect((await s.pull(coach, coachCursor)).json.changes).toEqual([]);
    });
  });

  describe('authenticateStaff (the viewer of the read routes, SYNC.md §17)', () => {
    const withToken = (token?: string) =>
      ({
        req: {
          header: (name: string) =>
            name === 'authorization' && token ? `Bearer ${token}` : undefined,
        },
      }) as unknown as Context;

    it('yields the staff member, her role and agency; refuses a provider, another role, a revoked or unknown token', async () => {
      const { s, coach, manager, collab, provider } = await world();
      expect(await authenticateStaff(withToken(manager.token), s.repository)).toEqual({
        deviceId: manager.deviceId,
        staffId: manager.staffId,
        role: 'manager',
        agencyId: manager.agencyId,
      });
      expect(
        await authenticateStaff(withToken(collab.token), s.repository, [
          'manager',
          'collaborative',
        ]),
      ).toMatchObject({ role: 'collaborative', agencyId: null });
      const refused = async (token: string | undefined, roles?: ('coach' | 'manager')[]) => {
        const error = await authenticateStaff(withToken(token), s.repository, roles).catch(
          (e) => e,
        );
        expect(error).toBeInstanceOf(HttpError);
        return [error.status, error.code];
      };
      expect(await refused(provider.token)).toEqual([403, 'FORBIDDEN']);
      expect(await refused(coach.token, ['manager'])).toEqual([403, 'FORBIDDEN']);
      expect(await refused(undefined)).toEqual([401, 'UNAUTHENTICATED']);
      expect(await refused('x'.repeat(43))).toEqual([401, 'UNAUTHENTICATED']);
      await s.admin('revoke-device', '--device', coach.deviceId);
      expect(await refused(coach.token)).toEqual([403, 'DEVICE_REVOKED']);
    });
  });
});
