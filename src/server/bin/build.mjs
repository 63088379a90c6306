#!/usr/bin/env node
// Builds what is missing or stale: the app (vite, into dist/app) and the server (esbuild, into
// dist/server). `--force` rebuilds both. The server bundle carries every package it imports except
// better-sqlite3 (a native addon, which cannot be bundled) and pg (whose optional native driver,
// pg-native, esbuild cannot resolve): both are `dependencies`, so a production install
// (`npm ci --omit=dev`) needs only `dependencies`, and a package the shared domain imports (zod,
// date-fns) cannot be missing there.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const stamp = join(root, 'dist', '.build-stamp');
const serverStamp = join(root, 'dist', 'server', '.build-stamp');
const inputs = ['src', 'public', 'index.html', 'vite.config.ts'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.endsWith('.test.ts') || entry.endsWith('.test.tsx'))
      continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/**
 * The lock file by content, not by time: `npm prune --omit=dev` rewrites package-lock.json with the
 * same text, which must not make a fresh dist look stale.
 */
function lockHash() {
  const lock = join(root, 'package-lock.json');
  return existsSync(lock) ? createHash('sha256').update(readFileSync(lock)).digest('hex') : '';
}

/** Writes a stamp: when the build ran and which lock file it ran against. */
function writeStamp(path) {
  writeFileSync(
    path,
    `${JSON.stringify({ builtAt: new Date().toISOString(), lock: lockHash() })}\n`,
  );
}

/** True when the stamp at `path` is missing, unreadable or from another lock file. */
function lockChanged(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8')).lock !== lockHash();
  } catch {
    return true;
  }
}

/** The packages the server loads from node_modules at run time: `dependencies` in package.json. */
export const SERVER_EXTERNAL = ['better-sqlite3', 'pg'];

/**
 * True when this install can build: vite and esbuild are devDependencies, absent from a production
 * install, where `npm start` serves the dist it was given instead of rebuilding.
 */
export function canBuild() {
  const require = createRequire(join(root, 'package.json'));
  try {
    require.resolve('vite/package.json');
    require.resolve('esbuild');
    return true;
  } catch {
    return false;
  }
}

/** True when the built app and server are there (they may still be stale). */
export function isBuilt() {
  return ['dist/app/index.html', 'dist/server/main.js', 'dist/server/admin.js'].every((p) =>
    existsSync(join(root, p)),
  );
}

/** True when the server bundle is missing or older than the server's or the domain's sources. */
export function isServerStale() {
  const bundle = join(root, 'dist/server/admin.js');
  if (!existsSync(bundle) || lockChanged(serverStamp)) return true;
  const built = statSync(bundle).mtimeMs;
  return ['src/server', 'src/domain'].some((p) => newestMtime(join(root, p)) > built);
}

/** True when dist is missing, older than any input, or built against another lock file. */
export function isBuildStale() {
  if (
    !existsSync(stamp) ||
    !existsSync(join(root, 'dist/app/index.html')) ||
    !existsSync(join(root, 'dist/server/main.js'))
  )
    return true;
  if (lockChanged(stamp)) return true;
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

/** Bundles the server and the admin command into dist/server (only SERVER_EXTERNAL stays out). */
export async function buildServer(entryPoints = ['src/server/main.ts', 'src/server/admin.ts']) {
  const esbuild = await import('esbuild');
  await esbuild.build({
    absWorkingDir: root,
    entryPoints,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: SERVER_EXTERNAL,
    outdir: 'dist/server',
    logLevel: 'warning',
  });
  writeStamp(serverStamp);
}

/** Builds the app and the server. */
export async function build() {
  run(process.execPath, [
    join(root, 'node_modules/vite/bin/vite.js'),
    'build',
    '--logLevel',
    'warn',
  ]);
  await buildServer();
  writeStamp(stamp);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--force') || isBuildStale()) await build();
  else console.log('build is up to date');
}
