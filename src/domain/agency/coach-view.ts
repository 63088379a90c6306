/**
 * A coach's view of one provider who shares (SYNC.md §13–§14): her weekly measures rebuilt from her
 * consent-filtered numbers by the rules of `measures.ts` (note charts from `firstUseAt`, a week
 * without notes a real 0; check-in charts from her first check-in; the current week apart), so the
 * coach's charts, read by `progressOf`, say what hers do; her cycles as chart input; "last check-in:
 * 3 weeks ago"; and the collaborative's events placed on a chart's weeks. Pure: `today` is injected.
 */
import { addWeeks, isoWeekOf, toCalendarDate, weeksBetween } from '../dates';
import type { MeasureSeries, WeeklyMeasures } from '../measures';
import type { PdsaCycleInput } from '../progress';
import type { RunChartPoint } from '../run-chart';
import { MEASURE_IDS, type MeasureId } from '../tables';
import type { SharedProvider, SharedWeek } from './consent';

function weekOfDay(day: Date | string): string {
  return isoWeekOf(typeof day === 'string' ? day : toCalendarDate(day));
}

function pointOf(measure: MeasureId, w: SharedWeek | undefined): RunChartPoint {
  if (measure === 'notes') return w?.notes ?? 0;
  if (measure === 'notes-with-idea') return w?.notesWithIdea ?? 0;
  const c = w?.checkin;
  if (!c) return null;
  if (measure === 'p5-of-p4') return { numerator: c.p5, denominator: c.p4 };
  return c[measure];
}

/** Her weekly measures as the coach's charts draw them, ending at the last complete week. */
export function sharedWeeklyMeasures(view: SharedProvider, today: Date | string): WeeklyMeasures {
  const currentWeek = weekOfDay(today);
  const byWeek = new Map(view.weeks.map((w) => [w.week, w]));
  const firstNote = view.weeks.find((w) => w.notes > 0)?.week ?? currentWeek;
  const notesStart = view.firstUseAt ? isoWeekOf(view.firstUseAt) : firstNote;
  const checkinsStart = view.weeks.find((w) => w.checkin !== null)?.week ?? null;
  const result = {} as WeeklyMeasures;
  for (const measure of MEASURE_IDS) {
    const notes = measure === 'notes' || measure === 'notes-with-idea';
    const first = notes ? notesStart : checkinsStart;
    const weeks = first === null ? [] : weeksBetween(first, addWeeks(currentWeek, -1));
    const started = first !== null && first <= currentWeek;
    const series: MeasureSeries = {
      measure,
      weeks,
      points: weeks.map((w) => pointOf(measure, byWeek.get(w))),
      current: {
        week: currentWeek,
        point: started ? pointOf(measure, byWeek.get(currentWeek)) : null,
      },
    };
    result[measure] = series;
  }
  return result;
}

/** Her shared cycles as the charts read them (empty unless she shares her PDSA cycles). */
export function sharedCycleInputs(view: SharedProvider): PdsaCycleInput[] {
  return view.cycles.map((c) => ({
    id: c.id,
    changeIdeaId: c.changeIdeaId,
    changeIdea: c.changeIdea,
    cycle: c.cycle,
    startDate: c.startDate,
    startsPhase: c.startsPhase,
    measure: c.measure,
  }));
}

/** Whole weeks since her latest check-in ("last check-in: 3 weeks ago"); `null` before her first. */
export function weeksSinceLastCheckin(view: SharedProvider, today: Date | string): number | null {
  if (view.lastCheckinWeek === null) return null;
  const current = weekOfDay(today);
  if (view.lastCheckinWeek >= current) return 0;
  return weeksBetween(view.lastCheckinWeek, current).length - 1;
}

/** An event placed on a chart: the index of its week on the axis (events off the axis are left out). */
export interface EventMark<E> {
  index: number;
  event: E;
}

/** Places events (by their `date`) on a chart's weeks; several may share a week. */
export function eventMarks<E extends { date: string }>(
  events: readonly E[],
  weeks: readonly string[],
): EventMark<E>[] {
  const index = new Map(weeks.map((w, i) => [w, i]));
  const marks: EventMark<E>[] = [];
  for (const event of events) {
    const i = index.get(isoWeekOf(event.date));
    if (i !== undefined) marks.push({ index: i, event });
  }
  return marks.sort((a, b) => a.index - b.index);
}
