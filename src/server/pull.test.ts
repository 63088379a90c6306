import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { PullResponseSchema } from '../domain/sync-messages';
import { encodeCursor } from './cursor';
import { processPush } from './push';
import { ServerClock } from './server-clock';
import { openDatabase } from './sqlite-db';
import { SqlitePushStatements } from './sqlite-push-store';
import { backends } from './test-backends';
import { checkinCreate, hlcAt, makeServer, noteCreate, T0, update } from './test-support';

const BACKENDS = backends();

const dirs: string[] = [];
function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'naptime-pull-'));
  dirs.push(dir);
  return join(dir, 'naptime.sqlite');
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe.each(BACKENDS)('on $name', (backend) => {
  const makeServer = backend.server;

  async function setup() {
    const s = await makeServer();
    const p = await s.createProvider();
    const a = await s.enroll(p.providerId, 'phone');
    const b = await s.enroll(p.providerId, 'tablet');
    return { s, a, b, p };
  }

  describe('POST /api/v1/sync/pull', () => {
    it('pages in serverSeq order with hasMore, and the last page says no more', async () => {
      const { s, a, b } = await setup();
      const notes = Array.from({ length: 25 }, () => noteCreate());
      await s.push(a, notes);
      const first = await s.pull(b, null, 10);
      expect(first.status).toBe(200);
      expect(PullResponseSchema.safeParse(first.json).success).toBe(true);
      expect(first.json.changes).toHaveLength(10);
      expect(first.json.hasMore).toBe(true);
      const { rows } = await s.pullAll(b, first.json.cursor, 10);
      const all = [...first.json.changes, ...rows];
      expect(all.map((r: any) => r.serverSeq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
      expect(all.map((r: any) => r.id)).toEqual(notes.map((n) => n.id));
      const empty = await s.pull(b, (await s.pullAll(b)).cursor);
      expect(empty.json).toMatchObject({ changes: [], hasMore: false });
    });

    it('gzips a page for a client that accepts it', async () => {
      const { s, a } = await setup();
      await s.push(
        a,
        Array.from({ length: 20 }, () => noteCreate()),
      );
      const res = await s.app.request('/api/v1/sync/pull', {
        method: 'POST',
        headers: {
          authorization: `Bearer ${a.token}`,
          'content-type': 'application/json',
          'accept-encoding': 'gzip, deflate',
        },
        body: JSON.stringify({ protocol: 1, deviceId: a.deviceId, cursor: null }),
      });
      expect(res.headers.get('content-encoding')).toBe('gzip');
      const page = JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8'));
      expect(page.changes).toHaveLength(20);
    });

    it('clamps the limit to 1..1000 and ignores a limit of the wrong type', async () => {
      const { s, a } = await setup();
      await s.push(
        a,
        Array.from({ length: 3 }, () => noteCreate()),
      );
      expect((await s.pull(a, null, -5)).json.changes).toHaveLength(1);
      const odd = await s.request(
        '/api/v1/sync/pull',
        { protocol: 1, deviceId: a.deviceId, cursor: null, limit: 'lots' },
        { token: a.token },
      );
      expect(odd.json.changes).toHaveLength(3);
    });

    it('clamps a limit that is not finite or out of range (1e999, -1e999) instead of answering 400', async () => {
      const { s, a } = await setup();
      await s.push(
        a,
        Array.from({ length: 3 }, () => noteCreate()),
      );
      const raw = (limit: string) =>
        s.request(
          '/api/v1/sync/pull',
          `{"protocol":1,"deviceId":"${a.deviceId}","cursor":null,"limit":${limit}}`,
          { token: a.token },
        );
      expect((await raw('1e999')).json.changes).toHaveLength(3);
      expect((await raw('-1e999')).json.changes).toHaveLength(1);
      expect((await raw('2.7')).json.changes).toHaveLength(2);
      expect((await raw('null')).json.changes).toHaveLength(3);
      expect((await raw('{"n":1}')).status).toBe(200);
    });

    it('sends one row per record, its current state, never its history', async () => {
      const { s, a, b } = await setup();
      const m = noteCreate();
      await s.push(a, [m]);
      for (let v = 1; v <= 4; v++)
        await s.push(a, [update('observations', m.id, v, { text: `edit ${v}` })]);
      const { rows } = await s.pullAll(b);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        id: m.id,
        version: 5,
        serverSeq: 5,
        data: { text: 'edit 4' },
      });
    });

    it('skips rows the caller itself applied, but not merged rows, conflicts, or a first pull', async () => {
      const { s, a, b } = await setup();
      const { cursor: aCursor } = await s.pullAll(a);
      const { cursor: bCursor } = await s.pullAll(b);
      const mine = noteCreate();
      await s.push(a, [mine]);
      expect((await s.pull(a, aCursor)).json.changes).toEqual([]);
      expect((await s.pull(b, bCursor)).json.changes.map((r: any) => r.id)).toEqual([mine.id]);
      expect((await s.pull(a, null)).json.changes.map((r: any) => r.id)).toEqual([mine.id]);

      const c = checkinCreate('2026-W05', { p1: 3, p4: 2, p6: 4 });
      await s.push(b, [c]);
      await s.push(b, [update('checkins', c.id, 1, { p6: 2 })]);
      const { cursor: before } = await s.pullAll(a);
      const r = (
        await s.push(a, [update('checkins', c.id, 1, { p6: 5 }, { hlc: hlcAt(T0 + 5000) })])
      ).json.results[0];
      expect(r.status).toBe('conflict');
      const back = (await s.pull(a, before)).json.changes.map((row: any) => row.table);
      expect(back.sort()).toEqual(['checkins', 'conflicts']);
    });

    it('returns the caller’s own rows on every page of a full pull, then suppresses echoes again', async () => {
      const { s, a } = await setup();
      const mine = Array.from({ length: 7 }, () => noteCreate());
      await s.push(a, mine);
      // A full pull (null cursor, as after a reset) by the device that wrote every row, 3 per page.
      const { rows, cursor } = await s.pullAll(a, null, 3);
      expect(rows.map((r: any) => r.id)).toEqual(mine.map((m) => m.id));
      // The full pull has ended: a new own write is an echo again.
      await s.push(a, [noteCreate()]);
      expect((await s.pull(a, cursor)).json.changes).toEqual([]);
    });

    it('keeps the full-pull flag inside the signature: a forged flag is a reset, an old cursor is not full', async () => {
      const { s, a, p } = await setup();
      await s.push(a, [noteCreate(), noteCreate()]);
      const first = await s.pull(a, null, 1);
      const [body, sig] = first.json.cursor.split('.');
      const fields = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
      expect(fields.f).toBe(1);
      const unflagged = Buffer.from(
        JSON.stringify({ e: fields.e, s: fields.s, q: fields.q }),
      ).toString('base64url');
      expect((await s.pull(a, `${unflagged}.${sig}`)).json).toEqual({ reset: true });
      const secret = await s.repository.cursorSecret();
      const plain = await s.pull(a, encodeCursor(secret, `provider:${p.providerId}`, 1), 10);
      expect(plain.json.changes).toEqual([]);
    });

    it('answers reset after new-epoch, for a forged or foreign cursor, and for a sequence beyond the counter', async () => {
      const { s, a, b, p } = await setup();
      await s.push(a, [noteCreate()]);
      const { cursor } = await s.pullAll(a);
      expect((await s.pull(a, 'not-a-cursor')).json).toEqual({ reset: true });
      expect((await s.pull(a, `${cursor!.split('.')[0]}.AAAA`)).json).toEqual({ reset: true });

      const secret = await s.repository.cursorSecret();
      expect((await s.pull(a, encodeCursor(secret, `provider:${p.providerId}`, 99))).json).toEqual({
        reset: true,
      });
      const other = await s.createProvider('Agency B', 'Provider B');
      expect(
        (await s.pull(a, encodeCursor(secret, `provider:${other.providerId}`, 0))).json,
      ).toEqual({ reset: true });

      const { epoch } = await s.admin('new-epoch');
      expect(epoch).not.toBe(secret.epoch);
      expect((await s.pull(a, cursor)).json).toEqual({ reset: true });
      const full = await s.pullAll(b, null);
      expect(full.rows).toHaveLength(1);
    });

    it('delivers every record exactly at its latest version under random interleavings of pushes and pulls', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.oneof(
              fc.record({
                kind: fc.constant('push' as const),
                device: fc.integer({ min: 0, max: 1 }),
                n: fc.integer({ min: 1, max: 4 }),
                edit: fc.boolean(),
              }),
              fc.record({
                kind: fc.constant('pull' as const),
                limit: fc.integer({ min: 1, max: 3 }),
              }),
            ),
            { maxLength: 20 },
          ),
          async (steps) => {
            const { s, a, b } = await setup();
            const devices = [a, b];
            const reader = await s.enroll(a.providerId, 'reader');
            const seen = new Map<string, number>();
            let cursor: string | null = null;
            const ids: string[] = [];
            const versions = new Map<string, number>();
            for (const step of steps) {
              if (step.kind === 'push') {
                const ms = Array.from({ length: step.n }, (_, i) => {
                  if (step.edit && ids[i])
                    return update('observations', ids[i]!, versions.get(ids[i]!)!, {
                      text: `e${Math.random()}`,
                    });
                  const m = noteCreate();
                  ids.push(m.id);
                  return m;
                });
                const res = await s.push(devices[step.device]!, ms);
                for (const r of res.json.results)
                  if (r.version) versions.set(ms[res.json.results.indexOf(r)]!.id, r.version);
              } else {
                const page = await s.pull(reader, cursor, step.limit);
                for (const row of page.json.changes) seen.set(row.id, row.version);
                cursor = page.json.cursor;
              }
            }
            const rest = await s.pullAll(reader, cursor);
            for (const row of rest.rows) seen.set(row.id, row.version);
            expect(new Map([...seen].sort())).toEqual(new Map([...versions].sort()));
            await s.repository.close();
          },
        ),
        { numRuns: 30 },
      );
    });
  });
});

// SQLite only: these reach into the SQLite file itself, or cap its size (a PostgreSQL quota is the
// database's own business).
describe('SQLite only', () => {
  async function setup(file: string) {
    const s = makeServer({ file });
    const p = await s.createProvider();
    const a = await s.enroll(p.providerId, 'phone');
    const b = await s.enroll(p.providerId, 'tablet');
    return { s, a, b, p };
  }

  it('keeps a cursor valid across a restart, and everything stored', async () => {
    const file = tempDb();
    const first = await setup(file);
    await first.s.push(
      first.a,
      Array.from({ length: 5 }, () => noteCreate()),
    );
    const { cursor, rows } = await first.s.pullAll(first.b);
    const dumpBefore = await first.s.repository.dump();
    await first.s.repository.close();

    const again = makeServer({ file });
    expect(await again.repository.dump()).toEqual(dumpBefore);
    const pushed = await again.push(first.a, [noteCreate()]);
    expect(pushed.json.results[0]).toMatchObject({ status: 'applied', serverSeq: 6 });
    const next = await again.pull(first.b, cursor);
    expect(next.status).toBe(200);
    expect(next.json.changes.map((r: any) => r.serverSeq)).toEqual([6]);
    expect(rows).toHaveLength(5);
    // The server clock starts above every stored HLC after a restart.
    expect(pushed.json.serverHlc >= pushed.json.results[0].hlc).toBe(true);
    await again.repository.close();
  });

  it('starts a scope’s clock after a restart from its high-water mark in meta, without scanning records', async () => {
    const file = tempDb();
    const first = await setup(file);
    const ahead = hlcAt(T0 + 5 * 60 * 1000, 'dddddddddddddddd');
    await first.s.push(first.a, [noteCreate({ hlc: ahead })]);
    const meta = (await first.s.repository.dump()).meta as { key: string; value: string }[];
    expect(meta.find((m) => m.key === `hlc:provider:${first.p.providerId}`)?.value).toBe(ahead);
    await first.s.repository.close();
    // Only the meta row knows a later HLC: the restarted clock follows it, so it read meta.
    const { default: Database } = await import('better-sqlite3');
    const raw = new Database(file);
    const later = hlcAt(T0 + 8 * 60 * 1000, 'dddddddddddddddd');
    raw
      .prepare('UPDATE meta SET value = ? WHERE key = ?')
      .run(later, `hlc:provider:${first.p.providerId}`);
    raw.close();
    const again = makeServer({ file });
    const res = await again.pull(first.b);
    expect(res.json.serverHlc > later).toBe(true);
    await again.repository.close();
  });

  it('never lets the cursor skip a row when two pushes commit around a pull (invariant 4)', async () => {
    const file = tempDb();
    const { s, a, b } = await setup(file);
    await s.push(a, [noteCreate(), noteCreate()]);

    // A second connection (another process) holds its write transaction open across a pull.
    const other = openDatabase(file);
    const statements = new SqlitePushStatements(other);
    const clock = new ServerClock('cccccccccccccccc', () => T0);
    other.exec('BEGIN IMMEDIATE');
    const store = statements.forScope(`provider:${a.providerId}`, a.deviceId, T0);
    const late = [noteCreate(), noteCreate()];
    const out = await processPush(store, {
      deviceId: a.deviceId,
      scopeKind: 'provider',
      role: null,
      mutations: late,
      now: T0,
      clock,
    });
    store.finish();
    expect(out.results.map((r) => r.status)).toEqual(['applied', 'applied']);

    const during = await s.pullAll(b);
    expect(during.rows.map((r: any) => r.serverSeq)).toEqual([1, 2]);
    other.exec('COMMIT');
    other.close();

    await s.push(a, [noteCreate()]);
    const after = await s.pullAll(b, during.cursor);
    expect(after.rows.map((r: any) => r.serverSeq)).toEqual([3, 4, 5]);
    await s.repository.close();
  });
});
