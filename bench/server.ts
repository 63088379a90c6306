/**
 * Server bench (SYNC.md §3, §6), SQLite and PostgreSQL side by side in one run: the real app on
 * loopback HTTP (127.0.0.1, a random port) in a child process, measured as a device sees it.
 * Ingest rate and p50/p95 latency of pushes of 100 notes from one device and from ten devices at
 * once; pull throughput for 10,000 records; the same push and pull again once the database also
 * holds 1,000,000 records across 1,000 providers (seeded directly with SQL); the server's CPU time
 * per push (`process.cpuUsage()` in the server process, steadier than wall time on a shared
 * machine) and, for PostgreSQL, its backends' CPU too (from /proc, the cluster's processes). For
 * SQLite also the disk a device can fill: bytes the database grows by per byte a device sends,
 * for one-field edits of 60 KiB records. PostgreSQL is a throwaway cluster with its durable
 * defaults (test/postgres.mjs), or BENCH_DATABASE_URL (then without backend CPU). BENCH_SEED
 * (1,000,000) sets the seeded records; with them the whole bench takes 45-100 s on a shared 2-core
 * machine (the seeds 5-9 s on SQLite, 9-30 s on PostgreSQL). Bounded loops; no traffic leaves the
 * machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import Database from 'better-sqlite3';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { runAdminCommand } from '../src/server/admin-commands';
import { createApp } from '../src/server/app';
import { createPgRepository } from '../src/server/pg-repository';
import type { Repository } from '../src/server/repository';
import { createSqliteRepository } from '../src/server/sqlite-repository';
// @ts-expect-error -- a plain .mjs module shared with test/run.mjs
import { startCluster } from '../test/postgres.mjs';

const BATCH = 100;
const ONE_DEVICE_PUSHES = 60;
/**
 * Pushes before the first measured one. V8 keeps optimising the push path for the first hundred
 * or so pushes, on background threads that process.cpuUsage() counts: with 5, SQLite's CPU per
 * push on the empty database read 16 ms against 11 ms for the same pushes later (at 1,000,000
 * records); with 150, 7.9 ms.
 */
const WARM_UP_PUSHES = 150;
const TEN_DEVICES = 10;
const TEN_DEVICE_PUSHES_EACH = 12;
const PULL_RECORDS = 10_000;
const SEED_RECORDS = Number(process.env.BENCH_SEED ?? 1_000_000);
const SEED_PROVIDERS = 1_000;
/** As many as on the empty database, so that the two p95 compare like with like. */
const SEEDED_PUSHES = ONE_DEVICE_PUSHES;
const LARGE_RECORDS = 10;
const LARGE_EDIT_ROUNDS = 20;
/** A 60 KiB note: its text plus a field this server does not know (kept, never stripped). */
const LARGE_EXTRA_BYTES = 60 * 1024 - 4000;
const ROLE = 'naptime-bench-server';

interface Device {
  deviceId: string;
  token: string;
}

type Kind = 'sqlite' | 'postgresql';

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

let seq = 0;
function noteBatch(): unknown[] {
  const hlc = `${new Date().toISOString()}-0000-0123456789abcdef`;
  return Array.from({ length: BATCH }, () => ({
    // Ids as devices make them (SYNC.md §1): UUIDv7, time-ordered.
    mutationId: uuidv7(),
    deviceSeq: ++seq,
    table: 'observations',
    op: 'create',
    id: uuidv7(),
    baseVersion: 0,
    hlc,
    schemaVersion: 1,
    createdAt: '2026-11-26T13:05:00-06:00',
    deleted: 0,
    data: {
      childIds: [uuidv7()],
      observedAt: '2026-11-26T13:05:00-06:00',
      text: 'Built a tower of four blocks with her older sister, then counted them out loud: one, two, three, four.',
      area: 'cognition',
      during: 'play',
      with: ['older'],
      nextStep: 'Offer stacking cups of different sizes tomorrow.',
    },
  }));
}

/** In the child process: serves the app on 127.0.0.1 and answers admin commands and CPU reads. */
async function serveInChild(kind: Kind, target: string): Promise<void> {
  const repository: Repository =
    kind === 'sqlite' ? createSqliteRepository(target) : await createPgRepository(target);
  const app = createApp({ repository, clock: { now: () => Date.now() } });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((ok) => (server.listening ? ok() : server.once('listening', () => ok())));
  // Idle keep-alive sockets stay open: the SQLite seed blocks the bench's event loop for longer
  // than Node's 5 s default, so a socket the server closed meanwhile would still look reusable to
  // the client when the seed ends, and the first push after it would fail on a closed socket.
  (server as unknown as { keepAliveTimeout: number }).keepAliveTimeout = 0;
  process.on(
    'message',
    async (msg: { id: number; argv?: string[]; cpu?: boolean; stop?: boolean }) => {
      if (msg.stop) {
        server.close();
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        await repository.close();
        process.send!({ id: msg.id, out: {} }, () => process.exit(0));
        return;
      }
      if (msg.cpu) {
        const c = process.cpuUsage();
        process.send!({ id: msg.id, out: { us: c.user + c.system } });
        return;
      }
      process.send!({ id: msg.id, out: await runAdminCommand(repository, msg.argv!, Date.now()) });
    },
  );
  process.send!({ port: (server.address() as AddressInfo).port });
}

if (process.env.NAPTIME_BENCH_ROLE === ROLE) {
  await serveInChild(process.env.NAPTIME_BENCH_KIND as Kind, process.env.NAPTIME_BENCH_TARGET!);
}

/** CPU time (µs) of every process of the PostgreSQL cluster in `dir` (the postmaster's children). */
function clusterCpuUs(dir: string | null): number {
  if (!dir) return 0;
  const postmaster = Number(
    readFileSync(join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0],
  );
  let ticks = 0;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(d) === postmaster || Number(f[1]) === postmaster)
        ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // The process ended meanwhile.
    }
  }
  return (ticks * 1_000_000) / 100; // USER_HZ is 100 on Linux
}

/** Seeds `n` records across SEED_PROVIDERS scopes straight into the database, with SQL. */
async function seed(kind: Kind, target: string, n: number): Promise<number> {
  const started = performance.now();
  const data = JSON.stringify({
    childIds: ['c1'],
    observedAt: '2026-11-26T13:05:00-06:00',
    text: 'Built a tower of four blocks with her older sister, then counted them out loud.',
    area: 'cognition',
    nextStep: 'Offer stacking cups of different sizes tomorrow.',
  });
  const per = Math.ceil(n / SEED_PROVIDERS);
  const hlc = '2026-11-26T12:00:00.000Z-0000-0123456789abcdef';
  if (kind === 'sqlite') {
    const db = new Database(target);
    db.pragma('busy_timeout = 10000');
    db.transaction(() => {
      db.prepare(
        `WITH RECURSIVE g(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM g WHERE x < ? - 1)
         INSERT INTO records (scope, tbl, id, version, server_seq, hlc, device_id, deleted, schema_version, created_at, updated_at, data, last_status)
         SELECT 'provider:seed-' || (x / ?), 'observations', 'seed-' || x, 1, (x % ?) + 1, ?, 'seed', 0, 1,
           '2026-11-26T13:05:00-06:00', '2026-11-26T19:05:00.000Z', ?, 'applied' FROM g`,
      ).run(n, per, per, hlc, data);
      db.prepare(
        `WITH RECURSIVE g(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM g WHERE x < ? - 1)
         INSERT INTO scope_counters (scope, seq) SELECT 'provider:seed-' || x, ? FROM g`,
      ).run(SEED_PROVIDERS, per);
    }).immediate();
    db.close();
  } else {
    const c = new pg.Client({ connectionString: target });
    await c.connect();
    await c.query(
      `INSERT INTO records (scope, tbl, id, version, server_seq, hlc, device_id, deleted, schema_version, created_at, updated_at, data, last_status)
       SELECT 'provider:seed-' || (x / $2), 'observations', 'seed-' || x, 1, (x % $2) + 1, $3, 'seed', 0, 1,
         '2026-11-26T13:05:00-06:00', '2026-11-26T19:05:00.000Z', $4, 'applied'
       FROM generate_series(0, $1 - 1) x`,
      [n, per, hlc, data],
    );
    await c.query(
      `INSERT INTO scope_counters (scope, seq, hlc) SELECT 'provider:seed-' || x, $2, $3 FROM generate_series(0, $1 - 1) x`,
      [SEED_PROVIDERS, per, hlc],
    );
    await c.query('ANALYZE');
    await c.end();
  }
  return (performance.now() - started) / 1000;
}

/** Runs every phase against one backend's server process. */
async function benchBackend(kind: Kind, target: string, pgDir: string | null) {
  const child: ChildProcess = spawn(process.execPath, [fileURLToPath(import.meta.url)], {
    env: {
      ...process.env,
      NAPTIME_BENCH_ROLE: ROLE,
      NAPTIME_BENCH_KIND: kind,
      NAPTIME_BENCH_TARGET: target,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, (out: Record<string, unknown>) => void>();
  let nextId = 0;
  const port = await new Promise<number>((ok, fail) => {
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`bench server exited with ${code}`)));
    child.on('message', (msg: { port?: number; id?: number; out?: Record<string, unknown> }) => {
      if (msg.port) ok(msg.port);
      else pending.get(msg.id!)?.(msg.out!);
    });
  });
  const call = (message: { argv?: string[]; stop?: boolean; cpu?: boolean }) =>
    new Promise<Record<string, unknown>>((ok) => {
      const id = ++nextId;
      pending.set(id, ok);
      child.send({ id, ...message });
    });
  const adminCommand = (argv: string[]) => call({ argv });
  /** Server process CPU and cluster CPU, in µs. */
  const cpu = async () => ({
    server: (await call({ cpu: true })).us as number,
    backend: clusterCpuUs(pgDir),
  });
  const base = `http://127.0.0.1:${port}`;
  async function post(path: string, body: unknown, token?: string): Promise<any> {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    const json = await res.json();
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  async function enrollDevices(providerId: string, n: number): Promise<Device[]> {
    const out: Device[] = [];
    for (let i = 0; i < n; i++) {
      const { code } = (await adminCommand(['enroll-code', '--provider', providerId])) as {
        code: string;
      };
      const r = await post('/api/v1/devices/enroll', { code, deviceName: `bench ${i}` });
      out.push({ deviceId: r.deviceId, token: r.deviceToken });
    }
    return out;
  }

  async function timedPush(d: Device): Promise<number> {
    const body = { protocol: 1, deviceId: d.deviceId, clientHlc: null, mutations: noteBatch() };
    const started = performance.now();
    const r = await post('/api/v1/sync/push', body, d.token);
    const ms = performance.now() - started;
    if (r.results.some((x: { status: string }) => x.status !== 'applied'))
      throw new Error('a bench mutation was not applied');
    return ms;
  }

  /** The database's size on disk after folding the WAL back into it. */
  function diskBytes(): number {
    const db = new Database(target);
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
      const pages = db.pragma('page_count', { simple: true }) as number;
      return pages * (db.pragma('page_size', { simple: true }) as number);
    } finally {
      db.close();
    }
  }

  /** One-field edits of 60 KiB records from one device: disk growth per byte received. */
  async function largeRecordEdits(agency: string) {
    const p = (await adminCommand(['create-provider', '--agency', agency, '--name', 'Large'])) as {
      providerId: string;
    };
    const [d] = await enrollDevices(p.providerId, 1);
    const hlc = () => `${new Date().toISOString()}-0000-0123456789abcdef`;
    const ids = Array.from({ length: LARGE_RECORDS }, () => uuidv7());
    const versions = new Map<string, number>();
    await post(
      '/api/v1/sync/push',
      {
        protocol: 1,
        deviceId: d!.deviceId,
        clientHlc: null,
        mutations: ids.map((id) => ({
          mutationId: uuidv7(),
          table: 'observations',
          op: 'create',
          id,
          baseVersion: 0,
          hlc: hlc(),
          schemaVersion: 1,
          createdAt: '2026-11-26T13:05:00-06:00',
          deleted: 0,
          data: {
            childIds: [uuidv7()],
            observedAt: '2026-11-26T13:05:00-06:00',
            text: 'n'.repeat(4000),
            sketch: 's'.repeat(LARGE_EXTRA_BYTES),
          },
        })),
      },
      d!.token,
    ).then((r) =>
      r.results.forEach((x: { version: number }, i: number) => versions.set(ids[i]!, x.version)),
    );
    const before = diskBytes();
    let received = 0;
    for (let round = 0; round < LARGE_EDIT_ROUNDS; round++) {
      for (const id of ids) {
        const body = JSON.stringify({
          protocol: 1,
          deviceId: d!.deviceId,
          clientHlc: null,
          mutations: [
            {
              mutationId: uuidv7(),
              deviceSeq: round,
              table: 'observations',
              op: 'update',
              id,
              baseVersion: versions.get(id),
              hlc: hlc(),
              schemaVersion: 1,
              data: { nextStep: `Round ${round}` },
            },
          ],
        });
        received += Buffer.byteLength(body);
        const r = await post('/api/v1/sync/push', JSON.parse(body), d!.token);
        if (r.results[0].status !== 'applied')
          throw new Error(`a large edit was ${r.results[0].status}`);
        versions.set(id, r.results[0].version);
      }
    }
    const grown = diskBytes() - before;
    return { edits: LARGE_RECORDS * LARGE_EDIT_ROUNDS, received, grown };
  }

  const out: Record<string, number> = {};
  const put = (name: string, value: number) => (out[`server.${kind}.${name}`] = value);
  try {
    const agency = 'Bench Agency';
    const one = (await adminCommand(['create-provider', '--agency', agency, '--name', 'One'])) as {
      providerId: string;
    };
    const [solo] = await enrollDevices(one.providerId, 1);
    for (let i = 0; i < WARM_UP_PUSHES; i++) await timedPush(solo!);

    /** `pushes` pushes of 100 from one device: throughput, latency, CPU per push. */
    async function soloRun(prefix: string, pushes: number) {
      const latencies: number[] = [];
      const cpu0 = await cpu();
      const t0 = performance.now();
      for (let i = 0; i < pushes; i++) latencies.push(await timedPush(solo!));
      const seconds = (performance.now() - t0) / 1000;
      const cpu1 = await cpu();
      latencies.sort((a, b) => a - b);
      put(`${prefix}.mutationsPerSec`, Math.round((pushes * BATCH) / seconds));
      put(`${prefix}.p50Ms`, round(percentile(latencies, 50)));
      put(`${prefix}.p95Ms`, round(percentile(latencies, 95)));
      // The CPU read itself is one IPC message: negligible against a push.
      put(`${prefix}.serverCpuMsPerPush`, round((cpu1.server - cpu0.server) / 1000 / pushes, 2));
      if (pgDir)
        put(
          `${prefix}.backendCpuMsPerPush`,
          round((cpu1.backend - cpu0.backend) / 1000 / pushes, 2),
        );
    }
    await soloRun('push100.oneDevice', ONE_DEVICE_PUSHES);

    // Ten devices at once, each of its own provider (as ten homes syncing at the same moment).
    const many: Device[] = [];
    for (let i = 0; i < TEN_DEVICES; i++) {
      const p = (await adminCommand([
        'create-provider',
        '--agency',
        agency,
        '--name',
        `P${i}`,
      ])) as { providerId: string };
      many.push(...(await enrollDevices(p.providerId, 1)));
    }
    const manyLatencies: number[] = [];
    const manyStart = performance.now();
    await Promise.all(
      many.map(async (d) => {
        for (let i = 0; i < TEN_DEVICE_PUSHES_EACH; i++) manyLatencies.push(await timedPush(d));
      }),
    );
    const manySeconds = (performance.now() - manyStart) / 1000;
    manyLatencies.sort((a, b) => a - b);
    put(
      'push100.tenDevices.mutationsPerSec',
      Math.round((TEN_DEVICES * TEN_DEVICE_PUSHES_EACH * BATCH) / manySeconds),
    );
    put('push100.tenDevices.p50Ms', round(percentile(manyLatencies, 50)));
    put('push100.tenDevices.p95Ms', round(percentile(manyLatencies, 95)));

    // Pull: a provider with 10,000 records, read by a second device from the start.
    const big = (await adminCommand(['create-provider', '--agency', agency, '--name', 'Big'])) as {
      providerId: string;
    };
    const [writer, reader] = await enrollDevices(big.providerId, 2);
    for (let i = 0; i < PULL_RECORDS / BATCH; i++) await timedPush(writer!);
    async function pullAll(prefix: string) {
      let cursor: string | null = null;
      let rows = 0;
      const t0 = performance.now();
      for (let i = 0; i < 1000; i++) {
        const page: any = await post(
          '/api/v1/sync/pull',
          { protocol: 1, deviceId: reader!.deviceId, cursor, limit: 1000 },
          reader!.token,
        );
        rows += page.changes.length;
        cursor = page.cursor;
        if (!page.hasMore) break;
      }
      const seconds = (performance.now() - t0) / 1000;
      if (rows !== PULL_RECORDS) throw new Error(`pulled ${rows} rows, expected ${PULL_RECORDS}`);
      put(`${prefix}.rowsPerSec`, Math.round(rows / seconds));
      put(`${prefix}.totalMs`, round(seconds * 1000));
    }
    await pullAll('pull10k');

    if (kind === 'sqlite') {
      const large = await largeRecordEdits(agency);
      put('largeEdits.edits', large.edits);
      put('largeEdits.diskBytesPerByteReceived', round(large.grown / large.received));
    }

    if (SEED_RECORDS > 0) {
      put('seeded.records', SEED_RECORDS);
      put('seeded.seedSeconds', round(await seed(kind, target, SEED_RECORDS)));
      for (let i = 0; i < 5; i++) await timedPush(solo!); // the seeded database's pages into cache
      await soloRun('seeded.push100.oneDevice', SEEDED_PUSHES);
      for (const p of ['p50Ms', 'p95Ms'])
        put(
          `seeded.push100.${p.slice(0, 3)}VsEmpty`,
          round(
            out[`server.${kind}.seeded.push100.oneDevice.${p}`]! /
              out[`server.${kind}.push100.oneDevice.${p}`]!,
            2,
          ),
        );
      await pullAll('seeded.pull10k');
    }
    return out;
  } finally {
    await Promise.race([call({ stop: true }), new Promise((ok) => setTimeout(ok, 5000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

/** Runs the bench on both backends and returns flat figures (and prints them side by side). */
export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'naptime-bench-server-'));
  let cluster: { url: string; dir: string; stop(): void } | null = null;
  try {
    const sqlite = await benchBackend('sqlite', join(dir, 'naptime.sqlite'), null);
    let pgUrl = process.env.BENCH_DATABASE_URL ?? '';
    if (!pgUrl) {
      cluster = startCluster({ durable: true }) as { url: string; dir: string; stop(): void };
      pgUrl = cluster.url;
    }
    const postgres = await benchBackend('postgresql', pgUrl, cluster?.dir ?? null);
    const names = Object.keys(sqlite).map((k) => k.replace('server.sqlite.', ''));
    for (const k of Object.keys(postgres))
      if (!names.includes(k.replace('server.postgresql.', '')))
        names.push(k.replace('server.postgresql.', ''));
    console.log(`\n${'figure'.padEnd(46)}${'SQLite'.padStart(12)}${'PostgreSQL'.padStart(12)}`);
    for (const n of names)
      console.log(
        `${n.padEnd(46)}${String(sqlite[`server.sqlite.${n}`] ?? '').padStart(12)}${String(postgres[`server.postgresql.${n}`] ?? '').padStart(12)}`,
      );
    return { ...sqlite, ...postgres };
  } finally {
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
