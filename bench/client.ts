/**
 * Client bench (DESIGN.md "Architecture": the first screen stays small): the gzip size of the
 * JavaScript the first screen loads (target ≤ 80 KB), the total precache size, and in Chromium's
 * IndexedDB (on disk, a persistent profile) the p50/p95 time to save one note (record + outbox +
 * clock in one strict transaction) and to list the first page of a week among 5,000 notes. Run by
 * bench/run.mjs from the project root, after a production build.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { LAUNCH_OPTIONS } from '../test/e2e/harness';

const root = process.cwd();
const APP = join(root, 'dist/app');
const FIRST_SCREEN_TARGET_BYTES = 80_000;
const CATALOGUE_SOURCE = 'src/app/i18n/en.ts';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  css?: string[];
}

function gzipBytes(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

function kb(bytes: number): number {
  return Math.round(bytes / 100) / 10;
}

/** The files of a manifest chunk and of its static imports, transitively, as dist/app paths. */
function withStaticImports(
  manifest: Record<string, ManifestChunk>,
  key: string,
  into: Set<string>,
  seen = new Set<string>(),
): void {
  if (seen.has(key)) return;
  seen.add(key);
  const chunk = manifest[key];
  if (!chunk) throw new Error(`manifest.json has no chunk "${key}"`);
  into.add(chunk.file);
  for (const imported of chunk.imports ?? []) withStaticImports(manifest, imported, into, seen);
}

/** Entry chunk of index.html + static imports + modulepreloads + the active (English) catalogue. */
export function firstScreenJavaScript(): Record<string, unknown> {
  const manifestPath = join(APP, '.vite/manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  const files = new Set<string>();
  const entryKey = Object.keys(manifest).find(
    (k) => manifest[k]!.isEntry && (k === 'index.html' || manifest[k]!.src === 'index.html'),
  );
  if (!entryKey) throw new Error('manifest.json has no entry chunk for index.html');
  withStaticImports(manifest, entryKey, files);

  const html = readFileSync(join(APP, 'index.html'), 'utf8');
  for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
    if (!/rel=["']?modulepreload/.test(tag)) continue;
    const href = /href=["']?([^"' >]+)/.exec(tag)?.[1];
    if (href) files.add(href.replace(/^\.?\//, ''));
  }

  const catalogueKey = Object.keys(manifest).find(
    (k) => k === CATALOGUE_SOURCE || manifest[k]!.src === CATALOGUE_SOURCE,
  );
  const catalogueFile = catalogueKey ? manifest[catalogueKey]!.file : null;
  if (catalogueKey) withStaticImports(manifest, catalogueKey, files);

  const rows = [...files]
    .filter((f) => f.endsWith('.js'))
    .map((file) => ({
      file,
      bytes: statSync(join(APP, file)).size,
      gzipBytes: gzipBytes(join(APP, file)),
    }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  const totalGzipBytes = rows.reduce((sum, r) => sum + r.gzipBytes, 0);

  console.log('First screen JavaScript (gzip -9):');
  for (const r of rows)
    console.log(
      `  ${r.file.padEnd(48)} ${String(r.bytes).padStart(8)} B  ${String(r.gzipBytes).padStart(7)} B gz`,
    );
  console.log(
    `  total ${totalGzipBytes} B gz = ${kb(totalGzipBytes)} KB (target ≤ ${kb(FIRST_SCREEN_TARGET_BYTES)} KB)` +
      (catalogueFile
        ? ''
        : `; no separate chunk for ${CATALOGUE_SOURCE} (is it bundled into the entry?)`),
  );
  return {
    files: rows,
    catalogueChunk: catalogueFile,
    totalGzipBytes,
    totalGzipKB: kb(totalGzipBytes),
    targetKB: kb(FIRST_SCREEN_TARGET_BYTES),
    isWithinTarget: totalGzipBytes <= FIRST_SCREEN_TARGET_BYTES,
  };
}

/** The files listed in the precache manifest inside dist/app/sw.js, with their sizes. */
export function precacheSize(): Record<string, unknown> {
  const sw = readFileSync(join(APP, 'sw.js'), 'utf8');
  const urls = new Set<string>();
  for (const entry of sw.match(/\{[^{}]*\burl["']?\s*:\s*["'][^"']+["'][^{}]*\}/g) ?? []) {
    const url = /\burl["']?\s*:\s*["']([^"']+)["']/.exec(entry)?.[1];
    if (url) urls.add(url.replace(/^\.?\//, ''));
  }
  if (urls.size === 0) throw new Error('no precache manifest found in dist/app/sw.js');
  let bytes = 0;
  let gzip = 0;
  const missing: string[] = [];
  for (const url of urls) {
    const path = join(APP, decodeURIComponent(url.split('?')[0]!));
    if (!existsSync(path)) {
      missing.push(url);
      continue;
    }
    bytes += statSync(path).size;
    gzip += gzipBytes(path);
  }
  console.log(
    `Precache: ${urls.size} files, ${bytes} B = ${kb(bytes)} KB (${kb(gzip)} KB gzip)` +
      (missing.length ? `; not in dist/app: ${missing.join(', ')}` : ''),
  );
  return { files: urls.size, bytes, kb: kb(bytes), gzipKB: kb(gzip), missing };
}

/** The page-side bench: imports the storage functions, seeds notes, times saves and week pages. */
const PAGE_ENTRY = `
import { openNaptimeDb } from '${root}/src/storage/db';
import { saveObservation } from '${root}/src/storage/write';
import { listObservationsOfWeek } from '${root}/src/storage/read';

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
function summary(times) {
  const s = [...times].sort((a, b) => a - b);
  const round = (x) => Math.round(x * 100) / 100;
  return { n: s.length, p50Ms: round(quantile(s, 0.5)), p95Ms: round(quantile(s, 0.95)), maxMs: round(s[s.length - 1]) };
}
// Monday 6 January 2025 is in ISO week 2025-W02; the notes fill the following weeks in order.
function observedAt(week, i) {
  const day = new Date(Date.UTC(2025, 0, 6 + week * 7 + (i % 5)));
  const hh = String(9 + (i % 8)).padStart(2, '0');
  return day.toISOString().slice(0, 10) + 'T' + hh + ':' + String(i % 60).padStart(2, '0') + ':00-06:00';
}

window.naptimeBench = async function run({ notes, weeks, pageSize, listRuns }) {
  const db = await openNaptimeDb({ name: 'naptime-bench' });
  const children = ['018f0000-0000-7000-8000-000000000001', '018f0000-0000-7000-8000-000000000002'];
  const saves = [];
  const perWeek = notes / weeks;
  const started = performance.now();
  for (let i = 0; i < notes; i++) {
    const week = Math.floor(i / perWeek);
    const t0 = performance.now();
    const result = await saveObservation(db, {
      childIds: [children[i % 2]],
      observedAt: observedAt(week, i),
      text: 'Note ' + i + ': she poured water from the big cup into the small one, again and again.',
      nextStep: i % 3 === 0 ? 'Put out two more cups at water play.' : null,
    });
    saves.push(performance.now() - t0);
    if (!result.ok) throw new Error('save failed: ' + JSON.stringify(result));
  }
  const seedMs = performance.now() - started;
  const targetWeek = '2025-W' + String(2 + Math.floor(weeks / 2)).padStart(2, '0');
  const lists = [];
  let pageLength = 0;
  for (let r = 0; r < listRuns; r++) {
    const t0 = performance.now();
    const page = await listObservationsOfWeek(db, targetWeek, { limit: pageSize });
    lists.push(performance.now() - t0);
    pageLength = page.length;
  }
  const outbox = await db.table('outbox').count();
  db.close();
  return {
    saveOneNote: summary(saves),
    saveFirst100: summary(saves.slice(0, 100)),
    saveLast100: summary(saves.slice(-100)),
    seedSeconds: Math.round(seedMs / 100) / 10,
    listFirstPageOfWeek: { ...summary(lists), week: targetWeek, pageSize, returned: pageLength, notesInDb: notes },
    outboxEntries: outbox,
  };
};
window.naptimeBenchReady = true;
`;

function serveDirectory(dir: string): Promise<Server> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };
  const server = createServer((req, res) => {
    const path = join(
      dir,
      new URL(req.url ?? '/', 'http://x').pathname === '/' ? 'index.html' : 'bench.js',
    );
    res.writeHead(200, {
      'content-type': types[extname(path)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(path));
  });
  return new Promise((res) => server.listen(0, '127.0.0.1', () => res(server)));
}

/** Times the storage functions in Chromium's IndexedDB (persistent profile, so on disk). */
export async function indexedDbTimings(
  options = { notes: 5_000, weeks: 50, pageSize: 50, listRuns: 50 },
): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'naptime-bench-page-'));
  const profile = mkdtempSync(join(tmpdir(), 'naptime-bench-profile-'));
  let server: Server | undefined;
  try {
    writeFileSync(join(dir, 'entry.js'), PAGE_ENTRY);
    await build({
      entryPoints: [join(dir, 'entry.js')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'chrome109',
      outfile: join(dir, 'bench.js'),
      nodePaths: [join(root, 'node_modules')],
      logLevel: 'warning',
    });
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><meta charset="utf-8"><title>bench</title><script type="module" src="/bench.js"></script>',
    );
    server = await serveDirectory(dir);
    const { port } = server.address() as AddressInfo;
    const context = await chromium.launchPersistentContext(profile, LAUNCH_OPTIONS);
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.waitForFunction(
        () => (window as unknown as { naptimeBenchReady?: boolean }).naptimeBenchReady === true,
      );
      const result = await page.evaluate(
        (o) =>
          (
            window as unknown as { naptimeBench: (o: object) => Promise<Record<string, unknown>> }
          ).naptimeBench(o),
        options,
      );
      console.log(`IndexedDB (Chromium, on disk): ${JSON.stringify(result)}`);
      return { chromium: LAUNCH_OPTIONS.executablePath, ...options, ...result };
    } finally {
      await context.close();
    }
  } finally {
    server?.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

/** All client figures; bench/run.mjs writes them to bench/results.json. */
export async function run(): Promise<Record<string, unknown>> {
  return {
    firstScreenJavaScript: firstScreenJavaScript(),
    precache: precacheSize(),
    indexedDb: await indexedDbTimings(),
  };
}
