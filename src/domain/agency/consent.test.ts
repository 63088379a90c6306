import { describe, expect, it } from 'vitest';
import type { StoredRecord } from '../envelope';
import { sharedView, sharingOf, type ProviderRecords } from './consent';

let seq = 0;
function rec(id: string, data: unknown, extra: Partial<StoredRecord> = {}): StoredRecord<unknown> {
  seq++;
  return {
    id,
    data,
    schemaVersion: 1,
    hlc: `2026-02-01T00:00:00.000Z-${seq.toString(16).padStart(4, '0')}-0123456789abcdef`,
    deviceId: 'd1',
    createdAt: '2026-02-01T09:00:00-06:00',
    updatedAt: '2026-02-01T09:00:00-06:00',
    deleted: 0,
    version: 1,
    serverSeq: 1,
    syncStatus: 'synced',
    ...extra,
  };
}

// Words that must never leave her device's scope for staff, by value.
const SECRETS = [
  'Mateo-child-id',
  'Mateo',
  '2024-07',
  'stacked the red cups',
  'try the blue cups',
  'ObjectiveSecret',
  'PlanSecret',
  'DoSecret',
  'QuestionSecret',
  'PredictionSecret',
  'sneaky extra field',
  '2026-02-03T10:15',
];

const sharing = (level: string) =>
  rec('sharing', { level, firstUseAt: '2026-01-05T08:00:00-06:00' });

function records(level: string | null): ProviderRecords {
  return {
    sharing: level === null ? null : sharing(level),
    observations: [
      rec('n1', {
        childIds: ['Mateo-child-id'],
        observedAt: '2026-02-03T10:15:00-06:00',
        text: 'Mateo stacked the red cups',
        nextStep: 'try the blue cups',
        childName: 'Mateo',
        birthMonth: '2024-07',
      }),
      rec('n2', { childIds: ['c2'], observedAt: '2026-02-04T10:00:00-06:00', text: 'Mateo sang' }),
      rec(
        'n3',
        { childIds: ['c2'], observedAt: '2026-02-04T11:00:00-06:00', text: 'gone' },
        { deleted: 1 },
      ),
      rec('n4', { childIds: [], observedAt: 'not a date', text: '' }),
    ],
    checkins: [
      rec('checkin-2026-W06', {
        week: '2026-W06',
        p1: 2,
        p2: 2,
        p3: 1,
        p4: 4,
        p5: 3,
        p6: 4,
        extra: 'sneaky extra field',
        children: ['Mateo'],
      }),
      rec('checkin-2026-W07', { week: '2026-W08', p4: 20 }),
    ],
    pdsa: [
      rec('cycle-1', {
        changeIdeaId: 'idea-1',
        changeIdea: 'Notes at snack',
        cycle: 1,
        purpose: 'test',
        driver: 'observe',
        objective: 'ObjectiveSecret',
        questions: [
          { question: 'QuestionSecret', prediction: 'PredictionSecret', result: 'Wrote 3' },
        ],
        plan: { what: 'PlanSecret' },
        measure: 'notes',
        startDate: '2026-02-02',
        do: { asPlanned: true, whatHappened: 'DoSecret' },
        learned: 'Snack works',
        act: 'adopt',
        nextStep: 'Keep it',
        hidden: 'sneaky extra field',
      }),
    ],
  };
}

describe('the consent filter (SYNC.md §14)', () => {
  it('shares nothing without a live, valid sharing record, or at level nothing', () => {
    expect(sharedView(records(null))).toBeNull();
    expect(sharedView(records('nothing'))).toBeNull();
    expect(
      sharedView({ ...records(null), sharing: rec('sharing', { level: 'everything' }) }),
    ).toBeNull();
    expect(
      sharedView({ ...records(null), sharing: rec('other-id', { level: 'numbers' }) }),
    ).toBeNull();
    expect(
      sharedView({
        ...records(null),
        sharing: rec('sharing', { level: 'numbers' }, { deleted: 1 }),
      }),
    ).toBeNull();
    expect(sharingOf(undefined)).toEqual({ level: 'nothing' });
  });

  it('shares her weekly numbers: check-in answers and note counts, from firstUseAt', () => {
    const view = sharedView(records('numbers'))!;
    expect(view).toEqual({
      level: 'numbers',
      firstUseAt: '2026-01-05T08:00:00-06:00',
      weeks: [
        {
          week: '2026-W06',
          notes: 2,
          notesWithIdea: 1,
          checkin: { p1: 2, p2: 2, p3: 1, p4: 4, p5: 3, p6: 4 },
        },
      ],
      lastCheckinWeek: '2026-W06',
      cycles: [],
    });
  });

  it('never lets note text, child names or ids, birth months or unknown fields out, by value', () => {
    for (const level of ['numbers', 'numbers-and-pdsa']) {
      const json = JSON.stringify(sharedView(records(level)));
      for (const secret of SECRETS) expect(json, `${level}: ${secret}`).not.toContain(secret);
    }
  });

  it("adds each cycle's title, dates, status, Study and Act at numbers-and-pdsa", () => {
    expect(sharedView(records('numbers-and-pdsa'))!.cycles).toEqual([
      {
        id: 'cycle-1',
        changeIdeaId: 'idea-1',
        changeIdea: 'Notes at snack',
        cycle: 1,
        startDate: '2026-02-02',
        endDate: null,
        status: 'done',
        measure: 'notes',
        startsPhase: false,
        learned: 'Snack works',
        results: ['Wrote 3'],
        act: 'adopt',
        nextStep: 'Keep it',
      },
    ]);
  });

  it('removes every past week the moment she turns sharing off', () => {
    const on = records('numbers');
    expect(sharedView(on)!.weeks).toHaveLength(1);
    const off = { ...on, sharing: rec('sharing', { level: 'nothing' }, { version: 2 }) };
    expect(sharedView(off)).toBeNull();
  });

  it('counts a hostile note nowhere and never throws', () => {
    const hostile = [
      null,
      'note',
      [],
      { observedAt: 5 },
      { observedAt: '2026-13-45T10:00:00-06:00' },
      { observedAt: '2026-02-03' },
      JSON.parse('{"__proto__": {"observedAt": "2026-02-03T10:00:00-06:00"}}') as unknown,
    ].map((data, i) => rec(`h${i}`, data));
    const view = sharedView({ ...records('numbers'), observations: hostile })!;
    expect(view.weeks.map((w) => [w.week, w.notes])).toEqual([['2026-W06', 0]]);
  });

  it('reads the latest version of each record and skips unreadable ones without failing', () => {
    const r = records('numbers');
    const newer = rec('checkin-2026-W06', { week: '2026-W06', p4: 5, p5: 5 });
    const view = sharedView({ ...r, checkins: [...r.checkins, newer, rec('x', 'not an object')] })!;
    expect(view.weeks[0]!.checkin).toEqual({
      p1: null,
      p2: null,
      p3: null,
      p4: 5,
      p5: 5,
      p6: null,
    });
  });
});
