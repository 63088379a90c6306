import { afterEach, describe, expect, it } from 'vitest';
import { makeServer } from '../server/test-support';
import { eraseDevice } from '../storage/erase';
import { getHeldProvider, tokensToRevoke } from '../storage/enrollment';
import { getConnection } from '../storage/sync-state';
import { openTestDb } from '../storage/testing';
import { saveObservation } from '../storage/write';
import type { NaptimeDb } from '../storage/db';
import { createSyncClient } from './client';
import { checkCode, connect, disconnect, revokeLeftovers, type EnrollDeps } from './enroll';
import { appFetch, testDeps, VirtualTime, type FetchLike } from './sim/harness';

const dbs: NaptimeDb[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

const canonical = (code: string) => code.replace('-', '');
const note = (text: string) => ({
  childIds: ['child-1'],
  observedAt: '2026-11-26T09:05:00-06:00',
  text,
});

async function setup() {
  const server = makeServer();
  const a = await server.createProvider('Sunrise Agency', 'María López');
  const b = await server.createProvider('Sunrise Agency', 'Rosa Díaz');
  const code = async (providerId = a.providerId) =>
    canonical(
      ((await server.admin('enroll-code', '--provider', providerId)) as { code: string }).code,
    );
  const db = await openTestDb();
  dbs.push(db);
  const fetch = appFetch(() => server.app);
  const deps = (f: FetchLike = fetch): EnrollDeps => ({
    baseUrl: '',
    fetch: f,
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  });
  const join = async (c: string) =>
    connect(db, deps(), { code: c, deviceName: 'Tablet', serverUrl: 'http://localhost:8080' });
  return { server, a, b, code, db, fetch, deps, join };
}

const failing =
  (status: number, body: string, type = 'application/json'): FetchLike =>
  async () =>
    new Response(body, { status, headers: { 'content-type': type } });

describe('checking a code', () => {
  it('names the agency and the provider without spending the code', async () => {
    const s = await setup();
    const c = await s.code();
    expect(await checkCode(s.db, s.deps(), c)).toEqual({
      ok: true,
      owner: { kind: 'provider', providerName: 'María López', agencyName: 'Sunrise Agency' },
    });
    expect(await s.join(c)).toMatchObject({ ok: true });
  });

  it('calls a wrong, used or unknown code invalid', async () => {
    const s = await setup();
    const c = await s.code();
    await s.join(c);
    expect(await checkCode(s.db, s.deps(), c)).toEqual({ ok: false, reason: 'invalid-code' });
    expect(await checkCode(s.db, s.deps(), '0000000000')).toEqual({
      ok: false,
      reason: 'invalid-code',
    });
  });

  it('tells too many tries, no connection, an old server and an address that is no Naptime server apart', async () => {
    const s = await setup();
    for (let i = 0; i < 10; i++) await checkCode(s.db, s.deps(), '0000000000');
    expect(await checkCode(s.db, s.deps(), '0000000000')).toMatchObject({
      ok: false,
      reason: 'too-many-tries',
      retryAfterMs: expect.any(Number),
    });
    const offline: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await checkCode(s.db, s.deps(offline), '0000000000')).toEqual({
      ok: false,
      reason: 'no-connection',
    });
    const oldServer = failing(404, '{"error":{"code":"NOT_FOUND","message":"No such route."}}');
    expect(await checkCode(s.db, s.deps(oldServer), '0000000000')).toEqual({
      ok: false,
      reason: 'server-outdated',
    });
    const htmlPage = failing(404, '<h1>Not found</h1>', 'text/html');
    expect(await checkCode(s.db, s.deps(htmlPage), '0000000000')).toEqual({
      ok: false,
      reason: 'not-naptime',
    });
    const page200 = failing(200, '{"hello":"world"}');
    expect(await checkCode(s.db, s.deps(page200), '0000000000')).toEqual({
      ok: false,
      reason: 'not-naptime',
    });
    expect(await checkCode(s.db, s.deps(failing(500, 'oops', 'text/plain')), '0000000000')).toEqual(
      {
        ok: false,
        reason: 'server-error',
      },
    );
  });
});

describe('connecting', () => {
  it('saves the connection with its server address, and sends what she wrote before with its ids', async () => {
    const s = await setup();
    const before = [];
    for (let i = 0; i < 3; i++) before.push(await saveObservation(s.db, note(`before ${i}`)));
    expect(await s.join(await s.code())).toEqual({
      ok: true,
      owner: { kind: 'provider', providerName: 'María López', agencyName: 'Sunrise Agency' },
    });
    const conn = await getConnection(s.db);
    expect(conn).toMatchObject({ providerId: s.a.providerId, serverUrl: 'http://localhost:8080' });
    expect(await getHeldProvider(s.db)).toMatchObject({ providerName: 'María López' });

    const client = createSyncClient(s.db, testDeps(new VirtualTime(), s.fetch));
    await client.syncNow();
    client.stop();
    expect(await s.db.outbox.count()).toBe(0);
    const probe = await s.server.enroll(s.a.providerId);
    const ids = (await s.server.pullAll(probe)).rows.map((r) => r.id).sort();
    expect(ids).toEqual(before.map((r) => (r.ok ? r.record.id : 'failed')).sort());
  });

  it('refuses a code for another provider while the device holds the first one’s records, even disconnected', async () => {
    const s = await setup();
    await saveObservation(s.db, note('María’s note'));
    await s.join(await s.code());
    await disconnect(s.db, s.deps());
    const other = await s.code(s.b.providerId);
    const refused = {
      ok: false,
      reason: 'other-provider',
      held: { providerName: 'María López', agencyName: 'Sunrise Agency' },
    };
    expect(await checkCode(s.db, s.deps(), other)).toMatchObject(refused);
    // Even when the names were to agree, the provider id decides, and the spent code's token dies.
    expect(await s.join(other)).toMatchObject(refused);
    expect(await getConnection(s.db)).toBeNull();

    await eraseDevice(s.db);
    expect(await s.join(await s.code(s.b.providerId))).toMatchObject({ ok: true });
  });

  it('lets the same provider connect again, and the server revokes the old token', async () => {
    const s = await setup();
    await s.join(await s.code());
    const first = (await getConnection(s.db))!;
    expect(await s.join(await s.code())).toMatchObject({ ok: true });
    const second = (await getConnection(s.db))!;
    expect(second.deviceToken).not.toBe(first.deviceToken);
    const old = await s.server.pull({
      deviceId: first.deviceId,
      token: first.deviceToken,
    } as never);
    expect(old.status).toBe(403);
  });
});

describe('disconnecting', () => {
  it('revokes the token on the server and keeps every record and waiting change here', async () => {
    const s = await setup();
    await s.join(await s.code());
    const conn = (await getConnection(s.db))!;
    await saveObservation(s.db, note('waits to be sent'));
    expect(await disconnect(s.db, s.deps())).toEqual({ ok: true, revokedNow: true });
    expect(await getConnection(s.db)).toBeNull();
    expect(await s.db.observations.count()).toBe(1);
    expect(await s.db.outbox.count()).toBe(1);
    const res = await s.server.pull({ deviceId: conn.deviceId, token: conn.deviceToken } as never);
    expect(res.status).toBe(403);
  });

  it('disconnects without a connection and revokes the token once the server answers', async () => {
    const s = await setup();
    await s.join(await s.code());
    const conn = (await getConnection(s.db))!;
    const offline: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await disconnect(s.db, s.deps(offline))).toEqual({ ok: true, revokedNow: false });
    expect(await getConnection(s.db)).toBeNull();
    expect(await tokensToRevoke(s.db)).toHaveLength(1);
    expect(
      (await s.server.pull({ deviceId: conn.deviceId, token: conn.deviceToken } as never)).status,
    ).toBe(200);

    await revokeLeftovers(s.db, () => s.deps());
    expect(await tokensToRevoke(s.db)).toEqual([]);
    expect(
      (await s.server.pull({ deviceId: conn.deviceId, token: conn.deviceToken } as never)).status,
    ).toBe(403);
  });
});
