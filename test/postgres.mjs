#!/usr/bin/env node
// A throwaway PostgreSQL cluster for the tests and the bench (test/README.md "PostgreSQL"): initdb
// and pg_ctl of Debian's `postgresql` package in a temporary directory, listening only on a Unix
// socket in that directory (no port to collide with), trust authentication, the `postgres` role.
// PostgreSQL refuses to run as root: as root, every command runs as the `postgres` user (runuser).
// `node test/postgres.mjs start` prints `TEST_DATABASE_URL=… PG_DIR=…`; `stop <PG_DIR>` stops and
// removes it. test/run.mjs, vitest's global setup and bench/server.ts import startCluster().
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const MISSING_POSTGRES =
  "PostgreSQL is missing: the server's tests run against it as well as SQLite. Install Debian's package:\n" +
  '  apt-get update && apt-get install -y postgresql\n' +
  '(a throwaway cluster is then started for the tests), or set TEST_DATABASE_URL to a server where\n' +
  'the tests may create databases (test/README.md).';

/** The bin directory of the newest installed PostgreSQL, or null. */
export function postgresBin() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0], 'bin') : null;
}

function ids(user) {
  const r = spawnSync('id', ['-u', user], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', user], { encoding: 'utf8' });
  if (r.status !== 0 || g.status !== 0) return null;
  return { uid: Number(r.stdout), gid: Number(g.stdout) };
}

function run(bin, args, asUser) {
  const cmd = asUser ? 'runuser' : bin;
  const argv = asUser ? ['-u', asUser, '--', bin, ...args] : args;
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (r.status !== 0)
    throw new Error(`${bin} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
}

/**
 * Starts a cluster; `durable: false` (tests) turns fsync off, `true` (bench) keeps PostgreSQL's
 * defaults so that it compares fairly with SQLite's synchronous=FULL.
 */
export function startCluster({ durable = false } = {}) {
  const bin = postgresBin();
  if (!bin) throw new Error(MISSING_POSTGRES);
  const asUser = process.getuid?.() === 0 ? 'postgres' : null;
  const dir = mkdtempSync('/tmp/naptime-pg-');
  chmodSync(dir, 0o755);
  if (asUser) {
    const owner = ids(asUser);
    if (!owner) throw new Error(`There is no "${asUser}" user: reinstall the postgresql package.`);
    chownSync(dir, owner.uid, owner.gid);
  }
  const data = join(dir, 'data');
  try {
    run(
      join(bin, 'initdb'),
      ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '-N'],
      asUser,
    );
    const settings = [`-k ${dir}`, "-c listen_addresses=''", '-c max_connections=200'];
    if (!durable)
      settings.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off');
    run(
      join(bin, 'pg_ctl'),
      ['-D', data, '-o', settings.join(' '), '-l', join(dir, 'log'), '-w', 'start'],
      asUser,
    );
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    dir,
    url: `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(dir)}`,
    stop: () => stopCluster(dir),
  };
}

/** Stops the cluster in `dir` (immediately: it is thrown away) and removes it. */
export function stopCluster(dir) {
  const bin = postgresBin();
  const asUser = process.getuid?.() === 0 ? 'postgres' : null;
  try {
    if (bin && existsSync(join(dir, 'data')))
      run(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop'], asUser);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run as a command only (this module is also bundled into the bench, whose file is argv[1] there).
if (
  /[\\/]postgres\.mjs$/.test(process.argv[1] ?? '') &&
  import.meta.url === `file://${process.argv[1]}`
) {
  const [command, dir] = process.argv.slice(2);
  if (command === 'start') {
    const c = startCluster();
    console.log(`TEST_DATABASE_URL=${c.url} PG_DIR=${c.dir}`);
  } else if (command === 'stop' && dir) {
    stopCluster(dir);
  } else {
    console.error('usage: node test/postgres.mjs start | stop <PG_DIR>');
    process.exit(2);
  }
}
