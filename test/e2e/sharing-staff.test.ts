/**
 * "Share with my agency" and the two staff pages in the browser (SYNC.md §14, §17): her choice made
 * with no server at all (the example built from her own seeded year, never a child's name or a
 * note's text); with a real server, her `sharing` record reaches it; the coach's view and the
 * collaborative's charts against `page.route` answers built by the real domain functions
 * (`sharedView`, `poolSeries`: src/domain/staff-read-fixtures.ts), online then offline from the kept
 * copy. Every screen in English and Spanish at phone and tablet size: axe clean, no English in
 * Spanish, screenshots in test-results/screenshots/share-* and staff-*.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { coachAnswers, rollupsAnswer } from '../../src/domain/staff-read-fixtures';
import { switchLanguage } from './data-pages';
import {
  ROOT,
  newContext,
  runAxe,
  screenshot,
  startServer,
  waitForServiceWorkerControl,
  type AxeViolation,
  type Size,
  cutOff,
} from './harness';
import { App, englishOnScreen, type Lang } from './pages';
import { seedYearInPage } from './progress-pages';
import { CHANGE_IDEA } from './progress-seed';
import { useBrowserSuite } from './suite';
import {
  connectDevice,
  createProvider,
  enrollmentCode,
  openDevice,
  readStore,
  serverRecords,
  startSyncServer,
  useSyncSuite,
  waitForOutboxEmpty,
} from './sync-harness';

const suite = useBrowserSuite();
const syncSuite = useSyncSuite();

async function check(app: App, label: string, found: Record<string, unknown>): Promise<void> {
  await screenshot(app.page, label);
  const axe: AxeViolation[] = await runAxe(app.page);
  if (axe.length > 0) found[`${label} axe`] = axe;
  if (app.lang === 'es') {
    const english = await englishOnScreen(app.page, suite.catalogues);
    if (english.length > 0) found[`${label} english`] = english;
  }
}

/** A connection in `meta` as enrollment saves it, with no server behind it (its requests are cut). */
async function fakeConnection(page: Page, context: BrowserContext): Promise<void> {
  await context.route('**/api/v1/sync/**', (route) => route.abort('internetdisconnected'));
  await context.route('**/api/v1/devices/**', (route) => route.abort('internetdisconnected'));
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const req = indexedDB.open('naptime');
      req.onsuccess = () => res(req.result);
      req.onerror = () => rej(req.error);
    });
    await new Promise<void>((res, rej) => {
      const tx = db.transaction('meta', 'readwrite');
      tx.objectStore('meta').put({
        key: 'sync.connection',
        value: {
          deviceId: 'dev-test',
          deviceToken: 'token-test',
          providerId: 'person-test',
          providerName: 'Test',
          agencyName: 'Sunrise Family Services',
          serverUrl: '',
        },
      });
      tx.oncomplete = () => res();
      tx.onerror = () => rej(tx.error);
    });
    db.close();
  });
}

async function openShare(app: App): Promise<void> {
  await app.goTo('Settings');
  await app.page.getByRole('link', { name: app.t('Share with my agency'), exact: true }).click();
  await app.page.getByRole('heading', { level: 1, name: app.t('Share with my agency') }).waitFor();
}

const COMBOS: [Size, Lang][] = [
  ['phone', 'en'],
  ['tablet', 'es'],
  ['phone', 'es'],
  ['tablet', 'en'],
];

describe('Share with my agency, no server needed for the choice', () => {
  for (const [size, lang] of COMBOS) {
    it(`offers it only once connected, off by default, with a true example; saves her record (${size}, ${lang})`, async () => {
      const found: Record<string, unknown> = {};
      suite.server = await startServer();
      suite.context = await newContext(suite.browser, size);
      const page = await suite.context.newPage();
      await page.goto(suite.server.url);
      await waitForServiceWorkerControl(page);
      const app = new App(page, suite.catalogues);
      await app.waitForShell();
      if (lang === 'es') await switchLanguage(app, 'es');

      await openShare(app);
      await page.getByRole('link', { name: app.t('Connect to my agency'), exact: true }).waitFor();
      expect(await page.getByRole('radio').count()).toBe(0);
      await check(app, `share-${size}-${lang}-not-connected`, found);

      await seedYearInPage(page);
      await fakeConnection(page, suite.context);
      await page.reload({ waitUntil: 'load' });
      await app.waitForShell();
      await openShare(app);
      const nothing = page.getByRole('radio', { name: app.t('Nothing'), exact: true });
      await expect.poll(() => nothing.isChecked()).toBe(true);
      await check(app, `share-${size}-${lang}-nothing`, found);

      await page.getByRole('radio', { name: app.t('My weekly numbers'), exact: true }).check();
      const example = page.locator('.shared-example');
      await example.locator('.shared-week').first().waitFor();
      expect(await example.locator('.shared-week').count()).toBe(3);
      const numbersText = (await example.textContent()) ?? '';
      expect(numbersText).not.toMatch(/Ana|Leo|Mía|Stacked|blocks|big blocks|2024/);
      expect(numbersText).not.toContain(CHANGE_IDEA);
      await check(app, `share-${size}-${lang}-numbers`, found);

      const pdsa = page.getByRole('radio', {
        name: app.t('My numbers and my PDSA cycles'),
        exact: true,
      });
      const warning = page.locator('#sharing-pdsa-warning');
      expect(await warning.isVisible()).toBe(true); // before she chooses it
      await pdsa.check();
      await example.getByText(CHANGE_IDEA, { exact: false }).first().waitFor();
      const pdsaText = (await example.textContent()) ?? '';
      expect(pdsaText).not.toMatch(/Ana|Leo|Mía|Stacked/);
      await check(app, `share-${size}-${lang}-pdsa`, found);

      await page.getByRole('radio', { name: app.t('My weekly numbers'), exact: true }).check();
      await page.getByRole('button', { name: app.t('Save my choice'), exact: true }).click();
      await page
        .getByText(app.t('Saved. Your coach will see this after your next sync.'))
        .waitFor();
      const rows = await readStore(page, 'sharing');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ id: 'sharing', syncStatus: 'pending', deleted: 0 });
      expect((rows[0]!.data as { level: string }).level).toBe('numbers');
      expect((rows[0]!.data as { firstUseAt: string }).firstUseAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      const outbox = await readStore(page, 'outbox');
      expect(outbox.some((e) => e.table === 'sharing' && e.recordId === 'sharing')).toBe(true);
      await check(app, `share-${size}-${lang}-saved`, found);

      await page.reload({ waitUntil: 'load' });
      await app.waitForShell();
      await openShare(app);
      await expect
        .poll(() =>
          page.getByRole('radio', { name: app.t('My weekly numbers'), exact: true }).isChecked(),
        )
        .toBe(true);
      expect(found).toEqual({});
    });
  }
});

describe('Share with my agency, with a server', () => {
  it('her sharing record reaches the server', async () => {
    const server = await startSyncServer(syncSuite);
    const maria = createProvider(server, 'Sunrise Family Services', 'María López');
    const d = await openDevice(syncSuite, server, 'share');
    await connectDevice(d, enrollmentCode(server, maria), maria);
    await openShare(d.app);
    await d.page.getByRole('radio', { name: 'My numbers and my PDSA cycles', exact: true }).check();
    await d.page.getByRole('button', { name: 'Save my choice', exact: true }).click();
    await d.page.getByText('Saved. Your coach will see this after your next sync.').waitFor();
    await waitForOutboxEmpty(d.page);
    const held = (await serverRecords(server, maria)).filter((r) => r.table === 'sharing');
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ id: 'sharing', deleted: 0 });
    expect(held[0]!.data.level).toBe('numbers-and-pdsa');
    expect(String(held[0]!.data.firstUseAt)).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});

/** Answers the staff routes from the fixtures (built by sharedView and poolSeries). */
async function staffServer(context: BrowserContext): Promise<void> {
  const today = new Date();
  const coach = coachAnswers(today);
  await context.route('**/api/v1/staff/**', async (route) => {
    const url = new URL(route.request().url());
    const json = (body: unknown, status = 200) =>
      route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
    if (url.pathname.endsWith('/staff/providers')) return json(coach.providers);
    if (url.pathname.endsWith('/staff/shared')) return json(coach.shared);
    if (url.pathname.endsWith('/staff/agencies'))
      return json({ error: { code: 'FORBIDDEN', message: 'coach' } }, 403);
    if (url.pathname.endsWith('/staff/rollups')) {
      const grain = url.searchParams.get('grain') === 'month' ? 'month' : 'week';
      return json(rollupsAnswer(today, grain, Number(url.searchParams.get('weeks') ?? 52)));
    }
    return json({ error: { code: 'NOT_FOUND', message: '' } }, 404);
  });
}

describe('the staff pages, against answers built by the domain', () => {
  for (const [size, lang] of COMBOS) {
    it(`coach's view and the collaborative's charts, online then offline (${size}, ${lang})`, async () => {
      const found: Record<string, unknown> = {};
      suite.server = await startServer();
      suite.context = await newContext(suite.browser, size);
      const page = await suite.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(suite.server.url);
      await waitForServiceWorkerControl(page);
      const app = new App(page, suite.catalogues);
      await app.waitForShell();
      if (lang === 'es') await switchLanguage(app, 'es');
      await fakeConnection(page, suite.context);
      await staffServer(suite.context);

      // The coach's view: her sharing providers in name order, each with her charts and sentences.
      await page.goto(`${suite.server.url}/staff/providers`);
      const cards = page.locator('.shared-provider');
      await cards.first().waitFor();
      expect(await cards.locator('h2').allTextContents()).toEqual(['Ana Flores', 'Beatriz Gómez']);
      expect(await cards.first().locator('.small-chart').count()).toBe(6);
      expect(await cards.first().locator('.outcome').first().textContent()).not.toBe('');
      expect(await cards.first().textContent()).toContain('Notebook by the door');
      expect(await cards.nth(1).locator('.shared-cycle').count()).toBe(0);
      const lastCheckin = await cards.nth(1).locator('.last-checkin').textContent();
      expect(lastCheckin).toMatch(lang === 'en' ? /Last check-in: 3 weeks ago/ : /hace 3 semanas/);
      await page.getByText(/Carla Ruiz/).waitFor();
      expect(await page.locator('.shared-provider').filter({ hasText: 'Carla Ruiz' }).count()).toBe(
        0,
      );
      expect(await page.locator('body').textContent()).not.toMatch(/Mateo|Secret/);
      await check(app, `staff-${size}-${lang}-providers`, found);

      // The collaborative's charts: Chart 1 first, Chart 2 next, k under every point, too few.
      await page.goto(`${suite.server.url}/staff/charts`);
      const charts = page.locator('.pooled-chart');
      await charts.first().waitFor();
      expect(await charts.count()).toBe(10);
      expect(await charts.nth(0).getAttribute('data-chart')).toBe('staff-s2-of-s1');
      expect(await charts.nth(1).getAttribute('data-chart')).toBe('providers-p5-of-p4');
      await charts
        .nth(0)
        .getByRole('button', { name: app.t('Show the numbers') })
        .click();
      const rows = charts.nth(0).locator('tbody tr');
      expect(await rows.count()).toBe(52);
      const tooFew = lang === 'en' ? 'too few to show' : 'muy pocos para mostrar';
      expect(await rows.nth(0).textContent()).toContain(tooFew);
      expect(await rows.nth(51).textContent()).toMatch(
        lang === 'en' ? /\d of 7 staff reporting/ : /\d de 7 personas del personal informan/,
      );
      await charts.nth(0).scrollIntoViewIfNeeded();
      await check(app, `staff-${size}-${lang}-charts`, found);

      if (lang === 'en') {
        const [csv] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: 'Export all charts (CSV)' }).click(),
        ]);
        const csvPath = join(ROOT, `test-results/screenshots/staff-charts-${size}.csv`);
        await csv.saveAs(csvPath);
        const text = readFileSync(csvPath, 'utf8');
        expect(text.startsWith('\uFEFFChart,Period,Value,Reporting,Of,Shown\r\n')).toBe(true);
        expect(text).toMatch(
          /\r\nChart 1: % of TA contacts on observation and recording,\d{4}-\d{2}-\d{2},/,
        );
        expect(text).not.toMatch(/\bp\d\b|\bs\d\b|a1|staff-s2/);
        const [png] = await Promise.all([
          page.waitForEvent('download'),
          charts.nth(1).getByRole('button', { name: 'Save as image' }).click(),
        ]);
        expect(png.suggestedFilename()).toMatch(
          /^naptime-providers-p5-of-p4-week-\d{4}-\d{2}-\d{2}\.png$/,
        );
        const pngPath = join(ROOT, `test-results/screenshots/staff-chart2-${size}.png`);
        await png.saveAs(pngPath);
        const bytes = readFileSync(pngPath);
        expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 675]);
      }

      await page.getByRole('radio', { name: app.t('Month'), exact: true }).check();
      await expect
        .poll(() =>
          charts
            .nth(0)
            .locator('tbody tr')
            .count()
            .catch(() => 0),
        )
        .toBeLessThan(15);
      await check(app, `staff-${size}-${lang}-charts-month`, found);
      await page.getByRole('radio', { name: app.t('Week'), exact: true }).check();
      await charts.first().waitFor();

      // Offline: the kept copy, "as of" when it came. (Whether the page still asks depends on the
      // browser's offline emulation: Chromium 150 starts a document with navigator.onLine true.)
      await cutOff(suite.context);
      await page.goto(`${suite.server.url}/staff/providers`).catch(() => undefined);
      await page.reload({ waitUntil: 'load' }).catch(() => undefined);
      await cards.first().waitFor();
      // "Offline" or "could not be reached", as the browser tells it: either way, the kept copy.
      await page
        .locator('.staff-status .notice')
        .getByText(
          lang === 'en'
            ? /this is what this device kept/
            : /esto es lo que guardó este dispositivo/,
        )
        .waitFor();
      expect(await page.locator('.staff-status').textContent()).toMatch(
        lang === 'en' ? /As of/ : /Datos de/,
      );
      expect(await cards.locator('h2').allTextContents()).toEqual(['Ana Flores', 'Beatriz Gómez']);
      await check(app, `staff-${size}-${lang}-providers-offline`, found);
      expect(errors).toEqual([]);
      expect(found).toEqual({});
    });
  }
});
