/**
 * Two server processes on one PostgreSQL (README "Several processes"): the real server (main.ts
 * bundled with esbuild, as `npm start` runs it) twice, with the same DATABASE_URL, on a database
 * of its own. Ten devices push creates and edits to either process at random while a reader pulls
 * small pages from either: nothing lost, nothing doubled, no row skipped by a cursor (SYNC.md §11
 * invariants 1, 2 and 4). The per-device push budget and the per-IP enrollment limit are counted
 * once across both. Then one process is killed with SIGKILL in the middle of pushes: the devices
 * re-send their unanswered requests byte for byte to the other, which carries on, and every
 * acknowledged mutation is stored exactly once.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdminCommand } from '../../src/server/admin-commands';
import { createPgRepository } from '../../src/server/pg-repository';
import { testDatabaseUrl, withDatabase } from '../../src/server/test-backends';
import {
  bundleServer,
  nextPushBody,
  runAdmin,
  startServerProcess,
  type ServerBundle,
  type ServerProcess,
} from '../../src/server/test-process';

let bundle: ServerBundle;
const dbName = `naptime_two_${process.pid}`;
const BUDGET = 40;
let dbUrl = '';
let dir = '';
const children: ChildProcess[] = [];

beforeAll(async () => {
  bundle = await bundleServer('two-test');
  dir = mkdtempSync(join(tmpdir(), 'naptime-two-'));
  const admin = new pg.Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  dbUrl = withDatabase(testDatabaseUrl(), dbName);
}, 60_000);
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  bundle.remove();
  rmSync(dir, { recursive: true, force: true });
  const admin = new pg.Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
}, 60_000);

const env = () => ({
  ...process.env,
  DATABASE_URL: dbUrl,
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: join(dir, 'unused'),
  STATIC_DIR: dir,
  PUSH_BUDGET_REQUESTS_PER_MINUTE: String(BUDGET),
});

async function startServer(): Promise<ServerProcess> {
  const server = await startServerProcess(bundle, env());
  children.push(server.child);
  server.child.on('exit', (code, signal) => {
    if (signal !== 'SIGKILL') console.error(`server exited (${code}): ${server.stderr()}`);
  });
  return server;
}

function admin(...args: string[]): any {
  const r = runAdmin(bundle, env(), args);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

async function post(url: string, path: string, body: string, token?: string) {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body,
  });
  return { status: res.status, json: (await res.json()) as any };
}

interface Device {
  deviceId: string;
  token: string;
  versions: Map<string, number>;
  acked: Map<string, { id: string; version: number }>;
  seq: number;
}

function learn(d: Device, body: string, results: any[]): void {
  const sent = JSON.parse(body).mutations as { mutationId: string; id: string }[];
  results.forEach((r, i) => {
    const result = r.status === 'duplicate' ? r.original : r;
    expect(['applied', 'merged'], JSON.stringify(r)).toContain(result.status);
    d.acked.set(sent[i]!.mutationId, { id: sent[i]!.id, version: result.version });
    if ((d.versions.get(sent[i]!.id) ?? 0) < result.version)
      d.versions.set(sent[i]!.id, result.version);
  });
}

async function enroll(url: string, code: string, name: string): Promise<Device> {
  const r = await post(url, '/api/v1/devices/enroll', JSON.stringify({ code, deviceName: name }));
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return {
    deviceId: r.json.deviceId,
    token: r.json.deviceToken,
    versions: new Map(),
    acked: new Map(),
    seq: 0,
  };
}

describe('two server processes on one PostgreSQL', () => {
  it('lose nothing, double nothing, skip no row, count limits once, and survive kill -9 of one', async () => {
    const [a, b] = await Promise.all([startServer(), startServer()]);
    const urls = [a.url, b.url];
    const pick = () => urls[Math.floor(Math.random() * urls.length)]!;
    const { providerId } = admin('create-provider', '--agency', 'Two', '--name', 'Ana');
    // Codes first: an admin command takes seconds here, longer than a kept-alive socket waits.
    // One from the command itself, the rest from the same command run in this process.
    const codes = [admin('enroll-code', '--provider', providerId).code as string];
    const repo = await createPgRepository(dbUrl);
    for (let i = 0; i < 10; i++)
      codes.push(
        (await runAdminCommand(repo, ['enroll-code', '--provider', providerId], Date.now()))
          .code as string,
      );
    await repo.close();
    const devices: Device[] = [];
    for (let i = 0; i < 10; i++) devices.push(await enroll(urls[i % 2]!, codes[i]!, `t${i}`));
    const reader = await enroll(b.url, codes[10]!, 'reader');

    // Phase 1: ten devices push to either process while the reader pulls from either.
    let pushing = true;
    const seen = new Map<string, number>();
    let cursor: string | null = null;
    let lastSeq = 0;
    const pullOnce = async () => {
      const r = await post(
        pick(),
        '/api/v1/sync/pull',
        JSON.stringify({ protocol: 1, deviceId: reader.deviceId, cursor, limit: 7 }),
        reader.token,
      );
      expect(r.status).toBe(200);
      for (const row of r.json.changes) {
        // Rows arrive in serverSeq order, above what the cursor covered.
        expect(row.serverSeq).toBeGreaterThan(lastSeq);
        lastSeq = row.serverSeq;
        if ((seen.get(row.id) ?? 0) < row.version) seen.set(row.id, row.version);
      }
      cursor = r.json.cursor;
      return r.json.hasMore as boolean;
    };
    const readerLoop = (async () => {
      while (pushing) await pullOnce();
    })();
    await Promise.all(
      devices.map(async (d) => {
        for (let i = 0; i < 6; i++) {
          const body = nextPushBody(d);
          const r = await post(pick(), '/api/v1/sync/push', body, d.token);
          expect(r.status, JSON.stringify(r.json)).toBe(200);
          learn(d, body, r.json.results);
        }
      }),
    );
    pushing = false;
    await readerLoop;
    while (await pullOnce());

    const expected = new Map<string, number>();
    for (const d of devices) for (const [id, v] of d.versions) expected.set(id, v);
    expect(new Map([...seen].sort())).toEqual(new Map([...expected].sort()));
    const db = new pg.Client({ connectionString: dbUrl });
    await db.connect();
    const ids = (await db.query('SELECT id FROM records')).rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(expected.size);
    const seqs = (await db.query('SELECT server_seq FROM records ORDER BY server_seq')).rows;
    expect(new Set(seqs.map((r) => r.server_seq)).size).toBe(seqs.length);

    // Phase 2: one device's push budget and one IP's enrollment limit are shared by both.
    // Sent alternately to both: with a budget per process, all of them would pass.
    const spender = devices[0]!;
    const statuses: number[] = [];
    for (let i = 0; i < BUDGET + 2; i++) {
      const body = nextPushBody(spender);
      const r = await post(urls[i % 2]!, '/api/v1/sync/push', body, spender.token);
      statuses.push(r.status);
      if (r.status === 200) learn(spender, body, r.json.results);
    }
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(BUDGET);
    expect(statuses.slice(BUDGET)).toEqual([429, 429]);
    const wrong: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await post(
        urls[i % 2]!,
        '/api/v1/devices/enroll/check',
        JSON.stringify({ code: 'ZZZZ-ZZZZZZ' }),
      );
      wrong.push(r.status);
    }
    expect(wrong).toEqual([...Array(10).fill(403), 429, 429]);

    // Phase 3: kill -9 process A while devices push to both; what A never answered goes to B.
    const survivors = devices.slice(1);
    let killed = false;
    const kill = new Promise<void>((done) =>
      setTimeout(() => {
        a.child.kill('SIGKILL');
        killed = true;
        done();
      }, 150),
    );
    await Promise.all(
      survivors.map(async (d, n) => {
        for (let i = 0; i < 6; i++) {
          const body = nextPushBody(d);
          const target = killed ? b.url : urls[(n + i) % 2]!;
          let r = await post(target, '/api/v1/sync/push', body, d.token).catch(() => null);
          // No answer (A died mid-push): the same bytes again, to the other process.
          if (!r || r.status !== 200) r = await post(b.url, '/api/v1/sync/push', body, d.token);
          expect(r.status, JSON.stringify(r.json)).toBe(200);
          learn(d, body, r.json.results);
        }
      }),
    );
    await kill;
    expect(a.child.signalCode).toBe('SIGKILL');
    for (const d of devices) {
      for (const [mutationId, ack] of d.acked) {
        const logged = await db.query(
          'SELECT count(*)::int AS n FROM mutations WHERE mutation_id = $1',
          [mutationId],
        );
        expect(logged.rows[0].n, mutationId).toBe(1);
        const rec = await db.query('SELECT version FROM records WHERE id = $1', [ack.id]);
        expect(rec.rows[0].version).toBeGreaterThanOrEqual(ack.version);
      }
    }
    await db.end();
  }, 180_000);
});
