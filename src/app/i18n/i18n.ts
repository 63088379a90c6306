/**
 * The app's language: one signal, one writer (`setLanguage`). Catalogues are lazy chunks so the
 * first screen loads only the one in use, and of it only the words of the first screen (en.ts);
 * the other screens' words (en-later.ts) follow after the first paint, and every lazy screen waits
 * for them (`loadLaterWords`). All are precached, so switching works offline.
 */
import { signal } from '@preact/signals';
import type { MessageKey, Messages } from './en';

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The language on screen. */
export const language = signal<Language>('en');

/** The words on screen: the first screen's, and the later ones once loaded (both of `lang`). */
interface Catalogue {
  lang: Language;
  words: Partial<Messages>;
  hasLater: boolean;
}
const catalogue = signal<Catalogue | null>(null);
/** Set by the first `loadLaterWords`: from then on a language change loads both parts. */
let isLaterWanted = false;

async function firstWords(lang: Language): Promise<Partial<Messages>> {
  return (lang === 'es' ? await import('./es') : await import('./en')).default;
}

async function laterWords(lang: Language): Promise<Partial<Messages>> {
  return (lang === 'es' ? await import('./es-later') : await import('./en-later')).default;
}

/** First run: the first of the browser's languages that we speak, else English. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'es' || base === 'en') return base;
  }
  return 'en';
}

/** Loads a catalogue and makes it the one on screen; resolves once the words have changed. */
export async function setLanguage(lang: Language): Promise<void> {
  const first = await firstWords(lang);
  // Checked after the first await: a `loadLaterWords` started meanwhile must find them in `lang`.
  const later = isLaterWanted ? await laterWords(lang) : null;
  catalogue.value = { lang, words: later ? { ...first, ...later } : first, hasLater: !!later };
  language.value = lang;
  document.documentElement.lang = lang;
}

/**
 * Loads the words of the screens after the first, in the language on screen, once; resolves when
 * they are there. Every lazy screen awaits it before it renders, so none shows a bare key.
 */
export async function loadLaterWords(): Promise<void> {
  isLaterWanted = true;
  for (;;) {
    const current = catalogue.value;
    if (!current || current.hasLater) return;
    const later = await laterWords(current.lang);
    // A language change while loading has loaded its own later words: look again.
    if (catalogue.value === current) {
      catalogue.value = { ...current, words: { ...current.words, ...later }, hasLater: true };
      return;
    }
  }
}

/** A lazy chunk, resolved once the later words are loaded too (for every lazy screen and card). */
export async function withLaterWords<T>(chunk: Promise<T>): Promise<T> {
  const [loaded] = await Promise.all([chunk, loadLaterWords()]);
  return loaded;
}

/** The message for `key` in the current language, with `{name}` placeholders filled in. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = catalogue.value?.words[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A key that has plural forms: `key.one` and `key.other` are both in the catalogue. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer B}.one`
    ? `${B}.other` extends MessageKey
      ? B
      : never
    : never;
}[MessageKey];

/** The plural form of `key` for `count` (`key.one` / `key.other`), with `{count}` filled in. */
export function tn(
  key: PluralKey,
  count: number,
  params?: Record<string, string | number>,
): string {
  const rule = new Intl.PluralRules(language.value).select(count) === 'one' ? 'one' : 'other';
  return t(`${key}.${rule}`, { count, ...params });
}

/** The English of her region: the browser's first `en-*` tag ("en-US" reads "December 2, 10:00 AM"). */
export function englishRegion(
  preferred: readonly string[] = typeof navigator === 'undefined'
    ? []
    : (navigator.languages ?? []),
): string {
  const tag = preferred.find((l) => /^en(-|$)/i.test(l));
  return tag && tag.length > 2 ? tag : 'en-US';
}

/** The BCP 47 locale of dates, times and numbers: her region's English, or Spanish. */
export function dateLocale(lang: Language = language.value): string {
  return lang === 'es' ? 'es' : englishRegion();
}

const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

/** A date formatter for the current language, made once per options (making one is slow on old tablets). */
export function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${dateLocale()}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(dateLocale(), options)));
  return f as Intl.DateTimeFormat;
}

/**
 * Starts ICU's one-time set-up for these locales in a worker (src/app/i18n/intl-warmup.worker.ts
 * says why), so that the page's first formatter does not hold the main thread. Nothing depends on
 * it: where there is no Worker, or it fails, the first formatter is made the slow way.
 */
export function warmUpFormatters(locales: readonly string[] = [englishRegion(), 'es']): void {
  if (typeof Worker === 'undefined') return;
  try {
    const worker = new Worker(new URL('./intl-warmup.worker.ts', import.meta.url));
    const stop = () => worker.terminate();
    worker.onmessage = stop;
    worker.onerror = stop;
    worker.postMessage(locales);
  } catch {
    // no worker: nothing lost but the head start
  }
}

/** A number formatter for the current language, made once per options. */
export function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${dateLocale()}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(dateLocale(), options)));
  return f as Intl.NumberFormat;
}
