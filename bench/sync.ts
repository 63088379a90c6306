/**
 * Sync bench (SYNC.md §3, §6): device A (Dexie on fake-indexeddb, the real sync client) pushes
 * 1,000 notes (~560 bytes of JSON each as a mutation) to a real server process (dist/server/main.js on
 * 127.0.0.1, a temporary DATA_DIR), then device B, connected to the same provider, pulls them.
 * Reported per phase: requests, bytes sent (request bodies as sent, gzipped where the client
 * gzips) and received (response bodies after HTTP decoding), and wall time. No traffic leaves the machine.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { gunzipSync, gzipSync } from 'node:zlib';
import { IDBFactory } from 'fake-indexeddb';
import { openDeviceDb } from '../src/sync/sim/harness';
import { createSyncClient } from '../src/sync/client';
import { saveConnection } from '../src/storage/sync-state';
import { saveObservation } from '../src/storage/write';

const NOTES = 1000;
const root = process.cwd();

function admin(dataDir: string, ...argv: string[]): any {
  const r = spawnSync(process.execPath, [join(root, 'dist/server/admin.js'), ...argv], {
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`admin ${argv[0]} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

async function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(root, 'dist/server/main.js')], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    const msg = JSON.parse(line);
    if (msg.msg === 'listening') return { child, url: `http://127.0.0.1:${msg.port}` };
  }
  throw new Error('the server did not start');
}

interface Meter {
  requests: number;
  pushes: number;
  sent: number;
  sentUncompressed: number;
  received: number;
  mutationBytes: number;
}

const newMeter = (): Meter => ({
  requests: 0,
  pushes: 0,
  sent: 0,
  sentUncompressed: 0,
  received: 0,
  mutationBytes: 0,
});

function meteredFetch(meter: Meter) {
  return async (url: string, init: RequestInit) => {
    meter.requests += 1;
    const body = init.body;
    const raw = typeof body === 'string' ? Buffer.from(body) : gunzipSync(body as Uint8Array);
    meter.sent += typeof body === 'string' ? raw.byteLength : (body as Uint8Array).byteLength;
    meter.sentUncompressed += raw.byteLength;
    if (url.endsWith('/push')) {
      meter.pushes += 1;
      for (const m of JSON.parse(raw.toString('utf8')).mutations)
        meter.mutationBytes += Buffer.byteLength(JSON.stringify(m));
    }
    const res = await fetch(url, init);
    const bytes = new Uint8Array(await res.arrayBuffer());
    meter.received += bytes.byteLength;
    return new Response(bytes, { status: res.status, headers: res.headers });
  };
}

async function device(url: string, enrolled: any, meter: Meter) {
  const db = await openDeviceDb(new IDBFactory(), () => Date.now());
  await saveConnection(db, {
    deviceId: enrolled.deviceId,
    deviceToken: enrolled.deviceToken,
    providerId: enrolled.providerId,
  });
  const client = createSyncClient(db, {
    baseUrl: url,
    fetch: meteredFetch(meter),
    lock: (_name, fn) => fn(true),
    isOnline: () => true,
    now: () => Date.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
    random: Math.random,
    gzip: async (bytes) => new Uint8Array(gzipSync(bytes)),
  });
  return { db, client };
}

async function enroll(url: string, dataDir: string, providerId: string) {
  const { code } = admin(dataDir, 'enroll-code', '--provider', providerId);
  const res = await fetch(`${url}/api/v1/devices/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName: 'bench tablet' }),
  });
  return res.json();
}

/** Runs the bench. */
export async function run(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'naptime-bench-sync-'));
  const { child, url } = await startServer(dataDir);
  try {
    const { providerId } = admin(
      dataDir,
      'create-provider',
      '--agency',
      'Bench Agency',
      '--name',
      'Bench Provider',
    );
    const pushMeter = newMeter();
    const pullMeter = newMeter();
    const a = await device(url, await enroll(url, dataDir, providerId), pushMeter);
    const text =
      'Built a tower of four blocks with her older sister, then counted them out loud: one, two, three, four.';
    for (let i = 0; i < NOTES; i++) {
      const saved = await saveObservation(a.db, {
        childIds: ['0194c3a0-5b7e-7c3d-9a1b-2f3e4d5c6b7a'],
        observedAt: '2026-11-26T13:05:00-06:00',
        text: `${text} (${i})`,
        area: 'cognition',
        during: 'play',
        nextStep: 'Offer stacking cups tomorrow.',
      });
      if (!saved.ok) throw new Error('a bench note was not saved');
    }
    let t0 = performance.now();
    await a.client.syncNow();
    const pushMs = performance.now() - t0;
    const left = await a.db.outbox.count();
    if (left !== 0) throw new Error(`${left} notes were not pushed`);
    const b = await device(url, await enroll(url, dataDir, providerId), pullMeter);
    t0 = performance.now();
    await b.client.syncNow();
    const pullMs = performance.now() - t0;
    const pulled = await b.db.observations.count();
    if (pulled !== NOTES) throw new Error(`device B holds ${pulled} notes, not ${NOTES}`);
    a.db.close();
    b.db.close();
    const result = {
      notes: NOTES,
      avgMutationJsonBytes: Math.round(pushMeter.mutationBytes / NOTES),
      // Device A's run: its push requests, then the pull that ends every run (a first, full pull:
      // the server sends its own 1,000 rows back, since echo suppression never applies to a full pull).
      push: {
        requests: pushMeter.requests,
        pushRequests: pushMeter.pushes,
        bytesSentGzip: pushMeter.sent,
        bytesSentUncompressed: pushMeter.sentUncompressed,
        bytesReceived: pushMeter.received,
        ms: Math.round(pushMs),
      },
      // Device B's first run: a full pull (the response bytes are counted after HTTP decoding).
      pull: {
        requests: pullMeter.requests,
        bytesSent: pullMeter.sent,
        bytesReceived: pullMeter.received,
        ms: Math.round(pullMs),
      },
    };
    console.log(JSON.stringify(result));
    return result;
  } finally {
    child.kill('SIGTERM');
    await new Promise((ok) => child.once('exit', ok));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
