/**
 * In the browser (DESIGN.md "Non-negotiables": nothing typed is ever lost): a half-written note
 * survives a killed browser. A persistent profile keeps IndexedDB on disk; the browser process gets
 * SIGKILL (no unload, no flush), and a new browser on the same profile finds the draft in the note
 * form.
 */
import type { BrowserContext, Page } from 'playwright-core';
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

/** A new browser on `profile` with the note form open; the first launch waits for the service worker. */
async function openNoteForm(url: string, profile: string, isFirstLaunch: boolean) {
  context = await launchPersistent(profile, 'phone');
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  if (isFirstLaunch) await waitForServiceWorkerControl(page);
  const app = new App(page);
  await app.waitForShell();
  await app.openNoteForm();
  return { page, app };
}

/**
 * Types `text` into a new note, runs `beforeKill`, SIGKILLs the browser, and returns what the note
 * form holds in a new browser on the same profile.
 */
async function textAfterKill(text: string, beforeKill: (page: Page) => Promise<void>) {
  server = await startServer();
  const profile = makeTempDir('profile');
  const before = await openNoteForm(server.url, profile, true);
  await before.app.noteText().pressSequentially(text, { delay: 5 });
  await beforeKill(before.page);
  await killBrowser(before.page.context(), profile);
  context = undefined;
  const after = await openNoteForm(server.url, profile, false);
  return after.app.noteText().inputValue();
}

describe('a draft', () => {
  it('survives a SIGKILLed browser and is waiting in the note form when she comes back', async () => {
    const text = 'Ana pointed at the bird and said "pío pío" twice';
    // Autosave (≤ 500 ms) must have committed the text before the kill; nothing else gets a chance.
    expect(await textAfterKill(text, (page) => waitForDraftSaved(page, text))).toBe(text);
  });

  it('loses at most the last 150 ms of typing when the browser is killed right after', async () => {
    const text = 'Leo hummed the clean-up song while he put the blocks away';
    // No waiting for the draft: 150 ms after the last keystroke, the browser dies.
    expect(await textAfterKill(text, (page) => page.waitForTimeout(150))).toBe(text);
  });
});
