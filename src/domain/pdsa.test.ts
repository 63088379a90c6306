import { describe, expect, it } from 'vitest';
import {
  cycleInProgress,
  groupByChangeIdea,
  nextCyclePrefill,
  pdsaStatus,
  type PdsaCycleRecord,
  type PdsaStatus,
} from './pdsa';
import { PDSA_ACTS, PdsaDataSchema, type PdsaData } from './records';

function cycle(over: Partial<PdsaData> = {}): PdsaData {
  return {
    changeIdeaId: 'idea-1',
    changeIdea: 'Write one note at nap time',
    cycle: 1,
    purpose: 'test',
    driver: 'observe',
    objective: 'See if nap time works for writing',
    questions: [{ question: 'Will I find 5 minutes?', prediction: 'Yes, on 3 days of 5' }],
    plan: { what: 'One note a day', who: 'Me', when: 'Nap time', where: 'Kitchen table' },
    measure: 'notes',
    startDate: '2026-01-26',
    ...over,
  };
}

const record = (id: string, over: Partial<PdsaData> = {}, deleted: 0 | 1 = 0): PdsaCycleRecord => ({
  id,
  data: cycle(over),
  deleted,
});

type DoState = 'none' | 'partial' | 'complete';
type StudyState = 'none' | 'result-only' | 'learned';
const DO: Record<DoState, PdsaData['do']> = {
  none: null,
  partial: { asPlanned: true, whatHappened: '  ', surprises: null },
  complete: { asPlanned: false, whatHappened: 'Two days only', surprises: '' },
};
const STUDY: Record<StudyState, Partial<PdsaData>> = {
  none: { learned: ' ' },
  'result-only': {
    questions: [{ question: 'Will I find 5 minutes?', prediction: 'Yes', result: 'On 2 days' }],
  },
  learned: { learned: 'Mornings are calmer' },
};

describe('pdsaStatus', () => {
  // Every combination of Do (none / partly / complete), Study (none / a result / learned) and Act.
  const expected = (d: DoState, s: StudyState, act: boolean): PdsaStatus =>
    act
      ? 'done'
      : d === 'complete' || s !== 'none'
        ? 'studying'
        : d === 'partial'
          ? 'doing'
          : 'planned';
  for (const d of Object.keys(DO) as DoState[]) {
    for (const s of Object.keys(STUDY) as StudyState[]) {
      for (const act of [false, true]) {
        it(`is ${expected(d, s, act)} with Do ${d}, Study ${s} and ${act ? 'an' : 'no'} Act`, () => {
          const data = cycle({ do: DO[d], ...STUDY[s], act: act ? 'adapt' : null });
          expect(PdsaDataSchema.safeParse(data).success).toBe(true);
          expect(pdsaStatus(data)).toBe(expected(d, s, act));
        });
      }
    }
  }

  it('is planned for a plan only, even when the start date has passed', () => {
    expect(pdsaStatus(cycle({ startDate: '2020-01-01' }))).toBe('planned');
  });

  it('counts any single Do field as started, and needs both "as planned" and "what happened" to be complete', () => {
    expect(pdsaStatus(cycle({ do: { asPlanned: false } }))).toBe('doing');
    expect(pdsaStatus(cycle({ do: { whatHappened: 'We tried it' } }))).toBe('doing');
    expect(pdsaStatus(cycle({ do: { surprises: 'The baby woke up' } }))).toBe('doing');
    expect(pdsaStatus(cycle({ do: { asPlanned: true, whatHappened: 'We tried it' } }))).toBe(
      'studying',
    );
  });

  it('is done with any of the three Acts, whatever else is missing', () => {
    for (const act of PDSA_ACTS) expect(pdsaStatus(cycle({ act }))).toBe('done');
  });
});

describe('nextCyclePrefill', () => {
  const last = cycle({
    cycle: 2,
    driver: 'plan',
    purpose: 'develop',
    measure: 'p3',
    do: DO.complete,
    learned: 'Mornings are calmer',
    act: 'adapt',
    nextStep: '  Try it in the morning instead  ',
    startsPhase: true,
    endDate: '2026-02-01',
  });

  it('keeps the change idea, driver, measure and purpose, and makes the next step the objective', () => {
    const next = nextCyclePrefill(last, '2026-02-03');
    expect(next).toEqual({
      changeIdeaId: 'idea-1',
      changeIdea: 'Write one note at nap time',
      cycle: 3,
      purpose: 'develop',
      driver: 'plan',
      objective: 'Try it in the morning instead',
      questions: [],
      plan: {},
      measure: 'p3',
      startDate: '2026-02-03',
    });
    expect(pdsaStatus(next)).toBe('planned');
    expect(PdsaDataSchema.safeParse(next).success).toBe(true);
  });

  it('numbers the new cycle past the highest cycle of the same idea', () => {
    const siblings = [cycle({ cycle: 4 }), cycle({ cycle: 9, changeIdeaId: 'other' })];
    expect(nextCyclePrefill(last, '2026-02-03', siblings).cycle).toBe(5);
  });

  it('leaves the objective empty when the last cycle has no next step, and no measure when it had none', () => {
    const next = nextCyclePrefill(cycle({ nextStep: null, measure: null }), '2026-02-03');
    expect(next.objective).toBe('');
    expect(next.measure).toBeNull();
  });
});

describe('groupByChangeIdea', () => {
  it('groups cycles by idea in cycle order, the idea started most recently first, deleted ones left out', () => {
    const groups = groupByChangeIdea([
      record('c', { cycle: 2, startDate: '2026-02-02', changeIdea: 'Nap-time notes' }),
      record('a', { cycle: 1, startDate: '2026-01-26' }),
      record('x', { changeIdeaId: 'idea-2', changeIdea: 'Peer call', startDate: '2026-01-05' }),
      record('d', { cycle: 3, startDate: '2026-02-09' }, 1),
    ]);
    expect(groups.map((g) => [g.changeIdeaId, g.changeIdea, g.cycles.map((c) => c.id)])).toEqual([
      ['idea-1', 'Nap-time notes', ['a', 'c']],
      ['idea-2', 'Peer call', ['x']],
    ]);
  });

  it('orders two cycles with the same number by start date, then by id', () => {
    const groups = groupByChangeIdea([
      record('b', { startDate: '2026-01-26' }),
      record('c', { startDate: '2026-01-19' }),
      record('a', { startDate: '2026-01-26' }),
    ]);
    expect(groups[0]!.cycles.map((c) => c.id)).toEqual(['c', 'a', 'b']);
  });

  it('gives nothing for no cycles', () => {
    expect(groupByChangeIdea([])).toEqual([]);
  });
});

describe('cycleInProgress', () => {
  it('is the latest cycle that is not done', () => {
    const found = cycleInProgress([
      record('old', { startDate: '2026-01-05' }),
      record('newer', { startDate: '2026-01-19', do: DO.partial }),
      record('latest-done', { startDate: '2026-01-26', act: 'adopt' }),
    ]);
    expect(found?.id).toBe('newer');
  });

  it('breaks a tie on start date by cycle number, then id', () => {
    expect(cycleInProgress([record('a', { cycle: 2 }), record('b', { cycle: 1 })])?.id).toBe('a');
    expect(cycleInProgress([record('b'), record('a')])?.id).toBe('b');
  });

  it('is null when every cycle is done or deleted', () => {
    expect(cycleInProgress([record('a', { act: 'abandon' }), record('b', {}, 1)])).toBeNull();
    expect(cycleInProgress([])).toBeNull();
  });
});
