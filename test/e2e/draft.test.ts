/**
 * In the browser (DESIGN.md "Non-negotiables": nothing typed is ever lost): a half-written note
 * survives a killed browser. A persistent profile keeps IndexedDB on disk; the browser process gets
 * SIGKILL (no unload, no flush), and a new browser on the same profile finds the draft in the note
 * form.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  cleanupTempDirs,
  killBrowser,
  launchPersistent,
  makeTempDir,
  startServer,
  waitForDraftSaved,
  waitForServiceWorkerControl,
  type ServerHandle,
} from './harness';
import { App } from './pages';

let server: ServerHandle | undefined;
let context: BrowserContext | undefined;

afterEach(async () => {
  await context?.close().catch(() => undefined);
  await server?.stop();
  context = undefined;
  server = undefined;
});
afterAll(() => cleanupTempDirs());

describe('a draft', () => {
  it('survives a SIGKILLed browser and is waiting in the note form when she comes back', async () => {
    server = await startServer();
    const profile = makeTempDir('profile');
    const text = 'Ana pointed at the bird and said "pío pío" twice';

    context = await launchPersistent(profile, 'phone');
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await waitForServiceWorkerControl(page);
    let app = new App(page);
    await app.waitForShell();
    await app.openNoteForm();
    await app.noteText().pressSequentially(text, { delay: 5 });
    // Autosave (≤ 500 ms) must have committed the text before the kill; nothing else gets a chance.
    await waitForDraftSaved(page, text);

    await killBrowser(context, profile);
    context = undefined;

    context = await launchPersistent(profile, 'phone');
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    app = new App(page);
    await app.waitForShell();
    await app.openNoteForm();
    expect(await app.noteText().inputValue()).toBe(text);
  });

  it('loses at most the last 150 ms of typing when the browser is killed right after', async () => {
    server = await startServer();
    const profile = makeTempDir('profile');
    const text = 'Leo hummed the clean-up song while he put the blocks away';

    context = await launchPersistent(profile, 'phone');
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await waitForServiceWorkerControl(page);
    let app = new App(page);
    await app.waitForShell();
    await app.openNoteForm();
    await app.noteText().pressSequentially(text, { delay: 5 });
    // No waiting for the draft: 150 ms after the last keystroke, the browser dies.
    await page.waitForTimeout(150);
    await killBrowser(context, profile);
    context = undefined;

    context = await launchPersistent(profile, 'phone');
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    app = new App(page);
    await app.waitForShell();
    await app.openNoteForm();
    expect(await app.noteText().inputValue()).toBe(text);
  });
});
