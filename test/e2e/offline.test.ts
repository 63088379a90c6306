/**
 * Offline in the browser (DESIGN.md "Who uses it, and where": the app never needs the network to
 * save or read): the service worker installs and controls the page; with the server stopped and the
 * context offline a reload still opens the app; a child and a note added offline are there after
 * another offline reload. Full suite at phone size, a smoke subset at tablet size.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectOffline, goOffline, type Size } from './harness';
import { openApp, useBrowserSuite } from './suite';
import { App, type Screen } from './pages';

const SCREENS: Screen[] = ['Home', 'Notes', 'Children', 'Settings'];

const suite = useBrowserSuite();

/** A fresh server and context, the app opened once online and controlled by its service worker. */
const openOnline = (size: Size) => openApp(suite, size);

/** Reloads with no network and no server; the app must still open from the precache. */
async function reloadOffline(page: Page, app: App): Promise<void> {
  await page.reload({ waitUntil: 'load' });
  await app.waitForShell();
  await expectOffline(page);
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
    expect(sw.activeScript).toBe(`${suite.server!.url}/sw.js`);
    expect(sw.controller).toBe(`${suite.server!.url}/sw.js`);
    expect(sw.scope).toBe(`${suite.server!.url}/`);

    const cdp = await suite.context!.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    // "in-incognito" is the test context itself (newContext is off the record), not the app.
    expect(
      installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito'),
    ).toEqual([]);
    await cdp.detach();
  });

  it('opens the app and every screen after a reload with the server stopped and the context offline', async () => {
    const { page, app } = await openOnline('phone');
    await goOffline(suite.context!, suite.server!);
    await reloadOffline(page, app);
    for (const screen of SCREENS) {
      await app.goTo(screen);
      await app.waitForShell();
    }
    await app.openNoteForm();
  });

  it('keeps a child and a note added offline across another offline reload', async () => {
    const { page, app } = await openOnline('phone');
    await goOffline(suite.context!, suite.server!);
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
    await goOffline(suite.context!, suite.server!);
    await reloadOffline(page, app);
    await app.openNoteForm();
    await app.goTo('Children');
    await app.waitForShell();
  });
});
