/**
 * Progress bench (DESIGN.md 6): the size of the Progress chart chunk (Chart.js ships only there),
 * and, with three years (156 weeks) of her data in the app's own IndexedDB and the CPU throttled 4×
 * in Chromium, the time from navigating to /progress to six run charts drawn, and the longest task
 * in that time.
 *
 * How: the built server (`node dist/server/main.js`, 127.0.0.1, port 0, a temp DATA_DIR) and Debian's
 * Chromium (test/README.md's options) with a persistent profile (IndexedDB on disk) at tablet size
 * (800×1280). The first page waits for the service worker to control it, then bench/progress/seed-entry.ts
 * (bundled with esbuild as an iife, injected with addScriptTag) writes the data through the storage
 * functions. Each measured run is a new tab, throttled with CDP `Emulation.setCPUThrottlingRate`
 * {rate: 4} (the tab's renderer only; the service worker is not throttled), that navigates straight to
 * /progress: a fresh page load served by the service worker (each run records whether it controlled
 * the page). An init script (never app code) keeps a buffered PerformanceObserver for 'longtask' and,
 * on every animation frame, looks at the `.run-chart canvas` elements on screen (the charts below the
 * fold are drawn only as she scrolls to them): a canvas counts as drawn once it has non-white pixels (read with getImageData only after a 2D drawing call has touched it). The time
 * is `performance.now()` in that frame, i.e. from the navigation's time origin. Every wait has a
 * timeout; the server, the browser and the temp dirs go away in `finally`; all traffic is 127.0.0.1.
 * Run by bench/run.mjs from the project root after a production build (NAPTIME_BENCH_APP_DIR serves
 * another build of the app through STATIC_DIR: a before/after comparison in one sitting). For finding
 * where the time goes: NAPTIME_BENCH_PROFILE=<file> writes a CDP CPU profile of the first run,
 * NAPTIME_BENCH_TRACE=<file> a Chromium trace of it (both slow that run), NAPTIME_BENCH_RUNS=n fewer runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { LAUNCH_OPTIONS, SIZES, waitForServiceWorkerControl } from '../test/e2e/harness';
import type { BenchSeedSummary } from './progress/seed-entry';

const root = process.cwd();
const APP = process.env.NAPTIME_BENCH_APP_DIR
  ? resolve(process.env.NAPTIME_BENCH_APP_DIR)
  : join(root, 'dist/app');
const SERVER_ENTRY = join(root, 'dist/server/main.js');
const PROGRESS_SOURCE = 'src/app/features/progress/ProgressPage.tsx';
const SEED_ENTRY = join(root, 'bench/progress/seed-entry.ts');
const WEEKS = 156;
const CHARTS = 6;
/** NAPTIME_BENCH_RUNS=n changes it, for a quicker look while profiling; figures to report use 5. */
const RUNS = Number(process.env.NAPTIME_BENCH_RUNS ?? 5);
const CPU_RATE = 4;
const DRAWN_TIMEOUT_MS = 120_000;
/** After the six charts are drawn, how long to wait for the last long-task entries to be delivered. */
const SETTLE_MS = 1_000;

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
}

function gzipBytes(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

/** The manifest keys a chunk reaches by static imports (itself included), not going through `stop`. */
function staticClosure(
  manifest: Record<string, ManifestChunk>,
  key: string,
  stop?: string,
  seen = new Set<string>(),
): Set<string> {
  if (seen.has(key) || key === stop) return seen;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? [])
    staticClosure(manifest, imported, stop, seen);
  return seen;
}

/** Raw and gzip -9 bytes of the Progress chunk, and of it plus the chunks only it imports. */
export function chartChunk(): Record<string, unknown> {
  const manifest = JSON.parse(readFileSync(join(APP, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const key = Object.keys(manifest).find(
    (k) => k === PROGRESS_SOURCE || manifest[k]!.src === PROGRESS_SOURCE,
  );
  if (!key) throw new Error(`manifest.json has no chunk for ${PROGRESS_SOURCE}`);
  const own = staticClosure(manifest, key);
  // What every other entry (the shell, the other screens, the catalogues) reaches without Progress.
  const shared = new Set<string>();
  for (const k of Object.keys(manifest)) {
    if (k !== key && (manifest[k]!.isEntry || manifest[k]!.isDynamicEntry))
      staticClosure(manifest, k, key, shared);
  }
  const only = [...own].filter((k) => !shared.has(k));
  const size = (k: string) => {
    const file = manifest[k]!.file;
    return { file, bytes: statSync(join(APP, file)).size, gzipBytes: gzipBytes(join(APP, file)) };
  };
  const chunk = size(key);
  const withOnly = only.map(size);
  const sw = readFileSync(join(APP, 'sw.js'), 'utf8');
  const result = {
    'progress.chartChunk.file': chunk.file,
    'progress.chartChunk.bytes': chunk.bytes,
    'progress.chartChunk.gzipBytes': chunk.gzipBytes,
    'progress.chartChunk.onlyImportedByIt': only
      .filter((k) => k !== key)
      .map((k) => manifest[k]!.file),
    'progress.chartChunk.withOwnImports.bytes': withOnly.reduce((s, r) => s + r.bytes, 0),
    'progress.chartChunk.withOwnImports.gzipBytes': withOnly.reduce((s, r) => s + r.gzipBytes, 0),
    'progress.chartChunk.sharedImports': [...own]
      .filter((k) => shared.has(k))
      .map((k) => manifest[k]!.file),
    'progress.chartChunk.precached': sw.includes(chunk.file),
  };
  console.log(
    `Progress chunk ${chunk.file}: ${chunk.bytes} B, ${chunk.gzipBytes} B gzip -9; ` +
      `only it imports: ${result['progress.chartChunk.onlyImportedByIt'].join(', ') || 'nothing else'}`,
  );
  return result;
}

interface ServerHandle {
  url: string;
  child: ChildProcess;
  stop: () => Promise<void>;
}

/** `node dist/server/main.js` on 127.0.0.1, port 0, the given DATA_DIR; resolves once it prints "listening". */
async function startServer(dataDir: string): Promise<ServerHandle> {
  for (const path of [SERVER_ENTRY, join(APP, 'index.html'), join(APP, 'sw.js')]) {
    if (!existsSync(path))
      throw new Error(`missing ${path}: run \`node src/server/bin/build.mjs --force\` first`);
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    NODE_ENV: 'production',
  };
  if (process.env.NAPTIME_BENCH_APP_DIR) env.STATIC_DIR = APP;
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(killer);
  };
  try {
    const port = await new Promise<number>((res, rej) => {
      const timer = setTimeout(
        () => rej(new Error(`server did not print "listening" within 20 s\n${stderr}`)),
        20_000,
      );
      createInterface({ input: child.stdout! }).on('line', (line) => {
        try {
          const msg = JSON.parse(line) as { msg?: string; port?: number };
          if (msg.msg === 'listening' && typeof msg.port === 'number') {
            clearTimeout(timer);
            res(msg.port);
          }
        } catch {
          // not a JSON line
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        rej(
          new Error(`server exited before listening (code ${code}, signal ${signal})\n${stderr}`),
        );
      });
    });
    child.stdout!.resume();
    return { url: `http://127.0.0.1:${port}`, child, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** What the probe reports for one page load. */
interface ProbeResult {
  drawnMs: number;
  canvases: number;
  longTasks: { startMs: number; durationMs: number }[];
  longTaskSupported: boolean;
  controlled: boolean;
  servedByServiceWorker: boolean;
  path: string;
}

interface Probe {
  done: Promise<ProbeResult>;
}

/**
 * The init script (runs in every new document before the app's scripts). Serialized by Playwright:
 * it may use only its argument, never this module's names.
 */
function installProbe({
  charts,
  timeoutMs,
  settleMs,
}: {
  charts: number;
  timeoutMs: number;
  settleMs: number;
}): void {
  if (window !== window.top) return;
  const longTasks: { startMs: number; durationMs: number }[] = [];
  const supported = (PerformanceObserver.supportedEntryTypes ?? []).includes('longtask');
  let observer: PerformanceObserver | null = null;
  const collect = (entries: PerformanceEntryList) => {
    for (const e of entries) longTasks.push({ startMs: e.startTime, durationMs: e.duration });
  };
  if (supported) {
    observer = new PerformanceObserver((list) => collect(list.getEntries()));
    observer.observe({ type: 'longtask', buffered: true });
  }

  // A hint only: which canvases a 2D drawing call has touched, so that pixels are read only there.
  const touched = new WeakSet<HTMLCanvasElement | OffscreenCanvas>();
  const proto = CanvasRenderingContext2D.prototype as unknown as Record<
    string,
    (...args: unknown[]) => unknown
  >;
  for (const name of [
    'fill',
    'stroke',
    'fillRect',
    'strokeRect',
    'fillText',
    'strokeText',
    'drawImage',
  ]) {
    const original = proto[name]!;
    proto[name] = function (this: CanvasRenderingContext2D, ...args: unknown[]) {
      touched.add(this.canvas);
      return original.apply(this, args);
    };
  }
  const inked = (canvas: HTMLCanvasElement): boolean => {
    if (canvas.width === 0 || canvas.height === 0) return false;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! > 0 && !(data[i]! > 245 && data[i + 1]! > 245 && data[i + 2]! > 245))
        return true;
    }
    return false;
  };

  const drawn = new WeakSet<HTMLCanvasElement>();
  const done = new Promise<ProbeResult>((res, rej) => {
    const timer = setTimeout(
      () => rej(new Error(`the charts on screen were not drawn after ${timeoutMs} ms`)),
      timeoutMs,
    );
    const frame = () => {
      // The charts on screen: charts below the fold are drawn only as she scrolls to them.
      const all = [...document.querySelectorAll<HTMLCanvasElement>('.run-chart canvas')];
      const canvases = all.filter((c) => {
        const r = c.getBoundingClientRect();
        return r.width > 0 && r.bottom > 0 && r.top < window.innerHeight;
      });
      for (const c of canvases) if (!drawn.has(c) && touched.has(c) && inked(c)) drawn.add(c);
      const count = canvases.filter((c) => drawn.has(c)).length;
      // Every chart on screen drawn, once all six cards are on the page (the page has loaded its data).
      if (all.length < charts || canvases.length === 0 || count < canvases.length) {
        requestAnimationFrame(frame);
        return;
      }
      const drawnMs = performance.now();
      clearTimeout(timer);
      setTimeout(() => {
        if (observer) collect(observer.takeRecords());
        const nav = performance.getEntriesByType('navigation')[0] as
          PerformanceNavigationTiming | undefined;
        res({
          drawnMs,
          canvases: count,
          longTasks: longTasks.filter((t) => t.startMs < drawnMs),
          longTaskSupported: supported,
          controlled: navigator.serviceWorker?.controller != null,
          servedByServiceWorker: (nav?.workerStart ?? 0) > 0,
          path: location.pathname,
        });
      }, settleMs);
    };
    requestAnimationFrame(frame);
  });
  done.catch(() => {}); // reported when the bench asks for it
  (window as unknown as { __naptimeBenchProbe: Probe }).__naptimeBenchProbe = { done };
}

/** The seed as one browser script that defines `window.naptimeBenchSeed`. */
async function bundleSeed(): Promise<string> {
  const result = await build({
    entryPoints: [SEED_ENTRY],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    nodePaths: [join(root, 'node_modules')],
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

async function seedInPage(page: Page, weeks: number): Promise<BenchSeedSummary> {
  const content = await bundleSeed();
  try {
    await page.addScriptTag({ content });
  } catch {
    // A strict Content-Security-Policy refuses an inline <script>; evaluate is not subject to it.
    await page.evaluate(content);
  }
  return page.evaluate(
    (w) =>
      (
        window as unknown as {
          naptimeBenchSeed: (o: { weeks: number }) => Promise<BenchSeedSummary>;
        }
      ).naptimeBenchSeed({ weeks: w }),
    weeks,
  );
}

/** Ends the CDP trace started on `cdp` and writes it to `path`. */
async function saveTrace(cdp: CDPSession, path: string): Promise<void> {
  const complete = new Promise<string>((res) =>
    cdp.once('Tracing.tracingComplete', (e) => res(e.stream!)),
  );
  await cdp.send('Tracing.end');
  const stream = await complete;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  writeFileSync(path, text);
  console.log(`  trace of this run: ${path}`);
}

/** One measured run: a new tab, CPU throttled, navigating straight to /progress. */
async function openProgress(
  context: BrowserContext,
  url: string,
  profilePath?: string,
  tracePath?: string,
): Promise<ProbeResult & { wallMs: number }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });
    if (tracePath) {
      await cdp.send('Tracing.start', {
        transferMode: 'ReturnAsStream',
        traceConfig: {
          includedCategories: [
            'devtools.timeline',
            'disabled-by-default-devtools.timeline',
            'v8.execute',
            'blink',
          ],
        },
      });
    }
    if (profilePath) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const t0 = Date.now();
    await page.goto(`${url}/progress`, { waitUntil: 'commit', timeout: 30_000 });
    const result = await page.evaluate(
      () => (window as unknown as { __naptimeBenchProbe: Probe }).__naptimeBenchProbe.done,
    );
    const wallMs = Date.now() - t0 - SETTLE_MS;
    if (profilePath) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(profilePath, JSON.stringify(profile));
      console.log(`  CPU profile of this run: ${profilePath}`);
    }
    if (tracePath) await saveTrace(cdp, tracePath);
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    return { ...result, wallMs };
  } finally {
    await page.close();
  }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** Seeds 156 weeks and times five throttled openings of Progress. */
export async function openWithThreeYears(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'naptime-bench-progress-data-'));
  const profile = mkdtempSync(join(tmpdir(), 'naptime-bench-progress-profile-'));
  let server: ServerHandle | undefined;
  let context: BrowserContext | undefined;
  try {
    server = await startServer(dataDir);
    context = await chromium.launchPersistentContext(profile, {
      ...LAUNCH_OPTIONS,
      ...SIZES.tablet,
      locale: 'en-US',
    });
    await context.addInitScript(installProbe, {
      charts: CHARTS,
      timeoutMs: DRAWN_TIMEOUT_MS,
      settleMs: SETTLE_MS,
    });

    const first = context.pages()[0] ?? (await context.newPage());
    await first.goto(server.url, { timeout: 30_000 });
    await waitForServiceWorkerControl(first);
    const userAgent = await first.evaluate(() => navigator.userAgent);
    const seed = await seedInPage(first, WEEKS);
    console.log(
      `Seeded ${seed.weeks} weeks (${seed.firstWeek}…${seed.lastWeek}): ${seed.notes} notes, ${seed.checkins} check-ins, ` +
        `${seed.pdsaCycles} PDSA cycles in ${seed.seedMs} ms`,
    );
    await first.close();

    const runs: (ProbeResult & { wallMs: number })[] = [];
    for (let i = 0; i < RUNS; i++) {
      // NAPTIME_BENCH_PROFILE=<file.cpuprofile>: a CDP CPU profile of the first run (DevTools opens it);
      // NAPTIME_BENCH_TRACE=<file.json>: a Chromium trace of it (DevTools' Performance panel opens it).
      // Either one slows the run it records.
      const r = await openProgress(
        context,
        server.url,
        i === 0 ? process.env.NAPTIME_BENCH_PROFILE : undefined,
        i === 0 ? process.env.NAPTIME_BENCH_TRACE : undefined,
      );
      const longest = Math.max(0, ...r.longTasks.map((t) => t.durationMs));
      console.log(
        `  run ${i + 1}: ${r.canvases} on-screen charts drawn at ${round(r.drawnMs)} ms (wall ${r.wallMs} ms), longest task ${round(longest)} ms, ` +
          `${r.longTasks.length} long tasks, service worker ${r.controlled ? 'controlling' : 'NOT controlling'}`,
      );
      runs.push(r);
    }
    if (!runs.every((r) => r.longTaskSupported))
      throw new Error("this Chromium has no 'longtask' entries");
    const times = runs.map((r) => r.drawnMs).sort((a, b) => a - b);
    const longest = runs.map((r) => Math.max(0, ...r.longTasks.map((t) => t.durationMs)));
    const key = `progress.open${WEEKS}weeks.cpu${CPU_RATE}x`;
    return {
      [`${key}.p50Ms`]: round(percentile(times, 50)),
      [`${key}.maxMs`]: round(times[times.length - 1]!),
      [`${key}.longestTaskMs`]: round(Math.max(...longest)),
      [`${key}.runs`]: runs.map((r, i) => ({
        drawnMs: round(r.drawnMs),
        wallMs: r.wallMs,
        longestTaskMs: round(longest[i]!),
        longTasks: r.longTasks.length,
        totalLongTaskMs: round(r.longTasks.reduce((s, t) => s + t.durationMs, 0)),
        serviceWorkerControlled: r.controlled,
        servedByServiceWorker: r.servedByServiceWorker,
      })),
      [`${key}.serviceWorkerControlled`]: runs.every((r) => r.controlled),
      [`${key}.measuredFrom`]:
        'navigation start (performance.timeOrigin) of a fresh load of /progress in a new tab',
      [`${key}.drawnWhen`]: `every .run-chart canvas on screen (of the ${CHARTS}) with non-white pixels, first animation frame that sees them`,
      [`${key}.chartsOnScreen`]: runs.map((r) => r.canvases),
      [`${key}.viewport`]: '800x1280',
      [`${key}.seed`]: seed,
      [`${key}.chromium`]: `${/Chrome\/[\d.]+/.exec(userAgent)?.[0] ?? userAgent} (${LAUNCH_OPTIONS.executablePath})`,
    };
  } finally {
    await context?.close().catch(() => {});
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

/** All Progress figures; bench/run.mjs writes them to bench/results.json. */
export async function run(): Promise<Record<string, unknown>> {
  return { ...chartChunk(), ...(await openWithThreeYears()) };
}
