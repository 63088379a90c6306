import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeServer } from './test-support';

let root: string;
let dir: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'naptime-static-'));
  dir = join(root, 'app');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Naptime</title>');
  writeFileSync(join(dir, 'sw.js'), 'self.skipWaiting;');
  writeFileSync(join(dir, 'manifest.webmanifest'), '{"name":"Naptime"}');
  writeFileSync(join(dir, 'workbox-abc123.js'), '//');
  writeFileSync(join(dir, 'assets', 'x-abc.js'), 'export {};');
  writeFileSync(join(root, 'secret.txt'), 'outside');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('static serving', () => {
  it('serves the shell, the service worker and the manifest with no-cache, hashed assets immutable', async () => {
    const { app } = makeServer({ staticDir: dir });
    const cases: [string, string, string][] = [
      ['/', 'text/html; charset=utf-8', 'no-cache'],
      ['/index.html', 'text/html; charset=utf-8', 'no-cache'],
      ['/sw.js', 'text/javascript; charset=utf-8', 'no-cache'],
      ['/workbox-abc123.js', 'text/javascript; charset=utf-8', 'no-cache'],
      ['/manifest.webmanifest', 'application/manifest+json', 'no-cache'],
      ['/assets/x-abc.js', 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
    ];
    for (const [path, type, cache] of cases) {
      const res = await app.request(path);
      expect([
        path,
        res.status,
        res.headers.get('content-type'),
        res.headers.get('cache-control'),
      ]).toEqual([path, 200, type, cache]);
    }
    expect(await (await app.request('/assets/x-abc.js')).text()).toBe('export {};');
  });

  it('answers every other GET outside /api/ with the shell (SPA fallback), but never /api/', async () => {
    const { app } = makeServer({ staticDir: dir });
    for (const path of ['/observations/new', '/progress?week=2026-W05', '/deep/link/']) {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<title>Naptime</title>');
    }
    const api = await app.request('/api/v1/unknown');
    expect(api.status).toBe(404);
    expect(((await api.json()) as any).error.code).toBe('NOT_FOUND');
  });

  it('never serves a file outside staticDir', async () => {
    const { app } = makeServer({ staticDir: dir });
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/%00',
    ]) {
      const res = await app.request(path);
      expect(await res.text()).not.toContain('outside');
    }
  });

  it('answers 404 NOT_FOUND when no app is built', async () => {
    const { app } = makeServer({ staticDir: join(root, 'missing') });
    const res = await app.request('/');
    expect(res.status).toBe(404);
  });
});
