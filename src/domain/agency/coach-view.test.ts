import { describe, expect, it } from 'vitest';
import type { StoredRecord } from '../envelope';
import { weeklyMeasures } from '../measures';
import type { CheckinData, ObservationData } from '../records';
import {
  eventMarks,
  sharedCycleInputs,
  sharedWeeklyMeasures,
  weeksSinceLastCheckin,
} from './coach-view';
import { sharedView } from './consent';

let seq = 0;
function rec<D>(id: string, data: D, extra: Partial<StoredRecord<D>> = {}): StoredRecord<D> {
  seq++;
  return {
    id,
    data,
    schemaVersion: 1,
    hlc: `2026-03-01T00:00:00.000Z-${seq.toString(16).padStart(4, '0')}-0123456789abcdef`,
    deviceId: 'd',
    createdAt: '2026-03-01T09:00:00-06:00',
    updatedAt: '2026-03-01T09:00:00-06:00',
    deleted: 0,
    version: 1,
    serverSeq: seq,
    syncStatus: 'synced',
    ...extra,
  };
}

const note = (observedAt: string, nextStep?: string) =>
  rec<ObservationData>(`n${seq}`, {
    childIds: ['c'],
    observedAt,
    text: 'Rolled the ball',
    nextStep,
  });
const checkin = (week: string, a: Partial<CheckinData>) =>
  rec<CheckinData>(`checkin-${week}`, { week, ...a });

const FIRST_USE = '2026-01-14T08:00:00-06:00';
const observations = [
  note('2026-01-15T10:00:00-06:00', 'More balls'),
  note('2026-01-16T10:00:00-06:00'),
  note('2026-02-03T10:00:00-06:00', '  '),
  note('2026-02-04T10:00:00-06:00', 'Sing'),
  note('2026-02-05T23:30:00-06:00'),
  rec<ObservationData>(
    'gone',
    { childIds: ['c'], observedAt: '2026-02-05T10:00:00-06:00', text: 'x' },
    { deleted: 1 },
  ),
];
const checkins = [
  checkin('2026-W04', { p1: 2, p2: 3, p3: 1, p4: 4, p5: 2, p6: 4 }),
  checkin('2026-W06', { p1: 0, p4: 0, p6: 2 }),
  checkin('2026-W07', { p1: 1, p2: 1, p3: 0, p4: 2, p5: 2, p6: 5 }),
];
const pdsa = [
  rec('cycle-1', {
    changeIdeaId: 'idea-1',
    changeIdea: 'Notes at snack',
    cycle: 1,
    purpose: 'test',
    driver: 'observe',
    objective: 'o',
    questions: [],
    plan: {},
    measure: 'notes',
    startDate: '2026-02-02',
    startsPhase: true,
  }),
];

describe("a coach's view of one provider who shares", () => {
  it('draws exactly the weekly measures her own Progress draws', () => {
    for (const today of ['2026-02-20', '2026-01-14', '2026-03-30']) {
      const view = sharedView({
        sharing: rec('sharing', { level: 'numbers-and-pdsa', firstUseAt: FIRST_USE }),
        observations,
        checkins,
        pdsa,
      })!;
      const hers = weeklyMeasures({ observations, checkins, firstUseAt: FIRST_USE, today });
      expect(sharedWeeklyMeasures(view, today)).toEqual(hers);
    }
  });

  it('starts her note charts at her first note when she shared no firstUseAt', () => {
    const view = sharedView({
      sharing: rec('sharing', { level: 'numbers' }),
      observations,
      checkins,
      pdsa,
    })!;
    const today = '2026-02-20';
    expect(sharedWeeklyMeasures(view, today)).toEqual(
      weeklyMeasures({ observations, checkins, firstUseAt: null, today }),
    );
  });

  it('puts her shared cycles on the charts, and none when she shares numbers only', () => {
    const both = sharedView({
      sharing: rec('sharing', { level: 'numbers-and-pdsa' }),
      observations,
      checkins,
      pdsa,
    })!;
    expect(sharedCycleInputs(both)).toEqual([
      {
        id: 'cycle-1',
        changeIdeaId: 'idea-1',
        changeIdea: 'Notes at snack',
        cycle: 1,
        startDate: '2026-02-02',
        startsPhase: true,
        measure: 'notes',
      },
    ]);
    const numbers = sharedView({
      sharing: rec('sharing', { level: 'numbers' }),
      observations,
      checkins,
      pdsa,
    })!;
    expect(sharedCycleInputs(numbers)).toEqual([]);
  });

  it('says how many weeks ago her last check-in was', () => {
    const view = sharedView({
      sharing: rec('sharing', { level: 'numbers' }),
      observations,
      checkins,
      pdsa,
    })!;
    expect(weeksSinceLastCheckin(view, '2026-03-04')).toBe(3);
    expect(weeksSinceLastCheckin(view, '2026-02-12')).toBe(0);
    const none = sharedView({
      sharing: rec('sharing', { level: 'numbers' }),
      observations,
      checkins: [],
      pdsa,
    })!;
    expect(weeksSinceLastCheckin(none, '2026-03-04')).toBeNull();
  });

  it('places collaborative events on the weeks of a chart, leaving out those off it', () => {
    const weeks = ['2026-W05', '2026-W06', '2026-W07'];
    const events = [
      { date: '2026-02-12', title: 'Coaching call' },
      { date: '2026-01-27', title: 'Learning session 1' },
      { date: '2026-05-01', title: 'Later' },
    ];
    expect(eventMarks(events, weeks).map((m) => [m.index, m.event.title])).toEqual([
      [0, 'Learning session 1'],
      [2, 'Coaching call'],
    ]);
  });
});
