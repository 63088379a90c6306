#!/usr/bin/env node
// A production install starts the server: in a temporary copy of the checkout, the dev dependencies
// are removed (`npm prune --omit=dev`, what `npm ci --omit=dev` leaves), then `npm start` runs on a
// free port with a temporary DATA_DIR and must answer /api/v1/health and serve the app, without
// rebuilding dist/. To stay fast it reuses what CI already did in the checkout: node_modules from
// its `npm ci` (same lock file, same machine, so the compiled better-sqlite3 is valid; hard-linked,
// which prune only unlinks) and dist/ from `npm test`'s build stage (`npm run build` of the same
// sources). Run after `npm test`. The copy lives outside the checkout, so nothing resolves from the
// checkout's node_modules.
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const STARTUP_MS = 30_000;

function fail(message) {
  console.error(`production install: ${message}`);
  process.exit(1);
}

for (const p of [
  'node_modules',
  'dist/app/index.html',
  'dist/server/main.js',
  'dist/.build-stamp',
]) {
  if (!existsSync(join(root, p))) fail(`${p} is missing: run npm ci and npm run build first`);
}

const work = mkdtempSync(join(tmpdir(), 'naptime-prod-'));
const copy = join(work, 'naptime');
const dataDir = join(work, 'data');
let child;
process.on('exit', () => {
  try {
    if (child) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone: the server stopped on SIGTERM before a later check failed.
  }
  rmSync(work, { recursive: true, force: true });
});

// The tracked files as they are in the checkout (timestamps kept, so dist/ stays newer than them).
const tracked = spawnSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' });
if (tracked.status !== 0) fail(`git ls-files failed: ${tracked.stderr}`);
for (const file of tracked.stdout.split('\0').filter(Boolean)) {
  if (!existsSync(join(root, file))) continue; // deleted in the work tree, not yet committed
  cpSync(join(root, file), join(copy, file), { preserveTimestamps: true });
}
const link = spawnSync('cp', ['-al', join(root, 'node_modules'), join(copy, 'node_modules')]);
if (link.status !== 0) {
  // Another file system: a real copy, slower.
  cpSync(join(root, 'node_modules'), join(copy, 'node_modules'), {
    recursive: true,
    preserveTimestamps: true,
  });
}
cpSync(join(root, 'dist'), join(copy, 'dist'), { recursive: true, preserveTimestamps: true });
const stampBefore = statSync(join(copy, 'dist/.build-stamp')).mtimeMs;

const prune = spawnSync('npm', ['prune', '--omit=dev', '--no-audit', '--no-fund'], {
  cwd: copy,
  stdio: 'inherit',
});
if (prune.status !== 0) fail('npm prune --omit=dev failed');
for (const devOnly of ['vite', 'esbuild', 'zod', 'date-fns', 'hono']) {
  if (existsSync(join(copy, 'node_modules', devOnly)))
    fail(`${devOnly} is still installed after prune`);
}

const env = {
  ...process.env,
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  NODE_ENV: 'production',
};
delete env.STATIC_DIR;
// Its own process group, so that SIGTERM reaches the server as well as npm.
child = spawn('npm', ['start', '--silent'], {
  cwd: copy,
  env,
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
let stdout = '';
let stderr = '';
child.stderr.on('data', (d) => (stderr += d));

const url = await new Promise((done) => {
  const timer = setTimeout(() => done(null), STARTUP_MS);
  child.stdout.on('data', (d) => {
    stdout += d;
    const line = stdout.split('\n').find((l) => l.includes('"listening"'));
    if (line) {
      clearTimeout(timer);
      done(JSON.parse(line).url.replace('localhost', '127.0.0.1'));
    }
  });
  child.on('exit', () => {
    clearTimeout(timer);
    done(null);
  });
});
if (!url)
  fail(`npm start did not listen within ${STARTUP_MS} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`);

const health = await fetch(`${url}/api/v1/health`);
const body = await health.json();
if (health.status !== 200 || body.ok !== true)
  fail(`/api/v1/health answered ${health.status} ${JSON.stringify(body)}`);
const page = await fetch(`${url}/`);
const html = await page.text();
if (page.status !== 200 || !html.includes('<div id="app"'))
  fail(`/ answered ${page.status} without the app`);
if (/Building/.test(stdout)) fail(`npm start rebuilt dist/:\n${stdout}`);
if (statSync(join(copy, 'dist/.build-stamp')).mtimeMs !== stampBefore)
  fail('dist/.build-stamp changed');

// SIGTERM to the server alone (npm's descendant that has no child of its own): npm then exits
// with the server's own exit code.
const exited = new Promise((done) => child.on('exit', (c, signal) => done(c ?? signal)));
process.kill(deepestDescendant(child.pid), 'SIGTERM');
const code = await exited;
if (code !== 0) fail(`npm start exited with ${code} after SIGTERM\nstderr:\n${stderr}`);
if (!stderr.includes('"shutting down"')) fail(`the server did not shut down cleanly:\n${stderr}`);
if (stderr.includes('older than the sources')) fail(`npm start found dist/ stale:\n${stderr}`);
child = undefined;
console.log(`production install: npm start answered ${url}/api/v1/health ${JSON.stringify(body)}`);
const installed = readdirSync(join(copy, 'node_modules')).filter(
  (n) => !n.startsWith('.') && readdirSync(join(copy, 'node_modules', n)).length > 0,
);
console.log(`  and served the app; node_modules holds only: ${installed.join(', ')}`);

/** The last process in the chain of children below `pid` (npm → sh → node). */
function deepestDescendant(pid) {
  const children = (parent) =>
    readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .filter((d) => {
        try {
          // Field 4 of /proc/<pid>/stat is the parent; the name (field 2) may hold spaces.
          const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
          return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent;
        } catch {
          return false;
        }
      })
      .map(Number);
  let current = pid;
  for (let next = children(current); next.length > 0; next = children(current)) current = next[0];
  return current;
}
