/**
 * What she does with her notes (DESIGN.md 1, 2, 7): ideas to try next she can act on (whose, which
 * day, once each, "I tried it", "Start a PDSA cycle" pre-filled), "By child" without a dropdown, a
 * page per child, the spreadsheets read as a spreadsheet would (names, labels, dates not text) in
 * English and Spanish, the print view (print media, a PDF), and chart rules under Advanced.
 * Screenshots in test-results/screenshots/notes-*.png.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/csv';
import { addChild, DataSettingsPage, switchLanguage, writeNote } from './data-pages';
import { runAxe, screenshot } from './harness';
import type { App } from './pages';
import { spreadsheetType } from './provider-pages';
import { openApp, useBrowserSuite } from './suite';

const suite = useBrowserSuite();

function sheet(files: Record<string, Uint8Array>, name: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(strFromU8(files[name]!));
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

async function noteWithArea(app: App, child: string, text: string): Promise<void> {
  await app.openNoteForm();
  await app.chooseChild(child);
  await app.noteText().fill(text);
  await app.page
    .getByRole('group', { name: app.t('Area of development') })
    .locator('label.chip', { hasText: app.t('Talking and listening') })
    .click();
  await app.page
    .getByRole('group', { name: app.t('During'), exact: true })
    .locator('label.chip', { hasText: app.t('Meal') })
    .click();
  await app.saveWith('Save note');
}

describe('her notes, ideas and data', () => {
  it('turns ideas into actions, shows each child, and exports and prints what a person reads', async () => {
    const { page, app } = await openApp(suite, 'phone', { isOffline: true });
    await addChild(app, 'Mía');
    await addChild(app, 'Leo');
    await writeNote(app, { child: 'Mía', text: 'Poured water.', idea: 'Offer two cups at snack' });
    await writeNote(app, { child: 'Mía', text: 'Poured again.', idea: 'offer two cups at snack.' });
    await writeNote(app, {
      child: 'Leo',
      text: 'Pointed at a truck.',
      idea: 'Read the truck book with Leo at nap time, when he is calm and listening',
    });
    await noteWithArea(app, 'Mía', 'Said "agua" at lunch.');

    await app.goTo('Home');
    const ideas = page.locator('#home-ideas ~ .idea-list > li.idea');
    await expect.poll(() => ideas.count()).toBe(2);
    const cups = ideas.filter({ hasText: 'two cups' });
    expect(await cups.locator('.idea-meta').innerText()).toMatch(
      /^Mía, \w+day, \w+ \d+ · also in 1 more note$/,
    );
    expect(await runAxe(page)).toEqual([]);
    await screenshot(page, 'notes-phone-en-home-ideas');
    // The wrapped idea's text starts beside nothing: no bullet hangs on its last line.
    expect(await ideas.first().evaluate((li) => getComputedStyle(li).listStyleType)).toBe('none');
    await ideas
      .filter({ hasText: 'truck' })
      .getByRole('button', { name: 'I tried it', exact: true })
      .click();
    await page.getByText('Marked as tried.').waitFor();
    await expect.poll(() => ideas.count()).toBe(1);

    await cups.getByRole('link', { name: 'Start a PDSA cycle', exact: true }).click();
    await expect
      .poll(() => page.getByLabel('Change idea', { exact: true }).inputValue())
      .toBe('offer two cups at snack.');
    await screenshot(page, 'notes-phone-en-pdsa-from-idea');

    await app.goTo('Notes');
    await page.getByRole('link', { name: 'By child', exact: true }).click();
    await page.getByRole('heading', { name: 'Leo', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Mía', exact: true }).waitFor();
    expect(await page.locator('main select').count()).toBe(0);
    await page.getByText('During: meal').first().waitFor();
    expect(await runAxe(page)).toEqual([]);
    await screenshot(page, 'notes-phone-en-by-child');

    await page.getByRole('link', { name: 'All about Mía', exact: true }).click();
    await page.getByRole('heading', { name: 'About Mía', exact: true }).waitFor();
    const few = page.locator('section[aria-labelledby="child-few"] li');
    expect(await few.allInnerTexts()).toEqual([
      'Feelings and friends',
      'Talking and listening',
      'Thinking and exploring',
      'Moving and using hands',
      'Trying and focusing',
    ]);
    expect(await page.locator('#area-language').innerText()).toContain('1 note');
    expect(await runAxe(page)).toEqual([]);
    await screenshot(page, 'notes-phone-en-child-page');

    await page.getByRole('link', { name: 'Print a summary', exact: true }).click();
    await page.getByRole('heading', { name: 'Notes about Mía', exact: true }).waitFor();
    expect(await page.locator('.print-notes > li').count()).toBe(3);
    expect(await runAxe(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.app-header').isVisible()).toBe(false);
    expect(await page.locator('.print-bar').isVisible()).toBe(false);
    await screenshot(page, 'notes-phone-en-print-child');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.emulateMedia({ media: 'screen' });

    const data = new DataSettingsPage(app);
    await data.open();
    await page.getByText('You have not saved a copy of your data yet.').waitFor();
    const en = unzipSync(new Uint8Array((await data.download('Export spreadsheets (.zip)')).bytes));
    await page.getByText(/^Your last saved copy: /).waitFor();
    const notes = sheet(en, 'notes.csv');
    expect(notes).toHaveLength(4);
    expect(notes.map((n) => n.Children)).toEqual(['Mía', 'Mía', 'Leo', 'Mía']);
    const agua = notes.find((n) => n['What I saw and heard'] === 'Said "agua" at lunch.')!;
    expect([agua['Area of development'], agua.During, agua['When (as chosen)']]).toEqual([
      'Talking and listening',
      'Meal',
      'Exact time',
    ]);
    for (const n of notes) {
      expect(spreadsheetType(n['Date and time']!)).toBe('date-time');
      expect(spreadsheetType(n['Written down on']!)).toBe('date-time');
    }
    expect(spreadsheetType(notes.find((n) => n.Children === 'Leo')!['Idea tried on']!)).toBe(
      'date',
    );
    expect(strFromU8(en['notes.csv']!)).not.toMatch(
      /hlc|syncStatus|motor-physical|social-emotional/,
    );

    await switchLanguage(app, 'es');
    await data.open();
    const es = unzipSync(new Uint8Array((await data.download('Export spreadsheets (.zip)')).bytes));
    expect(Object.keys(es).sort()).toEqual([
      'ciclos-pdsa.csv',
      'ninos.csv',
      'notas.csv',
      'registros-semanales.csv',
    ]);
    const notas = sheet(es, 'notas.csv');
    expect(notas.find((n) => n['Lo que vi y escuché'] === 'Said "agua" at lunch.')).toMatchObject({
      'Área de desarrollo': 'Hablar y escuchar',
      Durante: 'La comida',
      'Cuándo (como lo eligió)': 'Hora exacta',
    });
    expect(sheet(es, 'ninos.csv').map((c) => c['A mi cuidado ahora'])).toEqual(['Sí', 'Sí']);

    const advanced = page.locator('details.advanced');
    expect(await advanced.getAttribute('open')).toBeNull();
    await advanced.locator('summary').click();
    await page.getByRole('radio').first().waitFor();
    expect(await runAxe(page)).toEqual([]);
    await screenshot(page, 'notes-phone-es-settings');

    await page
      .getByRole('link', { name: app.t('Print a summary of a month'), exact: true })
      .click();
    await page.locator('.print-page h1').waitFor();
    expect(await runAxe(page)).toEqual([]);
    await screenshot(page, 'notes-phone-es-print-month');
  });
});
