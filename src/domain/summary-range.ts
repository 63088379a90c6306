/**
 * The date ranges of the printable summaries (DESIGN.md 7): a child's notes between two days, and a
 * month's check-ins (weeks whose Monday falls in the month) and PDSA cycles (those running in it).
 */
import { weekMonday } from './dates';

/** True when the note's own day (as written) is within `from`..`to`, both `YYYY-MM-DD`, inclusive. */
export function isNoteInRange(observedAt: string, from: string, to: string): boolean {
  const day = observedAt.slice(0, 10);
  return day >= from && day <= to;
}

/** The first and last day of `month` (`YYYY-MM`). */
export function monthBounds(month: string): { first: string; last: string } {
  const [y, m] = month.split('-').map(Number);
  const days = new Date(Date.UTC(y!, m!, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(days).padStart(2, '0')}` };
}

/** True when the ISO week's Monday is in `month`, so each week belongs to one month only. */
export function isWeekInMonth(week: string, month: string): boolean {
  return weekMonday(week).slice(0, 7) === month;
}

/** True when a cycle runs during `month`: it started by the month's end and had not ended before it. */
export function isCycleInMonth(
  cycle: { startDate: string; endDate?: string | null },
  month: string,
): boolean {
  const { first, last } = monthBounds(month);
  return cycle.startDate <= last && (cycle.endDate ?? cycle.startDate) >= first;
}
