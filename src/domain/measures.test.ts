import { describe, expect, it } from 'vitest';
import type { StoredRecord } from './envelope';
import { weeklyMeasures, type MeasureInput } from './measures';
import type { CheckinData, ObservationData } from './records';
import { analyzeRunChart } from './run-chart';

let seq = 0;
const hlc = () =>
  `2026-01-01T00:00:00.000Z-${(seq++).toString(16).padStart(4, '0')}-0123456789abcdef`;

function envelope<D>(id: string, data: D, extra: Partial<StoredRecord<D>> = {}): StoredRecord<D> {
  return {
    id,
    data,
    schemaVersion: 1,
    hlc: hlc(),
    deviceId: 'device-a',
    createdAt: '2026-01-01T09:00:00-06:00',
    updatedAt: '2026-01-01T09:00:00-06:00',
    deleted: 0,
    version: 1,
    serverSeq: null,
    syncStatus: 'pending',
    ...extra,
  };
}

function note(
  observedAt: string,
  extra: Partial<ObservationData> = {},
  envelopeExtra: Partial<StoredRecord<ObservationData>> = {},
) {
  return envelope<ObservationData>(
    `note-${seq}`,
    { childIds: ['c1'], observedAt, text: 'Stacked three cups', ...extra },
    envelopeExtra,
  );
}

function checkin(
  week: string,
  answers: Partial<CheckinData> = {},
  extra: Partial<StoredRecord<CheckinData>> = {},
) {
  return envelope<CheckinData>(
    `checkin-${week}`,
    { week, p1: 2, p2: 3, p3: 1, p4: 4, p5: 2, p6: 4, ...answers },
    extra,
  );
}

function measures(partial: Partial<MeasureInput>) {
  return weeklyMeasures({
    observations: [],
    checkins: [],
    firstUseAt: null,
    today: '2026-02-04',
    ...partial,
  });
}

describe('weeklyMeasures', () => {
  describe('week boundaries', () => {
    it('puts Sunday 23:59 in one week and Monday 00:00 in the next, ending at the last complete week', () => {
      const m = measures({
        firstUseAt: '2026-01-05T09:00:00-06:00',
        observations: [
          note('2026-01-11T23:59:00-06:00'),
          note('2026-01-12T00:00:00-06:00'),
          note('2026-01-12T08:00:00-06:00'),
        ],
        today: '2026-02-04', // Wednesday of 2026-W06
      });
      expect(m.notes.weeks).toEqual(['2026-W02', '2026-W03', '2026-W04', '2026-W05']);
      expect(m.notes.points).toEqual([1, 2, 0, 0]);
      expect(m.notes.current).toEqual({ week: '2026-W06', point: 0 });
    });

    it("reads a note's week in its own offset, not in UTC or the device's zone", () => {
      const m = measures({
        firstUseAt: '2026-01-05',
        observations: [
          note('2026-01-11T23:30:00-10:00'), // Sunday there (Monday in UTC): 2026-W02
          note('2026-01-12T00:30:00+14:00'), // Monday there (Sunday in UTC): 2026-W03
        ],
      });
      expect(m.notes.points.slice(0, 2)).toEqual([1, 1]);
    });

    it('treats a Monday today as a new current week: the week before is the last complete one', () => {
      const m = measures({
        firstUseAt: '2026-01-05',
        observations: [note('2026-02-01T20:00:00-06:00')],
        today: '2026-02-02',
      });
      expect(m.notes.weeks.at(-1)).toBe('2026-W05');
      expect(m.notes.points.at(-1)).toBe(1);
      expect(m.notes.current.week).toBe('2026-W06');
    });

    it('accepts today as a Date, read on this device’s calendar', () => {
      const input = { firstUseAt: '2026-01-05', observations: [note('2026-01-20T10:00:00-06:00')] };
      expect(measures({ ...input, today: new Date(2026, 1, 4, 12) })).toEqual(
        measures({ ...input, today: '2026-02-04' }),
      );
      // 03:00 UTC on Monday 9 February is still Sunday evening in America/Chicago.
      const lateSunday = new Date('2026-02-09T03:00:00Z');
      const expected = lateSunday.getTimezoneOffset() > 180 ? '2026-W06' : '2026-W07';
      expect(measures({ ...input, today: lateSunday }).notes.current.week).toBe(expected);
    });
  });

  describe('daylight-saving changes', () => {
    it('keeps notes on both sides of the spring and autumn changes in the right weeks, with no gap or repeat', () => {
      const m = measures({
        firstUseAt: '2026-03-02T08:00:00-06:00',
        observations: [
          note('2026-03-08T23:30:00-05:00'), // Sunday after the spring change: 2026-W10
          note('2026-03-09T00:15:00-05:00'), // Monday: 2026-W11
          note('2026-11-01T01:30:00-06:00'), // Sunday, the repeated hour of the autumn change: 2026-W44
          note('2026-11-02T00:00:00-06:00'), // Monday: 2026-W45
        ],
        today: new Date(2026, 10, 11, 12), // Wednesday of 2026-W46
      });
      const weeks = m.notes.weeks;
      expect(weeks[0]).toBe('2026-W10');
      expect(weeks.at(-1)).toBe('2026-W45');
      expect(weeks).toHaveLength(36);
      expect(new Set(weeks).size).toBe(weeks.length);
      const at = (w: string) => m.notes.points[weeks.indexOf(w)];
      expect([at('2026-W10'), at('2026-W11'), at('2026-W44'), at('2026-W45')]).toEqual([
        1, 1, 1, 1,
      ]);
      expect(m.notes.points.reduce((a, b) => (a as number) + (b as number), 0)).toBe(4);
    });

    it('reads a today Date right after the spring change in the new week', () => {
      const m = measures({ firstUseAt: '2026-03-02', today: new Date(2026, 2, 9, 0, 30) });
      expect(m.notes.current.week).toBe('2026-W11');
      expect(m.notes.weeks).toEqual(['2026-W10']);
    });
  });

  describe('31 December to 1 January (ISO week-year)', () => {
    it('keeps Thursday 31 December 2026 and Friday 1 January 2027 in 2026-W53', () => {
      const m = measures({
        firstUseAt: '2026-12-14',
        observations: [
          note('2026-12-31T16:00:00-06:00'),
          note('2027-01-01T09:00:00-06:00'),
          note('2027-01-04T09:00:00-06:00'),
        ],
        checkins: [
          checkin('2026-W52'),
          checkin('2026-W53', { p2: 5 }),
          checkin('2027-W01', { p2: 6 }),
        ],
        today: '2027-01-13',
      });
      expect(m.notes.weeks).toEqual(['2026-W51', '2026-W52', '2026-W53', '2027-W01']);
      expect(m.notes.points).toEqual([0, 0, 2, 1]);
      expect(m.p2.weeks).toEqual(['2026-W52', '2026-W53', '2027-W01']);
      expect(m.p2.points).toEqual([3, 5, 6]);
      expect(m.p2.current).toEqual({ week: '2027-W02', point: null });
    });

    it('puts Monday 30 December 2024 in 2025-W01', () => {
      const m = measures({
        firstUseAt: '2024-12-23',
        observations: [note('2024-12-29T10:00:00+01:00'), note('2024-12-30T10:00:00+01:00')],
        today: '2025-01-08',
      });
      expect(m.notes.weeks).toEqual(['2024-W52', '2025-W01']);
      expect(m.notes.points).toEqual([1, 1]);
    });
  });

  describe('notes', () => {
    it('never counts deleted notes, including a note whose latest version is a delete', () => {
      const kept = note('2026-01-13T10:00:00-06:00');
      const deleted = note('2026-01-13T11:00:00-06:00', {}, { deleted: 1 });
      const later = note('2026-01-20T11:00:00-06:00');
      const laterDeleted = { ...later, hlc: hlc(), deleted: 1 as const }; // same id, newer version
      const m = measures({
        firstUseAt: '2026-01-12',
        observations: [kept, deleted, later, laterDeleted],
      });
      expect(m.notes.weeks.slice(0, 2)).toEqual(['2026-W03', '2026-W04']);
      expect(m.notes.points.slice(0, 2)).toEqual([1, 0]); // a week whose only note was deleted is 0, not a gap
    });

    it('counts a note about several children once, and the same record twice only once', () => {
      const shared = note('2026-01-13T10:00:00-06:00', { childIds: ['c1', 'c2', 'c3'] });
      const m = measures({ firstUseAt: '2026-01-12', observations: [shared, shared] });
      expect(m.notes.points[0]).toBe(1);
    });

    it('counts notes with a non-blank idea to try next', () => {
      const m = measures({
        firstUseAt: '2026-01-12',
        observations: [
          note('2026-01-13T10:00:00-06:00', { nextStep: 'Offer the big cups outside' }),
          note('2026-01-13T11:00:00-06:00', { nextStep: '   \n' }),
          note('2026-01-13T12:00:00-06:00', { nextStep: null }),
          note('2026-01-14T12:00:00-06:00'),
          note('2026-01-20T12:00:00-06:00', { nextStep: 'Name the colours' }, { deleted: 1 }),
        ],
      });
      expect(m['notes-with-idea'].points.slice(0, 2)).toEqual([1, 0]);
      expect(m.notes.points.slice(0, 2)).toEqual([4, 0]);
    });

    it('starts note charts at the week of firstUseAt (zeros before the first note), not at the first note', () => {
      const m = measures({
        firstUseAt: '2026-01-07T20:00:00-06:00',
        observations: [note('2026-01-21T10:00:00-06:00')],
      });
      expect(m.notes.weeks[0]).toBe('2026-W02');
      expect(m.notes.points).toEqual([0, 0, 1, 0]);
      expect(m['notes-with-idea'].points).toEqual([0, 0, 0, 0]);
    });

    it('leaves a note dated before the week of firstUseAt outside the chart', () => {
      const m = measures({
        firstUseAt: '2026-01-19',
        observations: [note('2026-01-13T10:00:00-06:00')],
      });
      expect(m.notes.weeks).toEqual(['2026-W04', '2026-W05']);
      expect(m.notes.points).toEqual([0, 0]);
    });

    it('starts at the first note when firstUseAt is unknown', () => {
      const m = measures({ firstUseAt: null, observations: [note('2026-01-21T10:00:00-06:00')] });
      expect(m.notes.weeks).toEqual(['2026-W04', '2026-W05']);
    });

    it('has no complete week yet in the week of first use; the current week still counts', () => {
      const m = measures({
        firstUseAt: '2026-02-02',
        observations: [note('2026-02-03T10:00:00-06:00')],
      });
      expect(m.notes.weeks).toEqual([]);
      expect(m.notes.points).toEqual([]);
      expect(m.notes.current).toEqual({ week: '2026-W06', point: 1 });
    });
  });

  describe('check-ins', () => {
    it('makes a week without a check-in missing, never zero, and starts at the first check-in', () => {
      const m = measures({
        firstUseAt: '2026-01-05',
        checkins: [checkin('2026-W03', { p6: 2 }), checkin('2026-W05', { p6: 5 })],
      });
      for (const id of ['p2', 'p3', 'p5-of-p4', 'p6'] as const)
        expect(m[id].weeks).toEqual(['2026-W03', '2026-W04', '2026-W05']);
      expect(m.p6.points).toEqual([2, null, 5]);
      expect(m.p2.points).toEqual([3, null, 3]);
      expect(m.p3.points).toEqual([1, null, 1]);
      expect(m['p5-of-p4'].points).toEqual([
        { numerator: 2, denominator: 4 },
        null,
        { numerator: 2, denominator: 4 },
      ]);
    });

    it('gives P5/P4 as a proportion whose zero denominator is a gap in the analysis', () => {
      const m = measures({
        checkins: [
          checkin('2026-W02', { p4: 5, p5: 1 }),
          checkin('2026-W03', { p4: 0, p5: null }),
          checkin('2026-W04', { p4: 4, p5: 0 }),
        ],
      });
      expect(m['p5-of-p4'].points).toEqual([
        { numerator: 1, denominator: 5 },
        { numerator: null, denominator: 0 },
        { numerator: 0, denominator: 4 },
        null,
      ]);
      const analysis = analyzeRunChart(m['p5-of-p4'].points);
      expect(analysis.points.map((p) => p.value)).toEqual([20, null, 0, null]);
      expect(analysis.phases[0]!.median).toBe(10);
    });

    it('makes P2 and P3 missing when no toddler was cared for (P1 = 0)', () => {
      const m = measures({ checkins: [checkin('2026-W04', { p1: 0, p2: null, p3: null })] });
      expect([m.p2.points, m.p3.points, m.p6.points]).toEqual([
        [null, null],
        [null, null],
        [4, null],
      ]);
    });

    it('returns the current week apart, never among the analysed points, and ignores deleted check-ins', () => {
      const m = measures({
        checkins: [
          checkin('2026-W01', {}, { deleted: 1 }),
          checkin('2026-W04'),
          checkin('2026-W06', { p2: 7 }),
        ],
      });
      expect(m.p2.weeks).toEqual(['2026-W04', '2026-W05']);
      expect(m.p2.points).toEqual([3, null]);
      expect(m.p2.current).toEqual({ week: '2026-W06', point: 7 });
    });

    it('has empty series and no current point without any check-in', () => {
      const m = measures({ firstUseAt: '2026-01-05' });
      expect(m.p6).toEqual({
        measure: 'p6',
        weeks: [],
        points: [],
        current: { week: '2026-W06', point: null },
      });
    });
  });

  it('returns every measure id with points the analysis accepts', () => {
    const m = measures({
      firstUseAt: '2026-01-05',
      checkins: [checkin('2026-W02')],
      observations: [note('2026-01-06T10:00:00-06:00')],
    });
    expect(Object.keys(m)).toEqual(['notes', 'notes-with-idea', 'p2', 'p3', 'p5-of-p4', 'p6']);
    for (const series of Object.values(m)) {
      expect(series.points).toHaveLength(series.weeks.length);
      expect(analyzeRunChart(series.points).n).toBe(4);
    }
  });
});
