import { describe, expect, it } from 'vitest';
import { MEASURE_IDS } from '../domain/tables';
import { DEFAULT_SETTINGS, getSettings, saveSettings } from './settings';
import { useTestDbs } from './testing';

const open = useTestDbs();

describe('settings', () => {
  it('start from the defaults (language follows the browser)', async () => {
    const db = await open();
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.language).toBeNull();
  });

  it('save a language and read it back, and null goes back to following the browser', async () => {
    const db = await open();
    expect(await saveSettings(db, { language: 'es' })).toEqual({
      ok: true,
      settings: { ...DEFAULT_SETTINGS, language: 'es' },
    });
    expect(await getSettings(db)).toEqual({ ...DEFAULT_SETTINGS, language: 'es' });
    await saveSettings(db, { language: null });
    expect((await getSettings(db)).language).toBeNull();
  });

  it('refuse an unknown value and write nothing', async () => {
    const db = await open();
    await saveSettings(db, { language: 'en' });
    expect(await saveSettings(db, { language: 'fr' as never })).toEqual({
      ok: false,
      reason: 'invalid',
      key: 'language',
    });
    expect((await getSettings(db)).language).toBe('en');
  });

  it('fall back to the default for a damaged row, without deleting it', async () => {
    const db = await open();
    await db.settings.put({ key: 'language', value: 42 });
    expect((await getSettings(db)).language).toBeNull();
    expect(await db.settings.get('language')).toEqual({ key: 'language', value: 42 });
  });

  it('refuse a key that is not a setting, even one every object has', async () => {
    const db = await open();
    expect(await saveSettings(db, { toString: 'x' } as never)).toEqual({
      ok: false,
      reason: 'invalid',
      key: 'toString',
    });
    expect(await db.settings.count()).toBe(0);
  });
});

describe('chart preferences', () => {
  const allBaseline = Object.fromEntries(MEASURE_IDS.map((m) => [m, 'baseline']));

  it('default to the IHI rules and the baseline median for every measure', async () => {
    const db = await open();
    const settings = await getSettings(db);
    expect(settings.chartRules).toBe('ihi');
    expect(settings.medianMode).toEqual(allBaseline);
  });

  it('save the Anhøj rules and a median of all weeks for one chart, and read them back', async () => {
    const db = await open();
    const medianMode = { ...DEFAULT_SETTINGS.medianMode, 'p5-of-p4': 'all' as const };
    const saved = await saveSettings(db, { chartRules: 'anhoej', medianMode });
    expect(saved.ok).toBe(true);
    const settings = await getSettings(db);
    expect(settings).toEqual({ language: null, chartRules: 'anhoej', medianMode, goals: {} });
  });

  it('save a goal per measure within its range, refuse one outside it, and drop a damaged one on read', async () => {
    const db = await open();
    expect((await saveSettings(db, { goals: { p2: 5, p6: 4.5 } })).ok).toBe(true);
    expect((await getSettings(db)).goals).toEqual({ p2: 5, p6: 4.5 });
    expect(await saveSettings(db, { goals: { p2: 8 } })).toEqual({
      ok: false,
      reason: 'invalid',
      key: 'goals',
    });
    await db.settings.put({ key: 'goals', value: { p2: 'lots', p3: 6 } });
    expect((await getSettings(db)).goals).toEqual({ p3: 6 });
  });

  it('keep the language when only a chart preference is saved, and the other way round', async () => {
    const db = await open();
    await saveSettings(db, { language: 'es' });
    await saveSettings(db, { chartRules: 'anhoej' });
    await saveSettings(db, { language: 'en' });
    expect(await getSettings(db)).toMatchObject({ language: 'en', chartRules: 'anhoej' });
  });

  it('refuse unknown rules, an unknown median mode, a missing measure or an unknown measure, and write nothing', async () => {
    const db = await open();
    expect(await saveSettings(db, { chartRules: 'nhs' as never })).toEqual({
      ok: false,
      reason: 'invalid',
      key: 'chartRules',
    });
    const bad = [
      { ...allBaseline, p2: 'mean' },
      { p2: 'all' },
      { ...allBaseline, p9: 'all' },
      null,
      ['baseline'],
    ];
    for (const medianMode of bad) {
      expect(await saveSettings(db, { medianMode: medianMode as never })).toEqual({
        ok: false,
        reason: 'invalid',
        key: 'medianMode',
      });
    }
    expect(await db.settings.count()).toBe(0);
  });

  it('read a device that has only a language saved (before chart preferences existed) with the chart defaults', async () => {
    const db = await open();
    await db.settings.put({ key: 'language', value: 'es' });
    expect(await getSettings(db)).toEqual({ ...DEFAULT_SETTINGS, language: 'es' });
  });

  it('keep the good entries of a partial or damaged median row, the rest at baseline', async () => {
    const db = await open();
    await db.settings.put({
      key: 'medianMode',
      value: { p2: 'all', p3: 'sometimes', 'p5-of-p4': 'all', extra: 'all' },
    });
    await db.settings.put({ key: 'chartRules', value: 'IHI' });
    const settings = await getSettings(db);
    expect(settings.medianMode).toEqual({ ...allBaseline, p2: 'all', 'p5-of-p4': 'all' });
    expect(settings.chartRules).toBe('ihi');
  });

  it('fall back to every default for a median row that is not an object', async () => {
    const db = await open();
    await db.settings.put({ key: 'medianMode', value: 'all' });
    expect((await getSettings(db)).medianMode).toEqual(allBaseline);
  });

  it('hand out a fresh defaults object, so changing one result cannot change the next', async () => {
    const db = await open();
    const first = await getSettings(db);
    first.medianMode.p2 = 'all';
    expect((await getSettings(db)).medianMode.p2).toBe('baseline');
    expect(DEFAULT_SETTINGS.medianMode.p2).toBe('baseline');
  });
});
