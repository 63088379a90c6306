/**
 * The weekly check-in in the browser (DESIGN.md 4): offline at phone size, a check-in with P5 above
 * P4 shows the rule next to P5 and keeps every answer, then saves once fixed; P2 is pre-filled with
 * the days that have a note; the skip logic hides P2-P3 when P1 is 0; the answers are there after
 * an offline reload and Home says the week is done. axe-core finds no serious or critical violation
 * on the check-in screen in English and Spanish, and no English-only words show in Spanish. A smoke
 * test at tablet size. Screenshots: test-results/screenshots/<size>-<lang>-checkin-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibleTexts, runAxe, screenshot, type Size } from './harness';
import { openApp, useBrowserSuite } from './suite';
import { App, englishOnlyMatchers } from './pages';

const suite = useBrowserSuite();

const openOffline = (size: Size) => openApp(suite, size, { isOffline: true });

const answer = (page: Page, q: string) => page.locator(`#checkin-${q}`);

async function openCheckin(app: App): Promise<void> {
  await app.page.getByRole('link', { name: app.t('Check-in'), exact: true }).click();
  await answer(app.page, 'p1').waitFor({ state: 'visible' });
}

describe('the weekly check-in, offline at phone size', () => {
  it('says P5 may not be above P4 next to P5, keeps every answer, then saves when fixed', async () => {
    const { page, app } = await openOffline('phone');
    await app.goTo('Children');
    await app.addChild('Mia');
    await app.writeNote({
      child: 'Mia',
      text: 'Mia poured water from one cup to another, again and again.',
    });

    await openCheckin(app);
    // P2 is pre-filled with the days of this week that have a note.
    await expect.poll(() => answer(page, 'p2').inputValue()).toBe('1');
    await answer(page, 'p1').fill('3');
    await answer(page, 'p4').fill('2');
    await answer(page, 'p5').fill('4');
    await page.getByRole('button', { name: 'Save check-in', exact: true }).click();
    const rule = page.getByText('This cannot be more than your talks with other providers (2).', {
      exact: true,
    });
    await rule.waitFor();
    await expect
      .poll(() => page.getByText('Please answer this question.', { exact: true }).count())
      .toBe(1);
    expect(await answer(page, 'p5').getAttribute('aria-invalid')).toBe('true');
    expect([
      await answer(page, 'p1').inputValue(),
      await answer(page, 'p4').inputValue(),
      await answer(page, 'p5').inputValue(),
    ]).toEqual(['3', '2', '4']);
    await screenshot(page, 'phone-en-checkin-error');
    expect(await runAxe(page)).toEqual([]);

    // The "−" button lowers P5; the message goes as soon as the answer keeps the rule.
    await page
      .locator('.stepper-field', { has: answer(page, 'p5') })
      .getByRole('button', { name: 'One less' })
      .click();
    await answer(page, 'p5').fill('1');
    await expect.poll(() => rule.count()).toBe(0);
    await page.getByRole('radio', { name: '4 · Easy' }).check();
    await app.page.getByRole('button', { name: 'Save check-in', exact: true }).click();
    await app.waitForSaved();
    await page.getByText('Done for this week.').waitFor();

    // Kept across an offline reload; filling the same week again edits it.
    await page.reload();
    await app.waitForShell();
    await openCheckin(app);
    await expect.poll(() => answer(page, 'p1').inputValue()).toBe('3');
    expect([
      await answer(page, 'p2').inputValue(),
      await answer(page, 'p4').inputValue(),
      await answer(page, 'p5').inputValue(),
    ]).toEqual(['1', '2', '1']);
    expect(await page.getByRole('radio', { name: '4 · Easy' }).isChecked()).toBe(true);

    // Skip logic: no toddlers this week, so P2 and P3 are not asked; they come back with the answers.
    await answer(page, 'p1').fill('0');
    await expect.poll(() => answer(page, 'p2').count()).toBe(0);
    expect(await answer(page, 'p3').count()).toBe(0);
    await answer(page, 'p1').fill('2');
    await expect.poll(() => answer(page, 'p2').inputValue()).toBe('1');
  });

  it('is free of serious accessibility problems and English words in Spanish', async () => {
    const { page, app } = await openOffline('phone');
    await openCheckin(app);
    expect(await runAxe(page)).toEqual([]);
    await screenshot(page, 'phone-en-checkin');
    await app.switchLanguage('es');
    await openCheckin(app);
    await page.getByRole('button', { name: 'Guardar registro', exact: true }).click();
    await page.getByText('Por favor, responda esta pregunta.').first().waitFor();
    expect(await runAxe(page)).toEqual([]);
    const matchers = englishOnlyMatchers(suite.catalogues);
    const english = (await accessibleTexts(page)).filter((text) =>
      matchers.some((m) => m.pattern.test(text)),
    );
    expect(english).toEqual([]);
    await screenshot(page, 'phone-es-checkin-errors');
  });
});

describe('the weekly check-in at tablet size', () => {
  it('saves a week offline', async () => {
    const { page, app } = await openOffline('tablet');
    await openCheckin(app);
    await answer(page, 'p1').fill('2');
    await answer(page, 'p4').fill('0');
    await expect.poll(() => answer(page, 'p5').count()).toBe(0);
    await page.getByRole('radio', { name: '3 · So-so' }).check();
    await page.getByRole('button', { name: 'Save check-in', exact: true }).click();
    await app.waitForSaved();
    await page.getByText('Done for this week.').waitFor();
    await screenshot(page, 'tablet-en-checkin-done');
  });
});

describe('the weekly check-in says things as she types', () => {
  it('starts P1 from her toddlers, counts the questions shown, says a range error at once (never at an empty box), and says "that week" for a past week', async () => {
    const { page, app } = await openOffline('phone');
    // A toddler: born two years ago this month.
    await app.goTo('Children');
    await app.openChildForm();
    await app.childName().fill('Noa');
    const now = new Date();
    await page
      .getByLabel('Month', { exact: true })
      .selectOption(String(now.getMonth() + 1).padStart(2, '0'));
    await page.getByLabel('Year', { exact: true }).selectOption(String(now.getFullYear() - 2));
    await app.saveWith('Save child');

    await openCheckin(app);
    await expect.poll(() => answer(page, 'p1').inputValue()).toBe('1');
    await page
      .getByText('Toddlers in your care now, from your list of children: 1.', { exact: false })
      .waitFor();
    await page.getByText('6 short questions about this week.', { exact: false }).waitFor();
    expect(await page.getByText('Please answer this question.', { exact: true }).count()).toBe(0);

    await answer(page, 'p1').fill('40');
    await page.getByText('Choose a number from 0 to 12.', { exact: true }).waitFor();
    expect(await answer(page, 'p1').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Please answer this question.', { exact: true }).count()).toBe(0);
    await answer(page, 'p1').fill('0');
    await page.getByText('4 short questions about this week.', { exact: false }).waitFor();
    await expect
      .poll(() => page.getByText('Choose a number from 0 to 12.', { exact: true }).count())
      .toBe(0);
    await answer(page, 'p4').fill('2');
    await answer(page, 'p5').fill('3');
    await page
      .getByText('This cannot be more than your talks with other providers (2).', { exact: true })
      .waitFor();
    await screenshot(page, 'phone-en-checkin-as-she-types');
    expect(await runAxe(page)).toEqual([]);

    await page.getByRole('button', { name: 'Previous week', exact: true }).click();
    await page.getByText('short questions about that week.', { exact: false }).waitFor();
    await page
      .getByText('How many toddlers (12 to 36 months old) did you care for that week?', {
        exact: true,
      })
      .waitFor();
    expect(await page.getByText('this week', { exact: false }).count()).toBe(0);
  });
});
