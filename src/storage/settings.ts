/**
 * Device settings, local only (DESIGN.md "Records": language and chart preferences). Each setting is
 * one row of `settings`; a missing or unreadable value falls back to its default, so an old or
 * damaged row never stops the app from starting.
 */
import type { NaptimeDb } from './db';
import { toStorageFailure, type StorageFailure } from './errors';

/** The languages of the app's catalogues. */
export const SETTING_LANGUAGES = ['en', 'es'] as const;

/** Her settings. `language: null` means "follow the browser's languages". */
export interface Settings {
  language: (typeof SETTING_LANGUAGES)[number] | null;
}

/** The settings of a device where nothing has been chosen yet. */
export const DEFAULT_SETTINGS: Settings = { language: null };

const CHECKS: { [K in keyof Settings]: (value: unknown) => value is Settings[K] } = {
  language: (v): v is Settings['language'] => v === null || (SETTING_LANGUAGES as readonly unknown[]).includes(v),
};

const KEYS = Object.keys(CHECKS) as (keyof Settings)[];

/** The current settings, each one its stored value when valid, else its default. */
export async function getSettings(db: NaptimeDb): Promise<Settings> {
  const rows = await db.settings.bulkGet(KEYS);
  const settings: Settings = { ...DEFAULT_SETTINGS };
  KEYS.forEach((key, i) => {
    const value = rows[i]?.value;
    if (rows[i] && CHECKS[key](value)) (settings as unknown as Record<string, unknown>)[key] = value;
  });
  return settings;
}

/** Stores the settings named in `patch` (an invalid value is refused, nothing written). */
export async function saveSettings(
  db: NaptimeDb,
  patch: Partial<Settings>,
): Promise<{ ok: true; settings: Settings } | { ok: false; reason: 'invalid'; key: string } | StorageFailure> {
  const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as [keyof Settings, unknown][];
  const bad = entries.find(([key, value]) => !(key in CHECKS) || !CHECKS[key](value));
  if (bad) return { ok: false, reason: 'invalid', key: bad[0] };
  try {
    await db.settings.bulkPut(entries.map(([key, value]) => ({ key, value })));
    return { ok: true, settings: await getSettings(db) };
  } catch (error) {
    return toStorageFailure(error);
  }
}
