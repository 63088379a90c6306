import { describe, expect, it } from 'vitest';
import enFirst from './en';
import enLater from './en-later';
import esFirst from './es';
import esLater from './es-later';
import { GLOSSARY, SAME_IN_BOTH_LANGUAGES } from './glossary';
import { pickLanguage } from './i18n';

const en = { ...enFirst, ...enLater };
const es = { ...esFirst, ...esLater };

describe('the English and Spanish catalogues', () => {
  it('have exactly the same keys, in the first screen’s part and in the later one', () => {
    expect(Object.keys(esFirst).sort()).toEqual(Object.keys(enFirst).sort());
    expect(Object.keys(esLater).sort()).toEqual(Object.keys(enLater).sort());
    expect(Object.keys(enFirst).filter((k) => k in enLater)).toEqual([]);
  });

  it('have no empty value', () => {
    for (const [key, value] of [...Object.entries(en), ...Object.entries(es)]) {
      expect(value.trim(), key).not.toBe('');
    }
  });

  it('never leave an English value untranslated, except names on the allow-list', () => {
    const same = Object.keys(en).filter(
      (k) => en[k as keyof typeof en] === es[k as keyof typeof es],
    );
    expect(same.filter((k) => !SAME_IN_BOTH_LANGUAGES.includes(en[k as keyof typeof en]))).toEqual(
      [],
    );
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(es[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('take product terms from the glossary', () => {
    expect(en['note.text']).toBe(GLOSSARY.whatISaw.en);
    expect(es['note.text']).toBe(GLOSSARY.whatISaw.es);
    expect(es['note.nextStep']).toBe(GLOSSARY.ideaToTry.es);
    expect(es['saved.here']).toBe(GLOSSARY.savedHere.es);
  });

  it('keep the accessible names the browser tests rely on, in English', () => {
    expect([en['nav.home'], en['nav.notes'], en['nav.children'], en['nav.settings']]).toEqual([
      'Home',
      'Notes',
      'Children',
      'Settings',
    ]);
    expect([en['note.new'], en['note.save'], en['children.add'], en['children.save']]).toEqual([
      'New note',
      'Save note',
      'Add child',
      'Save child',
    ]);
    expect([en['note.child'], en['note.text'], en['note.nextStep'], en['children.name']]).toEqual([
      'Child',
      'What I saw and heard',
      'Idea to try next',
      'Name',
    ]);
  });
});

describe('pickLanguage', () => {
  it('follows the first of the browser languages that Naptime speaks', () => {
    expect(pickLanguage(['es-MX', 'en-US'])).toBe('es');
    expect(pickLanguage(['fr-FR', 'en-GB', 'es'])).toBe('en');
    expect(pickLanguage(['de'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });
});
