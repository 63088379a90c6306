import { afterEach, describe, expect, it } from 'vitest';
import type { NaptimeDb } from './db';
import { DEFAULT_SETTINGS, getSettings, saveSettings } from './settings';
import { openTestDb } from './testing';

const dbs: NaptimeDb[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

async function open() {
  const db = await openTestDb();
  dbs.push(db);
  return db;
}

describe('settings', () => {
  it('start from the defaults (language follows the browser)', async () => {
    const db = await open();
    expect(await getSettings(db)).toEqual({ language: null });
    expect(DEFAULT_SETTINGS.language).toBeNull();
  });

  it('save a language and read it back, and null goes back to following the browser', async () => {
    const db = await open();
    expect(await saveSettings(db, { language: 'es' })).toEqual({ ok: true, settings: { language: 'es' } });
    expect(await getSettings(db)).toEqual({ language: 'es' });
    await saveSettings(db, { language: null });
    expect((await getSettings(db)).language).toBeNull();
  });

  it('refuse an unknown value and write nothing', async () => {
    const db = await open();
    await saveSettings(db, { language: 'en' });
    expect(await saveSettings(db, { language: 'fr' as never })).toEqual({ ok: false, reason: 'invalid', key: 'language' });
    expect((await getSettings(db)).language).toBe('en');
  });

  it('fall back to the default for a damaged row, without deleting it', async () => {
    const db = await open();
    await db.settings.put({ key: 'language', value: 42 });
    expect((await getSettings(db)).language).toBeNull();
    expect(await db.settings.get('language')).toEqual({ key: 'language', value: 42 });
  });
});
