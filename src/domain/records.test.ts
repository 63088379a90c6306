import { describe, expect, it } from 'vitest';
import type { z } from 'zod/mini';
import {
  CheckinDataSchema,
  ChildDataSchema,
  ConflictDataSchema,
  ObservationDataSchema,
  PdsaDataSchema,
  checkinId,
  toFieldIssues,
  validateRecord,
} from './records';

/** The field issues of parsing `data` with `schema` (empty when it is valid). */
function issuesOf(schema: z.ZodMiniType, data: unknown): { path: string; message: string }[] {
  const r = schema.safeParse(data);
  return r.success ? [] : toFieldIssues(r.error);
}

const HLC_A = '2026-01-29T19:05:00.000Z-0000-0123456789abcdef';
const HLC_B = '2026-01-29T19:06:00.000Z-0002-fedcba9876543210';

const child = { name: 'Ana', birthMonth: '2024-03', active: true };
const observation = {
  childIds: ['0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'],
  observedAt: '2026-01-29T13:05:00-06:00',
  text: 'Stacked three blocks and said "tower!"',
};
const checkin = { week: '2026-W05', p1: 3, p2: 4, p3: 2, p4: 5, p5: 2, p6: 4 };
const pdsa = {
  changeIdeaId: 'idea-snack-notes',
  changeIdea: 'Write one note at snack time',
  cycle: 1,
  purpose: 'test',
  driver: 'observe',
  objective: 'See whether snack time gives me a minute to write',
  questions: [{ question: 'Will I write a note?', prediction: 'On 3 of 5 days' }],
  plan: { what: 'One note at snack', who: 'Me', when: 'Mon-Fri', where: 'Kitchen table' },
  startDate: '2026-02-02',
};
const conflict = {
  table: 'checkins',
  recordId: 'checkin-2026-W05',
  kind: 'fields',
  fields: ['p3'],
  winning: { p3: 4 },
  losing: { p3: 2 },
  winner: 'incoming',
  baseVersion: 2,
  resultVersion: 4,
  incoming: { deviceId: 'dev-1', hlc: HLC_B, mutationId: 'm-1' },
  stored: { deviceId: null, hlc: HLC_A },
};

describe('ChildDataSchema', () => {
  it('accepts a child with a name, a birth month and an active flag', () => {
    expect(ChildDataSchema.parse(child)).toEqual(child);
  });

  it('trims the name before checking its length of 1 to 60 characters', () => {
    expect(ChildDataSchema.parse({ ...child, name: '  Ana  ' }).name).toBe('Ana');
    expect(ChildDataSchema.parse({ ...child, name: ` ${'a'.repeat(60)} ` }).name).toBe(
      'a'.repeat(60),
    );
    expect(issuesOf(ChildDataSchema, { ...child, name: 'a'.repeat(61) })).toEqual([
      { path: 'name', message: 'too-long' },
    ]);
    expect(issuesOf(ChildDataSchema, { ...child, name: '' })).toEqual([
      { path: 'name', message: 'required' },
    ]);
    expect(issuesOf(ChildDataSchema, { ...child, name: '   ' })).toEqual([
      { path: 'name', message: 'required' },
    ]);
  });

  it('takes a birth month only as YYYY-MM with a month from 01 to 12', () => {
    for (const birthMonth of ['2024-01', '2024-12', '1999-09']) {
      expect(ChildDataSchema.safeParse({ ...child, birthMonth }).success).toBe(true);
    }
    for (const birthMonth of ['2024-13', '2024-00', '2024-3', '2024-03-01', '24-03', '']) {
      expect(issuesOf(ChildDataSchema, { ...child, birthMonth })).toEqual([
        { path: 'birthMonth', message: 'not-a-month' },
      ]);
    }
  });

  it('treats a null birth month the same as an absent one', () => {
    expect(ChildDataSchema.safeParse({ ...child, birthMonth: null }).success).toBe(true);
    expect(ChildDataSchema.safeParse({ name: 'Ana', active: false }).success).toBe(true);
  });

  it('requires active to be a boolean', () => {
    expect(issuesOf(ChildDataSchema, { ...child, active: 'yes' }).map((i) => i.path)).toEqual([
      'active',
    ]);
    expect(issuesOf(ChildDataSchema, { name: 'Ana' }).map((i) => i.path)).toEqual(['active']);
    expect(issuesOf(ChildDataSchema, { ...child, active: 1 }).map((i) => i.path)).toEqual([
      'active',
    ]);
  });

  it('keeps fields it does not know', () => {
    expect(ChildDataSchema.parse({ ...child, nickname: 'Ani', future: { a: 1 } })).toEqual({
      ...child,
      nickname: 'Ani',
      future: { a: 1 },
    });
  });
});

describe('ObservationDataSchema', () => {
  it('accepts a note with only its required fields', () => {
    expect(ObservationDataSchema.parse(observation)).toEqual(observation);
  });

  it('accepts every optional field filled in', () => {
    const full = {
      ...observation,
      childIds: ['c1', 'c2'],
      observedAtApprox: 'after-lunch',
      area: 'approaches-to-learning',
      during: 'arrival-pickup',
      with: ['older', 'provider'],
      nextStep: 'Offer the big blocks outside',
    };
    expect(ObservationDataSchema.parse(full)).toEqual(full);
  });

  it('needs 1 to 10 child ids with no repeats', () => {
    const ids = Array.from({ length: 11 }, (_, i) => `c${i}`);
    expect(
      ObservationDataSchema.safeParse({ ...observation, childIds: ids.slice(0, 10) }).success,
    ).toBe(true);
    expect(issuesOf(ObservationDataSchema, { ...observation, childIds: ids })).toEqual([
      { path: 'childIds', message: 'too-many' },
    ]);
    expect(issuesOf(ObservationDataSchema, { ...observation, childIds: [] })).toEqual([
      { path: 'childIds', message: 'required' },
    ]);
    expect(
      issuesOf(ObservationDataSchema, { ...observation, childIds: ['c1', 'c2', 'c1'] }),
    ).toEqual([{ path: 'childIds', message: 'repeated' }]);
    expect(
      issuesOf(ObservationDataSchema, { ...observation, childIds: [''] }).map((i) => i.path),
    ).toEqual(['childIds.0']);
  });

  it('takes observedAt only as a real date-time with its offset', () => {
    for (const observedAt of [
      '2026-01-29T13:05-06:00',
      '2026-01-29T13:05:00.250+05:30',
      '2026-01-29T19:05:00Z',
    ]) {
      expect(ObservationDataSchema.safeParse({ ...observation, observedAt }).success).toBe(true);
    }
    for (const observedAt of [
      '2026-01-29T13:05:00',
      '2026-02-30T13:05:00-06:00',
      '2026-01-29T25:00:00-06:00',
      '2026-01-29',
      'yesterday',
    ]) {
      expect(issuesOf(ObservationDataSchema, { ...observation, observedAt })).toEqual([
        { path: 'observedAt', message: 'not a date-time with an offset' },
      ]);
    }
  });

  it('takes observedAtApprox only from its three choices', () => {
    for (const observedAtApprox of ['morning', 'after-lunch', 'earlier-today']) {
      expect(ObservationDataSchema.safeParse({ ...observation, observedAtApprox }).success).toBe(
        true,
      );
    }
    expect(
      issuesOf(ObservationDataSchema, { ...observation, observedAtApprox: 'evening' }).map(
        (i) => i.path,
      ),
    ).toEqual(['observedAtApprox']);
  });

  it('needs text of 1 to 4000 characters that is not blank', () => {
    expect(
      ObservationDataSchema.safeParse({ ...observation, text: 'x'.repeat(4000) }).success,
    ).toBe(true);
    expect(issuesOf(ObservationDataSchema, { ...observation, text: 'x'.repeat(4001) })).toEqual([
      { path: 'text', message: 'too-long' },
    ]);
    expect(issuesOf(ObservationDataSchema, { ...observation, text: ' \n\t ' })).toEqual([
      { path: 'text', message: 'required' },
    ]);
    expect(
      issuesOf(ObservationDataSchema, { ...observation, text: '' }).map((i) => i.message),
    ).toContain('required');
    const { text: _text, ...withoutText } = observation;
    expect(issuesOf(ObservationDataSchema, withoutText).map((i) => i.path)).toEqual(['text']);
  });

  it('keeps the text as typed, leading and trailing spaces included', () => {
    expect(ObservationDataSchema.parse({ ...observation, text: '  said "more"  ' }).text).toBe(
      '  said "more"  ',
    );
  });

  it('takes area and during only from their lists', () => {
    for (const area of [
      'social-emotional',
      'language',
      'cognition',
      'motor-physical',
      'approaches-to-learning',
    ]) {
      expect(ObservationDataSchema.safeParse({ ...observation, area }).success).toBe(true);
    }
    for (const during of ['play', 'meal', 'diapering', 'nap', 'outside', 'arrival-pickup']) {
      expect(ObservationDataSchema.safeParse({ ...observation, during }).success).toBe(true);
    }
    expect(
      issuesOf(ObservationDataSchema, { ...observation, area: 'math' }).map((i) => i.path),
    ).toEqual(['area']);
    expect(
      issuesOf(ObservationDataSchema, { ...observation, during: 'bath' }).map((i) => i.path),
    ).toEqual(['during']);
  });

  it('takes with as a list of known companions without repeats', () => {
    expect(
      ObservationDataSchema.safeParse({
        ...observation,
        with: ['alone', 'older', 'younger', 'same-age', 'provider'],
      }).success,
    ).toBe(true);
    expect(issuesOf(ObservationDataSchema, { ...observation, with: ['older', 'older'] })).toEqual([
      { path: 'with', message: 'repeated' },
    ]);
    expect(
      issuesOf(ObservationDataSchema, { ...observation, with: ['sibling'] }).map((i) => i.path),
    ).toEqual(['with.0']);
    expect(
      issuesOf(ObservationDataSchema, { ...observation, with: 'older' }).map((i) => i.path),
    ).toEqual(['with']);
  });

  it('limits the idea to try next to 500 characters', () => {
    expect(
      ObservationDataSchema.safeParse({ ...observation, nextStep: 'x'.repeat(500) }).success,
    ).toBe(true);
    expect(issuesOf(ObservationDataSchema, { ...observation, nextStep: 'x'.repeat(501) })).toEqual([
      { path: 'nextStep', message: 'too-long' },
    ]);
  });

  it('treats null the same as absent for every optional field', () => {
    const nulls = { observedAtApprox: null, area: null, during: null, with: null, nextStep: null };
    expect(ObservationDataSchema.parse({ ...observation, ...nulls })).toEqual({
      ...observation,
      ...nulls,
    });
  });

  it('keeps fields it does not know', () => {
    expect(ObservationDataSchema.parse({ ...observation, photoId: 'p-1' })).toMatchObject({
      photoId: 'p-1',
    });
  });
});

describe('CheckinDataSchema', () => {
  it('accepts a complete check-in', () => {
    expect(CheckinDataSchema.parse(checkin)).toEqual(checkin);
  });

  it('accepts a week that exists, W53 only in a long ISO year', () => {
    expect(CheckinDataSchema.safeParse({ week: '2026-W53' }).success).toBe(true);
    expect(CheckinDataSchema.safeParse({ week: '2020-W53' }).success).toBe(true);
    expect(CheckinDataSchema.safeParse({ week: '2026-W01' }).success).toBe(true);
    for (const week of ['2025-W53', '2026-W54', '2026-W00', '2026-W5', '2026-05', '2026W05', '']) {
      expect(issuesOf(CheckinDataSchema, { week })).toEqual([
        { path: 'week', message: 'not an ISO week that exists' },
      ]);
    }
    expect(issuesOf(CheckinDataSchema, {}).map((i) => i.path)).toEqual(['week']);
  });

  it('accepts null for every answer', () => {
    const nulls = { p1: null, p2: null, p3: null, p4: null, p5: null, p6: null };
    expect(CheckinDataSchema.parse({ week: '2026-W05', ...nulls })).toEqual({
      week: '2026-W05',
      ...nulls,
    });
    expect(CheckinDataSchema.parse({ week: '2026-W05' })).toEqual({ week: '2026-W05' });
  });

  it('keeps every answer a whole number in its range', () => {
    const bounds = {
      p1: [0, 12],
      p2: [0, 7],
      p3: [0, 20],
      p4: [0, 20],
      p5: [0, 20],
      p6: [1, 5],
    } as const;
    for (const [field, [min, max]] of Object.entries(bounds)) {
      // P1 and P4 at their largest, so that only each answer's own range applies.
      const base = { week: '2026-W05', p1: 12, p4: 20 };
      expect(
        CheckinDataSchema.safeParse({ ...base, [field]: min }).success,
        `${field}=${min}`,
      ).toBe(true);
      expect(
        CheckinDataSchema.safeParse({ ...base, [field]: max }).success,
        `${field}=${max}`,
      ).toBe(true);
      expect(issuesOf(CheckinDataSchema, { ...base, [field]: min - 1 })).toContainEqual({
        path: field,
        message: 'too-small',
      });
      expect(issuesOf(CheckinDataSchema, { ...base, [field]: max + 1 })).toContainEqual({
        path: field,
        message: 'too-big',
      });
      expect(issuesOf(CheckinDataSchema, { ...base, [field]: min + 0.5 })).toContainEqual({
        path: field,
        message: 'whole-number',
      });
    }
    expect(issuesOf(CheckinDataSchema, { week: '2026-W05', p6: '3' }).map((i) => i.path)).toEqual([
      'p6',
    ]);
  });

  it('leaves P2 and P3 unanswered when P1 is 0', () => {
    expect(
      CheckinDataSchema.safeParse({
        week: '2026-W05',
        p1: 0,
        p2: null,
        p3: null,
        p4: 2,
        p5: 1,
        p6: 3,
      }).success,
    ).toBe(true);
    expect(issuesOf(CheckinDataSchema, { week: '2026-W05', p1: 0, p2: 0 })).toEqual([
      { path: 'p2', message: 'not-asked-when-p1-zero' },
    ]);
    expect(issuesOf(CheckinDataSchema, { week: '2026-W05', p1: 0, p2: 3, p3: 1 })).toEqual([
      { path: 'p2', message: 'not-asked-when-p1-zero' },
      { path: 'p3', message: 'not-asked-when-p1-zero' },
    ]);
    // P1 not answered yet is not P1 = 0.
    expect(CheckinDataSchema.safeParse({ week: '2026-W05', p2: 3, p3: 1 }).success).toBe(true);
  });

  it('leaves P5 unanswered when P4 is 0', () => {
    expect(CheckinDataSchema.safeParse({ week: '2026-W05', p4: 0, p5: null }).success).toBe(true);
    expect(issuesOf(CheckinDataSchema, { week: '2026-W05', p4: 0, p5: 0 })).toEqual([
      { path: 'p5', message: 'not-asked-when-p4-zero' },
    ]);
  });

  it('keeps P5 at or below P4', () => {
    expect(CheckinDataSchema.safeParse({ week: '2026-W05', p4: 3, p5: 3 }).success).toBe(true);
    expect(issuesOf(CheckinDataSchema, { week: '2026-W05', p4: 3, p5: 4 })).toEqual([
      { path: 'p5', message: 'p5-above-p4' },
    ]);
    // With P4 not answered there is nothing to compare against.
    expect(CheckinDataSchema.safeParse({ week: '2026-W05', p4: null, p5: 4 }).success).toBe(true);
  });

  it('keeps fields it does not know', () => {
    expect(CheckinDataSchema.parse({ ...checkin, p7: 2, comment: 'busy week' })).toMatchObject({
      p7: 2,
      comment: 'busy week',
    });
  });
});

describe('PdsaDataSchema', () => {
  it('accepts a planned cycle and a finished one', () => {
    expect(PdsaDataSchema.parse(pdsa)).toEqual(pdsa);
    const done = {
      ...pdsa,
      cycle: 2,
      purpose: 'implement',
      driver: 'peer',
      questions: [{ question: 'q', prediction: 'p', result: 'r' }],
      measure: 'p5-of-p4',
      endDate: '2026-02-06',
      do: {
        asPlanned: false,
        whatHappened: 'Wrote on 4 days',
        surprises: 'Children asked what I wrote',
      },
      learned: 'Snack works',
      act: 'adopt',
      nextStep: 'Try after nap too',
      startsPhase: true,
    };
    expect(PdsaDataSchema.parse(done)).toEqual(done);
  });

  it('requires its fields', () => {
    for (const field of [
      'changeIdeaId',
      'changeIdea',
      'cycle',
      'purpose',
      'driver',
      'objective',
      'questions',
      'plan',
      'startDate',
    ]) {
      const { [field]: _dropped, ...rest } = pdsa as Record<string, unknown>;
      expect(
        issuesOf(PdsaDataSchema, rest).map((i) => i.path),
        field,
      ).toEqual([field]);
    }
  });

  it('limits text fields to 2000 characters and the change idea to 200', () => {
    const long = 'x'.repeat(2001);
    expect(PdsaDataSchema.safeParse({ ...pdsa, objective: 'x'.repeat(2000) }).success).toBe(true);
    expect(issuesOf(PdsaDataSchema, { ...pdsa, objective: long })).toEqual([
      { path: 'objective', message: 'too-long' },
    ]);
    expect(issuesOf(PdsaDataSchema, { ...pdsa, learned: long })).toEqual([
      { path: 'learned', message: 'too-long' },
    ]);
    expect(issuesOf(PdsaDataSchema, { ...pdsa, nextStep: long })).toEqual([
      { path: 'nextStep', message: 'too-long' },
    ]);
    expect(issuesOf(PdsaDataSchema, { ...pdsa, plan: { where: long } })).toEqual([
      { path: 'plan.where', message: 'too-long' },
    ]);
    expect(issuesOf(PdsaDataSchema, { ...pdsa, do: { surprises: long } })).toEqual([
      { path: 'do.surprises', message: 'too-long' },
    ]);
    expect(issuesOf(PdsaDataSchema, { ...pdsa, questions: [{ result: long }] })).toEqual([
      { path: 'questions.0.result', message: 'too-long' },
    ]);
    expect(PdsaDataSchema.safeParse({ ...pdsa, changeIdea: 'x'.repeat(200) }).success).toBe(true);
    expect(issuesOf(PdsaDataSchema, { ...pdsa, changeIdea: 'x'.repeat(201) })).toEqual([
      { path: 'changeIdea', message: 'too-long' },
    ]);
    expect(issuesOf(PdsaDataSchema, { ...pdsa, changeIdea: '   ' })).toEqual([
      { path: 'changeIdea', message: 'required' },
    ]);
  });

  it('allows at most 10 questions, each with every field optional', () => {
    const q = { question: 'q' };
    expect(PdsaDataSchema.safeParse({ ...pdsa, questions: [] }).success).toBe(true);
    expect(PdsaDataSchema.safeParse({ ...pdsa, questions: Array(10).fill({}) }).success).toBe(true);
    expect(issuesOf(PdsaDataSchema, { ...pdsa, questions: Array(11).fill(q) })).toEqual([
      { path: 'questions', message: 'too-many' },
    ]);
  });

  it('treats plan and do fields as optional', () => {
    expect(PdsaDataSchema.safeParse({ ...pdsa, plan: {}, do: {} }).success).toBe(true);
    expect(
      PdsaDataSchema.safeParse({
        ...pdsa,
        plan: { what: null, who: null, when: null, where: null },
      }).success,
    ).toBe(true);
  });

  it('takes purpose, driver, act and measure only from their lists', () => {
    for (const purpose of ['collect', 'develop', 'test', 'implement'])
      expect(PdsaDataSchema.safeParse({ ...pdsa, purpose }).success).toBe(true);
    for (const driver of ['observe', 'plan', 'peer', 'other'])
      expect(PdsaDataSchema.safeParse({ ...pdsa, driver }).success).toBe(true);
    for (const act of ['adopt', 'adapt', 'abandon'])
      expect(PdsaDataSchema.safeParse({ ...pdsa, act }).success).toBe(true);
    for (const measure of ['notes', 'notes-with-idea', 'p2', 'p3', 'p5-of-p4', 'p6']) {
      expect(PdsaDataSchema.safeParse({ ...pdsa, measure }).success).toBe(true);
    }
    expect(issuesOf(PdsaDataSchema, { ...pdsa, purpose: 'study' }).map((i) => i.path)).toEqual([
      'purpose',
    ]);
    expect(issuesOf(PdsaDataSchema, { ...pdsa, driver: 'agency' }).map((i) => i.path)).toEqual([
      'driver',
    ]);
    expect(issuesOf(PdsaDataSchema, { ...pdsa, act: 'adjust' }).map((i) => i.path)).toEqual([
      'act',
    ]);
    expect(issuesOf(PdsaDataSchema, { ...pdsa, measure: 'p5' }).map((i) => i.path)).toEqual([
      'measure',
    ]);
  });

  it('needs a cycle number of at least 1', () => {
    expect(issuesOf(PdsaDataSchema, { ...pdsa, cycle: 0 }).map((i) => i.path)).toEqual(['cycle']);
    expect(issuesOf(PdsaDataSchema, { ...pdsa, cycle: 1.5 }).map((i) => i.path)).toEqual(['cycle']);
  });

  it('needs a real start date and takes an optional end date', () => {
    for (const startDate of ['2026-02-30', '2026-2-2', '2026-02-02T00:00:00Z', '']) {
      expect(issuesOf(PdsaDataSchema, { ...pdsa, startDate })).toEqual([
        { path: 'startDate', message: 'not a calendar date' },
      ]);
    }
    expect(PdsaDataSchema.safeParse({ ...pdsa, startDate: '2024-02-29' }).success).toBe(true);
    expect(issuesOf(PdsaDataSchema, { ...pdsa, endDate: '2026-13-01' })).toEqual([
      { path: 'endDate', message: 'not a calendar date' },
    ]);
  });

  it('treats null the same as absent for every optional field', () => {
    const nulls = {
      measure: null,
      endDate: null,
      do: null,
      learned: null,
      act: null,
      nextStep: null,
      startsPhase: null,
    };
    expect(PdsaDataSchema.parse({ ...pdsa, ...nulls })).toEqual({ ...pdsa, ...nulls });
  });

  it('keeps fields it does not know, nested ones included', () => {
    const parsed = PdsaDataSchema.parse({
      ...pdsa,
      huddle: 'team A',
      plan: { ...pdsa.plan, materials: 'clipboard' },
      questions: [{ question: 'q', owner: 'me' }],
      do: { asPlanned: true, minutes: 5 },
    });
    expect(parsed).toMatchObject({
      huddle: 'team A',
      plan: { materials: 'clipboard' },
      questions: [{ owner: 'me' }],
      do: { minutes: 5 },
    });
  });
});

describe('ConflictDataSchema', () => {
  it('accepts a conflict record as the server writes it, resolved or not', () => {
    expect(ConflictDataSchema.parse(conflict)).toEqual(conflict);
    const resolved = {
      ...conflict,
      kind: 'delete-edit',
      resolvedAt: '2026-01-30T08:00:00-06:00',
      resolution: 'used-other',
    };
    expect(ConflictDataSchema.parse(resolved)).toEqual(resolved);
    expect(
      ConflictDataSchema.safeParse({ ...conflict, resolvedAt: null, resolution: null }).success,
    ).toBe(true);
  });

  it('takes kind, winner and resolution only from their lists', () => {
    expect(ConflictDataSchema.safeParse({ ...conflict, kind: 'invalid-merge' }).success).toBe(true);
    expect(issuesOf(ConflictDataSchema, { ...conflict, kind: 'other' }).map((i) => i.path)).toEqual(
      ['kind'],
    );
    expect(
      issuesOf(ConflictDataSchema, { ...conflict, winner: 'both' }).map((i) => i.path),
    ).toEqual(['winner']);
    expect(
      issuesOf(ConflictDataSchema, { ...conflict, resolution: 'merged' }).map((i) => i.path),
    ).toEqual(['resolution']);
  });

  it('rejects a negative version and an incoming side without a mutation id', () => {
    expect(
      issuesOf(ConflictDataSchema, { ...conflict, baseVersion: -1 }).map((i) => i.path),
    ).toEqual(['baseVersion']);
    expect(
      issuesOf(ConflictDataSchema, {
        ...conflict,
        incoming: { deviceId: 'dev-1', hlc: HLC_B },
      }).map((i) => i.path),
    ).toEqual(['incoming.mutationId']);
  });

  it('keeps fields it does not know', () => {
    expect(
      ConflictDataSchema.parse({
        ...conflict,
        note: 'x',
        stored: { ...conflict.stored, extra: 1 },
      }),
    ).toMatchObject({
      note: 'x',
      stored: { extra: 1 },
    });
  });
});

describe('validateRecord', () => {
  it('returns the parsed data of a valid record, the child name trimmed', () => {
    expect(
      validateRecord('children', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', {
        ...child,
        name: ' Ana ',
      }),
    ).toEqual({
      ok: true,
      data: child,
    });
    expect(
      validateRecord('observations', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c', observation),
    ).toEqual({ ok: true, data: observation });
    expect(validateRecord('pdsa', 'p-1', pdsa).ok).toBe(true);
    expect(validateRecord('conflicts', 'c-1', conflict).ok).toBe(true);
  });

  it('accepts a check-in only under the id checkin-<week>', () => {
    expect(checkinId('2026-W05')).toBe('checkin-2026-W05');
    expect(validateRecord('checkins', 'checkin-2026-W05', checkin)).toEqual({
      ok: true,
      data: checkin,
    });
    expect(validateRecord('checkins', 'checkin-2026-W06', checkin)).toEqual({
      ok: false,
      issues: [{ path: 'id', message: 'checkin-id-mismatch' }],
    });
    expect(validateRecord('checkins', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', checkin)).toEqual({
      ok: false,
      issues: [{ path: 'id', message: 'checkin-id-mismatch' }],
    });
  });

  it('accepts her sharing choice only under the id sharing, with a known level', () => {
    const sharing = { level: 'numbers', firstUseAt: '2026-01-05T08:00:00-06:00' };
    expect(validateRecord('sharing', 'sharing', sharing)).toEqual({ ok: true, data: sharing });
    expect(validateRecord('sharing', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', sharing)).toEqual({
      ok: false,
      issues: [{ path: 'id', message: 'sharing-id' }],
    });
    expect(validateRecord('sharing', 'sharing', { level: 'everything' })).toEqual({
      ok: false,
      issues: [{ path: 'level', message: 'not-an-option' }],
    });
  });

  it('refuses an id that is empty, too long, or has spaces or slashes', () => {
    for (const id of ['', 'a b', 'a/b', '-abc', 'x'.repeat(101)]) {
      expect(validateRecord('children', id, child), JSON.stringify(id)).toEqual({
        ok: false,
        issues: [{ path: 'id', message: 'bad-id' }],
      });
    }
    expect(validateRecord('children', 'x'.repeat(100), child).ok).toBe(true);
  });

  it('lists the data issues and the id issue together', () => {
    expect(validateRecord('children', 'a b', { ...child, birthMonth: '2024-13' })).toEqual({
      ok: false,
      issues: [
        { path: 'birthMonth', message: 'not-a-month' },
        { path: 'id', message: 'bad-id' },
      ],
    });
  });

  it('answers with stable message keys, for missing fields, wrong types and unknown options too', () => {
    const KEYS = new Set([
      'required',
      'too-long',
      'too-many',
      'too-small',
      'too-big',
      'whole-number',
      'repeated',
      'not-a-month',
      'not-an-option',
      'wrong-type',
      'invalid',
      'not-asked-when-p1-zero',
      'not-asked-when-p4-zero',
      'p5-above-p4',
      'not a date-time with an offset',
      'not an ISO week that exists',
      'not a calendar date',
      'bad-id',
      'checkin-id-mismatch',
    ]);
    const cases = [
      validateRecord('children', 'c-1', {}),
      validateRecord('children', 'c-1', { name: 7, active: 'yes' }),
      validateRecord('observations', 'o-1', {
        childIds: 'c1',
        observedAt: null,
        area: 'math',
        with: ['x', 'x'],
      }),
      validateRecord('checkins', 'checkin-2026-W05', { week: '2026-W05', p1: '3', p6: 2.5 }),
      validateRecord('pdsa', 'p-1', {
        ...pdsa,
        cycle: 0,
        purpose: 'study',
        questions: 'none',
        plan: null,
        changeIdeaId: '',
      }),
      validateRecord('conflicts', 'x-1', { table: 'checkins', winning: [] }),
    ];
    const messages = cases.flatMap((r) => (r.ok ? ['(valid)'] : r.issues.map((i) => i.message)));
    expect(messages.length).toBeGreaterThan(20);
    expect(messages.filter((m) => !KEYS.has(m))).toEqual([]);
    expect(validateRecord('children', 'c-1', {})).toEqual({
      ok: false,
      issues: [
        { path: 'name', message: 'required' },
        { path: 'active', message: 'required' },
      ],
    });
    expect(validateRecord('observations', 'o-1', { ...observation, area: 'math' })).toEqual({
      ok: false,
      issues: [{ path: 'area', message: 'not-an-option' }],
    });
    expect(validateRecord('children', 'c-1', { ...child, active: 'yes' })).toEqual({
      ok: false,
      issues: [{ path: 'active', message: 'wrong-type' }],
    });
    expect(validateRecord('pdsa', 'p-1', { ...pdsa, cycle: 1.5, changeIdeaId: '' })).toEqual({
      ok: false,
      issues: [
        { path: 'changeIdeaId', message: 'required' },
        { path: 'cycle', message: 'whole-number' },
      ],
    });
    expect(validateRecord('observations', 'o-1', { ...observation, childIds: null })).toEqual({
      ok: false,
      issues: [{ path: 'childIds', message: 'required' }],
    });
  });
});
