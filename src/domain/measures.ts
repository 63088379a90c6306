/**
 * The six weekly measures of DESIGN.md ("Progress: her own run charts"), as run-chart points. Weeks
 * are ISO weeks (Monday start); a note's week is read in its own offset (`isoWeekOf`). Rules:
 * - `notes`: notes per week; a note with several children counts once; deleted notes never count.
 *   `notes-with-idea`: those with a non-blank `nextStep`. Note charts start at the week of
 *   `firstUseAt`; a week after it without notes is a real 0.
 * - `p2`, `p3`, `p6`: the answer; `p5-of-p4`: the proportion P5/P4 (a zero denominator is a gap, see
 *   RUNCHART.md §1.1). A week with no check-in is missing, never zero. Check-in charts start at the
 *   week of the first check-in.
 * - Every series ends at the last complete week (the week before `today`'s week); the current week
 *   is returned apart, as a hollow point that is never analysed.
 * Pure: `today` is injected, the clock is never read here.
 */
import { addWeeks, isoWeekOf, toCalendarDate, weeksBetween } from './dates';
import type { StoredRecord } from './envelope';
import type { CheckinData, ObservationData } from './records';
import type { RunChartPoint } from './run-chart';
import { MEASURE_IDS, type MeasureId } from './tables';

/** What the measures are computed from. */
export interface MeasureInput {
  /** Her notes, deleted ones included or not (they never count). */
  observations: readonly StoredRecord<ObservationData>[];
  /** Her weekly check-ins, deleted ones included or not (they never count). */
  checkins: readonly StoredRecord<CheckinData>[];
  /** `meta.firstUseAt` (a local date-time or `YYYY-MM-DD`, or a Date read on this device's calendar);
   *  when unknown, note charts start at the week of the first note. */
  firstUseAt: string | Date | null | undefined;
  /** Today: a Date (read on this device's calendar) or a local `YYYY-MM-DD` or local date-time. */
  today: Date | string;
}

/** One measure's weekly points. */
export interface MeasureSeries {
  measure: MeasureId;
  /** The ISO week (`YYYY-Www`) of each point, oldest first, ending at the last complete week. */
  weeks: string[];
  /** One point per week, in the form `analyzeRunChart` accepts; `null` is a missing week. */
  points: RunChartPoint[];
  /** The current, unfinished week: drawn hollow, never analysed (`null` before the chart starts). */
  current: { week: string; point: RunChartPoint };
}

export type WeeklyMeasures = Record<MeasureId, MeasureSeries>;

function weekOfDay(day: Date | string): string {
  return isoWeekOf(typeof day === 'string' ? day : toCalendarDate(day));
}

/** One record per id (the latest by HLC), without deleted ones. */
function liveRecords<D>(records: readonly StoredRecord<D>[]): StoredRecord<D>[] {
  const byId = new Map<string, StoredRecord<D>>();
  for (const r of records) {
    const seen = byId.get(r.id);
    if (!seen || r.hlc > seen.hlc) byId.set(r.id, r);
  }
  return [...byId.values()].filter((r) => r.deleted !== 1);
}

function countByWeek(notes: readonly StoredRecord<ObservationData>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const note of notes) {
    const week = isoWeekOf(note.data.observedAt);
    counts.set(week, (counts.get(week) ?? 0) + 1);
  }
  return counts;
}

function hasIdea(note: StoredRecord<ObservationData>): boolean {
  return typeof note.data.nextStep === 'string' && note.data.nextStep.trim().length > 0;
}

function checkinPoint(measure: MeasureId, checkin: CheckinData | undefined): RunChartPoint {
  if (!checkin) return null;
  switch (measure) {
    case 'p2':
      return checkin.p2 ?? null;
    case 'p3':
      return checkin.p3 ?? null;
    case 'p6':
      return checkin.p6 ?? null;
    default:
      return { numerator: checkin.p5 ?? null, denominator: checkin.p4 ?? null };
  }
}

function series(
  measure: MeasureId,
  firstWeek: string | null,
  currentWeek: string,
  pointOf: (week: string) => RunChartPoint,
): MeasureSeries {
  const weeks = firstWeek === null ? [] : weeksBetween(firstWeek, addWeeks(currentWeek, -1));
  const started = firstWeek !== null && firstWeek <= currentWeek;
  return {
    measure,
    weeks,
    points: weeks.map(pointOf),
    current: { week: currentWeek, point: started ? pointOf(currentWeek) : null },
  };
}

/** The weekly points of every measure (DESIGN.md measure ids), each ending at the last complete week. */
export function weeklyMeasures(input: MeasureInput): WeeklyMeasures {
  const currentWeek = weekOfDay(input.today);

  const notes = liveRecords(input.observations);
  const noteCounts = countByWeek(notes);
  const ideaCounts = countByWeek(notes.filter(hasIdea));
  const noteWeeks = [...noteCounts.keys()].sort();
  const notesStart = input.firstUseAt ? weekOfDay(input.firstUseAt) : (noteWeeks[0] ?? currentWeek);

  const checkinByWeek = new Map<string, CheckinData>();
  // Two records for one week should not exist (the id is checkin-<week>); if they do, the latest wins.
  const checkins = liveRecords(input.checkins).sort((a, b) =>
    a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0,
  );
  for (const c of checkins) checkinByWeek.set(c.data.week, c.data);
  const checkinsStart = [...checkinByWeek.keys()].sort()[0] ?? null;

  const result = {} as WeeklyMeasures;
  for (const measure of MEASURE_IDS) {
    if (measure === 'notes' || measure === 'notes-with-idea') {
      const counts = measure === 'notes' ? noteCounts : ideaCounts;
      result[measure] = series(measure, notesStart, currentWeek, (week) => counts.get(week) ?? 0);
    } else {
      result[measure] = series(measure, checkinsStart, currentWeek, (week) =>
        checkinPoint(measure, checkinByWeek.get(week)),
      );
    }
  }
  return result;
}
