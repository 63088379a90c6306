/**
 * Page model of the PDSA screens (DESIGN.md 5, "PDSA log"), by accessible names in the current
 * language (through `App.t`): nav `PDSA`, `New change idea`, the parts `Plan` `Do` `Study` `Act`
 * (heading buttons that open and close), `Save cycle`, `Next cycle`.
 */
import type { Locator, Page } from 'playwright-core';
import type { App } from './pages';

export type Part = 'Plan' | 'Do' | 'Study' | 'Act';

/** What the Plan part asks, in English (translated through the catalogues when driven in Spanish). */
export interface PlanInput {
  changeIdea: string;
  purpose: string;
  driver: string;
  objective: string;
  questions: { question: string; prediction: string }[];
  plan: { what: string; who: string; when: string; where: string };
  measure: string;
  startDate: string;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The PDSA list and worksheet, driven through an `App`. */
export class PdsaPages {
  constructor(readonly app: App) {}

  get page(): Page {
    return this.app.page;
  }

  /** A UI string with `{name}` placeholders filled in, in the current language. */
  tf(english: string, params: Record<string, string | number>): string {
    return this.app
      .t(english)
      .replace(/\{(\w+)\}/g, (whole, name: string) =>
        name in params ? String(params[name]) : whole,
      );
  }

  navLink(): Locator {
    return this.page.getByRole('link', { name: 'PDSA', exact: true }).first();
  }

  /** Opens the list from the navigation and waits for its heading. */
  async openList(): Promise<void> {
    await this.navLink().click();
    await this.page
      .getByRole('heading', { level: 1, name: this.app.t('My PDSA cycles') })
      .waitFor({ state: 'visible' });
  }

  async startNewIdea(): Promise<void> {
    await this.page
      .getByRole('button', { name: this.app.t('New change idea'), exact: true })
      .click();
    await this.field('Change idea').waitFor({ state: 'visible' });
  }

  /** A text box, select or date by its exact English label (`{n}` placeholders filled from `params`). */
  field(english: string, params: Record<string, string | number> = {}): Locator {
    return this.page.getByLabel(this.tf(english, params), { exact: true });
  }

  /** The heading button of a part; its name starts with the part's title, then how far it is filled. */
  partButton(part: Part): Locator {
    return this.page.getByRole('button', {
      name: new RegExp(`^${escapeRegExp(this.app.t(part))} `),
    });
  }

  async openPart(part: Part): Promise<void> {
    const button = this.partButton(part);
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  }

  async openAllParts(): Promise<void> {
    for (const part of ['Plan', 'Do', 'Study', 'Act'] as const) await this.openPart(part);
  }

  /** Taps one chip (radio) of the group with legend `legend`. */
  async choose(legend: string, option: string): Promise<void> {
    await this.radio(legend, option).click();
  }

  /** A chip of a group; a chosen chip's name starts with a drawn "✓ ", so the option ends the name. */
  radio(legend: string, option: string): Locator {
    const name = new RegExp(`^(✓ )?${escapeRegExp(this.app.t(option))}$`);
    return this.page
      .getByRole('group', { name: this.app.t(legend), exact: true })
      .getByRole('radio', { name });
  }

  /** Fills the Plan part (it must be open). */
  /** Opens "More about this plan" (the worksheet's fields beyond the few that start a cycle). */
  async openMorePlan(): Promise<void> {
    const more = this.page.locator('details.more-plan');
    if (!(await more.evaluate((d) => (d as HTMLDetailsElement).open))) {
      await more.locator('summary').click();
    }
  }

  async fillPlan(p: PlanInput): Promise<void> {
    await this.field('Change idea').fill(p.changeIdea);
    await this.openMorePlan();
    await this.choose('What will this cycle do?', p.purpose);
    await this.choose('Which part of the work does it help?', p.driver);
    await this.field('Objective of this cycle').fill(p.objective);
    for (const [i, q] of p.questions.entries()) {
      if (i > 0)
        await this.page
          .getByRole('button', { name: this.app.t('Add a question'), exact: true })
          .click();
      await this.field('Question {n}', { n: i + 1 }).fill(q.question);
      await this.field('What I predict (question {n})', { n: i + 1 }).fill(q.prediction);
    }
    await this.field('What will you do?').fill(p.plan.what);
    await this.field('Who will take part?').fill(p.plan.who);
    await this.field('When?').fill(p.plan.when);
    await this.field('Where?').fill(p.plan.where);
    await this.field('Which chart will show the result?').selectOption({
      label: this.app.t(p.measure),
    });
    await this.field('Start date').fill(p.startDate);
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: this.app.t('Save cycle'), exact: true }).click();
    await this.app.waitForSaved();
  }

  /** The status line of the open worksheet ("Where this cycle is: …"). */
  statusLine(): Locator {
    return this.page.getByText(
      new RegExp(`^${escapeRegExp(this.tf('Where this cycle is: {status}', { status: '' }))}`),
    );
  }

  /**
   * Switches the language in Settings by the language select's options (its accessible name also
   * carries the chosen language's name, so it is found by what it offers).
   */
  async switchLanguage(lang: 'en' | 'es'): Promise<void> {
    await this.page
      .getByRole('link', { name: this.app.t('Settings'), exact: true })
      .first()
      .click();
    const select = this.page
      .locator('select')
      .filter({ has: this.page.locator('option[value="es"]') });
    await select.selectOption(lang);
    this.app.lang = lang;
    await this.app.waitForShell(10_000);
  }

  /** The link of cycle `n` of the change idea `idea` on the list. */
  cycleLink(idea: string, n: number): Locator {
    return this.page
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { name: idea, exact: true }) })
      .getByRole('link', { name: new RegExp(`^${escapeRegExp(this.tf('Cycle {n}', { n }))}\\b`) });
  }
}
