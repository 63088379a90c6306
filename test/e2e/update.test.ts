/**
 * The update prompt in the browser (src/README.md 13: an update waits until she accepts). A copy of
 * the build is served by its own server (STATIC_DIR), so the shared dist/ is never touched; one
 * byte of its sw.js changes and `registration.update()` finds the new worker: "Update ready"
 * appears, nothing reloads, the draft is intact; accepting activates the new worker and the draft
 * is still there.
 */
import { appendFileSync, cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DIST_APP,
  makeTempDir,
  newContext,
  sleep,
  startServer,
  waitForDraftSaved,
  waitForServiceWorkerControl,
} from './harness';
import { useBrowserSuite } from './suite';
import { App } from './pages';

const suite = useBrowserSuite();

interface WorkerVersion {
  versionId: string;
  scriptURL: string;
  status: string;
}

/** Follows the service-worker versions Chromium knows for this page (CDP ServiceWorker domain). */
async function watchWorkerVersions(cdp: CDPSession): Promise<Map<string, WorkerVersion>> {
  const versions = new Map<string, WorkerVersion>();
  cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: WorkerVersion[] }) => {
    for (const v of event.versions) versions.set(v.versionId, v);
  });
  await cdp.send('ServiceWorker.enable');
  return versions;
}

describe('the update prompt', () => {
  it('says "Update ready" without reloading, keeps the draft, and activates the new worker only when she accepts', async () => {
    const staticDir = makeTempDir('static');
    cpSync(DIST_APP, staticDir, { recursive: true });
    suite.server = await startServer({ staticDir });
    suite.context = await newContext(suite.browser, 'phone');
    const page = await suite.context.newPage();
    await page.goto(suite.server.url);
    await waitForServiceWorkerControl(page);
    const app = new App(page);
    await app.waitForShell();

    const text = 'Leo carried the watering can to every plant';
    await app.openNoteForm();
    await app.noteText().pressSequentially(text, { delay: 5 });
    await waitForDraftSaved(page, text);

    const cdp = await suite.context.newCDPSession(page);
    const versions = await watchWorkerVersions(cdp);
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations += 1;
    });
    await page.evaluate(() => {
      (window as unknown as { stillThisPage: boolean }).stillThisPage = true;
    });

    // A new version is deployed: one byte more in sw.js.
    const swPath = join(staticDir, 'sw.js');
    const before = readFileSync(swPath);
    appendFileSync(swPath, '\n');
    expect(readFileSync(swPath).length).toBe(before.length + 1);
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration!.update();
    });

    await app.updateReady().waitFor({ state: 'visible', timeout: 30_000 });
    await sleep(2_000); // time enough for an unwanted reload to show
    expect(navigations).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage),
    ).toBe(true);
    expect(await app.noteText().inputValue()).toBe(text);
    const waiting = await page.evaluate(
      async () => (await navigator.serviceWorker.getRegistration())?.waiting?.scriptURL ?? null,
    );
    expect(waiting).toBe(`${suite.server.url}/sw.js`);
    const waitingVersion = [...versions.values()].find((v) => v.status === 'installed');
    expect(waitingVersion, 'Chromium reports an installed (waiting) worker version').toBeDefined();

    await app.updateNow().click();
    await page
      .waitForFunction(
        () => !(window as unknown as { stillThisPage?: boolean }).stillThisPage,
        null,
        { timeout: 30_000 },
      )
      .catch(async () => {
        // waitForFunction may lose its context in the reload itself; the check below decides.
        await page.waitForLoadState('load');
      });
    await page.waitForFunction(
      async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return (
          registration?.waiting === null &&
          registration.active?.state === 'activated' &&
          navigator.serviceWorker.controller !== null
        );
      },
      null,
      { timeout: 30_000 },
    );
    await expect
      .poll(() => versions.get(waitingVersion!.versionId)?.status, { timeout: 10_000 })
      .toBe('activated');
    expect(
      await page.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage),
    ).toBeUndefined();

    await app.waitForShell();
    await app.openNoteForm();
    expect(await app.noteText().inputValue()).toBe(text);
    await cdp.detach().catch(() => undefined);
  });
});
