/**
 * Page models for the first run, honest times, ideas, a child's page, the spreadsheets and the print
 * view, by accessible names in the current language (see pages.ts).
 */
import type { Locator, Page } from 'playwright-core';
import { waitForServiceWorkerControl, newContext, startServer, type Size } from './harness';
import { App } from './pages';
import type { Suite } from './suite';

/** Opens the app in `timezoneId` with the clock fixed at `at` (timers keep running). */
export async function openAt(
  suite: Suite,
  size: Size,
  at: string,
  timezoneId: string,
): Promise<{ page: Page; app: App }> {
  suite.server = await startServer();
  suite.context = await newContext(suite.browser, size, { timezoneId });
  const page = await suite.context.newPage();
  await page.clock.setFixedTime(new Date(at));
  await page.goto(suite.server.url);
  await waitForServiceWorkerControl(page);
  const app = new App(page, suite.catalogues);
  await app.waitForShell();
  return { page, app };
}

/** The first-run card on Home and its buttons. */
export class Welcome {
  constructor(readonly app: App) {}

  card(): Locator {
    return this.app.page.locator('section.welcome');
  }

  heading(english: string): Locator {
    return this.card().getByRole('heading', { name: this.app.t(english), exact: true });
  }

  async skip(): Promise<void> {
    await this.card()
      .getByRole('button', { name: this.app.t('Skip this step'), exact: true })
      .click();
  }
}

/** The chips of "When it happened" that are offered now. */
export async function whenChoices(app: App): Promise<string[]> {
  const group = app.page.getByRole('group', { name: app.t('When it happened'), exact: true });
  await group.waitFor();
  return (await group.locator('label.chip').allInnerTexts()).map((s) =>
    s.replace(/^✓\s*/, '').trim(),
  );
}

/** Taps a "When it happened" chip by its English words. */
export async function chooseWhen(app: App, english: string): Promise<void> {
  const group = app.page.getByRole('group', { name: app.t('When it happened'), exact: true });
  await group.locator('label.chip', { hasText: app.t(english) }).click();
}

/** Parses a CSV cell the way a spreadsheet types it on opening: number, date, date-time, or text. */
export function spreadsheetType(cell: string): 'empty' | 'number' | 'date' | 'date-time' | 'text' {
  if (cell === '') return 'empty';
  if (/^-?\d+(\.\d+)?$/.test(cell)) return 'number';
  if (/^\d{4}-\d{2}-\d{2}$/.test(cell) && !Number.isNaN(Date.parse(cell))) return 'date';
  if (
    /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(cell) &&
    !Number.isNaN(Date.parse(cell.replace(' ', 'T')))
  )
    return 'date-time';
  return 'text';
}
