/**
 * A provider's first day (DESIGN.md 1, 2): the first run (language, children, first note; each
 * skippable, shown once) and honest times — at 08:01 in Chicago "This morning" and "After lunch"
 * are not offered, a picked time later than now is refused, and the card says the words she chose;
 * after saving, Home opens at the top. Chips are 44 px tall on a phone and 48 on a tablet.
 * Screenshots in test-results/screenshots/newcomer-*.png.
 */
import { describe, expect, it } from 'vitest';
import { accessibleTexts, runAxe, screenshot } from './harness';
import { englishOnlyMatchers } from './pages';
import { chooseWhen, openAt, Welcome, whenChoices } from './provider-pages';
import { useBrowserSuite } from './suite';

const suite = useBrowserSuite();
const CHICAGO = 'America/Chicago';

async function chipHeights(page: import('playwright-core').Page): Promise<number[]> {
  return page
    .locator('label.chip')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
}

describe('a provider on her first day', () => {
  it('is guided to her first note at 08:01, and every time she reads is true', async () => {
    const { page, app } = await openAt(suite, 'phone', '2026-12-02T08:01:00-06:00', CHICAGO);
    const welcome = new Welcome(app);
    await welcome.heading('Welcome to Naptime').waitFor();
    expect(await runAxe(page)).toEqual([]);
    await screenshot(page, 'newcomer-phone-en-welcome');
    await welcome.card().getByRole('button', { name: 'English', exact: true }).click();
    await welcome.heading('Add the children you care for').waitFor();
    await welcome.card().getByRole('link', { name: 'Add a child', exact: true }).click();
    await app.childName().fill('Mía');
    await app.saveWith('Save child');
    await app.goTo('Home');
    await welcome.heading('Write your first note').waitFor();
    expect(await runAxe(page)).toEqual([]);
    await welcome.card().getByRole('link', { name: 'Write your first note', exact: true }).click();

    await app.noteText().waitFor();
    expect(await whenChoices(app)).toEqual(['Just now', 'Earlier today', 'Pick a day and time']);
    await chooseWhen(app, 'Pick a day and time');
    await page.getByLabel('Day and time', { exact: true }).fill('2026-12-02T09:30');
    await page.getByText('That time has not come yet. Choose a time that has passed.').waitFor();
    expect(await page.getByLabel('Day and time', { exact: true }).getAttribute('max')).toBe(
      '2026-12-02T08:01',
    );
    for (const h of await chipHeights(page)) expect(h).toBeGreaterThanOrEqual(44);
    await screenshot(page, 'newcomer-phone-en-future-refused');
    await app.chooseChild('Mía');
    await app.noteText().fill('Poured water from one cup to the other without spilling.');
    await page.getByRole('button', { name: 'Save note', exact: true }).click();
    // Not saved: the future time is refused on its field, and what she wrote stays.
    await expect.poll(() => page.locator('[aria-invalid="true"]').count()).toBeGreaterThan(0);
    expect(await app.noteText().inputValue()).toContain('Poured water');
    await chooseWhen(app, 'Earlier today');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await app.saveWith('Save note');

    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    expect(await page.locator('header.app-header').isVisible()).toBe(true);
    const when = page.locator('.note-card .note-when');
    await expect.poll(() => when.allInnerTexts()).toEqual(['Earlier today']);
    expect(await welcome.card().count()).toBe(0);
    await screenshot(page, 'newcomer-phone-en-home-after-save');

    await page.clock.setFixedTime(new Date('2026-12-02T13:05:00-06:00'));
    await app.openNoteForm();
    expect(await whenChoices(app)).toEqual([
      'Just now',
      'This morning',
      'After lunch',
      'Earlier today',
      'Pick a day and time',
    ]);
    await app.chooseChild('Mía');
    await app.noteText().fill('Said "more water" and held out the cup.');
    await chooseWhen(app, 'This morning');
    await app.saveWith('Save note');
    await expect.poll(() => when.allInnerTexts()).toEqual(['This morning', 'Earlier today']);
    expect((await page.locator('main').innerText()).includes('10:00')).toBe(false);
  });

  it('lets her skip every step in Spanish on a tablet, and never shows them again', async () => {
    const { page, app } = await openAt(suite, 'tablet', '2026-12-02T15:00:00-06:00', CHICAGO);
    const welcome = new Welcome(app);
    await welcome.card().getByRole('button', { name: 'Español', exact: true }).click();
    app.lang = 'es';
    await welcome.heading('Add the children you care for').waitFor();
    expect(await runAxe(page)).toEqual([]);
    const english = englishOnlyMatchers(suite.catalogues);
    const leaks = (await accessibleTexts(page)).filter((text) =>
      english.some((m) => m.pattern.test(text)),
    );
    expect(leaks).toEqual([]);
    await screenshot(page, 'newcomer-tablet-es-welcome-children');
    await welcome.skip();
    await welcome.heading('Write your first note').waitFor();
    await screenshot(page, 'newcomer-tablet-es-welcome-note');
    await welcome.skip();
    await expect.poll(() => welcome.card().count()).toBe(0);
    await page.reload();
    await app.waitForShell();
    await app.newNoteButton().waitFor();
    expect(await welcome.card().count()).toBe(0);

    await app.openNoteForm();
    await whenChoices(app);
    for (const h of await chipHeights(page)) expect(h).toBeGreaterThanOrEqual(48);
    await screenshot(page, 'newcomer-tablet-es-note-form');
  });
});
