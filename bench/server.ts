/**
 * Server bench (SYNC.md §3, §6): the real app on loopback HTTP (127.0.0.1, a random port, a
 * temporary file database), measured as a device sees it. Ingest rate and p50/p95 latency of pushes
 * of 100 notes from one device and from ten devices at once; pull throughput for 10,000 records;
 * and the disk a device can fill: bytes the database grows by per byte a device sends, for
 * one-field edits of 60 KiB records (measured on the database file after a WAL checkpoint, so that
 * it is what stays on disk). Bounded loops; stops by itself; no traffic leaves the machine. The
 * server runs in a worker thread (this same module), so that the bench's own client work does not
 * share the server's event loop, as in production.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { serve } from '@hono/node-server';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { runAdminCommand } from '../src/server/admin-commands';
import { createApp } from '../src/server/app';
import { createSqliteRepository } from '../src/server/sqlite-repository';

const BATCH = 100;
const ONE_DEVICE_PUSHES = 60;
const TEN_DEVICES = 10;
const TEN_DEVICE_PUSHES_EACH = 12;
const PULL_RECORDS = 10_000;
const LARGE_RECORDS = 10;
const LARGE_EDIT_ROUNDS = 20;
/** A 60 KiB note: its text plus a field this server does not know (kept, never stripped). */
const LARGE_EXTRA_BYTES = 60 * 1024 - 4000;

interface Device {
  deviceId: string;
  token: string;
}

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

const WORKER_ROLE = 'naptime-bench-server';

/** In the worker: serves the app on 127.0.0.1 and answers admin commands until told to stop. */
async function serveInWorker(file: string): Promise<void> {
  const repository = createSqliteRepository(file);
  const app = createApp({ repository, clock: { now: () => Date.now() } });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((ok) => (server.listening ? ok() : server.once('listening', () => ok())));
  parentPort!.on('message', async (msg: { id: number; argv?: string[]; stop?: boolean }) => {
    if (msg.stop) {
      server.close();
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      await repository.close();
      parentPort!.postMessage({ id: msg.id, out: {} });
      parentPort!.close();
      return;
    }
    parentPort!.postMessage({
      id: msg.id,
      out: await runAdminCommand(repository, msg.argv!, Date.now()),
    });
  });
  parentPort!.postMessage({ port: (server.address() as AddressInfo).port });
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === WORKER_ROLE) {
  await serveInWorker((workerData as { file: string }).file);
}

/** Runs the bench and returns flat figures. */
export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'naptime-bench-server-'));
  const worker = new Worker(new URL(import.meta.url), {
    workerData: { role: WORKER_ROLE, file: join(dir, 'naptime.sqlite') },
  });
  const pending = new Map<number, (out: Record<string, unknown>) => void>();
  let nextId = 0;
  const port = await new Promise<number>((ok, fail) => {
    worker.once('error', fail);
    worker.on('message', (msg: { port?: number; id?: number; out?: Record<string, unknown> }) => {
      if (msg.port) ok(msg.port);
      else pending.get(msg.id!)?.(msg.out!);
    });
  });
  const call = (message: { argv?: string[]; stop?: boolean }) =>
    new Promise<Record<string, unknown>>((ok) => {
      const id = ++nextId;
      pending.set(id, ok);
      worker.postMessage({ id, ...message });
    });
  const adminCommand = (argv: string[]) => call({ argv });
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
    const db = new Database(join(dir, 'naptime.sqlite'));
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

  try {
    const agency = 'Bench Agency';
    const one = (await adminCommand(['create-provider', '--agency', agency, '--name', 'One'])) as {
      providerId: string;
    };
    const [solo] = await enrollDevices(one.providerId, 1);
    for (let i = 0; i < 5; i++) await timedPush(solo!); // warm-up

    const soloLatencies: number[] = [];
    const soloStart = performance.now();
    for (let i = 0; i < ONE_DEVICE_PUSHES; i++) soloLatencies.push(await timedPush(solo!));
    const soloSeconds = (performance.now() - soloStart) / 1000;
    soloLatencies.sort((a, b) => a - b);

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

    // Pull: a provider with 10,000 records, read by a second device from the start.
    const big = (await adminCommand(['create-provider', '--agency', agency, '--name', 'Big'])) as {
      providerId: string;
    };
    const [writer, reader] = await enrollDevices(big.providerId, 2);
    for (let i = 0; i < PULL_RECORDS / BATCH; i++) await timedPush(writer!);
    let cursor: string | null = null;
    let rows = 0;
    let pages = 0;
    const pullStart = performance.now();
    for (let i = 0; i < 1000; i++) {
      const page: any = await post(
        '/api/v1/sync/pull',
        { protocol: 1, deviceId: reader!.deviceId, cursor, limit: 1000 },
        reader!.token,
      );
      rows += page.changes.length;
      pages += 1;
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    const pullSeconds = (performance.now() - pullStart) / 1000;
    if (rows !== PULL_RECORDS) throw new Error(`pulled ${rows} rows, expected ${PULL_RECORDS}`);

    const large = await largeRecordEdits(agency);

    return {
      'server.push100.oneDevice.pushes': ONE_DEVICE_PUSHES,
      'server.push100.oneDevice.mutationsPerSec': Math.round(
        (ONE_DEVICE_PUSHES * BATCH) / soloSeconds,
      ),
      'server.push100.oneDevice.p50Ms': round(percentile(soloLatencies, 50)),
      'server.push100.oneDevice.p95Ms': round(percentile(soloLatencies, 95)),
      'server.push100.tenDevices.pushes': TEN_DEVICES * TEN_DEVICE_PUSHES_EACH,
      'server.push100.tenDevices.mutationsPerSec': Math.round(
        (TEN_DEVICES * TEN_DEVICE_PUSHES_EACH * BATCH) / manySeconds,
      ),
      'server.push100.tenDevices.p50Ms': round(percentile(manyLatencies, 50)),
      'server.push100.tenDevices.p95Ms': round(percentile(manyLatencies, 95)),
      'server.pull10k.rows': rows,
      'server.pull10k.pages': pages,
      'server.pull10k.rowsPerSec': Math.round(rows / pullSeconds),
      'server.pull10k.totalMs': round(pullSeconds * 1000),
      'server.largeEdits.edits': large.edits,
      'server.largeEdits.bytesReceived': large.received,
      'server.largeEdits.diskBytesGrown': large.grown,
      'server.largeEdits.diskBytesPerByteReceived': round(large.grown / large.received),
    };
  } finally {
    await Promise.race([call({ stop: true }), new Promise((ok) => setTimeout(ok, 5000))]);
    await worker.terminate();
    rmSync(dir, { recursive: true, force: true });
  }
}
