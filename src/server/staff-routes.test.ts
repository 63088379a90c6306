/**
 * The staff read routes (SYNC.md §17) over HTTP on every backend: tokens and roles, the query's
 * 400s, the answers read from the database with each provider's current sharing record, the rule-4
 * history kept in the database (across a restart), and the consent fuzz of staff-consent.test.ts on
 * records pushed by providers' devices, whose answers must equal the in-memory store's.
 */
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { weekDays } from '../domain/dates';
import type { StoredRecord } from '../domain/envelope';
import { backends, type TestDatabase } from './test-backends';
import {
  forbiddenValues,
  leak,
  loadMemory,
  randomWorld,
  seeded,
  staffCalls,
  worldRecords,
  type World,
} from './test-consent-world';
import { MemoryStaffStore } from './test-staff-store';
import { hlcAt, makeServer, T0, uid, type TestServer } from './test-support';
import { staffAnswer, type StaffRoute } from './staff-reads';

const BACKENDS = backends();
const W = '2026-W47';
const AXIS = ['2026-W44', '2026-W45', '2026-W46', W];

async function get(server: TestServer, path: string, token?: string, headers = {}) {
  const res = await server.app.request(path, {
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
  const text = await res.text();
  return { status: res.status, json: JSON.parse(text), headers: res.headers, text };
}

async function enrollStaff(server: TestServer, staffId: string): Promise<string> {
  const { code } = await server.admin('enroll-code', '--staff', staffId);
  const res = await server.request('/api/v1/devices/enroll', { code, deviceName: 'laptop' });
  expect(res.status).toBe(200);
  expect(res.json.kind).toBe('staff');
  return res.json.deviceToken as string;
}

async function createStaff(server: TestServer, role: string, name: string, agency?: string) {
  const args = ['create-staff', '--name', name, '--role', role];
  if (agency) args.push('--agency', agency);
  const { staffId } = (await server.admin(...args)) as { staffId: string };
  return { staffId, token: await enrollStaff(server, staffId) };
}

/** A create of a stored record, as her device would push it. */
function createOf(table: string, record: StoredRecord<unknown>) {
  return {
    mutationId: uid('m'),
    table,
    op: 'create',
    id: record.id,
    baseVersion: 0,
    hlc: hlcAt(T0),
    schemaVersion: 1,
    createdAt: '2026-11-26T06:05:00-06:00',
    deleted: 0,
    data: record.data,
  };
}

async function pushOk(
  server: TestServer,
  device: Awaited<ReturnType<TestServer['enroll']>>,
  mutations: unknown[],
) {
  const res = await server.push(device, mutations);
  expect(res.status).toBe(200);
  for (const r of res.json.results) expect(r.status, JSON.stringify(r)).toBe('applied');
  return res.json.results as { version: number }[];
}

const sharingCreate = (level: string) =>
  createOf('sharing', {
    id: 'sharing',
    data: { level, firstUseAt: '2026-10-01' },
  } as StoredRecord<unknown>);

/**
 * Acorn: providers P1…P7 (P1–P6 share numbers, P2 with her cycles, P7 nothing), a check-in (p6 = 2)
 * and a note in every week of the axis; a coach assigned P1, P2 and P7; a manager; Bluebird with one
 * provider; the collaborative's data manager.
 */
async function acorn(server: TestServer) {
  const providers: { providerId: string; device: Awaited<ReturnType<TestServer['enroll']>> }[] = [];
  let agencyId = '';
  for (let i = 1; i <= 7; i++) {
    const made = await server.createProvider('Acorn', `P${i}`);
    agencyId = made.agencyId;
    const device = await server.enroll(made.providerId);
    providers.push({ providerId: made.providerId, device });
    const mutations: unknown[] = [
      sharingCreate(i === 7 ? 'nothing' : i === 2 ? 'numbers-and-pdsa' : 'numbers'),
    ];
    for (const week of AXIS) {
      mutations.push(
        createOf('checkins', {
          id: `checkin-${week}`,
          data: { week, p1: 2, p6: 2 },
        } as StoredRecord<unknown>),
        createOf('observations', {
          id: uid('obs'),
          data: {
            childIds: ['c1'],
            observedAt: `${weekDays(week)[1]}T09:00:00-06:00`,
            text: `Secret note of P${i}`,
          },
        } as StoredRecord<unknown>),
      );
    }
    mutations.push(
      createOf('pdsa', {
        id: uid('cycle'),
        data: {
          changeIdeaId: 'idea',
          changeIdea: `Cycle of P${i}`,
          cycle: 1,
          purpose: 'test',
          driver: 'observe',
          objective: 'Objective',
          questions: [],
          plan: {},
          startDate: '2026-11-02',
        },
      } as StoredRecord<unknown>),
    );
    await pushOk(server, device, mutations);
  }
  const other = await server.createProvider('Bluebird', 'Other provider');
  const coach = await createStaff(server, 'coach', 'Coach', 'Acorn');
  for (const i of [0, 1, 6])
    await server.admin('assign', '--staff', coach.staffId, '--provider', providers[i]!.providerId);
  const manager = await createStaff(server, 'manager', 'Manager', 'Acorn');
  const collab = await createStaff(server, 'collaborative', 'Data manager');
  return { providers, agencyId, otherAgencyId: other.agencyId, coach, manager, collab };
}

const p6At = (answer: any, week = W) =>
  answer.providers.measures.p6.points.find((p: { period: string }) => p.period === week);

describe.each(BACKENDS)('the staff read routes on $name', (backend) => {
  it('answer each role from the database, with every provider’s current sharing record', async () => {
    const db = backend.database();
    const server = makeServer({ repository: await db.open() });
    const { providers, agencyId, otherAgencyId, coach, manager, collab } = await acorn(server);

    const list = await get(server, '/api/v1/staff/providers', coach.token);
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toBe('no-store');
    expect(list.json).toEqual({
      providers: [0, 1, 6].map((i) => ({
        providerId: providers[i]!.providerId,
        name: `P${i + 1}`,
      })),
    });
    expect(
      (await get(server, '/api/v1/staff/providers', manager.token)).json.providers,
    ).toHaveLength(7);

    const shared = await get(server, '/api/v1/staff/shared', coach.token);
    expect(shared.json.asOf).toBe(new Date(T0).toISOString());
    expect(shared.json.providers.map((p: { name: string }) => p.name)).toEqual(['P1', 'P2']);
    const p2 = shared.json.providers[1].shared;
    expect(p2).toMatchObject({
      level: 'numbers-and-pdsa',
      firstUseAt: '2026-10-01',
      lastCheckinWeek: W,
    });
    expect(p2.cycles.map((c: { changeIdea: string }) => c.changeIdea)).toEqual(['Cycle of P2']);
    expect(p2.weeks).toHaveLength(4);
    expect(shared.json.providers[0].shared.cycles).toEqual([]);
    for (const secret of ['Secret note', 'Cycle of P1', 'Cycle of P7', 'Objective'])
      expect(shared.text).not.toContain(secret);

    expect((await get(server, '/api/v1/staff/agencies', manager.token)).json).toEqual({
      agencies: [{ agencyId, name: 'Acorn' }],
    });
    expect((await get(server, '/api/v1/staff/agencies', collab.token)).json).toEqual({
      agencies: [
        { agencyId, name: 'Acorn' },
        { agencyId: otherAgencyId, name: 'Bluebird' },
      ],
    });

    const q = `/api/v1/staff/rollups?group=agency&agency=${agencyId}&grain=week&weeks=4`;
    const first = await get(server, q, collab.token);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({
      weeks: AXIS,
      grain: 'week',
      group: { kind: 'agency', agencyId, agencyName: 'Acorn' },
      providers: { of: 6 },
      me: null,
      events: [],
    });
    expect(p6At(first.json)).toEqual({
      period: W,
      shown: true,
      value: 2,
      reporting: 6,
      of: 6,
      agencies: { included: 1, of: 1 },
    });
    expect(first.text).not.toContain(providers[0]!.providerId);
    const history = (await server.repository.dump()).staff_view_history as { staff_id: string }[];
    expect(history.length).toBeGreaterThan(0);
    expect(new Set(history.map((h) => h.staff_id))).toEqual(new Set([collab.staffId]));

    // P6 turns sharing off: gone from the next answers, and the roll-up that differs by her hidden.
    const [sharingRow] = (await server.pullAll(providers[5]!.device)).rows.filter(
      (r: { table: string }) => r.table === 'sharing',
    );
    await pushOk(server, providers[5]!.device, [
      {
        mutationId: uid('m'),
        table: 'sharing',
        op: 'update',
        id: 'sharing',
        baseVersion: sharingRow.version,
        hlc: hlcAt(T0 + 1000),
        schemaVersion: 1,
        data: { level: 'nothing' },
      },
    ]);
    const managerShared = await get(server, '/api/v1/staff/shared', manager.token);
    expect(managerShared.json.providers.map((p: { name: string }) => p.name)).toEqual([
      'P1',
      'P2',
      'P3',
      'P4',
      'P5',
    ]);
    const second = await get(server, q, collab.token);
    expect(second.json.providers.of).toBe(5);
    expect(p6At(second.json)).toEqual({ period: W, shown: false, suppressed: 'revision', of: 5 });
    // Her manager read each of them: her roll-up shows the five.
    const own = await get(
      server,
      '/api/v1/staff/rollups?group=agency&grain=week&weeks=4',
      manager.token,
    );
    expect(p6At(own.json)).toMatchObject({ shown: true, reporting: 5 });

    if (backend.persistent) {
      // The history is the database's: a restarted server still holds the point back.
      const again = makeServer({ repository: await db.open() });
      expect(p6At((await get(again, q, collab.token)).json)).toMatchObject({
        shown: false,
        suppressed: 'revision',
      });
    }
  });

  it('refuses what a token or a role may not read, and every bad query, with a 4xx', async () => {
    const server = await backend.server();
    const { providers, coach, manager, collab } = await acorn(server);
    const routes = ['providers', 'shared', 'agencies', 'rollups?group=agency&grain=week'];
    for (const route of routes) {
      const path = `/api/v1/staff/${route}`;
      expect((await get(server, path)).status).toBe(401);
      expect((await get(server, path, 'not-a-token')).json.error.code).toBe('UNAUTHENTICATED');
      const asProvider = await get(server, path, providers[0]!.device.token);
      expect([asProvider.status, asProvider.json.error.code]).toEqual([403, 'FORBIDDEN']);
    }
    for (const [token, route] of [
      [collab.token, 'providers'],
      [collab.token, 'shared'],
      [coach.token, 'agencies'],
      [coach.token, 'rollups?group=collaborative&grain=week'],
    ] as const) {
      const res = await get(server, `/api/v1/staff/${route}`, token);
      expect([res.status, res.json.error.code], route).toEqual([403, 'FORBIDDEN']);
    }
    for (const query of [
      'providers?x=1',
      'rollups',
      'rollups?group=agency&grain=week&weeks=2',
      'rollups?group=agency&grain=week&weeks=%00',
      'rollups?group=agency&grain=week&agency=%F0%9F%98%80',
      'rollups?group=agency&grain=year',
      'rollups?group=agency&group=agency&grain=week',
    ]) {
      const res = await get(server, `/api/v1/staff/${query}`, manager.token);
      expect([res.status, res.json.error.code], query).toEqual([400, 'BAD_REQUEST']);
    }
    expect((await get(server, '/api/v1/staff/nothing-here', manager.token)).status).toBe(404);

    // Gzip when asked; a revoked device is told so.
    const zipped = await server.app.request('/api/v1/staff/rollups?group=agency&grain=week', {
      headers: { authorization: `Bearer ${manager.token}`, 'accept-encoding': 'gzip' },
    });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    const body = JSON.parse(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString());
    expect(body.weeks).toHaveLength(52);
    const { devices } = await server.admin('list-devices');
    const staffDevice = devices.find((d: { staffId?: string }) => d.staffId === coach.staffId);
    await server.admin('revoke-device', '--device', staffDevice.deviceId);
    const revoked = await get(server, '/api/v1/staff/providers', coach.token);
    expect([revoked.status, revoked.json.error.code]).toEqual([403, 'DEVICE_REVOKED']);
  });

  it('answers roll-ups asked at once, of one viewer and of several, all alike', async () => {
    const server = await backend.server();
    const { agencyId, manager, collab } = await acorn(server);
    const q = `/api/v1/staff/rollups?group=agency&agency=${agencyId}&grain=week&weeks=4`;
    const answers = await Promise.all(
      [collab, collab, collab, manager, manager].map((s) => get(server, q, s.token)),
    );
    for (const a of answers) expect(a.status).toBe(200);
    const collabAnswers = answers.slice(0, 3).map((a) => a.json);
    expect(collabAnswers[1]).toEqual(collabAnswers[0]);
    expect(collabAnswers[2]).toEqual(collabAnswers[0]);
    expect(p6At(collabAnswers[0])).toMatchObject({ shown: true, reporting: 6 });
    // One history row per point shown, however many answers showed it.
    const history = (await server.repository.dump()).staff_view_history as {
      staff_id: string;
      point_key: string;
    }[];
    const keys = history.map((h) => `${h.staff_id} ${h.point_key}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('consent fuzz: pushed records of every state, every call of every staff member', async () => {
    const db: TestDatabase = backend.database();
    const server = makeServer({ repository: await db.open() });
    const random = seeded(backend.name.length);
    const world: World = randomWorld(random);
    // Ids are the server's: the world is rewritten with them before its records are made.
    const ids = new Map<string, string>();
    const devices = new Map<string, Awaited<ReturnType<TestServer['enroll']>>>();
    for (const a of world.agencies) a.name = `Agency ${a.agencyId}`;
    for (const p of world.providers) {
      const agency = world.agencies.find((a) => a.agencyId === p.agencyId)!;
      const made = await server.createProvider(agency.name, p.name);
      ids.set(p.agencyId, made.agencyId);
      ids.set(p.providerId, made.providerId);
      devices.set(made.providerId, await server.enroll(made.providerId));
      p.providerId = made.providerId;
    }
    for (const a of world.agencies) a.agencyId = ids.get(a.agencyId)!;
    for (const p of world.providers) p.agencyId = ids.get(p.agencyId)!;
    const tokens = new Map<string, string>();
    for (const s of world.staff) {
      if (s.agencyId) s.agencyId = ids.get(s.agencyId)!;
      const agency = world.agencies.find((a) => a.agencyId === s.agencyId);
      const made = await createStaff(server, s.role, s.name, agency?.name);
      s.staffId = made.staffId;
      tokens.set(s.staffId, made.token);
      s.assigned = s.assigned.map((id) => ids.get(id)!);
      for (const providerId of s.assigned)
        await server.admin('assign', '--staff', s.staffId, '--provider', providerId);
    }
    // Without an outside connection (`:memory:`) no unreadable record can be written.
    if (!db.sql) for (const p of world.providers) if (p.state === 'unreadable') p.state = 'nothing';
    const records = worldRecords(world, 7);
    for (const p of world.providers) {
      const own = records.get(p.providerId)!;
      const device = devices.get(p.providerId)!;
      const mutations: unknown[] = own.records.map(({ table, record }) => createOf(table, record));
      if (own.sharing) {
        const readable = p.state === 'unreadable' ? { level: 'numbers' } : own.sharing.data;
        mutations.push(createOf('sharing', { ...own.sharing, data: readable }));
      }
      await pushOk(server, device, mutations);
      if (p.state === 'deleted')
        await pushOk(server, device, [
          { ...createOf('sharing', own.sharing!), op: 'delete', baseVersion: 1, data: undefined },
        ]);
      if (p.state === 'unreadable')
        await db.sql!(
          "UPDATE records SET data = ? WHERE scope = ? AND tbl = 'sharing' AND id = 'sharing'",
          [JSON.stringify(own.sharing!.data), `provider:${p.providerId}`],
        );
    }
    const memory = new MemoryStaffStore();
    loadMemory(memory, world, records);
    let answered = 0;
    for (const viewer of world.staff)
      for (const path of staffCalls(world)) {
        const res = await get(server, path, tokens.get(viewer.staffId));
        const context = `${viewer.role} ${path}`;
        expect(res.status, context).toBeLessThan(500);
        expect(leak(res.text, forbiddenValues(world, viewer, path)), context).toBeNull();
        if (res.status !== 200) continue;
        answered++;
        const url = new URL(path, 'http://x');
        const expected = await staffAnswer(
          memory,
          { staffId: viewer.staffId, role: viewer.role, agencyId: viewer.agencyId },
          url.pathname.split('/').pop() as StaffRoute,
          url.searchParams,
          T0,
        );
        expect(res.json, context).toEqual(JSON.parse(JSON.stringify(expected)));
      }
    expect(answered).toBeGreaterThan(40);
  });
});
