import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeServer } from '../server/test-support';
import { queueChange } from '../storage/outbox';
import { getRecord, listAllRecords } from '../storage/read';
import { saveObservation, saveRecord } from '../storage/write';
import {
  appFetch,
  connectedDevice,
  VirtualTime,
  type FetchLike,
  type TestDevice,
} from './sim/harness';

const note = (text: string, over: Record<string, unknown> = {}) => ({
  childIds: ['child-1'],
  observedAt: '2026-11-26T09:05:00-06:00',
  text,
  ...over,
});

const devices: TestDevice[] = [];
afterEach(() => {
  for (const d of devices.splice(0)) d.close();
});

async function setup(opts: { file?: string } = {}) {
  const server = makeServer(opts.file ? { file: opts.file } : {});
  const { providerId } = await server.createProvider();
  const time = new VirtualTime();
  const requests: { path: string; body: any }[] = [];
  const base = appFetch(() => server.app);
  const fetch: FetchLike = async (url, init) => {
    requests.push({ path: url, body: JSON.parse(String(init.body)) });
    return base(url, init);
  };
  async function device(
    wrap: (f: FetchLike) => FetchLike = (f) => f,
    enrolled?: Awaited<ReturnType<typeof server.enroll>>,
  ) {
    const e = enrolled ?? (await server.enroll(providerId));
    const d = await connectedDevice(time, wrap(fetch), e);
    d.client.status.subscribe(() => undefined); // as a status screen would
    devices.push(d);
    return Object.assign(d, { enrolled: e });
  }
  const serverRows = async (d: { enrolled: any }) => (await server.pullAll(d.enrolled)).rows;
  return { server, providerId, time, requests, device, serverRows };
}

describe('push and pull', () => {
  it('sends notes once, and another device of the provider pulls them as synced', async () => {
    const s = await setup();
    const a = await s.device();
    const b = await s.device();
    const one = await saveObservation(a.db, note('Stacked three blocks'));
    await saveObservation(a.db, note('Named the red cup'));
    await a.client.syncNow();
    expect(await a.db.outbox.count()).toBe(0);
    const mine = await getRecord(a.db, 'observations', one.ok ? one.record.id : '');
    expect(mine?.ok && mine.record).toMatchObject({ version: 1, syncStatus: 'synced' });
    await b.client.syncNow();
    const theirs = await listAllRecords(b.db, 'observations');
    expect(
      theirs.map((r) => r.ok && [r.record.data.text, r.record.version, r.record.syncStatus]).sort(),
    ).toEqual([
      ['Named the red cup', 1, 'synced'],
      ['Stacked three blocks', 1, 'synced'],
    ]);
    expect(a.client.status.getSnapshot()).toMatchObject({ state: { kind: 'idle' }, waiting: 0 });
    expect(a.client.status.getSnapshot().lastPushAt).toBe(s.time.now);
  });

  it('retries a push whose answer was lost after the commit: duplicates, nothing doubled, same bytes', async () => {
    const s = await setup();
    let lose = true;
    const a = await s.device((f) => async (url, init) => {
      const res = await f(url, init);
      if (url.endsWith('/push') && lose) {
        lose = false;
        throw new TypeError('connection reset');
      }
      return res;
    });
    await saveObservation(a.db, note('Poured water from a cup'));
    await a.client.syncNow();
    expect(await a.db.outbox.count()).toBe(1);
    expect(a.client.status.getSnapshot().state.kind).toBe('waiting');
    await a.client.syncNow();
    expect(await a.db.outbox.count()).toBe(0);
    const pushes = s.requests.filter((r) => r.path.endsWith('/push'));
    expect(pushes).toHaveLength(2);
    expect(JSON.stringify(pushes[1]!.body.mutations)).toBe(
      JSON.stringify(pushes[0]!.body.mutations),
    );
    const rows = await s.serverRows(a);
    expect(rows).toHaveLength(1);
    expect(rows[0].version).toBe(1);
  });

  it('marks a rejected record in the middle of a batch and sends the ones behind it', async () => {
    const s = await setup();
    const a = await s.device();
    await saveObservation(a.db, note('first'));
    // A record an older build stored that the server refuses (its text is over 4,000 characters).
    await a.db.transaction('rw', [a.db.observations, a.db.outbox], async () => {
      const bad = {
        id: 'bad-note',
        data: note('x'.repeat(4001)),
        schemaVersion: 1,
        hlc: '2026-11-26T12:00:00.000Z-0000-00000000000000aa',
        deviceId: null,
        createdAt: '2026-11-26T06:00:00-06:00',
        updatedAt: '2026-11-26T06:00:00-06:00',
        deleted: 0 as const,
        version: 0,
        serverSeq: null,
        syncStatus: 'pending' as const,
      };
      await a.db.observations.put(bad);
      await queueChange(a.db, 'observations', bad, Object.keys(bad.data), bad.hlc);
    });
    await saveObservation(a.db, note('third'));
    await a.client.syncNow();
    expect(s.requests.filter((r) => r.path.endsWith('/push'))).toHaveLength(1);
    const all = await listAllRecords(a.db, 'observations');
    const byText = Object.fromEntries(
      all.map((r) => [r.ok ? r.record.data.text.slice(0, 5) : 'unreadable', r]),
    );
    expect(await a.db.outbox.count()).toBe(0);
    const raw = await a.db.observations.get('bad-note');
    expect(raw).toMatchObject({ syncStatus: 'rejected', syncError: { code: 'VALIDATION_FAILED' } });
    expect(raw!.data.text).toHaveLength(4001);
    expect(byText.first).toMatchObject({ ok: true, record: { syncStatus: 'synced', version: 1 } });
    expect(byText.third).toMatchObject({ ok: true, record: { syncStatus: 'synced', version: 1 } });
    expect(a.client.status.getSnapshot().rejected).toBe(1);
  });

  it('chains an edit made while its predecessor is in flight and sends it on the new version', async () => {
    const s = await setup();
    let id = '';
    let a!: TestDevice & { enrolled: any };
    let edited = false;
    // eslint-disable-next-line prefer-const -- the fetch wrapper refers to the device it makes
    a = await s.device((f) => async (url, init) => {
      if (url.endsWith('/push') && !edited) {
        edited = true;
        await saveObservation(a.db, { id, ...note('Stacked FOUR blocks') });
      }
      return f(url, init);
    });
    const saved = await saveObservation(a.db, note('Stacked three blocks'));
    id = saved.ok ? saved.record.id : '';
    await a.client.syncNow();
    const pushes = s.requests.filter((r) => r.path.endsWith('/push'));
    expect(
      pushes.map((p) => p.body.mutations.map((m: any) => [m.op, m.baseVersion, m.data?.text])),
    ).toEqual([[['create', 0, 'Stacked three blocks']], [['update', 1, 'Stacked FOUR blocks']]]);
    const rows = await s.serverRows(a);
    expect(rows[0]).toMatchObject({ version: 2, data: { text: 'Stacked FOUR blocks' } });
    const mine = await getRecord(a.db, 'observations', id);
    expect(mine?.ok && mine.record).toMatchObject({
      version: 2,
      syncStatus: 'synced',
      data: { text: 'Stacked FOUR blocks' },
    });
  });

  it('keeps an edit waiting under a pulled page, then merges both edits through the server', async () => {
    const s = await setup();
    const a = await s.device();
    const b = await s.device();
    const saved = await saveObservation(a.db, note('Climbed the step'));
    const id = saved.ok ? saved.record.id : '';
    await a.client.syncNow();
    await b.client.syncNow();
    // B edits offline; A's edit of another field reaches the server first.
    await saveObservation(b.db, { id, ...note('Climbed the step'), area: 'motor-physical' });
    await saveObservation(a.db, { id, ...note('Climbed the big step') });
    await a.client.syncNow();
    const page = await s.server.pull(b.enrolled, null);
    const { applyPullPage } = await import('../storage/pull-apply');
    await applyPullPage(b.db, page.json, s.time.now);
    const waiting = await getRecord(b.db, 'observations', id);
    expect(waiting?.ok && waiting.record).toMatchObject({
      version: 1,
      syncStatus: 'pending',
      data: { text: 'Climbed the step', area: 'motor-physical' },
    });
    await b.client.syncNow();
    const merged = await getRecord(b.db, 'observations', id);
    expect(merged?.ok && merged.record).toMatchObject({
      version: 3,
      syncStatus: 'synced',
      data: { text: 'Climbed the big step', area: 'motor-physical' },
    });
    await a.client.syncNow();
    const onA = await getRecord(a.db, 'observations', id);
    expect(onA?.ok && onA.record.data).toEqual(merged?.ok && merged.record.data);
  });
});

describe('a waiting edit that makes the merge invalid (SYNC.md §3 step 5)', () => {
  it('keeps her check-in whole when her waiting P5 cannot lie over the lower P4 of another tablet: a conflict, never a rejection', async () => {
    const s = await setup();
    const id = 'checkin-2026-W46';
    const week = { week: '2026-W46', p1: 4, p2: null, p3: null, p4: 20, p5: null, p6: 3 };
    let a!: TestDevice & { enrolled: any };
    let raiseP5 = false;
    // eslint-disable-next-line prefer-const -- the fetch wrapper refers to the device it makes
    a = await s.device((f) => async (url, init) => {
      if (url.endsWith('/push') && raiseP5) {
        raiseP5 = false; // while her P1 edit is in flight, she answers P5 (valid here: P4 is 20)
        expect((await saveRecord(a.db, 'checkins', id, { ...week, p1: 5, p5: 20 })).ok).toBe(true);
      }
      return f(url, init);
    });
    const b = await s.device();
    await saveRecord(a.db, 'checkins', id, week);
    await a.client.syncNow();
    await b.client.syncNow();
    await saveRecord(b.db, 'checkins', id, { ...week, p4: 8 }); // the other tablet lowers P4
    await b.client.syncNow();
    await saveRecord(a.db, 'checkins', id, { ...week, p1: 5 });
    raiseP5 = true;
    await a.client.syncNow();

    const pushes = s.requests.filter((r) => r.path.endsWith('/push'));
    const results = pushes.map((p) => p.body.mutations.map((m: any) => [m.baseVersion, m.data]));
    // Her P5 goes with every field on the version she edited (1), not as P5 alone on version 3.
    expect(results.at(-1)).toEqual([[1, { ...week, p1: 5, p5: 20 }]]);
    const mine = await getRecord(a.db, 'checkins', id);
    // The server no longer keeps version 1 (she holds the version she last wrote, 3): it merges
    // against the empty record, her newer P4 wins and the other tablet's 8 waits in a conflict.
    expect(mine?.ok && mine.record).toMatchObject({
      version: 4,
      syncStatus: 'conflict',
      data: { week: '2026-W46', p1: 5, p4: 20, p5: 20, p6: 3 },
    });
    const conflicts = await listAllRecords(a.db, 'conflicts');
    expect(conflicts.map((c) => c.ok && c.record.data)).toEqual([
      expect.objectContaining({ kind: 'fields', recordId: id, losing: { p4: 8 } }),
    ]);
    expect(a.client.status.getSnapshot()).toMatchObject({ rejected: 0, waiting: 0 });
    await b.client.syncNow();
    const theirs = await getRecord(b.db, 'checkins', id);
    expect(theirs?.ok && theirs.record.data).toEqual(mine?.ok && mine.record.data);
  });
});

describe('failures (SYNC.md §8)', () => {
  it('halves a batch answered 413 down to one mutation and grows back', async () => {
    const s = await setup();
    const sizes: number[] = [];
    const a = await s.device((f) => async (url, init) => {
      if (url.endsWith('/push')) {
        const n = JSON.parse(String(init.body)).mutations.length;
        sizes.push(n);
        if (n > 1)
          return new Response(
            JSON.stringify({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'too big' } }),
            { status: 413 },
          );
      }
      return f(url, init);
    });
    for (let i = 0; i < 5; i++) await saveObservation(a.db, note(`note ${i}`));
    await a.client.syncNow();
    expect(sizes).toEqual([5, 2, 1, 2, 1, 2, 1, 2, 1, 1]);
    expect(await a.db.outbox.count()).toBe(0);
    expect(await s.serverRows(a)).toHaveLength(5);
  });

  it('marks rejected locally a single mutation answered 413 three times, and the queue goes on', async () => {
    const s = await setup();
    let big = '';
    const a = await s.device((f) => async (url, init) => {
      const body = JSON.parse(String(init.body));
      if (url.endsWith('/push') && body.mutations.some((m: any) => m.id === big)) {
        return new Response(
          JSON.stringify({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'too big' } }),
          { status: 413 },
        );
      }
      return f(url, init);
    });
    const saved = await saveObservation(a.db, note('too big for the proxy'));
    big = saved.ok ? saved.record.id : '';
    await saveObservation(a.db, note('small'));
    await a.client.syncNow();
    expect(await a.db.outbox.count()).toBe(0);
    expect(await a.db.observations.get(big)).toMatchObject({
      syncStatus: 'rejected',
      syncError: { code: 'RECORD_TOO_LARGE' },
    });
    expect((await s.serverRows(a)).map((r) => r.data.text)).toEqual(['small']);
  });

  it('stops on 401 and on 403 with the outbox kept', async () => {
    const s = await setup();
    const a = await s.device();
    await saveObservation(a.db, note('kept'));
    await s.server.admin('revoke-device', '--device', a.enrolled.deviceId);
    await a.client.syncNow();
    expect(a.client.status.getSnapshot().state).toMatchObject({
      kind: 'stopped',
      reason: 'revoked',
    });
    expect(await a.db.outbox.count()).toBe(1);
    const b = await s.device((f) => f, { ...a.enrolled, token: 'not-a-token' });
    await saveObservation(b.db, note('also kept'));
    await b.client.syncNow();
    expect(b.client.status.getSnapshot().state).toMatchObject({
      kind: 'stopped',
      reason: 'unauthenticated',
    });
    expect(await b.db.outbox.count()).toBe(1);
  });

  it('waits for Retry-After on 429, then sends', async () => {
    const s = await setup();
    let limited = true;
    const a = await s.device((f) => async (url, init) => {
      if (limited) {
        limited = false;
        return new Response(
          JSON.stringify({
            error: { code: 'RATE_LIMITED', message: 'slow down', retryAfterMs: 30_000 },
          }),
          { status: 429 },
        );
      }
      return f(url, init);
    });
    await saveObservation(a.db, note('later'));
    await a.client.syncNow();
    expect(a.client.status.getSnapshot().state).toMatchObject({
      kind: 'waiting',
      reason: 'rate-limited',
      until: s.time.now + 30_000,
    });
    s.time.advance(29_999);
    await a.client.idle();
    expect(await a.db.outbox.count()).toBe(1);
    s.time.advance(1);
    await a.client.idle();
    expect(await a.db.outbox.count()).toBe(0);
  });
});

describe('reset (SYNC.md §6)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('after a backup is restored and new-epoch, brings back the data synced after the backup', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'naptime-reset-'));
    dirs.push(dir);
    const file = join(dir, 'db.sqlite');
    const s = await setup({ file });
    const a = await s.device();
    const b = await s.device();
    const first = await saveObservation(a.db, note('before the backup'));
    const id = first.ok ? first.record.id : '';
    await a.client.syncNow();
    await s.server.repository.close();
    copyFileSync(file, join(dir, 'backup.sqlite'));
    const { createSqliteRepository } = await import('../server/sqlite-repository');
    const { createApp } = await import('../server/app');
    let repository = createSqliteRepository(file);
    let app = createApp({ repository, clock: { now: () => s.server.state.now } });
    (s.server as any).app = app;
    await saveObservation(a.db, { id, ...note('edited after the backup') });
    await saveObservation(a.db, note('written after the backup'));
    await a.client.syncNow();
    await b.client.syncNow();
    expect(await listAllRecords(b.db, 'observations')).toHaveLength(2);
    // The disk dies; the backup comes back; the admin gives the database a new epoch.
    await repository.close();
    copyFileSync(join(dir, 'backup.sqlite'), file);
    repository = createSqliteRepository(file);
    const { runAdminCommand } = await import('../server/admin-commands');
    await runAdminCommand(repository, ['new-epoch'], s.server.state.now);
    app = createApp({ repository, clock: { now: () => s.server.state.now } });
    (s.server as any).app = app;
    (s.server as any).repository = repository;
    await b.client.syncNow();
    await a.client.syncNow();
    await b.client.syncNow();
    const rows = (await makeServerRowsVia(app, a.enrolled)).map((r: any) => r.data.text).sort();
    expect(rows).toEqual(['edited after the backup', 'written after the backup']);
    for (const d of [a, b]) {
      const local = await listAllRecords(d.db, 'observations');
      expect(local.map((r) => r.ok && r.record.data.text).sort()).toEqual(rows);
      expect(await d.db.outbox.count()).toBe(0);
    }
    await repository.close();
  });
});

async function makeServerRowsVia(app: any, enrolled: { deviceId: string; token: string }) {
  const rows: any[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i++) {
    const res = await app.request('/api/v1/sync/pull', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${enrolled.token}` },
      body: JSON.stringify({ protocol: 1, deviceId: enrolled.deviceId, cursor }),
    });
    const json: any = await res.json();
    rows.push(...json.changes);
    cursor = json.cursor;
    if (!json.hasMore) break;
  }
  return rows;
}
