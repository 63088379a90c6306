import { describe, expect, it } from 'vitest';
import { emptyPdsaForm } from './pdsa-form';
import { ideaPrefill } from './use-idea-prefill';

describe('ideaPrefill', () => {
  const blank = emptyPdsaForm('c1', 'i1', '2026-12-02');

  it('puts her idea in the change idea (cut to 200 characters) and in what she will try', () => {
    const idea = `Offer two cups at snack ${'x'.repeat(300)}`;
    const patch = ideaPrefill(blank, `  ${idea} `)!;
    expect(patch.changeIdea).toHaveLength(200);
    expect(patch.plan).toEqual({ ...blank.plan, what: idea });
  });

  it('never overwrites a worksheet she already started, and ignores an empty idea', () => {
    expect(ideaPrefill({ ...blank, changeIdea: 'Read at nap' }, 'Offer two cups')).toBeNull();
    expect(
      ideaPrefill({ ...blank, plan: { ...blank.plan, what: 'x' } }, 'Offer two cups'),
    ).toBeNull();
    expect(ideaPrefill(blank, '   ')).toBeNull();
    expect(ideaPrefill(blank, undefined)).toBeNull();
  });
});
