/**
 * The page of the sync bench (bench/sync.ts), bundled for Chromium: one simulated device in the
 * browser's own IndexedDB, driven by the real sync client with the browser's environment
 * (`browserDeps`: fetch, CompressionStream, navigator.locks). Every request is logged with its
 * times and the bytes it put on the wire; Resource Timing adds the response bytes as received.
 */
import { openNaptimeDb, type NaptimeDb } from '../../src/storage/db';
import { saveConnection } from '../../src/storage/sync-state';
import { saveObservation } from '../../src/storage/write';
import { browserDeps } from '../../src/sync/browser';
import { createSyncClient } from '../../src/sync/client';

interface RequestLog {
  path: string;
  start: number;
  end: number;
  bytesSent: number;
  mutations: number;
  mutationBytes: number;
}

let db: NaptimeDb;
const log: RequestLog[] = [];
const decoder = new TextDecoder();

async function ungzip(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

const api = {
  async connect(enrolled: { deviceId: string; deviceToken: string; providerId: string }) {
    db = await openNaptimeDb({ name: 'naptime-bench-sync' });
    await saveConnection(db, enrolled);
  },
  async seed(notes: number, text: string) {
    for (let i = 0; i < notes; i++) {
      const saved = await saveObservation(db, {
        childIds: ['0194c3a0-5b7e-7c3d-9a1b-2f3e4d5c6b7a'],
        observedAt: '2026-11-26T13:05:00-06:00',
        text: `${text} (${i})`,
        area: 'cognition',
        during: 'play',
        nextStep: 'Offer stacking cups tomorrow.',
      });
      if (!saved.ok) throw new Error('a bench note was not saved');
    }
  },
  /** A raw upload of `bytes` incompressible bytes (a pull body), to check the throttle. */
  async upload(bytes: number, enrolled: { deviceId: string; deviceToken: string }) {
    const pad = Array.from(crypto.getRandomValues(new Uint8Array(bytes / 2)), (b) =>
      b.toString(16).padStart(2, '0'),
    ).join('');
    const body = JSON.stringify({
      protocol: 1,
      deviceId: enrolled.deviceId,
      cursor: null,
      limit: 1,
      pad,
    });
    const t0 = performance.now();
    const res = await fetch('/api/v1/sync/pull', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${enrolled.deviceToken}`,
      },
      body,
    });
    await res.arrayBuffer();
    return { status: res.status, bodyBytes: body.length, ms: performance.now() - t0 };
  },
  /** One run of the sync client (push, then pull); returns the request log and Resource Timing. */
  async sync() {
    log.length = 0;
    performance.clearResourceTimings();
    const deps = browserDeps();
    const client = createSyncClient(db, {
      ...deps,
      fetch: async (url, init) => {
        const body = init.body as string | Uint8Array;
        const raw = typeof body === 'string' ? body : await ungzip(body);
        const sent = typeof body === 'string' ? new TextEncoder().encode(body).length : body.length;
        const parsed = JSON.parse(typeof raw === 'string' ? raw : decoder.decode(raw));
        const mutations: unknown[] = parsed.mutations ?? [];
        const entry: RequestLog = {
          path: new URL(url, location.href).pathname,
          start: performance.now(),
          end: 0,
          bytesSent: sent,
          mutations: mutations.length,
          mutationBytes: mutations.reduce<number>((n, m) => n + JSON.stringify(m).length, 0),
        };
        log.push(entry);
        const res = await fetch(url, init);
        const bytes = await res.arrayBuffer();
        entry.end = performance.now();
        return new Response(bytes, { status: res.status, headers: res.headers });
      },
    });
    const t0 = performance.now();
    await client.syncNow();
    const ms = performance.now() - t0;
    const status = client.status.getSnapshot();
    client.stop();
    const timings = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/api/v1/sync/'))
      .map((e) => {
        const r = e as PerformanceResourceTiming;
        return {
          name: new URL(r.name).pathname,
          encodedBodySize: r.encodedBodySize,
          decodedBodySize: r.decodedBodySize,
        };
      });
    return {
      ms,
      t0,
      state: status.state,
      log: [...log],
      timings,
      outbox: await db.outbox.count(),
      notes: await db.observations.count(),
    };
  },
};

(window as unknown as { naptimeSyncBench: typeof api }).naptimeSyncBench = api;
(window as unknown as { naptimeBenchReady: boolean }).naptimeBenchReady = true;
