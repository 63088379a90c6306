/**
 * The periods of pooled charts (SYNC.md §15): an ISO week, or a month, to which an ISO week
 * belongs by its Thursday (as the ISO week-year does), so no week is split between two months.
 */
import { weekDays } from '../dates';

export type Grain = 'week' | 'month';

const monthCache = new Map<string, string>();

/** The month (`YYYY-MM`) of an ISO week: the month of its Thursday. */
export function monthOfWeek(week: string): string {
  let month = monthCache.get(week);
  if (month === undefined) {
    month = weekDays(week)[3]!.slice(0, 7);
    if (monthCache.size > 20_000) monthCache.clear();
    monthCache.set(week, month);
  }
  return month;
}

/** The period of `week` at `grain`. */
export function periodOf(week: string, grain: Grain): string {
  return grain === 'week' ? week : monthOfWeek(week);
}

/** The distinct periods of consecutive weeks, in order. */
export function periodsOf(weeks: readonly string[], grain: Grain): string[] {
  const out: string[] = [];
  for (const w of weeks) {
    const p = periodOf(w, grain);
    if (out[out.length - 1] !== p) out.push(p);
  }
  return out;
}
