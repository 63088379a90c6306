/**
 * A collaborative roll-up never stalls another provider (SYNC.md §17): on a SQLite file, the roll-up
 * reads on its own read connection a chunk of providers at a time, handing the event loop back in
 * between, so a push that arrives while it runs completes first (the order of completion, never a
 * timing). The roll-up still answers from one snapshot: the pushing provider, read in its last
 * chunk, is counted with the choice she had when it began; the next roll-up sees her new one. Its
 * history rows are written only onto the history its snapshot read (another process's in between:
 * SQLITE_BUSY_SNAPSHOT, a 503 the device retries).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteRepository } from './sqlite-repository';
import { hlcAt, makeServer, T0, update, type TestServer } from './test-support';
import { VIEW_CHUNK } from './staff-reads';

/** The four weeks of the roll-up's axis at T0 (2026-11-26, in 2026-W48). */
const AXIS = ['2026-W44', '2026-W45', '2026-W46', '2026-W47'];
const BULK = 12 * VIEW_CHUNK;

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

/** `BULK` sharing providers of Acorn with a check-in every week, written straight into the file. */
function seed(file: string, agencyId: string): void {
  const db = new Database(file);
  const when = '2026-10-01T09:00:00-06:00';
  const insert = db.prepare(
    `INSERT INTO records (scope, tbl, id, version, server_seq, hlc, device_id, deleted, schema_version,
       created_at, updated_at, data, last_status) VALUES (?, ?, ?, 1, ?, ?, 'd', 0, 1, ?, ?, ?, 'applied')`,
  );
  db.transaction(() => {
    for (let p = 0; p < BULK; p++) {
      const id = `bulk-${p}`;
      db.prepare('INSERT INTO providers (id, agency_id, name, created_at) VALUES (?, ?, ?, ?)').run(
        id,
        agencyId,
        `Bulk ${p}`,
        when,
      );
      const scope = `provider:${id}`;
      let seq = 0;
      const add = (tbl: string, rid: string, data: unknown) =>
        insert.run(scope, tbl, rid, ++seq, hlcAt(T0), when, when, JSON.stringify(data));
      add('sharing', 'sharing', { level: 'numbers', firstUseAt: '2026-10-01' });
      for (const week of AXIS) add('checkins', `checkin-${week}`, { week, p1: 2, p6: 2 });
      db.prepare('INSERT INTO scope_counters (scope, seq) VALUES (?, ?)').run(scope, seq);
    }
  })();
  db.close();
}

async function rollup(server: TestServer, token: string) {
  const res = await server.app.request(
    '/api/v1/staff/rollups?group=collaborative&grain=week&weeks=4',
    {
      headers: { authorization: `Bearer ${token}` },
    },
  );
  expect(res.status).toBe(200);
  return (await res.json()) as { providers: { of: number } };
}

describe('a collaborative roll-up on a SQLite file', () => {
  it("lets another provider's push complete while it runs, and answers from one snapshot", async () => {
    dir = mkdtempSync(join(tmpdir(), 'naptime-nonblocking-'));
    const file = join(dir, 'naptime.sqlite');
    const server = makeServer({ file });
    try {
      const collab = await server.enrollStaff((await server.createStaff('collaborative')).staffId);
      const { agencyId } = await server.createProvider('Acorn', 'Bulk seed');
      seed(file, agencyId);
      const ana = await server.enroll((await server.createProvider('Acorn', 'Ana')).providerId);
      const created = await server.push(ana, [
        {
          ...update('sharing', 'sharing', 0, { level: 'numbers', firstUseAt: '2026-10-01' }),
          op: 'create',
          createdAt: '2026-10-01T09:00:00-06:00',
          deleted: 0,
        },
      ]);
      expect(created.json.results[0].status).toBe('applied');
      expect((await rollup(server, collab.token)).providers.of).toBe(BULK + 1);

      const done: string[] = [];
      const big = rollup(server, collab.token).then((a) => {
        done.push('rollup');
        return a;
      });
      // Ana stops sharing while the roll-up reads.
      const push = server
        .push(ana, [update('sharing', 'sharing', 1, { level: 'nothing' }, { hlc: hlcAt(T0 + 1) })])
        .then((r) => {
          done.push('push');
          return r;
        });
      const [answer, pushed] = await Promise.all([big, push]);
      expect(pushed.status).toBe(200);
      expect(pushed.json.results[0].status).toBe('applied');
      expect(done).toEqual(['push', 'rollup']);
      // Its snapshot was taken before her push: she is still counted, as she shared then.
      expect(answer.providers.of).toBe(BULK + 1);
      // The next one reads her new choice (her cached view is not used once her scope moved on).
      expect((await rollup(server, collab.token)).providers.of).toBe(BULK);
    } finally {
      await server.repository.close();
    }
  });

  it("refuses to add to a viewer's history that another process changed since its snapshot", async () => {
    dir = mkdtempSync(join(tmpdir(), 'naptime-nonblocking-'));
    const file = join(dir, 'naptime.sqlite');
    const server = makeServer({ file });
    const other = createSqliteRepository(file); // another server process on the same file
    try {
      const { staffId } = await server.createStaff('collaborative');
      const part = (key: string) => ({ key, hash: `h-${key}`, parts: [`p@${key}`] });
      const size = () =>
        server.repository.staffRead(
          staffId,
          async (tx) => (await tx.shownHashes(staffId, ['k1', 'k2', 'k3'])).size,
        );
      await server.repository.staffRead(staffId, (tx) => tx.addShownParts(staffId, [part('k1')]));
      expect(await size()).toBe(1);
      const late = server.repository.staffRead(staffId, async (tx) => {
        await tx.shownHashes(staffId, ['k1']);
        await other.staffRead(staffId, (o) => o.addShownParts(staffId, [part('k2')]));
        await tx.addShownParts(staffId, [part('k3')]);
      });
      await expect(late).rejects.toMatchObject({ code: 'SQLITE_BUSY_SNAPSHOT' });
      // Nothing of the refused answer was written; the other process's row was.
      expect(await size()).toBe(2);
    } finally {
      await other.close();
      await server.repository.close();
    }
  });
});
