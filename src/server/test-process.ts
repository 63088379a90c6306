/**
 * The real server as separate processes, for the tests that prove what only a process shows (the
 * listen line, SIGTERM, `kill -9`, two processes on one database): main.ts and admin.ts bundled
 * with esbuild as `npm start` bundles them (src/server/bin/build.mjs, SERVER_EXTERNAL left to
 * node_modules), a server started on the env it is given, and the admin command beside it.
 */
import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
// @ts-expect-error: a plain .mjs build script, without type declarations
import { SERVER_EXTERNAL } from './bin/build.mjs';

const root = resolve(import.meta.dirname, '../..');

/** A bundle of the server and the admin command, and how to remove it. */
export interface ServerBundle {
  outdir: string;
  remove: () => void;
}

/** Bundles main.ts and admin.ts into node_modules/.cache (there the external packages resolve). */
export async function bundleServer(name: string): Promise<ServerBundle> {
  const outdir = join(root, 'node_modules', '.cache', `naptime-${name}-${process.pid}`);
  await build({
    entryPoints: [join(root, 'src/server/main.ts'), join(root, 'src/server/admin.ts')],
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: SERVER_EXTERNAL,
    logLevel: 'error',
  });
  return { outdir, remove: () => rmSync(outdir, { recursive: true, force: true }) };
}

/** A running server process. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** The first line it printed, parsed. */
  listenLine: Record<string, unknown>;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Starts the bundled server; resolves on its listen line, rejects if it exits or prints none. */
export async function startServerProcess(
  bundle: ServerBundle,
  env: NodeJS.ProcessEnv,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [join(bundle.outdir, 'main.js')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const listenLine = await new Promise<Record<string, unknown>>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`no listen line; stderr: ${err}`)), 15_000);
    child.stdout!.on('data', (d) => {
      out += d;
      if (!out.includes('\n')) return;
      clearTimeout(timer);
      ok(JSON.parse(out.split('\n')[0]!));
    });
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`server exited ${code}: ${err}`));
    });
  });
  const url = `http://127.0.0.1:${String(listenLine.port)}`;
  return { child, url, listenLine, stdout: () => out, stderr: () => err, exited };
}

/** Runs the bundled admin command once, to its end. */
export function runAdmin(
  bundle: ServerBundle,
  env: NodeJS.ProcessEnv,
  args: string[],
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [join(bundle.outdir, 'admin.js'), ...args], {
    env,
    encoding: 'utf8',
  });
}

/** What a load test's device keeps to make its next push (SYNC.md §2). */
export interface PushingDevice {
  deviceId: string;
  seq: number;
  /** Acknowledged versions by record id. */
  versions: Map<string, number>;
}

let counter = 0;
const hlc = () => `${new Date().toISOString()}-0000-0123456789abcdef`;

/** Four creates and an edit of one of the device's acknowledged notes, on the version it knows. */
export function nextPushBody(d: PushingDevice): string {
  const mutations: unknown[] = [];
  for (let i = 0; i < 4; i++) {
    counter += 1;
    mutations.push({
      mutationId: `m-${d.deviceId.slice(0, 8)}-${counter}`,
      deviceSeq: ++d.seq,
      table: 'observations',
      op: 'create',
      id: `n-${d.deviceId.slice(0, 8)}-${counter}`,
      baseVersion: 0,
      hlc: hlc(),
      schemaVersion: 1,
      createdAt: '2026-11-26T13:05:00-06:00',
      deleted: 0,
      data: { childIds: ['c1'], observedAt: '2026-11-26T13:05:00-06:00', text: `Note ${counter}` },
    });
  }
  // And an edit of one acknowledged note, on the version this device knows.
  const known = [...d.versions.entries()];
  if (known.length) {
    const [id, version] = known[counter % known.length]!;
    counter += 1;
    mutations.push({
      mutationId: `m-${d.deviceId.slice(0, 8)}-${counter}`,
      deviceSeq: ++d.seq,
      table: 'observations',
      op: 'update',
      id,
      baseVersion: version,
      hlc: hlc(),
      schemaVersion: 1,
      data: { nextStep: `Edit ${counter}` },
    });
  }
  return JSON.stringify({ protocol: 1, deviceId: d.deviceId, clientHlc: null, mutations });
}
