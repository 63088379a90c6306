/**
 * Issue 2, Proof (browser): the service worker installs and controls the page; with the server
 * stopped and the context offline a reload still opens the app; a child and a note added offline
 * are there after another offline reload. Full suite at phone size, a smoke subset at tablet size.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  cleanupTempDirs,
  goOffline,
  launchBrowser,
  newContext,
  startServer,
  waitForServiceWorkerControl,
  type ServerHandle,
  type Size,
} from './harness';
import { App, type Screen } from './pages';

const SCREENS: Screen[] = ['Home', 'Notes', 'Children', 'Settings'];

let browser: Browser;
let server: ServerHandle | undefined;
let context: BrowserContext | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterEach(async () => {
  await context?.close();
  await server?.stop();
  context = undefined;
  server = undefined;
});
afterAll(async () => {
  await browser?.close();
  cleanupTempDirs();
});

/** A fresh server and context, the app opened once online and controlled by its service worker. */
async function openOnline(size: Size): Promise<{ page: Page; app: App }> {
  server = await startServer();
  context = await newContext(browser, size);
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForServiceWorkerControl(page);
  const app = new App(page);
  await app.waitForShell();
  return { page, app };
}

/** Reloads with no network and no server; the app must still open from the precache. */
async function reloadOffline(page: Page, app: App): Promise<void> {
  await page.reload({ waitUntil: 'load' });
  await app.waitForShell();
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
}

describe('offline at phone size', () => {
  it('installs a service worker that controls the page, and Chromium finds the app installable', async () => {
    const { page } = await openOnline('phone');
    const sw = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return {
        activeScript: registration.active?.scriptURL ?? null,
        controller: navigator.serviceWorker.controller?.scriptURL ?? null,
        scope: registration.scope,
      };
    });
    expect(sw.activeScript).toBe(`${server!.url}/sw.js`);
    expect(sw.controller).toBe(`${server!.url}/sw.js`);
    expect(sw.scope).toBe(`${server!.url}/`);

    const cdp = await context!.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    // "in-incognito" is the test context itself (newContext is off the record), not the app.
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
    await cdp.detach();
  });

  it('opens the app and every screen after a reload with the server stopped and the context offline', async () => {
    const { page, app } = await openOnline('phone');
    await goOffline(context!, server!);
    await reloadOffline(page, app);
    for (const screen of SCREENS) {
      await app.goTo(screen);
      await app.waitForShell();
    }
    await app.openNoteForm();
  });

  it('keeps a child and a note added offline across another offline reload', async () => {
    const { page, app } = await openOnline('phone');
    await goOffline(context!, server!);
    await reloadOffline(page, app);

    await app.goTo('Children');
    await app.addChild('Mateo');
    const text = 'Mateo stacked four blocks and laughed.';
    const idea = 'Offer the big blocks at outside time.';
    await app.goTo('Home');
    await app.writeNote({ child: 'Mateo', text, idea });

    await reloadOffline(page, app);
    await app.goTo('Children');
    await page.getByText('Mateo').first().waitFor({ state: 'visible' });
    await app.goTo('Notes');
    await page.getByText(text).first().waitFor({ state: 'visible' });
  });
});

describe('offline at tablet size (smoke)', () => {
  it('is controlled by the service worker, reopens offline, and opens the note form offline', async () => {
    const { page, app } = await openOnline('tablet');
    await goOffline(context!, server!);
    await reloadOffline(page, app);
    await app.openNoteForm();
    await app.goTo('Children');
    await app.waitForShell();
  });
});
