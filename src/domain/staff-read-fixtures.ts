/**
 * Test support (not imported by the app): answers of the staff read routes (SYNC.md §17) built by
 * the real domain functions — `sharedView` for each provider, `poolSeries` and `barrierPareto` for
 * the roll-ups — from made-up records, so unit and browser tests read the true shape.
 */
import type { Barrier } from './agency-records';
import { sharedView, type ProviderRecords } from './agency/consent';
import { poolSeries } from './agency/pool';
import {
  allProviderContributions,
  PROVIDER_MEASURE_KINDS,
  type SharingProvider,
} from './agency/provider-measures';
import {
  barrierPareto,
  staffContributions,
  staffWeeks,
  STAFF_MEASURE_IDS,
  STAFF_MEASURE_KINDS,
  type StaffMember,
} from './agency/staff-measures';
import { addWeeks, isoWeekOf, toCalendarDate, weekDays, weeksBetween } from './dates';
import type { StoredRecord } from './envelope';
import type { SharingLevel } from './sharing';
import { PDSA_DRIVERS, PDSA_PURPOSES } from './records';
import { MEASURE_IDS } from './tables';

let seq = 0;
function rec(id: string, data: unknown): StoredRecord<unknown> {
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
  };
}

/** The `n` complete weeks before the week of `today`, oldest first (the server's axis). */
export function axisWeeks(today: Date, n: number): string[] {
  const current = isoWeekOf(toCalendarDate(today));
  return weeksBetween(addWeeks(current, -n), addWeeks(current, -1));
}

/**
 * One provider's records over `weeks`: `notes(i)` notes a week (every other one with an idea), a
 * check-in each week but those `skip` says, talks rising through the weeks; a child's name and the
 * note text are in the records, so a test can check they never reach the answer.
 */
export function providerRecords(
  weeks: readonly string[],
  options: {
    level: SharingLevel;
    seed: number;
    skip?: (i: number) => boolean;
    cycles?: { title: string; startWeek: number; learned?: string; measure?: string }[];
  },
): ProviderRecords {
  const { seed } = options;
  const observations: StoredRecord<unknown>[] = [];
  const checkins: StoredRecord<unknown>[] = [];
  weeks.forEach((week, i) => {
    const days = weekDays(week);
    const notes = 1 + ((i + seed) % 4) + (i > weeks.length / 2 ? 2 : 0);
    for (let k = 0; k < notes; k++)
      observations.push(
        rec(`n-${seed}-${i}-${k}`, {
          childIds: ['child-1'],
          observedAt: `${days[k % 5]}T10:0${k % 10}:00-06:00`,
          text: 'Mateo stacked four blocks',
          nextStep: k % 2 === 0 ? 'Offer bigger blocks' : undefined,
        }),
      );
    if (options.skip?.(i)) return;
    const p4 = 2 + ((i + seed) % 3);
    checkins.push(
      rec(`checkin-${week}`, {
        week,
        p1: 3,
        p2: Math.min(5, 1 + ((i + seed) % 5)),
        p3: (i + seed) % 3,
        p4,
        p5: Math.min(p4, i > weeks.length / 2 ? p4 : Math.floor(p4 / 2)),
        p6: 1 + ((i + seed) % 5),
      }),
    );
  });
  const pdsa = (options.cycles ?? []).map((c, k) =>
    rec(`cycle-${seed}-${k}`, {
      changeIdeaId: `idea-${seed}-${k}`,
      changeIdea: c.title,
      cycle: 1,
      purpose: PDSA_PURPOSES[0],
      driver: PDSA_DRIVERS[0],
      objective: 'Secret objective',
      plan: { what: 'Secret plan' },
      questions: [{ question: 'Will it help?', prediction: 'Yes', result: 'It helped' }],
      startDate: weekDays(weeks[c.startWeek]!)[0],
      endDate: weekDays(weeks[Math.min(weeks.length - 1, c.startWeek + 2)]!)[4],
      measure: c.measure ?? 'notes',
      learned: c.learned ?? 'Writing right after lunch works.',
      act: 'adopt',
      nextStep: 'Keep the notebook by the door',
    }),
  );
  return {
    sharing: rec('sharing', {
      level: options.level,
      firstUseAt: `${weekDays(weeks[0]!)[0]}T08:00:00-06:00`,
    }),
    observations,
    checkins,
    pdsa,
  };
}

/** A coach's answers of `/staff/providers` and `/staff/shared` (name order, never a ranking). */
export function coachAnswers(today: Date) {
  const weeks = axisWeeks(today, 20);
  const people = [
    {
      providerId: 'p-ana',
      name: 'Ana Flores',
      records: providerRecords(weeks, {
        level: 'numbers-and-pdsa',
        seed: 1,
        cycles: [{ title: 'Notebook by the door', startWeek: 12 }],
      }),
    },
    {
      providerId: 'p-bea',
      name: 'Beatriz Gómez',
      records: providerRecords(weeks.slice(0, 18), { level: 'numbers', seed: 2 }),
    },
    {
      providerId: 'p-carla',
      name: 'Carla Ruiz',
      records: providerRecords(weeks, { level: 'nothing', seed: 3 }),
    },
  ];
  return {
    providers: { providers: people.map(({ providerId, name }) => ({ providerId, name })) },
    shared: {
      asOf: today.toISOString(),
      providers: people.flatMap(({ providerId, name, records }) => {
        const shared = sharedView(records);
        return shared ? [{ providerId, name, shared }] : [];
      }),
    },
  };
}

const BARRIER_CYCLE: Barrier[][] = [['time'], ['time', 'internet'], ['provider-availability'], []];

/** A roll-up answer for one agency of 9 sharing providers (one never reports) and 7 staff. */
export function rollupsAnswer(today: Date, grain: 'week' | 'month' = 'week', n = 26) {
  const weeks = axisWeeks(today, n);
  // Provider 8 reports only the last 4 weeks; so do staff 5 and 6: early points are too few.
  const providers: SharingProvider[] = Array.from({ length: 9 }, (_, k) => {
    const records = providerRecords(weeks, {
      level: 'numbers',
      seed: k,
      skip: (i) => k >= 8 || (k >= 4 && i < 3),
    });
    return { providerId: `p${k}`, agencyId: 'a1', view: sharedView(records)! };
  });
  const staff: StaffMember[] = Array.from({ length: 7 }, (_, k) => {
    const surveys = weeks.flatMap((week, i) => {
      if (k === 6 || (k >= 4 && i < 3)) return [];
      const s1 = 5 + ((i + k) % 3);
      const s2 = Math.min(s1, Math.round(s1 * (i < n / 2 ? 0.2 : 0.45)));
      return [
        rec(`staff-checkin-${week}`, {
          week,
          s1,
          s2,
          s3: Math.min(s1, 1 + (i % 2)),
          s4: Math.min(s1, i % 3),
          s5: i % 2,
          s6: BARRIER_CYCLE[(i + k) % BARRIER_CYCLE.length],
        }),
      ];
    });
    return { staffId: `s${k}`, agencyId: 'a1', weeks: staffWeeks(surveys, []) };
  });
  const base = { weeks, grain, suppress: true } as const;
  const providerMeasures = Object.fromEntries(
    MEASURE_IDS.map((m) => {
      const kind = PROVIDER_MEASURE_KINDS[m];
      const series = poolSeries(allProviderContributions(providers, m, weeks), {
        ...base,
        kind,
        population: providers.length,
      });
      return [m, { kind, points: series.points }];
    }),
  );
  const staffMeasures = Object.fromEntries(
    STAFF_MEASURE_IDS.map((m) => {
      const kind = STAFF_MEASURE_KINDS[m];
      const series = poolSeries(
        staff.flatMap((s) => staffContributions(s, m)),
        { ...base, kind, population: staff.length },
      );
      return [m, { kind, points: series.points }];
    }),
  );
  const pareto = barrierPareto(staff, weeks, true);
  return {
    asOf: today.toISOString(),
    grain,
    weeks,
    group: { kind: 'agency', agencyId: 'a1', agencyName: 'Sunrise Family Services' },
    providers: { of: providers.length, measures: providerMeasures },
    staff: { of: staff.length, measures: staffMeasures, barriers: pareto?.bars ?? null },
    me: null,
    events: [
      {
        id: 'e1',
        date: weekDays(weeks[8]!)[2],
        kind: 'learning-session',
        title: 'Encuentro de otoño',
      },
      { id: 'e2', date: weekDays(weeks[16]!)[1], kind: 'webinar', title: 'Taller PDSA' },
    ],
  };
}
