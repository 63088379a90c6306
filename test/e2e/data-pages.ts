/**
 * Page model of "Her data" in Settings (DESIGN.md 7): export buttons, the backup file input, the
 * two steps of "Erase this device", and reading what the app holds straight from IndexedDB. Names
 * are the English catalogue values, looked up in the current language through `App.t`.
 */
import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { App } from './pages';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The control whose label starts with `name`: a label that wraps its control also holds the hint
 * (and a select's options), so an exact label match misses it.
 */
export function labelled(app: App, english: string): Locator {
  return app.page.getByLabel(new RegExp(`^${escapeRegExp(app.t(english))}`)).first();
}

/** Clicks a save button and waits for "Saved on this device". */
async function saveWith(app: App, button: string): Promise<void> {
  await app.page.getByRole('button', { name: app.t(button), exact: true }).click();
  await app.page
    .getByText(app.t('Saved on this device'))
    .first()
    .waitFor({ state: 'visible', timeout: 10_000 });
}

/** Children → "Add child" → name → "Save child". */
export async function addChild(app: App, name: string): Promise<void> {
  await app.goTo('Children');
  await app.page
    .getByRole('button', { name: app.t('Add child'), exact: true })
    .first()
    .click();
  await labelled(app, 'Name').fill(name);
  await saveWith(app, 'Save child');
}

/** Home → "New note" → child, text, idea → "Save note". */
export async function writeNote(
  app: App,
  note: { child: string; text: string; idea?: string },
): Promise<void> {
  await app.goTo('Home');
  await app.newNoteButton().click();
  await labelled(app, 'What I saw and heard').waitFor({ state: 'visible' });
  // A chip shows its choice with `is-on` (the app's state), whatever the checkbox's own flag says.
  const chip = app.page
    .getByRole('group', { name: app.t('Child'), exact: true })
    .locator('label.chip', { hasText: note.child });
  const isOn = async () => ((await chip.getAttribute('class')) ?? '').includes('is-on');
  if (!(await isOn())) await chip.getByRole('checkbox').click();
  await expect.poll(isOn).toBe(true);
  await labelled(app, 'What I saw and heard').fill(note.text);
  if (note.idea) await labelled(app, 'Idea to try next').fill(note.idea);
  await saveWith(app, 'Save note');
}

/** Settings → "Language" → English / Español. */
export async function switchLanguage(app: App, lang: 'en' | 'es'): Promise<void> {
  await app.goTo('Settings');
  // The language picker itself (the export card has a group named "Language" too).
  await app.page
    .getByRole('combobox', { name: new RegExp(`^${escapeRegExp(app.t('Language'))}`) })
    .first()
    .selectOption({ label: lang === 'es' ? 'Español' : 'English' });
  app.lang = lang;
  await app.waitForShell(10_000);
}

/** Settings → data cards, driven through their accessible names. */
export class DataSettingsPage {
  constructor(readonly app: App) {}

  get page(): Page {
    return this.app.page;
  }

  async open(): Promise<void> {
    await this.app.goTo('Settings');
    await this.button('Export all (JSON)').waitFor({ state: 'visible' });
  }

  button(english: string): Locator {
    return this.page.getByRole('button', { name: this.app.t(english), exact: true });
  }

  /** Clicks an export button and returns the downloaded file's name and bytes. */
  async download(
    english: 'Export all (JSON)' | 'Export spreadsheets (.zip)',
  ): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: 15_000 }),
      this.button(english).click(),
    ]);
    return {
      name: (download as Download).suggestedFilename(),
      bytes: await readFile((await download.path())!),
    };
  }

  /** Chooses `file` in the file input labelled "Choose a backup file (.json)". */
  async importFile(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.page
      .getByLabel(this.app.t('Choose a backup file (.json)'), { exact: true })
      .setInputFiles(file);
  }

  /** "Erase this device…" → "Continue to erase" → "Yes, erase everything"; resolves once the app has reloaded. */
  async eraseDevice(): Promise<void> {
    await this.button('Erase this device…').click();
    await this.button('Continue to erase').click();
    const reloaded = this.page.waitForEvent('load', { timeout: 20_000 });
    await this.button('Yes, erase everything').click();
    await reloaded;
  }
}

/** How many rows each object store of Naptime's database holds (read in the page, no app code). */
export async function countRows(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const req = indexedDB.open('naptime');
      req.onsuccess = () => res(req.result);
      req.onerror = () => rej(req.error);
    });
    try {
      const out: Record<string, number> = {};
      for (const name of Array.from(db.objectStoreNames)) {
        out[name] = await new Promise<number>((res, rej) => {
          const req = db.transaction(name, 'readonly').objectStore(name).count();
          req.onsuccess = () => res(req.result);
          req.onerror = () => rej(req.error);
        });
      }
      return out;
    } finally {
      db.close();
    }
  });
}
