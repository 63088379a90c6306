import { describe, expect, it } from 'vitest';
import { CSV_BOM, parseCsv } from '../../../domain/csv';
import type { StoredRecord } from '../../../domain/envelope';
import enFirst, { type MessageKey } from '../../i18n/en';
import enLater from '../../i18n/en-later';
import esFirst from '../../i18n/es';
import esLater from '../../i18n/es-later';
import { sheetDateTime, spreadsheetFiles, type SpreadsheetRecords, type Translate } from './spreadsheets';

const en = { ...enFirst, ...enLater };
const es = { ...esFirst, ...esLater };

const words = (catalogue: Record<string, string>): Translate => (key: MessageKey, params) =>
  catalogue[key]!.replace(/\{(\w+)\}/g, (w, n: string) => (params && n in params ? String(params[n]) : w));

const rec = <D>(id: string, data: D, createdAt = '2026-12-02T08:03:00-06:00') =>
  ({ id, data, createdAt, deleted: 0 }) as unknown as StoredRecord<D>;

const records: SpreadsheetRecords = {
  children: [
    rec('mia', { name: 'Mía', birthMonth: '2025-01', active: true }),
    rec('beto', { name: '=Beto', active: false }),
  ],
  observations: [
    rec('n2', {
      childIds: ['mia', 'beto'],
      observedAt: '2026-12-02T10:00:00-06:00',
      observedAtApprox: 'morning',
      text: 'Poured water, "all by herself", then laughed',
      area: 'motor-physical',
      during: 'meal',
      with: ['older', 'provider'],
      nextStep: 'Offer two cups',
      nextStepTriedOn: '2026-12-03',
    }),
    rec('n1', { childIds: ['gone'], observedAt: '2026-12-01T15:42:00-06:00', text: 'Sang' }),
  ],
  checkins: [rec('checkin-2026-W49', { week: '2026-W49', p1: 3, p2: 2, p3: 1, p4: 0, p5: null, p6: 4 })],
  pdsa: [
    rec('c1', {
      changeIdeaId: 'i1',
      changeIdea: 'Two cups at snack',
      cycle: 2,
      purpose: 'test',
      driver: 'plan',
      objective: 'More pouring',
      questions: [
        { question: 'Will she pour?', prediction: 'Yes' },
        { question: 'Spills?', prediction: 'Some', result: 'Few' },
      ],
      plan: { what: 'Offer two cups', who: 'Mía' },
      measure: 'p3',
      startDate: '2026-11-30',
      do: { asPlanned: true, whatHappened: 'She poured' },
    }),
  ],
};

function table(text: string): Record<string, string>[] {
  expect(text.startsWith(CSV_BOM)).toBe(true);
  const [header, ...rows] = parseCsv(text);
  for (const row of rows) expect(row).toHaveLength(header!.length);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

describe('spreadsheetFiles', () => {
  const names = new Map([['mia', 'Mía'], ['beto', '=Beto']]);

  it('writes one row per note, oldest first, in her words, with a date-time a spreadsheet reads', () => {
    const files = spreadsheetFiles(records, words(en), names, '2026-12-02');
    expect(Object.keys(files)).toEqual(['notes.csv', 'children.csv', 'weekly-check-ins.csv', 'pdsa-cycles.csv']);
    const notes = table(files['notes.csv']!);
    expect(notes.map((n) => n['Date and time'])).toEqual(['2026-12-01 15:42', '2026-12-02 10:00']);
    expect(notes[1]).toMatchObject({
      'When (as chosen)': 'This morning',
      Children: 'Mía, =Beto',
      'What I saw and heard': 'Poured water, "all by herself", then laughed',
      'Area of development': 'Moving and using hands',
      During: 'Meal',
      'With whom': 'An older child, Me',
      'Idea to try next': 'Offer two cups',
      'Idea tried on': '2026-12-03',
      'Written down on': '2026-12-02 08:03',
    });
    expect(notes[0]).toMatchObject({ 'When (as chosen)': 'Exact time', Children: en['note.unknownChild'] });
    expect(files['notes.csv']).not.toMatch(/hlc|syncStatus|motor-physical|serverSeq/);
  });

  it('leaves the sync bookkeeping out of every spreadsheet (the JSON export keeps it)', () => {
    const files = spreadsheetFiles(records, words(en), names, '2026-12-02');
    const bookkeeping = /\b(id|hlc|version|serverSeq|syncStatus|syncError|deviceId|schemaVersion|deleted|createdAt|updatedAt)\b/;
    for (const [name, text] of Object.entries(files)) {
      const header = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0]!;
      expect(header, name).not.toMatch(bookkeeping);
      expect(text, name).not.toMatch(/"?(pending|synced|rejected|conflict)"?,/);
    }
  });

  it('heads check-ins with the short questions and the week by its Monday', () => {
    const [week] = table(spreadsheetFiles(records, words(en), names, '2026-12-02')['weekly-check-ins.csv']!);
    expect(week).toEqual({
      'Week starting (Monday)': '2026-11-30',
      'Toddlers cared for': '3',
      'Days with something written down': '2',
      'Activities planned from observations': '1',
      'Talks with other providers': '0',
      'Of those, about toddlers in mixed-age groups': '',
      'Ease of finding time to write (1 very hard to 5 very easy)': '4',
    });
  });

  it('gives each PDSA question its own columns, and children their age band', () => {
    const files = spreadsheetFiles(records, words(en), names, '2026-12-02');
    const [cycle] = table(files['pdsa-cycles.csv']!);
    expect(cycle).toMatchObject({
      'Change idea': 'Two cups at snack',
      Cycle: '2',
      'Where it is': 'Studying',
      'What the cycle does': 'Test a change',
      'Carried out as planned': 'Yes',
      'Question 1': 'Will she pour?',
      'Prediction 1': 'Yes',
      'What happened 1': '',
      'Question 2': 'Spills?',
      'What happened 2': 'Few',
    });
    expect(cycle!['Chart that shows the result']).toBe(en['pdsa.measure.p3']);
    const children = table(files['children.csv']!);
    expect(children).toEqual([
      { Name: "'=Beto", 'Birth month': '', 'Age today': 'Age not set', 'In my care now': 'No' },
      { Name: 'Mía', 'Birth month': '2025-01', 'Age today': 'Toddler', 'In my care now': 'Yes' },
    ]);
  });

  it('is all in Spanish when she uses Spanish, file names included', () => {
    const files = spreadsheetFiles(records, words(es), names, '2026-12-02');
    expect(Object.keys(files)).toEqual(['notas.csv', 'ninos.csv', 'registros-semanales.csv', 'ciclos-pdsa.csv']);
    const notes = table(files['notas.csv']!);
    expect(notes[1]).toMatchObject({ 'Cuándo (como lo eligió)': 'Esta mañana', Durante: 'La comida', 'Fecha y hora': '2026-12-02 10:00' });
    expect(table(files['ninos.csv']!)[1]).toMatchObject({ 'A mi cuidado ahora': 'Sí' });
  });
});

describe('sheetDateTime', () => {
  it('writes the local time as stored, in the offset it was written in', () => {
    expect(sheetDateTime('2026-07-04T23:59:30+02:00')).toBe('2026-07-04 23:59');
    expect(sheetDateTime(null)).toBe('');
  });
});
