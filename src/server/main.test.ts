/**
 * The real processes: main.ts and admin.ts bundled with esbuild (as `npm start` does), run on a
 * random port with a temporary DATA_DIR. Proves the listen line, the admin command while the server
 * runs, a clean SIGTERM, a restart that keeps everything, and logs without tokens or record content.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noteCreate } from './test-support';
import {
  bundleServer,
  runAdmin,
  startServerProcess,
  type ServerBundle,
  type ServerProcess,
} from './test-process';

let bundle: ServerBundle;
let dataDir: string;
let staticDir: string;

beforeAll(async () => {
  bundle = await bundleServer('server-test');
  dataDir = mkdtempSync(join(tmpdir(), 'naptime-main-'));
  staticDir = join(dataDir, 'app');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Naptime</title>');
}, 60_000);
afterAll(() => {
  bundle.remove();
  rmSync(dataDir, { recursive: true, force: true });
});

const env = () => ({
  ...process.env,
  // This test's own SQLite in DATA_DIR, never a database of the environment.
  DATABASE_URL: '',
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: join(dataDir, 'data'),
  STATIC_DIR: staticDir,
});

async function startServer(): Promise<ServerProcess> {
  const server = await startServerProcess(bundle, env());
  const port = server.listenLine.port;
  expect(server.listenLine).toEqual({ msg: 'listening', port, url: `http://localhost:${port}` });
  expect(port).toBeGreaterThan(0);
  return server;
}

function admin(...args: string[]) {
  const r = runAdmin(bundle, env(), args);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function post(url: string, path: string, body: unknown, token?: string) {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as any };
}

describe('main and admin processes', () => {
  it('serve, take admin commands while running, stop on SIGTERM and keep everything across a restart', async () => {
    const server = await startServer();
    const health = await fetch(`${server.url}/api/v1/health`);
    expect(await health.json()).toEqual({ ok: true });
    expect(await (await fetch(`${server.url}/some/page`)).text()).toContain('Naptime');

    const created = admin('create-provider', '--agency', ' Sunrise ', '--name', 'Maria');
    expect(created.status).toBe(0);
    expect(created.stdout.trim().split('\n')).toHaveLength(1);
    const { providerId } = JSON.parse(created.stdout);
    const codeOut = admin('enroll-code', '--provider', providerId);
    const { code, expiresAt } = JSON.parse(codeOut.stdout);
    expect(typeof expiresAt).toBe('string');

    const enrolled = await post(server.url, '/api/v1/devices/enroll', {
      code,
      deviceName: 'tablet',
    });
    expect(enrolled.status).toBe(200);
    expect(enrolled.json.agencyName).toBe('Sunrise');
    const { deviceId, deviceToken } = enrolled.json;
    const note = noteCreate({}, { text: 'SECRET-NOTE-TEXT' });
    const pushed = await post(
      server.url,
      '/api/v1/sync/push',
      { protocol: 1, deviceId, mutations: [note] },
      deviceToken,
    );
    expect(pushed.json.results[0].status).toBe('applied');

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.stdout().trim().split('\n')).toHaveLength(1);
    const logs = server.stderr();
    expect(logs).toContain('"msg":"request"');
    for (const secret of [deviceToken, code, code.replace('-', ''), 'SECRET-NOTE-TEXT'])
      expect(logs).not.toContain(secret);

    const again = await startServer();
    const pulled = await post(
      again.url,
      '/api/v1/sync/pull',
      { protocol: 1, deviceId, cursor: null },
      deviceToken,
    );
    expect(pulled.json.changes.map((r: any) => r.id)).toEqual([note.id]);
    const revoked = admin('revoke-device', '--device', deviceId);
    expect(JSON.parse(revoked.stdout)).toEqual({ revoked: true });
    expect(
      (
        await post(
          again.url,
          '/api/v1/sync/pull',
          { protocol: 1, deviceId, cursor: null },
          deviceToken,
        )
      ).status,
    ).toBe(403);
    expect(JSON.parse(admin('new-epoch').stdout).epoch).toMatch(/^[0-9a-f-]{36}$/);
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
  }, 60_000);

  it('admin errors are one JSON line on stderr with exit code 2', () => {
    for (const args of [
      ['frobnicate'],
      ['create-provider', '--agency', 'A'],
      ['enroll-code', '--provider', 'missing'],
    ]) {
      const r = admin(...args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0]!).error).toMatchObject({
        code: expect.any(String),
        message: expect.any(String),
      });
    }
  }, 30_000);

  it('admin --help, or no command, prints the commands as text on stdout with exit code 0', () => {
    for (const args of [[], ['--help']]) {
      const r = admin(...args);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      for (const command of ['create-staff', 'assign', 'list-devices', 'enroll-code'])
        expect(r.stdout).toContain(command);
    }
  }, 30_000);
});
