#!/usr/bin/env node
// Builds what is missing or stale: the app (vite, into dist/app) and the server (esbuild, into
// dist/server, better-sqlite3 and the other packages left external). `--force` rebuilds both.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const stamp = join(root, 'dist', '.build-stamp');
const inputs = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.endsWith('.test.ts') || entry.endsWith('.test.tsx')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** True when the server bundle is missing or older than the server's or the domain's sources. */
export function isServerStale() {
  const bundle = join(root, 'dist/server/admin.js');
  if (!existsSync(bundle)) return true;
  const built = statSync(bundle).mtimeMs;
  return ['src/server', 'src/domain', 'package-lock.json'].some((p) => newestMtime(join(root, p)) > built);
}

/** True when dist is missing or older than any input. */
export function isBuildStale() {
  if (!existsSync(stamp) || !existsSync(join(root, 'dist/app/index.html')) || !existsSync(join(root, 'dist/server/main.js'))) return true;
  const built = statSync(stamp).mtimeMs;
  return inputs.some((p) => newestMtime(join(root, p)) > built);
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`build failed: ${cmd} ${args.join(' ')}`);
    process.exit(r.status ?? 1);
  }
}

/** Bundles the server and the admin command into dist/server (packages stay external). */
export async function buildServer(entryPoints = ['src/server/main.ts', 'src/server/admin.ts']) {
  const esbuild = await import('esbuild');
  await esbuild.build({
    absWorkingDir: root,
    entryPoints,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    outdir: 'dist/server',
    logLevel: 'warning',
  });
}

/** Builds the app and the server. */
export async function build() {
  run(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
  await buildServer();
  writeFileSync(stamp, new Date().toISOString());
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--force') || isBuildStale()) await build();
  else console.log('build is up to date');
}
