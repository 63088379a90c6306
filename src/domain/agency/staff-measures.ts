/**
 * Staff measures ("Agency staff" S1–S6, SYNC.md §15): a staff member's week is her survey when she
 * has one, otherwise her TA contact log of that week, otherwise missing. Measures: % TA contacts on
 * observation and recording (S2/S1, the pilot's Chart 1), on planning (S3/S1), on QI data (S4/S1);
 * peer-learning activities per staff-week (S5); barriers (S6) as a Pareto of staff-weeks. The
 * survey of a week is pre-filled from that week's log. Pure.
 */
import {
  BARRIERS,
  contactCount,
  StaffCheckinDataSchema,
  staffCheckinId,
  TaContactDataSchema,
  type Barrier,
  type TaContactData,
} from '../agency-records';
import { isoWeekOf } from '../dates';
import type { StoredRecord } from '../envelope';
import { liveData } from './live';
import type { Contribution } from './pool';
import { SMALL_CELL, type PooledKind } from './suppression';

export const STAFF_MEASURE_IDS = ['s2-of-s1', 's3-of-s1', 's4-of-s1', 's5'] as const;
export type StaffMeasureId = (typeof STAFF_MEASURE_IDS)[number];

/** How each staff measure pools. */
export const STAFF_MEASURE_KINDS: Readonly<Record<StaffMeasureId, PooledKind>> = {
  's2-of-s1': 'percent',
  's3-of-s1': 'percent',
  's4-of-s1': 'percent',
  s5: 'mean',
};

/** One staff member's week, from her survey or her log. */
export interface StaffWeek {
  week: string;
  source: 'survey' | 'log';
  s1: number | null;
  s2: number | null;
  s3: number | null;
  s4: number | null;
  s5: number | null;
  /** Barriers: only a survey answers them (`null` from a log, or unanswered). */
  s6: Barrier[] | null;
}

/** The survey's answers pre-filled from a week's log; `clamped` when the log exceeds a range. */
export interface SurveyPrefill {
  week: string;
  s1: number;
  s2: number;
  s3: number;
  s4: number;
  s5: number;
  s6: null;
  clamped: boolean;
}

interface LogCounts {
  s1: number;
  s2: number;
  s3: number;
  s4: number;
  groups: number;
}

function logCounts(contacts: readonly TaContactData[]): LogCounts {
  const counts = { s1: 0, s2: 0, s3: 0, s4: 0, groups: 0 };
  for (const c of contacts) {
    const n = contactCount(c);
    counts.s1 += n;
    if (c.observation) counts.s2 += n;
    if (c.planning) counts.s3 += n;
    if (c.qiData) counts.s4 += n;
    if (c.kind === 'group') counts.groups++;
  }
  return counts;
}

/** The survey of `week` pre-filled from the contacts she logged in it (group sessions count S5). */
export function surveyPrefill(week: string, contacts: readonly TaContactData[]): SurveyPrefill {
  const c = logCounts(contacts.filter((x) => isoWeekOf(x.date) === week));
  const s1 = Math.min(c.s1, 60);
  const s5 = Math.min(c.groups, 10);
  const at = (n: number) => Math.min(n, s1);
  const clamped = s1 !== c.s1 || s5 !== c.groups;
  return { week, s1, s2: at(c.s2), s3: at(c.s3), s4: at(c.s4), s5, s6: null, clamped };
}

/** Her weeks, oldest first: a survey wins over the log of its week (it is what she answered). */
export function staffWeeks(
  surveys: readonly StoredRecord<unknown>[],
  contacts: readonly StoredRecord<unknown>[],
): StaffWeek[] {
  const weeks = new Map<string, StaffWeek>();
  const byWeek = new Map<string, TaContactData[]>();
  for (const { data } of liveData(contacts, (d) => TaContactDataSchema.safeParse(d))) {
    const week = isoWeekOf(data.date);
    byWeek.set(week, [...(byWeek.get(week) ?? []), data]);
  }
  for (const [week, list] of byWeek) {
    const { s1, s2, s3, s4, groups } = logCounts(list);
    weeks.set(week, { week, source: 'log', s1, s2, s3, s4, s5: groups, s6: null });
  }
  for (const { id, data } of liveData(surveys, (d) => StaffCheckinDataSchema.safeParse(d))) {
    if (id !== staffCheckinId(data.week)) continue;
    const { s1, s2, s3, s4, s5, s6 } = data;
    weeks.set(data.week, {
      week: data.week,
      source: 'survey',
      s1: s1 ?? null,
      s2: s2 ?? null,
      s3: s3 ?? null,
      s4: s4 ?? null,
      s5: s5 ?? null,
      s6: s6 ?? null,
    });
  }
  return [...weeks.values()].sort((a, b) => (a.week < b.week ? -1 : 1));
}

/** A staff member as the roll-up sees her. */
export interface StaffMember {
  staffId: string;
  agencyId: string;
  weeks: readonly StaffWeek[];
}

/** Her weekly parts of a staff measure; a percent needs S1 and its numerator answered. */
export function staffContributions(staff: StaffMember, measure: StaffMeasureId): Contribution[] {
  const out: Contribution[] = [];
  const key = measure === 's5' ? 's5' : (measure.slice(0, 2) as 's2' | 's3' | 's4');
  for (const w of staff.weeks) {
    const numerator = w[key];
    if (numerator === null) continue;
    const denominator = measure === 's5' ? 1 : w.s1;
    if (denominator === null) continue;
    out.push({
      personId: staff.staffId,
      groupId: staff.agencyId,
      week: w.week,
      numerator,
      denominator,
    });
  }
  return out;
}

/** One bar of the barriers' Pareto chart. */
export interface ParetoBar {
  barrier: Barrier;
  /** Staff-weeks that named it. */
  count: number;
  /** Of the staff-weeks that answered S6. */
  percent: number;
  /** Cumulative share of all mentions, for the Pareto line. */
  cumulativePercent: number;
}

/** The barriers' Pareto; `null` when suppressed (fewer than 5 staff answered, and suppression is on). */
export function barrierPareto(
  staff: readonly StaffMember[],
  weeks: readonly string[],
  suppress: boolean,
): { bars: ParetoBar[]; staffWeeks: number; staff: number } | null {
  const inAxis = new Set(weeks);
  const counts = new Map<Barrier, number>(BARRIERS.map((b) => [b, 0]));
  let answered = 0;
  let people = 0;
  for (const s of staff) {
    let any = false;
    for (const w of s.weeks) {
      if (!inAxis.has(w.week) || w.s6 === null) continue;
      answered++;
      any = true;
      for (const b of w.s6) counts.set(b, counts.get(b)! + 1);
    }
    if (any) people++;
  }
  if (suppress && people < SMALL_CELL) return null;
  const mentions = [...counts.values()].reduce((a, b) => a + b, 0);
  let running = 0;
  const bars = BARRIERS.map((barrier) => ({ barrier, count: counts.get(barrier)! }))
    .filter((b) => b.count > 0)
    .sort((a, b) => b.count - a.count || BARRIERS.indexOf(a.barrier) - BARRIERS.indexOf(b.barrier))
    .map((b) => {
      running += b.count;
      return {
        ...b,
        percent: (100 * b.count) / answered,
        cumulativePercent: (100 * running) / mentions,
      };
    });
  return { bars, staffWeeks: answered, staff: people };
}
