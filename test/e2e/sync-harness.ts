/**
 * Two (or more) devices of one provider against one real server (test/README.md "Browser tests"):
 * each device is a persistent Chromium profile (IndexedDB on disk, so it can be SIGKILLed and come
 * back), the server a child process on port 0 with its own DATA_DIR that can be stopped and started
 * again on the same port and data. Providers, codes and revocations come from the admin command
 * (SYNC.md §10) on the same DATA_DIR; what the server holds is read through the protocol itself
 * (a probe device pulls everything), so nothing here depends on the server's database.
 *
 * Also for other sync tests (the two-device conflict test): `useSyncSuite()` for the lifecycle,
 * `openDevice`, `connectDevice`, `cutNetwork` / `restoreNetwork`, `waitForOutboxEmpty`,
 * `writeNoteIn`, `serverRecords`, `restartServer`.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach } from 'vitest';
import {
  cleanupTempDirs,
  cutOff,
  killBrowser,
  launchPersistent,
  makeTempDir,
  restore,
  ROOT,
  sleep,
  startServer,
  waitForServiceWorkerControl,
  type ServerHandle,
  type Size,
} from './harness';
import { App, loadCatalogues, type Catalogues, type Lang } from './pages';

const ADMIN_ENTRY = join(ROOT, 'dist/server/admin.js');

/** Runs one admin command on the server's DATA_DIR and returns its JSON line (SYNC.md §10). */
export function admin(server: ServerHandle, ...argv: string[]): Record<string, unknown> {
  const r = spawnSync(process.execPath, [ADMIN_ENTRY, ...argv], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: server.dataDir },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`admin ${argv.join(' ')} failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim()) as Record<string, unknown>;
}

/** A provider of an agency, made with the admin command. */
export interface Provider {
  providerId: string;
  agencyId: string;
  providerName: string;
  agencyName: string;
}

export function createProvider(
  server: ServerHandle,
  agencyName = 'Sunrise Family Child Care Network',
  providerName = 'María López',
): Provider {
  const made = admin(server, 'create-provider', '--agency', agencyName, '--name', providerName);
  return {
    providerId: String(made.providerId),
    agencyId: String(made.agencyId),
    providerName,
    agencyName,
  };
}

/** A new one-time code for the provider, as the admin shows it (`ABCD-EFGHJK`). */
export function enrollmentCode(server: ServerHandle, provider: Provider): string {
  return String(admin(server, 'enroll-code', '--provider', provider.providerId).code);
}

/** Revokes a device on the server (the admin's `revoke-device`). */
export function revokeDevice(server: ServerHandle, deviceId: string): void {
  admin(server, 'revoke-device', '--device', deviceId);
}

/** Stops the server and starts it again on the same port and DATA_DIR (same origin for the devices). */
export async function restartServer(server: ServerHandle, pauseMs = 0): Promise<ServerHandle> {
  await server.stop();
  if (pauseMs > 0) await sleep(pauseMs);
  return startServer({ dataDir: server.dataDir, port: server.port });
}

/** One device: a persistent profile, its page and the page model. */
export interface Device {
  name: string;
  dir: string;
  size: Size;
  context: BrowserContext;
  page: Page;
  app: App;
}

/** What a sync test file shares: catalogues, the server, the devices opened, closed after each test. */
export interface SyncSuite {
  catalogues: Catalogues;
  server?: ServerHandle;
  devices: Device[];
}

/** Registers the lifecycle: every device and the server are closed after each test. */
export function useSyncSuite(): SyncSuite {
  const suite: SyncSuite = { devices: [] } as unknown as SyncSuite;
  afterEach(async () => {
    for (const d of suite.devices.splice(0)) await d.context.close().catch(() => undefined);
    await suite.server?.stop();
    suite.server = undefined;
  });
  afterAll(() => cleanupTempDirs());
  return suite;
}

/** A fresh server for the test. */
export async function startSyncServer(suite: SyncSuite): Promise<ServerHandle> {
  suite.catalogues ??= await loadCatalogues();
  suite.server = await startServer();
  return suite.server;
}

async function openOn(
  suite: SyncSuite,
  server: ServerHandle,
  name: string,
  dir: string,
  size: Size,
  lang: Lang,
): Promise<Device> {
  suite.catalogues ??= await loadCatalogues();
  const context = await launchPersistent(dir, size);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url);
  await waitForServiceWorkerControl(page);
  const app = new App(page, suite.catalogues, lang);
  await app.waitForShell();
  const device = { name, dir, size, context, page, app };
  suite.devices.push(device);
  return device;
}

/** Opens a new device (its own profile) on the server's app, controlled by its service worker. */
export function openDevice(
  suite: SyncSuite,
  server: ServerHandle,
  name: string,
  options: { size?: Size; lang?: Lang } = {},
): Promise<Device> {
  const dir = makeTempDir(`device-${name}`);
  return openOn(suite, server, name, dir, options.size ?? 'tablet', options.lang ?? 'en');
}

/** SIGKILLs the device's browser (no shutdown, no flush). */
export async function killDevice(suite: SyncSuite, device: Device): Promise<void> {
  await killBrowser(device.context, device.dir);
  suite.devices = suite.devices.filter((d) => d !== device);
}

/** Opens the same profile again after a kill. */
export function relaunchDevice(
  suite: SyncSuite,
  server: ServerHandle,
  device: Device,
): Promise<Device> {
  return openOn(suite, server, device.name, device.dir, device.size, device.app.lang);
}

/**
 * Connects the device as she would: Settings → "Connect to my agency" → "Enrollment code" →
 * "Connect" → the names shown → "Yes, connect" → "Connected to …". The code is typed in lower case
 * without its dash, which the app forgives (SYNC.md §7).
 */
export async function connectDevice(
  device: Device,
  code: string,
  provider: Provider,
): Promise<void> {
  const { page, app } = device;
  await app.goTo('Settings');
  await page
    .getByRole('link', { name: app.t('Connect to my agency'), exact: true })
    .first()
    .click();
  await page
    .getByLabel(app.t('Enrollment code'), { exact: true })
    .fill(code.replace('-', '').toLowerCase());
  await page.getByRole('button', { name: app.t('Connect'), exact: true }).click();
  await page
    .getByText(provider.providerName)
    .first()
    .waitFor({ state: 'visible', timeout: 15_000 });
  await page.getByRole('button', { name: app.t('Yes, connect'), exact: true }).click();
  const connected = app.t('Connected to {agency}').replace('{agency}', provider.agencyName);
  await page
    .getByRole('heading', { name: connected, exact: true })
    .waitFor({ state: 'visible', timeout: 15_000 });
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Cuts only this device off the network (the server keeps running for the others). */
export async function cutNetwork(device: Device): Promise<void> {
  await cutOff(device.context);
}

/** Gives the device its network back; the browser's `online` event starts a sync (SYNC.md §9). */
export async function restoreNetwork(device: Device): Promise<void> {
  await restore(device.context);
}

/** Every row of one object store of the app's database, read with plain IndexedDB in the page. */
export function readStore(page: Page, store: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const req = indexedDB.open('naptime');
      req.onsuccess = () => res(req.result);
      req.onerror = () => rej(req.error);
    });
    try {
      return await new Promise<Record<string, unknown>[]>((res, rej) => {
        const req = db.transaction(name, 'readonly').objectStore(name).getAll();
        req.onsuccess = () => res(req.result as Record<string, unknown>[]);
        req.onerror = () => rej(req.error);
      });
    } finally {
      db.close();
    }
  }, store);
}

/** The device's connection as saved in `meta` (device id, token, provider), or null. */
export async function deviceConnection(
  page: Page,
): Promise<{ deviceId: string; deviceToken: string; providerId: string } | null> {
  const row = (await readStore(page, 'meta')).find((r) => r.key === 'sync.connection');
  return (row?.value as { deviceId: string; deviceToken: string; providerId: string }) ?? null;
}

/** Waits until nothing waits in the device's outbox. */
export async function waitForOutboxEmpty(page: Page, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = (await readStore(page, 'outbox')).length;
    if (left === 0) return;
    if (Date.now() > deadline)
      throw new Error(`${left} outbox entries still waiting after ${timeoutMs} ms`);
    await sleep(250);
  }
}

/** Writes a note for `child` from Home (the child is added first when the device has none by that name). */
export async function writeNoteIn(device: Device, child: string, text: string): Promise<void> {
  const { app, page } = device;
  await app.goTo('Children');
  const known = await page.getByText(child, { exact: true }).count();
  if (known === 0) await app.addChild(child);
  await app.goTo('Home');
  await app.writeNote({ child, text });
}

/** Home's sync card. */
export function syncCard(device: Device) {
  return device.page.locator('section.sync-card');
}

/** Goes Home and waits until its card says "Synced …" with nothing waiting. */
export async function waitForSyncedOnHome(device: Device, timeoutMs = 60_000): Promise<void> {
  const { app } = device;
  await app.goTo('Home');
  const card = syncCard(device);
  const synced = new RegExp(
    `^(${[
      app.t('Synced just now'),
      app.t('Synced {count} minute ago'),
      app.t('Synced {count} minutes ago'),
    ]
      .map((s) => escape(s).replace(escape('{count}'), '\\d+'))
      .join('|')})$`,
  );
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const headline = ((await card.locator('.sync-headline').textContent()) ?? '').trim();
    const waiting = await card.getByText(waitingPattern(app)).count();
    if (synced.test(headline) && waiting === 0) return;
    if (Date.now() > deadline)
      throw new Error(`${device.name}: Home's card says "${headline}" (waiting lines: ${waiting})`);
    await sleep(250);
  }
}

function waitingPattern(app: App): RegExp {
  const one = escape(app.t('{count} change waiting to be sent (oldest: {oldest})'));
  const other = escape(app.t('{count} changes waiting to be sent (oldest: {oldest})'));
  const tidy = (s: string) =>
    s.replace(escape('{count}'), '\\d+').replace(escape('{oldest}'), '.+');
  return new RegExp(`${tidy(one)}|${tidy(other)}`);
}

/** A row the server holds (SYNC.md §6). */
export interface ServerRow {
  table: string;
  id: string;
  version: number;
  deleted: 0 | 1;
  deviceId: string | null;
  data: Record<string, unknown>;
}

/** Everything the server holds for the provider, pulled by a probe device enrolled for it. */
export function serverRecords(server: ServerHandle, provider: Provider): Promise<ServerRow[]> {
  return recordsSeenWith(server, enrollmentCode(server, provider));
}

/** Everything a probe device enrolled with `code` (a provider's or a staff member's) pulls. */
export async function recordsSeenWith(server: ServerHandle, code: string): Promise<ServerRow[]> {
  const post = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };
  const probe = await post('/api/v1/devices/enroll', { code, deviceName: 'test probe' });
  const token = String(probe.deviceToken);
  const rows: ServerRow[] = [];
  let cursor: unknown = null;
  for (let i = 0; i < 1000; i++) {
    const page = await post(
      '/api/v1/sync/pull',
      { protocol: 1, deviceId: probe.deviceId, cursor, limit: 1000 },
      token,
    );
    rows.push(...(page.changes as ServerRow[]));
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  await post('/api/v1/devices/disconnect', {}, token);
  return rows;
}
