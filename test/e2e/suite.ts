/**
 * What every browser test file shares: one Chromium per file; the server and the context a test
 * opens are closed after it, and temp folders removed at the end; and the usual start of a test, the
 * app opened once online and controlled by its service worker, then cut off from the network if asked.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
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
import { App, loadCatalogues, type Catalogues } from './pages';

/** The file's browser and catalogues, and the server and context of the running test. */
export interface Suite {
  browser: Browser;
  catalogues: Catalogues;
  server?: ServerHandle;
  context?: BrowserContext;
}

/** Registers the file's lifecycle hooks and returns the state they manage. */
export function useBrowserSuite(): Suite {
  const suite = {} as Suite;
  beforeAll(async () => {
    suite.browser = await launchBrowser();
    suite.catalogues = await loadCatalogues();
  });
  afterEach(async () => {
    await suite.context?.close();
    await suite.server?.stop();
    suite.context = undefined;
    suite.server = undefined;
  });
  afterAll(async () => {
    await suite.browser?.close();
    cleanupTempDirs();
  });
  return suite;
}

/** A fresh server and context at `size`, the app opened once online, controlled by its service worker. */
export async function openApp(
  suite: Suite,
  size: Size,
  options: { isOffline?: boolean } = {},
): Promise<{ page: Page; app: App }> {
  suite.server = await startServer();
  suite.context = await newContext(suite.browser, size);
  const page = await suite.context.newPage();
  await page.goto(suite.server.url);
  await waitForServiceWorkerControl(page);
  const app = new App(page, suite.catalogues);
  await app.waitForShell();
  if (options.isOffline) await goOffline(suite.context, suite.server);
  return { page, app };
}
