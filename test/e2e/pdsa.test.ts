/**
 * The PDSA log in the browser (DESIGN.md 5): offline at phone size, a cycle is planned and saved,
 * is still there after an offline reload, and a half-filled worksheet survives a reload as a draft;
 * Do, Study and Act are filled on it later; "Next cycle" opens pre-filled (change idea, driver,
 * measure, the Act's next step as objective). axe-core finds no serious or critical violation on
 * the PDSA screens in English and Spanish, and no English-only words show in Spanish. Screenshots:
 * test-results/screenshots/<size>-<lang>-pdsa-*.png. A smoke test at tablet size.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  accessibleTexts,
  expectOffline,
  goOffline,
  newContext,
  runAxe,
  screenshot,
  startServer,
  waitForDraftSaved,
  waitForServiceWorkerControl,
  type AxeViolation,
  type Size,
} from './harness';
import { useBrowserSuite } from './suite';
import { App, englishOnlyMatchers } from './pages';
import { PdsaPages, type PlanInput } from './pdsa-pages';

const suite = useBrowserSuite();

const PLAN: PlanInput = {
  changeIdea: 'Write one note at nap time',
  purpose: 'Test a change',
  driver: 'Observing and writing down what toddlers do',
  objective: 'See whether nap time leaves five minutes to write',
  questions: [
    { question: 'Will I find five minutes?', prediction: 'Yes, on three days of five' },
    { question: 'Will the notes be about toddlers?', prediction: 'Mostly about Sofía' },
  ],
  plan: {
    what: 'One short note each nap time',
    who: 'Me and the two toddlers',
    when: 'Monday to Friday, 1 pm',
    where: 'Kitchen table',
  },
  measure: 'Notes written each week',
  startDate: '2026-11-23',
};
const NEXT_STEP = 'Try it in the morning, during snack';

/** A fresh server, the app opened once online and controlled by its service worker, then offline. */
async function openOffline(
  size: Size,
  locale = 'en-US',
): Promise<{ page: Page; app: App; pdsa: PdsaPages }> {
  suite.server = await startServer();
  suite.context = await newContext(suite.browser, size, { locale });
  const page = await suite.context.newPage();
  await page.goto(suite.server.url);
  await waitForServiceWorkerControl(page);
  const app = new App(page, suite.catalogues, locale.startsWith('es') ? 'es' : 'en');
  await app.waitForShell();
  await goOffline(suite.context, suite.server);
  return { page, app, pdsa: new PdsaPages(app) };
}

async function reloadOffline(page: Page, app: App): Promise<void> {
  await page.reload({ waitUntil: 'load' });
  await app.waitForShell();
  await expectOffline(page);
}

/** Screenshot, axe and (in Spanish) English-only words of the screen as it is now. */
async function check(
  app: App,
  label: string,
  found: { axe: Record<string, AxeViolation[]>; english: Record<string, string[]> },
) {
  await app.page.evaluate(() => document.fonts.ready);
  await screenshot(app.page, label);
  const violations = await runAxe(app.page);
  if (violations.length > 0) found.axe[label] = violations;
  if (app.lang === 'es') {
    const matchers = englishOnlyMatchers(suite.catalogues);
    const english = (await accessibleTexts(app.page)).filter((text) =>
      matchers.some((m) => m.pattern.test(text)),
    );
    if (english.length > 0) found.english[label] = english;
  }
}

describe('the PDSA log, offline at phone size', () => {
  it('plans a cycle, keeps it (and a half-filled draft) across offline reloads, carries it to Act, and pre-fills the next cycle', async () => {
    const { page, app, pdsa } = await openOffline('phone');
    const found = {
      axe: {} as Record<string, AxeViolation[]>,
      english: {} as Record<string, string[]>,
    };

    await pdsa.openList();
    await check(app, 'phone-en-pdsa-empty', found);
    await pdsa.startNewIdea();

    // Saving a blank worksheet says what is missing next to the fields, in her words.
    await page.getByRole('button', { name: 'Save cycle', exact: true }).click();
    await page.getByText('Write the change idea in a few words.').waitFor({ state: 'visible' });
    await expect.poll(() => pdsa.field('Change idea').getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Choose what this cycle will do.').waitFor({ state: 'visible' });
    await check(app, 'phone-en-pdsa-errors', found);

    // Half a plan, then a reload: the draft brings it back.
    await pdsa.field('Change idea').fill(PLAN.changeIdea);
    await pdsa.field('Objective of this cycle').fill(PLAN.objective);
    await waitForDraftSaved(page, PLAN.objective);
    await reloadOffline(page, app);
    await page
      .getByText('Your unfinished worksheet is back, just as you left it.')
      .waitFor({ state: 'visible' });
    expect(await pdsa.field('Change idea').inputValue()).toBe(PLAN.changeIdea);
    expect(await pdsa.field('Objective of this cycle').inputValue()).toBe(PLAN.objective);

    await pdsa.fillPlan(PLAN);
    await expect.poll(() => pdsa.statusLine().textContent()).toBe('Where this cycle is: Planned');
    await check(app, 'phone-en-pdsa-plan', found);
    await pdsa.save();
    expect(new URL(page.url()).pathname).toBe('/pdsa');
    await expect.poll(() => pdsa.cycleLink(PLAN.changeIdea, 1).textContent()).toContain('Planned');

    await reloadOffline(page, app);
    await pdsa.cycleLink(PLAN.changeIdea, 1).waitFor({ state: 'visible' });
    await check(app, 'phone-en-pdsa-list', found);

    // Days later: Do (it opens first), then Study, then Act.
    await pdsa.cycleLink(PLAN.changeIdea, 1).click();
    await pdsa.field('What happened?').waitFor({ state: 'visible' });
    await pdsa.choose('Was it carried out as planned?', 'Not quite, something changed');
    await expect.poll(() => pdsa.statusLine().textContent()).toBe('Where this cycle is: Doing');
    await pdsa
      .field('What happened?')
      .fill('I wrote on two days; on the others the baby woke early.');
    await pdsa
      .field('Anything you did not expect?')
      .fill('The older children asked to draw the notes.');
    await pdsa.openPart('Study');
    await expect(page.getByText(PLAN.questions[0]!.prediction).isVisible()).resolves.toBe(true);
    await pdsa
      .field('What really happened? (question {n})', { n: 1 })
      .fill('Only on two days of five');
    await pdsa
      .field('What really happened? (question {n})', { n: 2 })
      .fill('Yes, all about toddlers');
    await pdsa.field('What did you learn?').fill('Nap time is too busy; mornings are calmer.');
    await expect.poll(() => pdsa.statusLine().textContent()).toBe('Where this cycle is: Studying');
    await pdsa.openPart('Act');
    await pdsa.choose('What will you do with this change?', 'Adapt: change it and try again');
    await pdsa.field('Next step').fill(NEXT_STEP);
    await expect.poll(() => pdsa.statusLine().textContent()).toBe('Where this cycle is: Done');
    await check(app, 'phone-en-pdsa-act', found);
    await pdsa.save();
    await expect.poll(() => pdsa.cycleLink(PLAN.changeIdea, 1).textContent()).toContain('Done');

    // Next cycle, from the worksheet of cycle 1: pre-filled from it.
    await pdsa.cycleLink(PLAN.changeIdea, 1).click();
    await page.getByRole('button', { name: 'Next cycle', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Cycle 2' }).waitFor({ state: 'visible' });
    expect(await pdsa.field('Change idea').inputValue()).toBe(PLAN.changeIdea);
    expect(await pdsa.field('Objective of this cycle').inputValue()).toBe(NEXT_STEP);
    expect(await pdsa.radio('What will this cycle do?', PLAN.purpose).isChecked()).toBe(true);
    expect(await pdsa.radio('Which part of the work does it help?', PLAN.driver).isChecked()).toBe(
      true,
    );
    expect(await pdsa.field('Which chart will show the result?').inputValue()).toBe('notes');
    expect(await pdsa.field('What will you do?').inputValue()).toBe('');
    await expect.poll(() => pdsa.statusLine().textContent()).toBe('Where this cycle is: Planned');
    await check(app, 'phone-en-pdsa-next', found);
    await pdsa.field('What will you do?').fill('One note each morning at snack');
    await pdsa.save();
    await expect.poll(() => pdsa.cycleLink(PLAN.changeIdea, 2).textContent()).toContain('Planned');
    await reloadOffline(page, app);
    await expect.poll(() => pdsa.cycleLink(PLAN.changeIdea, 1).textContent()).toContain('Done');
    await expect.poll(() => pdsa.cycleLink(PLAN.changeIdea, 2).textContent()).toContain('Planned');

    // The same screens in Spanish (offline: the catalogue is precached).
    await pdsa.switchLanguage('es');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    await pdsa.openList();
    await check(app, 'phone-es-pdsa-list', found);
    await pdsa.cycleLink(PLAN.changeIdea, 1).click();
    await pdsa.openAllParts();
    await check(app, 'phone-es-pdsa-worksheet', found);
    await pdsa.openList();
    await pdsa.startNewIdea();
    await page.getByRole('button', { name: app.t('Save cycle'), exact: true }).click();
    await page
      .getByText(app.t('Write the change idea in a few words.'))
      .waitFor({ state: 'visible' });
    await check(app, 'phone-es-pdsa-errors', found);

    expect(found.axe, 'serious or critical axe-core violations, by screen').toEqual({});
    expect(found.english, 'English-only catalogue values on Spanish screens').toEqual({});
  });
});

describe('the PDSA log at tablet size', () => {
  it('plans and saves a cycle offline, with every part of the worksheet open', async () => {
    const { page, app, pdsa } = await openOffline('tablet');
    const found = {
      axe: {} as Record<string, AxeViolation[]>,
      english: {} as Record<string, string[]>,
    };
    await pdsa.openList();
    await pdsa.startNewIdea();
    await pdsa.fillPlan({ ...PLAN, questions: PLAN.questions.slice(0, 1) });
    await pdsa.openAllParts();
    await check(app, 'tablet-en-pdsa-worksheet', found);
    await pdsa.save();
    await reloadOffline(page, app);
    await expect.poll(() => pdsa.cycleLink(PLAN.changeIdea, 1).textContent()).toContain('Planned');
    await check(app, 'tablet-en-pdsa-list', found);
    expect(found.axe).toEqual({});
  });
});
