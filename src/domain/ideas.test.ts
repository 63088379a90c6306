import { describe, expect, it } from 'vitest';
import type { StoredRecord } from './envelope';
import { collectIdeas, ideaKey } from './ideas';
import type { ObservationData } from './records';

function note(
  id: string,
  observedAt: string,
  data: Partial<ObservationData>,
): StoredRecord<ObservationData> {
  return {
    id,
    data: { childIds: ['c1'], observedAt, text: 'saw', ...data },
  } as StoredRecord<ObservationData>;
}

describe('collectIdeas', () => {
  it('lists each idea once, newest first, with every child and note that holds it', () => {
    const ideas = collectIdeas([
      note('a', '2026-11-30T10:00:00-06:00', {
        nextStep: 'Offer two cups to pour',
        childIds: ['mia'],
      }),
      note('b', '2026-12-01T10:00:00-06:00', { nextStep: 'Read the truck book' }),
      note('c', '2026-12-02T09:00:00-06:00', {
        nextStep: '  offer two  cups to pour. ',
        childIds: ['leo'],
      }),
      note('d', '2026-12-02T09:30:00-06:00', {}),
    ]);
    expect(ideas.map((i) => i.text)).toEqual(['offer two  cups to pour.', 'Read the truck book']);
    expect(ideas[0]).toMatchObject({
      noteId: 'c',
      noteIds: ['c', 'a'],
      childIds: ['leo', 'mia'],
      day: '2026-12-02',
      triedOn: null,
    });
  });

  it('counts an idea tried when any of its notes is marked, with the latest day', () => {
    const ideas = collectIdeas([
      note('a', '2026-11-30T10:00:00-06:00', {
        nextStep: 'Sing while washing hands',
        nextStepTriedOn: '2026-12-01',
      }),
      note('b', '2026-12-01T10:00:00-06:00', { nextStep: 'Sing while washing hands' }),
    ]);
    expect(ideas).toHaveLength(1);
    expect(ideas[0]!.triedOn).toBe('2026-12-01');
  });

  it('treats case, spaces and a final full stop as the same words', () => {
    expect(ideaKey(' Offer  TWO cups. ')).toBe(ideaKey('offer two cups'));
    expect(ideaKey('offer two cups')).not.toBe(ideaKey('offer three cups'));
  });
});
