import { describe, expect, it } from 'vitest';
import { ObservationDataSchema } from '../../../domain/records';
import {
  emptyNoteForm,
  hasContent,
  noteDataFromForm,
  noteFormFromDraft,
  noteFormFromRecord,
} from './note-form';

const now = new Date(2026, 0, 29, 15, 0, 0);

describe('the note form', () => {
  it('turns a filled form into valid observation data, with the one-tap time', () => {
    const v = {
      ...emptyNoteForm('n1', ['c1']),
      text: 'Stacked blocks',
      when: 'after-lunch' as const,
      area: 'cognition' as const,
      with: ['older' as const],
    };
    const data = noteDataFromForm(v, now);
    expect(ObservationDataSchema.safeParse(data).success).toBe(true);
    expect(String(data.observedAt).slice(0, 16)).toBe('2026-01-29T13:00');
    expect(data).toMatchObject({
      observedAtApprox: 'after-lunch',
      area: 'cognition',
      with: ['older'],
      nextStep: null,
    });
  });

  it('keeps an edited note’s time exactly as written unless she changes it', () => {
    const record = {
      id: 'n1',
      data: {
        childIds: ['c1'],
        observedAt: '2026-01-27T09:15:00-06:00',
        text: 'x',
        observedAtApprox: null,
      },
    } as unknown as Parameters<typeof noteFormFromRecord>[0];
    const v = noteFormFromRecord(record);
    expect(noteDataFromForm(v, now).observedAt).toBe('2026-01-27T09:15:00-06:00');
    expect(String(noteDataFromForm({ ...v, when: 'morning' }, now).observedAt).slice(0, 16)).toBe(
      '2026-01-29T10:00',
    );
  });

  it('never replaces a picked time that cannot be read with now', () => {
    const v = {
      ...emptyNoteForm('n1', ['c1']),
      text: 'x',
      when: 'custom' as const,
      customWhen: '',
    };
    expect(noteDataFromForm(v, now).observedAt).toBe('');
  });

  it('knows when there is something worth keeping', () => {
    expect(hasContent(emptyNoteForm('n1'))).toBe(false);
    expect(hasContent({ ...emptyNoteForm('n1'), text: ' ' })).toBe(false);
    expect(hasContent({ ...emptyNoteForm('n1'), nextStep: 'try' })).toBe(true);
  });

  it('reads a draft back, and refuses one that is not a note form', () => {
    const v = { ...emptyNoteForm('n1', ['c1']), text: 'half a sentence' };
    expect(noteFormFromDraft(JSON.parse(JSON.stringify(v)))).toEqual(v);
    expect(noteFormFromDraft({ text: 3 })).toBeNull();
    expect(noteFormFromDraft(null)).toBeNull();
  });
});
