/**
 * The product's words, once, in both languages. Both catalogues build their sentences from these,
 * so "note", "idea to try next" or "weekly check-in" never drift between screens or languages.
 * Spanish follows the words of the pilot's bilingual materials: plain, warm, no jargon.
 */
export const GLOSSARY = {
  appName: { en: 'Naptime', es: 'Naptime' },
  note: { en: 'note', es: 'nota' },
  notes: { en: 'notes', es: 'notas' },
  Note: { en: 'Note', es: 'Nota' },
  Notes: { en: 'Notes', es: 'Notas' },
  child: { en: 'child', es: 'niño o niña' },
  Child: { en: 'Child', es: 'Niño o niña' },
  Children: { en: 'Children', es: 'Niños' },
  toddler: { en: 'toddler', es: 'niño pequeño' },
  toddlers: { en: 'toddlers', es: 'niños pequeños' },
  whatISaw: { en: 'What I saw and heard', es: 'Lo que vi y escuché' },
  ideaToTry: { en: 'Idea to try next', es: 'Idea para probar' },
  ideasToTry: { en: 'ideas to try next', es: 'ideas para probar' },
  checkin: { en: 'weekly check-in', es: 'registro semanal' },
  Checkin: { en: 'Weekly check-in', es: 'Registro semanal' },
  agency: { en: 'agency', es: 'agencia' },
  savedHere: { en: 'Saved on this device', es: 'Guardado en este dispositivo' },
} as const;

export type GlossaryTerm = keyof typeof GLOSSARY;

/** The glossary in one language, as a flat map of term → word. */
export function glossaryIn(lang: 'en' | 'es'): { [K in GlossaryTerm]: string } {
  return Object.fromEntries(Object.entries(GLOSSARY).map(([k, v]) => [k, v[lang]])) as {
    [K in GlossaryTerm]: string;
  };
}

/** Catalogue values allowed to read the same in both languages (names of things, not words). */
export const SAME_IN_BOTH_LANGUAGES: readonly string[] = [
  'Naptime',
  'English',
  'Español',
  'PDSA',
  'No',
];
