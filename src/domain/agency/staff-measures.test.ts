import { describe, expect, it } from 'vitest';
import { staffCheckinId, type TaContactData } from '../agency-records';
import type { StoredRecord } from '../envelope';
import {
  barrierPareto,
  staffContributions,
  staffWeeks,
  surveyPrefill,
  type StaffMember,
} from './staff-measures';

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

const contact = (date: string, kind: string, o: Record<string, unknown> = {}) =>
  ({
    providerId: kind === 'group' ? null : 'prov-1',
    date,
    kind,
    observation: false,
    planning: false,
    qiData: false,
    ...(kind === 'group' ? { groupSize: 5 } : {}),
    ...o,
  }) as TaContactData;

// 2026-W06 is 2–8 February 2026.
const log = [
  contact('2026-02-02', 'visit', { observation: true, planning: true }),
  contact('2026-02-03', 'call', { qiData: true }),
  contact('2026-02-05', 'group', { observation: true }),
  contact('2026-02-10', 'video', { observation: true }),
];

describe('staff measures', () => {
  it('pre-fills the survey of a week from its log, a group session counting its size', () => {
    expect(surveyPrefill('2026-W06', log)).toEqual({
      week: '2026-W06',
      s1: 7,
      s2: 6,
      s3: 1,
      s4: 1,
      s5: 1,
      s6: null,
      clamped: false,
    });
  });

  it("keeps a pre-fill within the survey's ranges and says so", () => {
    const many = Array.from({ length: 13 }, () =>
      contact('2026-02-04', 'group', { groupSize: 5, observation: true }),
    );
    expect(surveyPrefill('2026-W06', many)).toMatchObject({
      s1: 60,
      s2: 60,
      s5: 10,
      clamped: true,
    });
  });

  it('reads a week from her survey when she has one, else from her log', () => {
    const weeks = staffWeeks(
      [rec(staffCheckinId('2026-W07'), { week: '2026-W07', s1: 4, s2: 1, s5: 2, s6: ['time'] })],
      [
        ...log.map((c, i) => rec(`c${i}`, c)),
        rec('gone', contact('2026-02-04', 'visit'), { deleted: 1 }),
        rec('bad', contact('2026-02-04', 'séance')),
      ],
    );
    expect(weeks).toEqual([
      { week: '2026-W06', source: 'log', s1: 7, s2: 6, s3: 1, s4: 1, s5: 1, s6: null },
      { week: '2026-W07', source: 'survey', s1: 4, s2: 1, s3: null, s4: null, s5: 2, s6: ['time'] },
    ]);
  });

  it("ignores a survey filed under another week's id", () => {
    expect(staffWeeks([rec('staff-checkin-2026-W09', { week: '2026-W07', s1: 4 })], [])).toEqual(
      [],
    );
  });

  it('gives a percent part only where S1 and its numerator are answered', () => {
    const staff: StaffMember = {
      staffId: 's1',
      agencyId: 'a',
      weeks: [
        { week: '2026-W06', source: 'log', s1: 7, s2: 6, s3: 1, s4: 1, s5: 1, s6: null },
        {
          week: '2026-W07',
          source: 'survey',
          s1: 4,
          s2: 1,
          s3: null,
          s4: null,
          s5: null,
          s6: null,
        },
        {
          week: '2026-W08',
          source: 'survey',
          s1: null,
          s2: 1,
          s3: null,
          s4: null,
          s5: 3,
          s6: null,
        },
      ],
    };
    expect(
      staffContributions(staff, 's2-of-s1').map((c) => [c.week, c.numerator, c.denominator]),
    ).toEqual([
      ['2026-W06', 6, 7],
      ['2026-W07', 1, 4],
    ]);
    expect(staffContributions(staff, 's3-of-s1')).toHaveLength(1);
    expect(staffContributions(staff, 's5').map((c) => c.numerator)).toEqual([1, 3]);
  });

  it('ranks barriers as a Pareto of staff-weeks, hidden from others below 5 staff', () => {
    const week = (w: string, s6: string[] | null) => ({
      week: w,
      source: 'survey' as const,
      s1: 1,
      s2: 0,
      s3: 0,
      s4: 0,
      s5: 0,
      s6: s6 as never,
    });
    const staff: StaffMember[] = [
      {
        staffId: 'a',
        agencyId: 'x',
        weeks: [week('2026-W06', ['time', 'internet']), week('2026-W07', ['time'])],
      },
      { staffId: 'b', agencyId: 'x', weeks: [week('2026-W06', []), week('2026-W07', null)] },
      { staffId: 'c', agencyId: 'x', weeks: [week('2026-W06', ['language', 'internet', 'time'])] },
    ];
    const axis = ['2026-W06', '2026-W07'];
    expect(barrierPareto(staff, axis, true)).toBeNull();
    expect(barrierPareto(staff, axis, false)).toEqual({
      staffWeeks: 4,
      staff: 3,
      bars: [
        { barrier: 'time', count: 3, percent: 75, cumulativePercent: 50 },
        { barrier: 'internet', count: 2, percent: 50, cumulativePercent: (100 * 5) / 6 },
        { barrier: 'language', count: 1, percent: 25, cumulativePercent: 100 },
      ],
    });
  });
});
