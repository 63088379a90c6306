import { describe, expect, it } from 'vitest';
import { coachAnswers, rollupsAnswer } from './staff-read-fixtures';
import {
  StaffAgenciesAnswerSchema,
  StaffProvidersAnswerSchema,
  StaffRollupsAnswerSchema,
  StaffSharedAnswerSchema,
} from './staff-read';

const today = new Date('2026-12-02T12:00:00');

describe('the staff read answers (SYNC.md §17)', () => {
  it('read a coach’s shared answer as sharedView built it, in name order, with no note text', () => {
    const { shared, providers } = coachAnswers(today);
    const parsed = StaffSharedAnswerSchema.parse(shared);
    expect(parsed).toEqual(shared);
    expect(parsed.providers.map((p) => p.name)).toEqual(['Ana Flores', 'Beatriz Gómez']);
    expect(parsed.providers[0]!.shared.cycles).toHaveLength(1);
    expect(JSON.stringify(parsed)).not.toMatch(/Mateo|Secret|child-1|Will it help/);
    expect(StaffProvidersAnswerSchema.parse(providers).providers).toHaveLength(3);
  });

  it('ignore fields and values a newer server adds, and leave out what says nothing', () => {
    const { shared } = coachAnswers(today);
    const ana = shared.providers[0]!;
    const newer = {
      ...shared,
      extra: 1,
      providers: [
        {
          ...ana,
          rank: 1,
          shared: {
            ...ana.shared,
            cycles: ana.shared.cycles.map((c) => ({ ...c, status: 'paused', measure: 'p9' })),
          },
        },
        { providerId: 'x', name: 'Zoe', shared: { level: 'nothing', weeks: [] } },
      ],
    };
    const parsed = StaffSharedAnswerSchema.parse(newer);
    expect(parsed.providers.map((p) => p.name)).toEqual(['Ana Flores']);
    expect(parsed.providers[0]).not.toHaveProperty('rank');
    expect(parsed.providers[0]!.shared.cycles[0]).toMatchObject({
      status: 'planned',
      measure: null,
    });
  });

  it('refuse an answer of the wrong shape', () => {
    expect(StaffSharedAnswerSchema.safeParse({ providers: [] }).success).toBe(false);
    expect(StaffProvidersAnswerSchema.safeParse({ providers: [{ name: 'Ana' }] }).success).toBe(
      false,
    );
    expect(StaffAgenciesAnswerSchema.safeParse({ agencies: 'a1' }).success).toBe(false);
    expect(StaffRollupsAnswerSchema.safeParse({ asOf: 'x', grain: 'day' }).success).toBe(false);
  });

  it('read a roll-up as poolSeries built it: shown points with k of N, suppressed ones without numbers', () => {
    const answer = rollupsAnswer(today);
    const parsed = StaffRollupsAnswerSchema.parse(answer);
    expect(parsed.providers.measures['p5-of-p4']?.points).toEqual(
      answer.providers.measures['p5-of-p4']!.points,
    );
    const points = parsed.staff.measures['s2-of-s1']!.points;
    expect(points.some((p) => !p.shown)).toBe(true);
    expect(points.some((p) => p.shown && p.reporting >= 5)).toBe(true);
    for (const p of points)
      if (!p.shown) expect(Object.keys(p).sort()).toEqual(['of', 'period', 'shown', 'suppressed']);
    expect(parsed.staff.barriers?.[0]?.barrier).toBe('time');
    expect(parsed.events.map((e) => e.title)).toEqual(['Encuentro de otoño', 'Taller PDSA']);
  });

  it('read a suppressed point sent with only period, suppressed and of; drop unknown measures and barriers', () => {
    const answer = rollupsAnswer(today);
    const parsed = StaffRollupsAnswerSchema.parse({
      ...answer,
      providers: {
        ...answer.providers,
        measures: {
          ...answer.providers.measures,
          notes: {
            kind: 'mean',
            points: [{ period: answer.weeks[0], suppressed: 'new-rule', of: 9 }],
          },
          p99: { kind: 'mean', points: [] },
          p2: 'broken',
        },
      },
      staff: {
        ...answer.staff,
        barriers: [{ barrier: 'weather', count: 1, percent: 5, cumulativePercent: 5 }],
      },
    });
    expect(parsed.providers.measures.notes?.points).toEqual([
      { period: answer.weeks[0], shown: false, suppressed: 'too-few', of: 9 },
    ]);
    expect(parsed.providers.measures).not.toHaveProperty('p99');
    expect(parsed.providers.measures).not.toHaveProperty('p2');
    expect(parsed.staff.barriers).toEqual([]);
  });
});
