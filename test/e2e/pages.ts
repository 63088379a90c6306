/**
 * Page models: every selector the browser tests use, in one place, by the accessible names the
 * English catalogue gives them (nav `Home` `Notes` `Children` `Settings`; `New note`, `Save note`,
 * `Add child`, `Save child`; fields `Child`, `What I saw and heard`, `Idea to try next`, `Name`;
 * "Saved on this device"; "Update ready" / `Update now`; Settings `Language`). In Spanish the
 * same names are looked up through the catalogues (the key whose English value is the name).
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ROOT, accessibleTexts } from './harness';

export type Lang = 'en' | 'es';
export type Screen = 'Home' | 'Notes' | 'Children' | 'Settings';
type Catalogue = Record<string, string>;

export interface Catalogues {
  en: Catalogue;
  es: Catalogue;
  /** Values allowed to read the same in both languages (glossary allow-list, e.g. "Naptime"). */
  sameInBoth: readonly string[];
}

/** Imports a module of the app by path (the test project does not reference src/app for tsc). */
async function importApp(relativePath: string): Promise<Record<string, unknown>> {
  const path = join(ROOT, 'src/app', relativePath);
  return (await import(/* @vite-ignore */ path)) as Record<string, unknown>;
}

function catalogueOf(mod: Record<string, unknown>, name: Lang): Catalogue {
  const value = mod.default ?? mod[name] ?? mod.messages;
  if (!value || typeof value !== 'object')
    throw new Error(`src/app/i18n/${name}.ts exports no catalogue`);
  return value as Catalogue;
}

let cached: Catalogues | null = null;
/**
 * The English and Spanish catalogues, whole: the first screen's words (src/app/i18n/en.ts, es.ts)
 * and the later ones (en-later.ts, es-later.ts).
 */
export async function loadCatalogues(): Promise<Catalogues> {
  if (cached) return cached;
  const [en, enLater, es, esLater] = await Promise.all(
    ['en', 'en-later', 'es', 'es-later'].map((name) => importApp(`i18n/${name}.ts`)),
  );
  let sameInBoth: readonly string[] = [];
  try {
    const glossary = await importApp('i18n/glossary.ts');
    if (Array.isArray(glossary.SAME_IN_BOTH_LANGUAGES))
      sameInBoth = glossary.SAME_IN_BOTH_LANGUAGES as string[];
  } catch {
    // no allow-list: every value must differ
  }
  cached = {
    en: { ...catalogueOf(en!, 'en'), ...catalogueOf(enLater!, 'en') },
    es: { ...catalogueOf(es!, 'es'), ...catalogueOf(esLater!, 'es') },
    sameInBoth,
  };
  return cached;
}

/** The text shown in `lang` for an English UI string (via the key whose English value it is). */
export function inLanguage(catalogues: Catalogues, lang: Lang, english: string): string {
  if (lang === 'en') return english;
  for (const [key, value] of Object.entries(catalogues.en)) {
    if (value === english && typeof catalogues.es[key] === 'string') return catalogues.es[key]!;
  }
  throw new Error(`no catalogue key has the English value "${english}"`);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Matchers for English catalogue values that must never show in Spanish: those that differ from
 * their Spanish value, are not a Spanish value elsewhere, and are not allow-listed. `{name}`
 * placeholders match anything; values with no letters outside placeholders are left out.
 */
export function englishOnlyMatchers(c: Catalogues): { english: string; pattern: RegExp }[] {
  const spanishValues = new Set(Object.values(c.es));
  const out = new Map<string, RegExp>();
  for (const [key, english] of Object.entries(c.en)) {
    if (c.es[key] === english || spanishValues.has(english) || c.sameInBoth.includes(english))
      continue;
    const parts = english.split(/\{\w+\}/);
    // Mostly placeholders ("{role} at {agency}"): too little English to tell it from her own words.
    if (parts.join('').replace(/\P{L}/gu, '').length < 5) continue;
    out.set(english, new RegExp(`^${parts.map(escapeRegExp).join('.+?')}$`, 's'));
  }
  return [...out].map(([english, pattern]) => ({ english, pattern }));
}

/** The page's accessible texts that are English-only catalogue words (none belong on a Spanish screen). */
export async function englishOnScreen(page: Page, c: Catalogues): Promise<string[]> {
  const matchers = englishOnlyMatchers(c);
  return (await accessibleTexts(page)).filter((text) => matchers.some((m) => m.pattern.test(text)));
}

/** A form field by its exact accessible name (the issue fixes them; a hint belongs in the description). */
function field(page: Page, name: string): Locator {
  return page.getByLabel(name, { exact: true });
}

/** The app, driven by its accessible names in the current language. */
export class App {
  /** `catalogues` are needed only to drive the app in Spanish. */
  constructor(
    readonly page: Page,
    readonly catalogues: Catalogues | null = null,
    public lang: Lang = 'en',
  ) {}

  /** A UI string in the current language. */
  t(english: string): string {
    if (this.lang === 'en') return english;
    if (!this.catalogues) throw new Error('App needs the catalogues to be driven in Spanish');
    return inLanguage(this.catalogues, this.lang, english);
  }

  navLink(screen: Screen): Locator {
    return this.page.getByRole('link', { name: this.t(screen), exact: true }).first();
  }

  /** Waits until the shell is on screen (the Home link of the navigation). */
  async waitForShell(timeout = 30_000): Promise<void> {
    await this.navLink('Home').waitFor({ state: 'visible', timeout });
  }

  async goTo(screen: Screen): Promise<void> {
    await this.navLink(screen).click();
    await this.page.waitForLoadState('domcontentloaded');
  }

  /** "New note" may be a button or a link. */
  newNoteButton(): Locator {
    const name = this.t('New note');
    return this.page
      .getByRole('button', { name, exact: true })
      .or(this.page.getByRole('link', { name, exact: true }))
      .first();
  }

  noteText(): Locator {
    return field(this.page, this.t('What I saw and heard'));
  }

  noteIdea(): Locator {
    return field(this.page, this.t('Idea to try next'));
  }

  /** Opens the note form, unless it is already on screen (an interrupted note may reopen by itself). */
  async openNoteForm(): Promise<void> {
    if (!(await this.noteText().isVisible())) {
      if (!(await this.newNoteButton().isVisible())) await this.goTo('Home');
      await this.newNoteButton().click();
    }
    await this.noteText().waitFor({ state: 'visible' });
  }

  /** Picks a child in the note form: a group of checkboxes named "Child", or a select labelled "Child". */
  async chooseChild(name: string): Promise<void> {
    const group = this.page.getByRole('group', { name: this.t('Child'), exact: true });
    const select = field(this.page, this.t('Child'));
    // The roster loads after the form opens: wait for the picker before deciding which kind it is.
    await group.or(select).first().waitFor({ state: 'visible' });
    if ((await group.count()) > 0) {
      const box = group.getByRole('checkbox', { name });
      await box.first().waitFor({ state: 'visible' });
      await box.first().check();
      return;
    }
    await select.first().selectOption({ label: name });
  }

  async writeNote(note: { child: string; text: string; idea?: string }): Promise<void> {
    await this.openNoteForm();
    await this.chooseChild(note.child);
    await this.noteText().fill(note.text);
    if (note.idea) await this.noteIdea().fill(note.idea);
    await this.saveWith('Save note');
  }

  childName(): Locator {
    return field(this.page, this.t('Name'));
  }

  /** "Add child" may be a button or a link; opens the child form. */
  async openChildForm(): Promise<void> {
    const add = this.t('Add child');
    await this.page
      .getByRole('button', { name: add, exact: true })
      .or(this.page.getByRole('link', { name: add, exact: true }))
      .first()
      .click();
    await this.childName().waitFor({ state: 'visible' });
  }

  async addChild(name: string): Promise<void> {
    await this.openChildForm();
    await this.childName().fill(name);
    await this.saveWith('Save child');
  }

  /** The confirmation "Saved on this device" (shown only once the transaction has committed). */
  savedConfirmation(): Locator {
    // In the toast region: once connected, records in lists say "Saved on this device" too.
    return this.page
      .locator('.toast-region')
      .getByText(this.t('Saved on this device'), { exact: true })
      .first();
  }

  /** Clicks a save button and waits for a new "Saved on this device" (an earlier one must go first). */
  async saveWith(button: 'Save note' | 'Save child'): Promise<void> {
    await this.savedConfirmation().waitFor({ state: 'hidden', timeout: 15_000 });
    await this.page.getByRole('button', { name: this.t(button), exact: true }).click();
    await this.waitForSaved();
  }

  /** Waits until "Saved on this device" shows. */
  async waitForSaved(): Promise<void> {
    await this.savedConfirmation().waitFor({ state: 'visible', timeout: 10_000 });
  }

  /** Switches the language in Settings (select "Language": English / Español). */
  async switchLanguage(lang: Lang): Promise<void> {
    await this.goTo('Settings');
    await field(this.page, this.t('Language')).selectOption({
      label: lang === 'es' ? 'Español' : 'English',
    });
    this.lang = lang;
    await this.waitForShell(10_000);
  }

  updateReady(): Locator {
    return this.page.getByText(this.t('Update ready')).first();
  }

  updateNow(): Locator {
    return this.page.getByRole('button', { name: this.t('Update now'), exact: true });
  }
}
