/**
 * Durability under `kill -9` (SYNC.md §3 step 6: an acknowledgement means durable; §11 invariants 1
 * and 2). The real server (main.ts bundled with esbuild, as `npm start` runs it) in a child process on
 * a file database in a temporary DATA_DIR; three devices push creates and edits of their own notes
 * as fast as they can while the process is killed with SIGKILL at a random moment, cycle after cycle.
 * Like a device, each keeps an unanswered request and re-sends it byte for byte after the restart.
 * At the end every acknowledged mutation is stored exactly once, every acknowledged record is there at
 * least at its acknowledged version, and replaying an answered request gives `duplicate` results.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bundleServer,
  nextPushBody,
  runAdmin,
  startServerProcess,
  type ServerBundle,
} from '../../src/server/test-process';

const CYCLES = 6;
const DEVICES = 3;
let bundle: ServerBundle;
let dataDir: string;

beforeAll(async () => {
  bundle = await bundleServer('kill9-test');
  dataDir = mkdtempSync(join(tmpdir(), 'naptime-kill9-'));
}, 60_000);
afterAll(() => {
  bundle.remove();
  rmSync(dataDir, { recursive: true, force: true });
});

// Generous budgets: this test pushes far faster than any tablet.
const env = () => ({
  ...process.env,
  // This test's own SQLite in DATA_DIR, never a database of the environment.
  DATABASE_URL: '',
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: join(dataDir, 'data'),
  STATIC_DIR: dataDir,
  PUSH_BUDGET_REQUESTS_PER_MINUTE: '1000000',
});

const startServer = () => startServerProcess(bundle, env());

function admin(...args: string[]): any {
  const r = runAdmin(bundle, env(), args);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

interface Device {
  deviceId: string;
  token: string;
  /** The request sent but never answered: re-sent byte for byte first (SYNC.md §2). */
  unanswered: string | null;
  /** Acknowledged versions by record id, and every acknowledged mutationId. */
  versions: Map<string, number>;
  acked: Map<string, { id: string; version: number }>;
  answered: { body: string; results: any[] }[];
  seq: number;
}

/** Sends the device's next request (its unanswered one first); false when no answer came. */
async function sendOnce(url: string, d: Device): Promise<boolean> {
  const body = d.unanswered ?? nextPushBody(d);
  d.unanswered = body;
  let res: Response;
  let json: any;
  try {
    res = await fetch(`${url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${d.token}` },
      body,
    });
    json = await res.json();
  } catch {
    return false; // killed before or while answering: the request stays unanswered
  }
  expect(res.status, JSON.stringify(json)).toBe(200);
  d.unanswered = null;
  d.answered.push({ body, results: json.results });
  for (const r of json.results) {
    const result = r.status === 'duplicate' ? r.original : r;
    expect(result.status).toBe('applied');
    const m = JSON.parse(body).mutations.find((x: any) => x.mutationId === r.mutationId);
    d.acked.set(r.mutationId, { id: m.id, version: result.version });
    d.versions.set(m.id, Math.max(d.versions.get(m.id) ?? 0, result.version));
  }
  return true;
}

/** Pushes until the server is killed (a failure before that, e.g. a closed keep-alive socket, is retried). */
async function pushLoop(url: string, d: Device, state: { killed: boolean }): Promise<void> {
  while (!state.killed) await sendOnce(url, d);
}

async function postJson(url: string, body: unknown): Promise<any> {
  for (let i = 0; ; i++) {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return await res.json();
    } catch (err) {
      if (i >= 3) throw err;
    }
  }
}

describe('kill -9 during pushes from several devices', () => {
  it(`stores every acknowledged mutation exactly once across ${CYCLES} SIGKILL cycles`, async () => {
    const { providerId } = admin(
      'create-provider',
      '--agency',
      'Kill Agency',
      '--name',
      'Provider',
    );
    let server = await startServer();
    const devices: Device[] = [];
    for (let i = 0; i < DEVICES; i++) {
      const { code } = admin('enroll-code', '--provider', providerId);
      const json = await postJson(`${server.url}/api/v1/devices/enroll`, {
        code,
        deviceName: `tablet ${i}`,
      });
      devices.push({
        deviceId: json.deviceId,
        token: json.deviceToken,
        unanswered: null,
        versions: new Map(),
        acked: new Map(),
        answered: [],
        seq: 0,
      });
    }
    const cycles: { acked: number; unansweredAtKill: number }[] = [];
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const state = { killed: false };
      const loops = devices.map((d) => pushLoop(server.url, d, state));
      await new Promise((r) => setTimeout(r, 250 + Math.random() * 500));
      state.killed = true;
      server.child.kill('SIGKILL');
      await server.exited;
      await Promise.all(loops);
      cycles.push({
        acked: devices.reduce((n, d) => n + d.acked.size, 0),
        unansweredAtKill: devices.filter((d) => d.unanswered).length,
      });
      server = await startServer();
    }
    // Faults stop: each device sends what it still holds until answered.
    await Promise.all(
      devices.map(async (d) => {
        for (let i = 0; d.unanswered && i < 10; i++) await sendOnce(server.url, d);
        expect(d.unanswered).toBeNull();
      }),
    );
    // A replay of answered requests is all duplicates of the first answers.
    for (const d of devices) {
      const { body, results } = d.answered[Math.floor(d.answered.length / 2)]!;
      const res = await fetch(`${server.url}/api/v1/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${d.token}` },
        body,
      });
      const json: any = await res.json();
      expect(json.results).toEqual(
        results.map((r) =>
          r.status === 'duplicate'
            ? r
            : { mutationId: r.mutationId, status: 'duplicate', original: r },
        ),
      );
    }
    server.child.kill('SIGKILL');
    await server.exited;

    const db = new Database(join(dataDir, 'data', 'naptime.sqlite'), { readonly: true });
    const logged = new Map<string, number>();
    for (const r of db.prepare('SELECT mutation_id FROM mutations').all() as {
      mutation_id: string;
    }[]) {
      logged.set(r.mutation_id, (logged.get(r.mutation_id) ?? 0) + 1);
    }
    const records = new Map(
      (
        db.prepare('SELECT id, version FROM records').all() as { id: string; version: number }[]
      ).map((r) => [r.id, r.version]),
    );
    const recordRows = (db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;
    db.close();
    let acked = 0;
    const created = new Set<string>();
    for (const d of devices) {
      for (const [mutationId, { id, version }] of d.acked) {
        acked += 1;
        expect(logged.get(mutationId), mutationId).toBe(1);
        expect(records.get(id)! >= version, id).toBe(true);
        created.add(id);
      }
    }
    expect([...logged.values()].every((n) => n === 1)).toBe(true);
    expect(recordRows).toBe(created.size);
    expect(cycles.length).toBe(CYCLES);
    console.log(
      `kill -9: ${CYCLES} cycles, ${acked} acknowledged mutations, ${created.size} records, ` +
        `cumulative acknowledged per cycle ${cycles.map((c) => c.acked).join('/')}, ` +
        `devices with a request in flight at each kill ${cycles.map((c) => c.unansweredAtKill).join('/')}; lost 0, duplicated 0`,
    );
  }, 90_000);
});
