/**
 * Sync bench (SYNC.md §3, §6; the slow-link figures of the sync screens): in Chromium, device A (a
 * tab with the browser's own IndexedDB and the real sync client with the browser's environment:
 * fetch, CompressionStream) pushes 1,000 notes (~560 bytes of JSON each as a mutation) to a real
 * server process (dist/server/main.js on 127.0.0.1, a temporary DATA_DIR); then device B, another
 * browser context of the same provider, pulls them. Both tabs are throttled through CDP (latency
 * 300 ms, 50,000 B/s each way), checked first with one known upload. Reported per phase: requests,
 * bytes on the wire each way (request bodies as sent; response bodies as received, before
 * decoding), seconds (push: first push request to the last push answer applied; pull: the whole
 * first run of B, to the last page applied), the floor (bytes at 50,000 B/s plus one latency per
 * request), and the ratio to PouchDB's figures. Also printed: the push batch size and the gzip size
 * of the sync client's code (the chunk the app loads after its first paint).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { LAUNCH_OPTIONS } from '../test/e2e/harness';

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

async function enroll(url: string, dataDir: string, providerId: string) {
  const { code } = admin(dataDir, 'enroll-code', '--provider', providerId);
  const res = await fetch(`${url}/api/v1/devices/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName: 'bench tablet' }),
  });
  return res.json();
}

const THROTTLE = { latency: 300, downloadThroughput: 50_000, uploadThroughput: 50_000 };
/** PouchDB 9 → express-pouchdb under the same throttling (issue "two real browsers on a slow link"). */
const ANCHOR = {
  push: { requests: 44, bytes: 805_000, seconds: 30.4 },
  pull: { requests: 54, bytes: 318_000, seconds: 16.6 },
};
const TARGET = { push: { requests: 3, seconds: 5 }, pull: { requests: 3, seconds: 3 } };

type Bench = {
  connect(e: unknown): Promise<void>;
  seed(n: number, text: string): Promise<void>;
  upload(bytes: number, e: unknown): Promise<{ status: number; bodyBytes: number; ms: number }>;
  sync(): Promise<{
    ms: number;
    t0: number;
    state: unknown;
    log: {
      path: string;
      start: number;
      end: number;
      bytesSent: number;
      mutations: number;
      mutationBytes: number;
    }[];
    timings: { name: string; encodedBodySize: number; decodedBodySize: number }[];
    outbox: number;
    notes: number;
  }>;
};

/** The bench page, bundled for Chromium, and the gzip size of the sync client's own code. */
async function buildPage(): Promise<{ js: string; syncChunkGzip: number; syncChunkRaw: number }> {
  const page = await build({
    entryPoints: [join(root, 'bench/sync/page.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome109',
    write: false,
    logLevel: 'warning',
  });
  // What the app will load after the first paint: src/sync with its storage and domain parts,
  // minified; Dexie and zod are left out (the first screen loads them already).
  const chunk = await build({
    entryPoints: [join(root, 'src/sync/browser.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome109',
    external: ['dexie', 'zod', 'zod/*', 'uuid'],
    write: false,
    logLevel: 'warning',
  });
  const code = chunk.outputFiles[0]!.contents;
  return {
    js: page.outputFiles[0]!.text,
    syncChunkRaw: code.byteLength,
    syncChunkGzip: gzipSync(code, { level: 9 }).byteLength,
  };
}

/** A tab at the server's origin (the page itself is served by a route) with the bench loaded. */
async function benchTab(browser: Browser, url: string, js: string) {
  const context = await browser.newContext();
  await context.route(`${url}/__bench/**`, (route) => {
    const isJs = route.request().url().endsWith('.js');
    return route.fulfill({
      status: 200,
      contentType: isJs ? 'text/javascript' : 'text/html',
      body: isJs
        ? js
        : '<!doctype html><meta charset="utf-8"><title>sync bench</title><script type="module" src="/__bench/page.js"></script>',
    });
  });
  const page = await context.newPage();
  await page.goto(`${url}/__bench/`);
  await page.waitForFunction(() => (window as any).naptimeBenchReady === true);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const throttle = () =>
    cdp.send('Network.emulateNetworkConditions', { offline: false, ...THROTTLE });
  const call = <K extends keyof Bench>(name: K, ...args: Parameters<Bench[K]>) =>
    page.evaluate(([n, a]) => (window as any).naptimeSyncBench[n](...a), [
      name,
      args,
    ] as const) as ReturnType<Bench[K]>;
  return { context, throttle, call };
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Runs the bench. */
export async function run(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'naptime-bench-sync-'));
  const { child, url } = await startServer(dataDir);
  const browser = await chromium.launch(LAUNCH_OPTIONS);
  try {
    const { providerId } = admin(
      dataDir,
      'create-provider',
      '--agency',
      'Bench Agency',
      '--name',
      'Bench Provider',
    );
    const { js, syncChunkGzip, syncChunkRaw } = await buildPage();
    const enrolledA = await enroll(url, dataDir, providerId);
    const enrolledB = await enroll(url, dataDir, providerId);
    const a = await benchTab(browser, url, js);
    await a.call('connect', enrolledA);
    const text =
      'Built a tower of four blocks with her older sister, then counted them out loud: one, two, three, four.';
    await a.call('seed', NOTES, text);
    await a.throttle();
    // The throttle, checked with one known upload: 60,000 incompressible bytes against 100.
    const small = await a.call('upload', 100, enrolledA);
    const big = await a.call('upload', 60_000, enrolledA);
    const uploadBytesPerSecond = Math.round(
      (big.bodyBytes - small.bodyBytes) / ((big.ms - small.ms) / 1000),
    );
    const pushRun = await a.call('sync');
    if (pushRun.outbox !== 0)
      throw new Error(
        `${pushRun.outbox} notes were not pushed (${JSON.stringify(pushRun.state)}; ${JSON.stringify(pushRun.log)})`,
      );
    const pushes = pushRun.log.filter((r) => r.path.endsWith('/push'));
    const firstPull = pushRun.log.find((r) => r.path.endsWith('/pull'));
    const pushEnd = firstPull ? firstPull.start : pushRun.t0 + pushRun.ms;
    const pushReceived = pushRun.timings
      .filter((t) => t.name.endsWith('/push'))
      .reduce((n, t) => n + t.encodedBodySize, 0);
    const pushSent = pushes.reduce((n, r) => n + r.bytesSent, 0);
    const push = {
      requests: pushes.length,
      mutationsPerRequest: pushes.map((r) => r.mutations),
      bytesSentGzip: pushSent,
      bytesReceived: pushReceived,
      seconds: round((pushEnd - pushes[0]!.start) / 1000, 2),
      perRequestSeconds: pushes.map((r) => round((r.end - r.start) / 1000, 2)),
      // The floor: the gzipped bodies at 50,000 B/s each way plus one latency per request.
      floorSeconds: round(
        (pushSent + pushReceived) / THROTTLE.uploadThroughput +
          (pushes.length * THROTTLE.latency) / 1000,
        2,
      ),
      wholeRunSeconds: round(pushRun.ms / 1000, 2),
    };
    const avgMutationJsonBytes = Math.round(
      pushes.reduce((n, r) => n + r.mutationBytes, 0) / NOTES,
    );

    const b = await benchTab(browser, url, js);
    await b.call('connect', enrolledB);
    await b.throttle();
    const pullRun = await b.call('sync');
    if (pullRun.notes !== NOTES) throw new Error(`device B holds ${pullRun.notes} notes`);
    const pullReceived = pullRun.timings.reduce((n, t) => n + t.encodedBodySize, 0);
    const pullSent = pullRun.log.reduce((n, r) => n + r.bytesSent, 0);
    const pull = {
      requests: pullRun.log.length,
      bytesSent: pullSent,
      bytesReceivedGzip: pullReceived,
      bytesReceivedDecoded: pullRun.timings.reduce((n, t) => n + t.decodedBodySize, 0),
      seconds: round(pullRun.ms / 1000, 2),
      floorSeconds: round(
        (pullSent + pullReceived) / THROTTLE.downloadThroughput +
          (pullRun.log.length * THROTTLE.latency) / 1000,
        2,
      ),
    };
    await a.context.close();
    await b.context.close();
    const ratio = (anchor: number, ours: number) => round(anchor / Math.max(ours, 1e-9));
    const result = {
      notes: NOTES,
      avgMutationJsonBytes,
      throttle: THROTTLE,
      throttleCheck: { uploadBytesPerSecond, smallMs: round(small.ms), bigMs: round(big.ms) },
      pushBatch: { maxMutations: 500, maxBytes: 1024 * 1024 - 16 * 1024 },
      syncChunk: { bytesMinified: syncChunkRaw, bytesGzip: syncChunkGzip },
      push,
      pull,
      // How many times fewer requests / bytes / seconds than PouchDB under the same throttle.
      vsPouchDb: {
        push: {
          requests: ratio(ANCHOR.push.requests, push.requests),
          bytes: ratio(ANCHOR.push.bytes, push.bytesSentGzip + push.bytesReceived),
          seconds: ratio(ANCHOR.push.seconds, push.seconds),
        },
        pull: {
          requests: ratio(ANCHOR.pull.requests, pull.requests),
          bytes: ratio(ANCHOR.pull.bytes, pull.bytesReceivedGzip + pull.bytesSent),
          seconds: ratio(ANCHOR.pull.seconds, pull.seconds),
        },
      },
      target: {
        push: push.requests <= TARGET.push.requests && push.seconds <= TARGET.push.seconds,
        pull: pull.requests <= TARGET.pull.requests && pull.seconds <= TARGET.pull.seconds,
      },
    };
    const kb = (n: number) => `${round(n / 1000)} KB`;
    console.log(
      `push: ${push.requests} requests of ${push.mutationsPerRequest.join(' + ')} mutations, ` +
        `${kb(push.bytesSentGzip)} up + ${kb(push.bytesReceived)} down, ${push.seconds} s ` +
        `(floor ${push.floorSeconds} s); PouchDB ${result.vsPouchDb.push.requests}x the requests, ` +
        `${result.vsPouchDb.push.bytes}x the bytes, ${result.vsPouchDb.push.seconds}x the time\n` +
        `pull: ${pull.requests} requests, ${kb(pull.bytesReceivedGzip)} down, ${pull.seconds} s ` +
        `(floor ${pull.floorSeconds} s); PouchDB ${result.vsPouchDb.pull.requests}x the requests, ` +
        `${result.vsPouchDb.pull.bytes}x the bytes, ${result.vsPouchDb.pull.seconds}x the time\n` +
        `push batch: at most ${result.pushBatch.maxMutations} mutations, ${kb(result.pushBatch.maxBytes)}; ` +
        `sync chunk ${kb(syncChunkGzip)} gzipped; throttle checked: ${uploadBytesPerSecond} B/s up`,
    );
    console.log(JSON.stringify(result));
    return result;
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    await new Promise((ok) => child.once('exit', ok));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
