// @vitest-environment happy-dom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLaterWords, setLanguage } from '../../i18n/i18n';
import { comparisonRows, fieldLabel, valueWords } from './field-words';
import { rejectReason } from './reject-words';

const ctx = {
  childNames: new Map([
    ['c1', 'Ana'],
    ['c2', 'José'],
  ]),
};
const note = {
  childIds: ['c1'],
  observedAt: '2026-01-28T10:05:00-06:00',
  text: 'Ana stacked four blocks',
  area: 'cognition',
};

describe('a conflict in her words (English)', () => {
  beforeAll(() => setLanguage('en').then(loadLaterWords));

  it('shows the form’s labels and the app’s words, only for what differs', () => {
    const rows = comparisonRows(
      'observations',
      ['text', 'area', 'childIds'],
      { data: note, deleted: 0 },
      {
        data: { ...note, text: 'Ana stacked five', area: 'language', childIds: ['c1', 'c2'] },
        deleted: 0,
      },
      ctx,
    );
    expect(rows).toEqual([
      { path: 'childIds', label: 'Child', now: 'Ana', other: 'Ana, José' },
      {
        path: 'text',
        label: 'What I saw and heard',
        now: 'Ana stacked four blocks',
        other: 'Ana stacked five',
      },
      {
        path: 'area',
        label: 'Area of development',
        now: 'Thinking and exploring',
        other: 'Talking and listening',
      },
    ]);
  });

  it('says a cleared field is empty, a delete in words, and a day as the app writes it', () => {
    const rows = comparisonRows(
      'observations',
      ['nextStep', 'deleted'],
      { data: { ...note, nextStep: 'More blocks' }, deleted: 0 },
      { data: note, deleted: 1 },
      ctx,
    );
    expect(rows.map((r) => [r.label, r.now, r.other])).toEqual([
      ['Deleted', 'Not deleted', 'Yes, deleted'],
      ['Idea to try next', 'More blocks', '(empty)'],
    ]);
    expect(valueWords('observations', 'observedAt', note, 0, ctx)).toMatch(/January 28.*10:05/);
    expect(valueWords('children', 'birthMonth', { birthMonth: '2025-03' }, 0, ctx)).toBe(
      'March 2025',
    );
    expect(valueWords('children', 'active', { active: false }, 0, ctx)).toBe('Not in my care now');
    expect(valueWords('checkins', 'p6', { p6: 4 }, 0, ctx)).toBe('4 · Easy');
  });

  it('splits a PDSA plan and its questions into rows with their own labels', () => {
    const base = {
      plan: { what: 'One question per call', who: 'Me' },
      questions: [{ question: 'More talk?' }],
    };
    const rows = comparisonRows(
      'pdsa',
      ['plan', 'questions'],
      { data: base, deleted: 0 },
      {
        data: {
          plan: { what: 'Two questions', who: 'Me' },
          questions: [{ question: 'More talk?', result: 'Yes' }],
        },
        deleted: 0,
      },
      ctx,
    );
    expect(rows.map((r) => [r.label, r.now, r.other])).toEqual([
      ['What will you do?', 'One question per call', 'Two questions'],
      ['What really happened? (question 1)', '(empty)', 'Yes'],
    ]);
  });

  it('never shows a field name: a field this build does not know is "Another detail"', () => {
    expect(fieldLabel('observations', 'mood')).toBe('Another detail');
    expect(fieldLabel('checkins', 'p5')).toMatch(/^Of those talks/);
  });

  it('gives the server’s reason with the field’s label and the problem in words', () => {
    expect(
      rejectReason('observations', {
        code: 'VALIDATION_FAILED',
        message: 'text: too-long',
        details: [{ path: 'text', message: 'too-long' }],
      }),
    ).toBe('In “What I saw and heard”, it is too long.');
    expect(rejectReason('observations', { code: 'SEND_TIMEOUT', message: 'x' })).toMatch(
      /^Sending it took too long/,
    );
    expect(rejectReason('observations', { code: 'SOMETHING_NEW', message: 'x' })).toBe(
      'The server did not say why.',
    );
  });
});

describe('a conflict in her words (Spanish)', () => {
  beforeAll(() => setLanguage('es').then(loadLaterWords));
  afterAll(() => setLanguage('en'));

  it('uses the Spanish labels and words', () => {
    const rows = comparisonRows(
      'observations',
      ['area'],
      { data: note, deleted: 0 },
      { data: { ...note, area: 'language' }, deleted: 0 },
      ctx,
    );
    expect(rows[0]?.label).toBe('Área de desarrollo');
    expect(
      rejectReason('checkins', {
        code: 'VALIDATION_FAILED',
        message: 'p5',
        details: [{ path: 'p5', message: 'p5-above-p4' }],
      }),
    ).toMatch(/^En “.+”, es más que sus conversaciones con otras proveedoras\.$/);
  });
});
