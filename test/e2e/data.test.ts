/**
 * "Her data is hers" in the browser (DESIGN.md 7; offline, phone size): the export files parse with
 * the domain schemas and their counts match what is on screen; a backup imports back with nothing
 * doubled and a damaged file is refused; "Erase this device" (both steps) leaves an empty app after
 * the reload; Settings is axe-clean in English and Spanish (screenshots in
 * test-results/screenshots/data-*.png).
 */
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/csv';
import { StoredRecordSchema } from '../../src/domain/envelope';
import { parseExport } from '../../src/domain/export-format';
import { DATA_SCHEMAS } from '../../src/domain/records';
import { SYNCED_TABLES } from '../../src/domain/tables';
import { addChild, countRows, DataSettingsPage, switchLanguage, writeNote } from './data-pages';
import { runAxe, screenshot } from './harness';
import { openApp, useBrowserSuite } from './suite';
import { App } from './pages';

const suite = useBrowserSuite();

/** The app opened once online, controlled by its service worker, then cut off from the network. */
const openOffline = () => openApp(suite, 'phone', { isOffline: true });

/** How many cards a list screen shows. */
async function cardsOn(app: App, screen: 'Children' | 'Notes'): Promise<number> {
  await app.goTo(screen);
  await app.page.locator('main ul.card-list, main .empty').first().waitFor({ state: 'attached' });
  return app.page.locator('main ul.card-list > li').count();
}

describe('her data, offline at phone size', () => {
  it('exports files that parse and match the screen, imports them back, refuses a damaged file, and erases', async () => {
    const { page, app } = await openOffline();
    await addChild(app, 'Sofía Núñez');
    await addChild(app, '=Beto, "B"');
    await writeNote(app, {
      child: 'Sofía Núñez',
      text: 'Dijo "¡más bloques!", y luego\nse rió',
      idea: '+ más torres',
    });
    const onScreen = {
      children: await cardsOn(app, 'Children'),
      observations: await cardsOn(app, 'Notes'),
    };
    expect(onScreen).toEqual({ children: 2, observations: 1 });

    const data = new DataSettingsPage(app);
    await data.open();
    const json = await data.download('Export all (JSON)');
    expect(json.name).toMatch(/^naptime-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(json.bytes.toString('utf8')) as { tables: Record<string, unknown[]> };
    const parsed = parseExport(file);
    expect(parsed.ok).toBe(true);
    for (const table of SYNCED_TABLES) {
      for (const row of file.tables[table]!) {
        const envelope = StoredRecordSchema.parse(row);
        expect(DATA_SCHEMAS[table].safeParse(envelope.data).success, table).toBe(true);
      }
    }
    expect({
      children: file.tables.children!.length,
      observations: file.tables.observations!.length,
    }).toEqual(onScreen);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: json.name }).count())
      .toBe(1);

    const zip = await data.download('Export spreadsheets (.zip)');
    const csvs = unzipSync(new Uint8Array(zip.bytes));
    expect(Object.keys(csvs).sort()).toEqual([
      'children.csv',
      'notes.csv',
      'pdsa-cycles.csv',
      'weekly-check-ins.csv',
    ]);
    const rowsOf = (name: string) =>
      parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(csvs[name]!));
    expect(rowsOf('children.csv').length - 1).toBe(onScreen.children);
    expect(rowsOf('notes.csv').length - 1).toBe(onScreen.observations);
    const [header, ...children] = rowsOf('children.csv');
    expect(children.map((r) => r[header!.indexOf('Name')]).sort()).toEqual([
      '\'=Beto, "B"',
      'Sofía Núñez',
    ]);

    await data.importFile({ name: json.name, mimeType: 'application/json', buffer: json.bytes });
    await page.getByText(app.t('Import finished.')).waitFor();
    await expect.poll(() => page.getByText('0 items added').count()).toBe(1);
    await expect
      .poll(() => page.getByText('3 items already up to date here, left as they are').count())
      .toBe(1);
    await screenshot(page, 'data-phone-en-import-report');
    const damaged = { ...file, tables: { ...file.tables, children: [{ id: 'x' }] } };
    const before = await countRows(page);
    await data.importFile({
      name: 'damaged.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(damaged)),
    });
    await page.getByRole('alert').filter({ hasText: 'This file is damaged' }).waitFor();
    await screenshot(page, 'data-phone-en-import-refused');
    expect(await countRows(page)).toEqual(before);

    await data.eraseDevice();
    await app.waitForShell();
    const after = await countRows(page);
    for (const store of [...SYNCED_TABLES, 'outbox', 'drafts', 'settings'])
      expect(after[store], store).toBe(0);
    expect(await cardsOn(app, 'Children')).toBe(0);
    expect(await cardsOn(app, 'Notes')).toBe(0);
  });

  it('keeps Settings free of serious accessibility problems in English and Spanish', async () => {
    const { page, app } = await openOffline();
    await new DataSettingsPage(app).open();
    expect(await runAxe(page)).toEqual([]);
    await screenshot(page, 'data-phone-en-settings');
    await switchLanguage(app, 'es');
    await new DataSettingsPage(app).open();
    expect(await runAxe(page)).toEqual([]);
    await screenshot(page, 'data-phone-es-settings');
    await new DataSettingsPage(app).button('Erase this device…').click();
    expect(await runAxe(page)).toEqual([]);
    await screenshot(page, 'data-phone-es-erase-offer');
    await new DataSettingsPage(app).button('Continue to erase').click();
    expect(await runAxe(page)).toEqual([]);
    await screenshot(page, 'data-phone-es-erase-confirm');

    // Keyboard: "Cancel" gives the focus back to the start button; Enter opens the first step again.
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    await page.getByRole('button', { name: app.t('Cancel'), exact: true }).click();
    await expect.poll(focused).toBe(app.t('Erase this device…'));
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe(app.t('First, save a copy of your data:'));
    for (const name of [
      'Export all (JSON)',
      'Export spreadsheets (.zip)',
      'Continue to erase',
      'Cancel',
    ]) {
      for (const box of await page.getByRole('button', { name: app.t(name), exact: true }).all()) {
        expect((await box.boundingBox())!.height, name).toBeGreaterThanOrEqual(44);
      }
    }
    expect((await page.locator('label.data-file').boundingBox())!.height).toBeGreaterThanOrEqual(
      44,
    );
  });
});
