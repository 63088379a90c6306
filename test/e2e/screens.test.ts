/**
 * In the browser: every screen (Home, Notes, New note form, Children, Add child form, Settings,
 * Needs your attention) at phone and tablet size, in English and Spanish: a screenshot of each
 * (test-results/screenshots/<size>-<lang>-<screen>.png and -full.png), no serious or critical
 * axe-core violation, and in Spanish no visible text or accessible name equal to an English-only
 * catalogue value. Spanish comes from the Settings switch at phone size and from the browser's
 * languages (first run) at tablet size.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  accessibleTexts,
  newContext,
  runAxe,
  screenshot,
  startServer,
  waitForServiceWorkerControl,
  type AxeViolation,
  type Size,
} from './harness';
import { useBrowserSuite } from './suite';
import { App, englishOnlyMatchers, type Lang } from './pages';

const suite = useBrowserSuite();

interface Findings {
  axe: Record<string, AxeViolation[]>;
  english: Record<string, string[]>;
  lang: Record<string, string>;
}

/** The screens, each reached from the navigation; returns once it is on screen. */
const SCREENS: { name: string; open: (app: App) => Promise<void> }[] = [
  { name: 'home', open: (app) => app.goTo('Home') },
  { name: 'notes', open: (app) => app.goTo('Notes') },
  {
    name: 'new-note',
    open: async (app) => {
      await app.goTo('Home');
      await app.openNoteForm();
    },
  },
  { name: 'children', open: (app) => app.goTo('Children') },
  {
    name: 'add-child',
    open: async (app) => {
      await app.goTo('Children');
      await app.openChildForm();
    },
  },
  { name: 'settings', open: (app) => app.goTo('Settings') },
  {
    // Reached from a link shown only while something needs her: opened by its address here.
    name: 'attention',
    open: async (app) => {
      await app.page.goto(new URL('/attention', app.page.url()).href);
      await app.waitForShell();
      await app.page.getByRole('heading', { level: 1 }).waitFor();
    },
  },
];

/** One child and one note, so that lists and pickers are not empty on the screenshots. */
async function seed(app: App): Promise<void> {
  await app.goTo('Children');
  await app.addChild('Sofía');
  await app.goTo('Home');
  await app.writeNote({
    child: 'Sofía',
    text: 'Sofía fed her doll with a spoon.',
    idea: 'Put the spoons by the play kitchen.',
  });
  // Screenshots without the confirmation over them.
  await app.savedConfirmation().waitFor({ state: 'hidden', timeout: 15_000 });
}

async function visitEveryScreen(app: App, size: Size, findings: Findings): Promise<void> {
  const matchers = app.lang === 'es' ? englishOnlyMatchers(suite.catalogues) : [];
  for (const screen of SCREENS) {
    const label = `${size}-${app.lang}-${screen.name}`;
    await screen.open(app);
    await app.page.waitForLoadState('networkidle');
    await screenshot(app.page, label);
    const violations = await runAxe(app.page);
    if (violations.length > 0) findings.axe[label] = violations;
    if (app.lang === 'es') {
      const texts = await accessibleTexts(app.page);
      const english = texts.filter((text) => matchers.some((m) => m.pattern.test(text)));
      if (english.length > 0) findings.english[label] = english;
      const lang = await app.page.evaluate(() => document.documentElement.lang);
      if (!lang.startsWith('es')) findings.lang[label] = lang;
    }
  }
}

async function open(size: Size, locale: string): Promise<{ page: Page; app: App }> {
  suite.server = await startServer();
  suite.context = await newContext(suite.browser, size, { locale });
  const page = await suite.context.newPage();
  await page.goto(suite.server.url);
  await waitForServiceWorkerControl(page);
  const app = new App(page, suite.catalogues, locale.startsWith('es') ? 'es' : 'en');
  await app.waitForShell();
  return { page, app };
}

function expectClean(findings: Findings): void {
  expect(findings.axe, 'serious or critical axe-core violations, by screen').toEqual({});
  expect(findings.english, 'English-only catalogue values on Spanish screens').toEqual({});
  expect(findings.lang, '<html lang> on Spanish screens').toEqual({});
}

describe('every screen at phone size', () => {
  it('has no serious or critical axe violation in English, and none in Spanish after switching in Settings, with no English left', async () => {
    const { app } = await open('phone', 'en-US');
    await seed(app);
    const findings: Findings = { axe: {}, english: {}, lang: {} };
    await visitEveryScreen(app, 'phone', findings);
    await app.switchLanguage('es' satisfies Lang);
    await visitEveryScreen(app, 'phone', findings);
    expectClean(findings);
  });
});

describe('every screen at tablet size', () => {
  it('has no serious or critical axe violation in English', async () => {
    const { app } = await open('tablet', 'en-US');
    await seed(app);
    const findings: Findings = { axe: {}, english: {}, lang: {} };
    await visitEveryScreen(app, 'tablet', findings);
    expectClean(findings);
  });

  it('opens in Spanish on first run when the browser prefers Spanish, with no English left and no axe violation', async () => {
    const { app } = await open('tablet', 'es-MX');
    await seed(app);
    const findings: Findings = { axe: {}, english: {}, lang: {} };
    await visitEveryScreen(app, 'tablet', findings);
    expectClean(findings);
  });
});

/** Axe and (in Spanish) no English left on what is on screen now. */
async function checkHere(app: App, label: string, findings: Findings): Promise<void> {
  await screenshot(app.page, label);
  const violations = await runAxe(app.page);
  if (violations.length > 0) findings.axe[label] = violations;
  if (app.lang === 'es') {
    const matchers = englishOnlyMatchers(suite.catalogues);
    const english = (await accessibleTexts(app.page)).filter((text) =>
      matchers.some((m) => m.pattern.test(text)),
    );
    if (english.length > 0) findings.english[label] = english;
  }
}

describe('leaving and deleting, at phone size', () => {
  it('asks in the app’s own dialog before throwing a note away, offers Undo after; deletes a child with Undo; times read as in her region', async () => {
    const { page, app } = await open('phone', 'en-US');
    await seed(app);
    const findings: Findings = { axe: {}, english: {}, lang: {} };
    // en-US: "Wednesday, December 2, 10:00 AM".
    await app.goTo('Notes');
    await expect
      .poll(() => page.locator('.card').first().textContent())
      .toMatch(/[A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}, \d{1,2}:\d{2} [AP]M/);

    let dialogs = 0;
    page.on('dialog', () => void (dialogs += 1));
    const text = 'Sofía sang to the fish in the tank.';
    await app.goTo('Home');
    await app.openNoteForm();
    await app.noteText().fill(text);
    await page.getByRole('button', { name: 'Discard', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Throw away this unfinished note?' });
    await dialog.waitFor({ state: 'visible' });
    await checkHere(app, 'phone-en-discard-dialog', findings);
    await dialog.getByRole('button', { name: 'Keep writing', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await app.noteText().inputValue()).toBe(text);
    await page.getByRole('button', { name: 'Discard', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Throw away', exact: true }).click();
    await page.getByText('Thrown away.', { exact: true }).waitFor({ state: 'visible' });
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => app.noteText().inputValue()).toBe(text);
    expect(dialogs, 'the browser’s own confirm() is never used').toBe(0);

    // A child: deleted after being told that the notes keep their text, then back with Undo.
    await app.goTo('Children');
    await page.getByRole('link', { name: /Sofía/ }).click();
    await page.getByRole('button', { name: 'Delete this child', exact: true }).click();
    const ask = page.getByRole('dialog', { name: 'Delete Sofía?' });
    await ask.waitFor({ state: 'visible' });
    expect(await ask.textContent()).toContain('Notes about Sofía keep their text.');
    await checkHere(app, 'phone-en-delete-child', findings);
    await ask.getByRole('button', { name: 'Delete Sofía', exact: true }).click();
    await page.getByText('Child deleted.', { exact: true }).waitFor({ state: 'visible' });
    await expect.poll(() => page.getByRole('link', { name: /Sofía/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await page.getByRole('link', { name: /Sofía/ }).waitFor({ state: 'visible' });

    // The same dialog in Spanish.
    await app.switchLanguage('es');
    await app.goTo('Home');
    await app.openNoteForm();
    await app.noteText().fill('Sofía cantó.');
    await page.getByRole('button', { name: app.t('Discard'), exact: true }).click();
    await page
      .getByRole('dialog', { name: '¿Desechar esta nota sin terminar?' })
      .waitFor({ state: 'visible' });
    await checkHere(app, 'phone-es-discard-dialog', findings);
    expectClean(findings);
  });
});
