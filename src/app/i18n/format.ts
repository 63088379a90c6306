/** Dates in words, in her language: weeks are "week of 26 January", never `2026-W05`. */
import { addWeeks, isoWeekOf, toCalendarDate, weekMonday } from '../../domain/dates';
import { dateFormat, language, t } from './i18n';

function localDate(ymd: string): Date {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Date(y!, m! - 1, d!, 12);
}

/** "this week", "last week", or "week of 26 January" (with the year when it is not this year). */
export function weekName(week: string, today: Date = new Date()): string {
  const thisWeek = isoWeekOf(toCalendarDate(today));
  if (week === thisWeek) return t('week.this');
  if (week === addWeeks(thisWeek, -1)) return t('week.last');
  return weekOf(week, today);
}

/** Always "week of 26 January" (with the year when it is not this year). */
export function weekOf(week: string, today: Date = new Date()): string {
  return t('week.of', { date: dayInWords(weekMonday(week), today) });
}

/**
 * The one "26 January" / "26 de enero" of the app, for a `YYYY-MM-DD` day (with the year when it is
 * not this year), through the formatter cache; text that is not a date is given back as it is.
 */
export function dayInWords(ymd: string, today: Date = new Date()): string {
  const date = localDate(ymd);
  if (Number.isNaN(date.getTime())) return ymd;
  const withYear = date.getFullYear() !== today.getFullYear();
  return dateFormat({
    day: 'numeric',
    month: 'long',
    ...(withYear ? { year: 'numeric' } : {}),
  }).format(date);
}

/**
 * "Wednesday, December 2, 10:00 AM" (en-US), "Wednesday 2 December, 10:00" (en-GB), "miércoles, 2 de
 * diciembre, 10:00" for a note's `observedAt`, read as written (its own offset), in her region's words.
 */
export function noteTime(observedAt: string): string {
  const [date, time] = [observedAt.slice(0, 10), observedAt.slice(11, 16)];
  const day = dateFormat({ weekday: 'long', day: 'numeric', month: 'long' }).format(
    localDate(date),
  );
  const [h, m] = time.split(':').map(Number);
  const at = localDate(date);
  at.setHours(h!, m!, 0, 0);
  if (Number.isNaN(at.getTime())) return `${day}, ${time}`;
  const clock = dateFormat({
    hour: language.value === 'es' ? '2-digit' : 'numeric',
    minute: '2-digit',
  }).format(at);
  return `${day}, ${clock}`;
}

/** "March 2025" / "marzo de 2025" for a birth month `YYYY-MM`. */
export function monthName(birthMonth: string): string {
  return dateFormat({ month: 'long', year: 'numeric' }).format(localDate(`${birthMonth}-15`));
}

/** The language signal, re-exported so that components that format dates re-render on a switch. */
export { language };
