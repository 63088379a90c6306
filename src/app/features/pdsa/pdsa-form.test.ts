import { describe, expect, it } from 'vitest';
import { nextCyclePrefill, pdsaStatus } from '../../../domain/pdsa';
import { validateRecord, type FieldIssue, type PdsaData } from '../../../domain/records';
import { openTestDb } from '../../../storage/testing';
import { saveRecord } from '../../../storage/write';
import {
  emptyPdsaForm,
  hasContent,
  partProgress,
  pdsaDataFromForm,
  pdsaFormFromData,
  pdsaFormFromDraft,
  statusInputOf,
  type PdsaFormValues,
} from './pdsa-form';
import { pdsaIssueMessages } from './pdsa-issues';

function planned(): PdsaFormValues {
  return {
    ...emptyPdsaForm('cycle-1', 'idea-1', '2026-01-26'),
    changeIdea: 'Write one note at nap time',
    purpose: 'test',
    driver: 'observe',
    objective: 'See if nap time works',
    questions: [
      { question: '', prediction: '', result: '' },
      { question: 'Will I find 5 minutes?', prediction: 'Yes', result: '' },
    ],
    plan: { what: 'One note a day', who: 'Me', when: ' ', where: '' },
  };
}

describe('the PDSA worksheet', () => {
  it('turns a planned worksheet into valid pdsa data: blank texts and blank question rows left out', () => {
    const data = pdsaDataFromForm(planned());
    expect(validateRecord('pdsa', 'cycle-1', data).ok).toBe(true);
    expect(data).toMatchObject({
      questions: [{ question: 'Will I find 5 minutes?', prediction: 'Yes', result: null }],
      plan: { what: 'One note a day', who: 'Me', when: null, where: null },
      do: null,
      learned: null,
      act: null,
      startsPhase: null,
    });
  });

  it('shows the status the saved cycle will have, part by part', () => {
    const v = planned();
    expect(pdsaStatus(statusInputOf(v))).toBe('planned');
    expect(pdsaStatus(statusInputOf({ ...v, asPlanned: true }))).toBe('doing');
    expect(pdsaStatus(statusInputOf({ ...v, asPlanned: true, whatHappened: 'Two days' }))).toBe(
      'studying',
    );
    expect(pdsaStatus(statusInputOf({ ...v, act: 'adopt' }))).toBe('done');
    expect(partProgress(v)).toEqual({ plan: 'filled', do: 'empty', study: 'empty', act: 'empty' });
    expect(partProgress({ ...v, learned: 'x', nextStep: 'y' })).toMatchObject({
      study: 'filled',
      act: 'started',
    });
  });

  it('comes back from a saved cycle exactly as it was saved', () => {
    const data = pdsaDataFromForm({
      ...planned(),
      asPlanned: false,
      whatHappened: 'Two days',
      act: 'adapt',
      nextStep: 'Mornings',
      startsPhase: true,
    });
    const checked = validateRecord('pdsa', 'cycle-1', data);
    if (!checked.ok) throw new Error('invalid');
    const back = pdsaFormFromData('cycle-1', checked.data);
    expect(pdsaDataFromForm(back)).toEqual(data);
  });

  it('reads a draft back, and refuses one that is not a worksheet', () => {
    const v = { ...planned(), learned: 'half a thought' };
    expect(pdsaFormFromDraft(JSON.parse(JSON.stringify(v)))).toEqual(v);
    expect(pdsaFormFromDraft({ id: 'x' })).toBeNull();
    expect(pdsaFormFromDraft(null)).toBeNull();
  });

  it('knows when a blank worksheet holds nothing worth a draft', () => {
    expect(hasContent(emptyPdsaForm('a', 'b', '2026-01-26'))).toBe(false);
    expect(hasContent({ ...emptyPdsaForm('a', 'b', '2026-01-26'), driver: 'peer' })).toBe(true);
  });

  it('puts each field problem next to its field, a question on its row on screen', () => {
    const v = { ...planned(), changeIdea: '', purpose: null };
    const checked = validateRecord('pdsa', 'cycle-1', {
      ...pdsaDataFromForm(v),
      questions: [{ question: 'x'.repeat(2001) }],
    });
    const issues: FieldIssue[] = checked.ok ? [] : checked.issues;
    const errors = pdsaIssueMessages(issues, v);
    expect(Object.keys(errors).sort()).toEqual(['changeIdea', 'purpose', 'questions.1.question']);
    expect(pdsaIssueMessages([{ path: 'cycle', message: 'too-small' }], v)).toEqual({
      other: 'error.invalid',
    });
  });
});

describe('the PDSA worksheet through storage', () => {
  it('saves a cycle part by part and reads it back into the same worksheet; the next cycle saves too', async () => {
    const db = await openTestDb();
    try {
      const plan = { ...planned(), questions: planned().questions.slice(1) };
      const first = await saveRecord(db, 'pdsa', plan.id, pdsaDataFromForm(plan));
      if (!first.ok) throw new Error(JSON.stringify(first));
      expect(pdsaFormFromData(plan.id, first.record.data as PdsaData)).toEqual({
        ...plan,
        plan: { ...plan.plan, when: '' },
      });
      const acted = {
        ...plan,
        asPlanned: true,
        whatHappened: 'Two days',
        learned: 'Mornings',
        act: 'adapt' as const,
        nextStep: 'Mornings',
      };
      const second = await saveRecord(db, 'pdsa', plan.id, pdsaDataFromForm(acted));
      if (!second.ok) throw new Error(JSON.stringify(second));
      expect(pdsaStatus(second.record.data as PdsaData)).toBe('done');
      const next = pdsaFormFromData(
        'cycle-2',
        nextCyclePrefill(second.record.data as PdsaData, '2026-02-02'),
      );
      const third = await saveRecord(db, 'pdsa', 'cycle-2', pdsaDataFromForm(next));
      expect(third.ok && third.record.data).toMatchObject({
        cycle: 2,
        objective: 'Mornings',
        changeIdeaId: 'idea-1',
      });
    } finally {
      db.close();
    }
  });
});
