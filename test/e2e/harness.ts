/**
 * Browser-test harness (test/README.md "Browser tests"): the built server as a child process on port 0
 * with its own DATA_DIR, Debian's Chromium through playwright-core, phone and tablet contexts,
 * service-worker control, a real "offline", axe-core and screenshots.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type CDPSession,
  type LaunchOptions,
  type Page,
} from 'playwright-core';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
// Overridable only to check the harness itself against another server or build.
export const DIST_APP = process.env.NAPTIME_E2E_APP_DIR ?? join(ROOT, 'dist/app');
const SERVER_ENTRY = process.env.NAPTIME_E2E_SERVER ?? join(ROOT, 'dist/server/main.js');
const SCREENSHOT_DIR = join(ROOT, 'test-results/screenshots');

export const CHROMIUM_PATH = '/usr/bin/chromium';
/** Exactly test/README.md's launch options. */
export const LAUNCH_OPTIONS = {
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
} satisfies LaunchOptions;

export type Size = 'phone' | 'tablet';
/** Phone 390×844 (touch) and tablet 800×1280 (touch), the two sizes of the issue. */
export const SIZES: Record<Size, BrowserContextOptions> = {
  phone: {
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  },
  tablet: {
    viewport: { width: 800, height: 1280 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
  },
};

/** Temporary directories made by this process, removed by `cleanupTempDirs`. */
const tempDirs: string[] = [];
/** A new temporary directory under the OS temp dir. */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `naptime-e2e-${prefix}-`));
  tempDirs.push(dir);
  return dir;
}
export function cleanupTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

function assertBuilt(staticDir: string): void {
  const missing = [SERVER_ENTRY, join(staticDir, 'index.html'), join(staticDir, 'sw.js')].filter(
    (p) => !existsSync(p),
  );
  if (missing.length > 0) {
    throw new Error(
      `The browser tests need a production build; missing ${missing.join(', ')}.\n` +
        'Run `node src/server/bin/build.mjs --force` (npm test does this before the e2e stage).',
    );
  }
}

export interface ServerHandle {
  url: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  /** Everything the server wrote to stderr, for failure messages. */
  stderr: () => string;
  /** SIGTERM, then SIGKILL after 5 s; resolves once the process has exited. */
  stop: () => Promise<void>;
}

/**
 * Starts `node dist/server/main.js` on 127.0.0.1, port 0, with a fresh DATA_DIR (and STATIC_DIR if
 * given). `port` and `dataDir` restart a stopped server where it was: same origin, same data.
 */
export async function startServer(
  options: { staticDir?: string; dataDir?: string; port?: number } = {},
): Promise<ServerHandle> {
  const staticDir = options.staticDir ?? DIST_APP;
  assertBuilt(staticDir);
  const dataDir = options.dataDir ?? makeTempDir('data');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port ?? 0),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    NODE_ENV: 'production',
  };
  if (options.staticDir) env.STATIC_DIR = options.staticDir;
  // Each test's server has its own SQLite in DATA_DIR: never a database of the environment.
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((res) => child.once('exit', () => res()));

  const listening = await new Promise<{ port: number; url?: string }>((res, rej) => {
    const timer = setTimeout(
      () => rej(new Error(`server did not print "listening" within 20 s\n${stderr}`)),
      20_000,
    );
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      let msg: { msg?: string; port?: number; url?: string };
      try {
        msg = JSON.parse(line);
      } catch {
        return; // not a log line of ours
      }
      if (msg.msg === 'listening' && typeof msg.port === 'number') {
        clearTimeout(timer);
        res({ port: msg.port, url: msg.url });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      rej(new Error(`server exited before listening (code ${code}, signal ${signal})\n${stderr}`));
    });
  });
  // Drain stdout so the server never blocks on a full pipe.
  child.stdout!.resume();

  const url = `http://127.0.0.1:${listening.port}`;
  let stopping: Promise<void> | null = null;
  return {
    url,
    port: listening.port,
    dataDir,
    child,
    stderr: () => stderr,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(killer);
      })();
      return stopping;
    },
  };
}

/** Launches Debian's Chromium with test/README.md's options; a clear message when it is not installed. */
export async function launchBrowser(): Promise<Browser> {
  assertChromium();
  return chromium.launch(LAUNCH_OPTIONS);
}

function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `${CHROMIUM_PATH} is missing: apt-get update && apt-get install -y chromium fonts-noto-core`,
    );
  }
}

/** A fresh context (its own storage and service workers) at phone or tablet size. */
export async function newContext(
  browser: Browser,
  size: Size,
  extra: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return browser.newContext({ ...SIZES[size], locale: 'en-US', ...extra });
}

/** A persistent profile in `userDataDir` (IndexedDB on disk), for "kill the browser and come back". */
export async function launchPersistent(userDataDir: string, size: Size): Promise<BrowserContext> {
  assertChromium();
  return chromium.launchPersistentContext(userDataDir, {
    ...LAUNCH_OPTIONS,
    ...SIZES[size],
    locale: 'en-US',
  });
}

/** The pid of the main Chromium process using `userDataDir` (not its renderers or helpers). */
export function browserPidFor(userDataDir: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let argv: string[];
    try {
      argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // gone meanwhile
    }
    if (
      argv.includes(`--user-data-dir=${userDataDir}`) &&
      !argv.some((a) => a.startsWith('--type='))
    )
      return Number(entry);
  }
  throw new Error(`no Chromium process found for --user-data-dir=${userDataDir}`);
}

/** Kills the browser of a persistent context with SIGKILL (no shutdown, no flush) and waits until it is gone. */
export async function killBrowser(context: BrowserContext, userDataDir: string): Promise<void> {
  const pid = browserPidFor(userDataDir);
  const closed = new Promise<void>((res) => context.once('close', () => res()));
  process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 100 && existsSync(`/proc/${pid}`); i++) await sleep(100);
  await Promise.race([closed, sleep(10_000)]);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((res) => setTimeout(res, ms));
}

/**
 * Waits until a service worker is active (`ready`) AND controls this page. With
 * `registerType: 'prompt'` the first visit is not controlled, so it reloads once.
 */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const isControlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
  if (!isControlled) await page.reload({ waitUntil: 'load' });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 30_000,
  });
}

/**
 * A real "offline": stop the server, cut the context's network, and abort `/api/` outright
 * (setOffline alone does not cut the service worker's own fetches, microsoft/playwright#2311).
 */
export async function goOffline(context: BrowserContext, server: ServerHandle): Promise<void> {
  await server.stop();
  await cutOff(context);
}

const offline = new WeakSet<BrowserContext>();
const watched = new WeakSet<Page>();

/**
 * Cuts a context's network: `setOffline`, `/api/` aborted, and the offline state told again to each
 * new document. Chromium 150 starts every document with `navigator.onLine` true under playwright's
 * offline emulation, though every fetch still fails; a real tablet's browser takes it from the
 * system. Telling the page again (one CDP session per page) fires its `offline` event as a real
 * loss of signal does.
 */
export async function cutOff(context: BrowserContext): Promise<void> {
  offline.add(context);
  await context.setOffline(true);
  await context.route('**/api/**', (route) => route.abort('internetdisconnected'));
  const watch = (page: Page) => {
    if (watched.has(page)) return;
    watched.add(page);
    let cdp: Promise<CDPSession> | null = null;
    page.on('domcontentloaded', () => {
      if (!offline.has(context)) return;
      cdp ??= context.newCDPSession(page);
      cdp
        .then((session) =>
          session.send('Network.emulateNetworkConditions', {
            offline: offline.has(context),
            latency: 0,
            downloadThroughput: -1,
            uploadThroughput: -1,
          }),
        )
        .catch(() => {}); // the page closed first
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
}

/** Gives a context cut off by `cutOff` its network back. */
export async function restore(context: BrowserContext): Promise<void> {
  offline.delete(context);
  await context.unroute('**/api/**');
  await context.setOffline(false);
}

/** Waits until the page reads itself offline (the re-told state of `cutOff` arrives just after load). */
export async function expectOffline(page: Page): Promise<void> {
  await page.waitForFunction(() => !navigator.onLine, null, { timeout: 10_000 });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

const AXE_PATH = join(ROOT, 'node_modules/axe-core/axe.min.js');
/** Runs axe-core on the page as it is now; returns only serious and critical violations. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) {
    try {
      await page.addScriptTag({ path: AXE_PATH });
    } catch {
      // A strict Content-Security-Policy refuses an injected <script>; evaluate is not subject to it.
      await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
    }
  }
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResults> } }
    ).axe;
    interface AxeResults {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[]; failureSummary?: string }[];
      }[];
    }
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`.trim()),
      }));
  });
}

/**
 * Saves what the screen shows to `test-results/screenshots/<name>.png` and the whole scrolled page
 * to `<name>-full.png` (gitignored); returns the first path.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  await page.screenshot({
    path: join(SCREENSHOT_DIR, `${name}-full.png`),
    fullPage: true,
    animations: 'disabled',
  });
  return path;
}

/** Every accessible name and text run Chromium exposes on the page (hidden nodes excluded). */
export async function accessibleTexts(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: {
        ignored?: boolean;
        name?: { value?: unknown };
        value?: { value?: unknown };
        role?: { value?: unknown };
      }[];
    };
    const texts = new Set<string>();
    for (const node of nodes) {
      if (node.ignored) continue;
      for (const v of [node.name?.value, node.value?.value]) {
        if (typeof v === 'string' && v.trim()) texts.add(v.replace(/\s+/g, ' ').trim());
      }
    }
    return [...texts];
  } finally {
    await cdp.detach();
  }
}

/** Every row of every object store called `drafts` in every IndexedDB database of the page. */
export async function readDraftRows(page: Page): Promise<unknown[]> {
  return page.evaluate(async () => {
    const found: unknown[] = [];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const req = indexedDB.open(info.name!);
        req.onsuccess = () => res(req.result);
        req.onerror = () => rej(req.error);
      });
      try {
        if (!db.objectStoreNames.contains('drafts')) continue;
        const rows = await new Promise<unknown[]>((res, rej) => {
          const req = db.transaction('drafts', 'readonly').objectStore('drafts').getAll();
          req.onsuccess = () => res(req.result);
          req.onerror = () => rej(req.error);
        });
        found.push(...rows);
      } finally {
        db.close();
      }
    }
    return found;
  });
}

function containsString(value: unknown, text: string): boolean {
  if (typeof value === 'string') return value.includes(text);
  if (Array.isArray(value)) return value.some((v) => containsString(v, text));
  if (value && typeof value === 'object')
    return Object.values(value).some((v) => containsString(v, text));
  return false;
}

/** Waits until `text` is in a committed draft row (autosave is ≤ 500 ms; allows 5 s on a busy machine). */
export async function waitForDraftSaved(
  page: Page,
  text: string,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (containsString(await readDraftRows(page), text)) return;
    if (Date.now() > deadline)
      throw new Error(
        `the draft "${text}" was not in IndexedDB's drafts store after ${timeoutMs} ms`,
      );
    await sleep(100);
  }
}
