/**
 * Date and week helpers. A note's `observedAt` is a local date-time with its own offset
 * (DESIGN.md); its week is read from the local calendar date written in it, never converted to the
 * reader's time zone. ISO weeks come from date-fns, computed on a local-noon Date so that daylight
 * saving changes can never move a day.
 */
import { addDays, getISOWeek, getISOWeekYear, setISOWeek, startOfISOWeek } from 'date-fns';
import { z } from 'zod/mini';

// zod/mini carries no locale of its own: with the English one (what `zod` loads by default), an issue
// that names no message of ours keeps zod's English sentence (the server's 400 answers show them).
if (!z.core.globalConfig.localeError) z.config(z.locales.en());

const LOCAL_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_WEEK = /^(\d{4})-W(\d{2})$/;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** True for an ISO 8601 date-time with an explicit offset (or Z) naming a real moment. */
export function isLocalDateTime(value: string): boolean {
  const m = LOCAL_DATE_TIME.exec(value);
  if (!m) return false;
  const [, y, mo, d, h, mi, s, , off] = m;
  if (!isRealDate(+y!, +mo!, +d!) || +h! > 23 || +mi! > 59 || (s !== undefined && +s > 59))
    return false;
  if (off !== 'Z' && (+off!.slice(1, 3) > 14 || +off!.slice(4, 6) > 59)) return false;
  return true;
}

/** True for `YYYY-MM-DD` naming a real day. */
export function isCalendarDate(value: string): boolean {
  const m = CALENDAR_DATE.exec(value);
  return !!m && isRealDate(+m[1]!, +m[2]!, +m[3]!);
}

/** An ISO 8601 local date-time with its offset, e.g. `2026-01-29T13:05:00-06:00`. */
export const LocalDateTimeSchema = z
  .string()
  .check(z.refine(isLocalDateTime, 'not a date-time with an offset'));
/** A calendar date `YYYY-MM-DD`. */
export const CalendarDateSchema = z.string().check(z.refine(isCalendarDate, 'not a calendar date'));

/** `YYYY-MM-DD` of a Date on this device's calendar (date-fns `format` would bring its locale along). */
function ymd(date: Date): string {
  return `${String(date.getFullYear()).padStart(4, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function localNoon(y: number, m: number, d: number): Date {
  return new Date(y, m - 1, d, 12, 0, 0, 0);
}

/**
 * Remembers the answers of a pure function of one string. Week arithmetic through date-fns is the
 * slowest part of building three years of charts on an old tablet, and the same few hundred days and
 * weeks are asked for again and again; the answers depend only on the string (local noon keeps the
 * device's time zone out of them). Bounded: the cache starts afresh past `limit` entries.
 */
function remembered(compute: (key: string) => string, limit = 20_000): (key: string) => string {
  let cache = new Map<string, string>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      if (cache.size >= limit) cache = new Map();
      cache.set(key, value);
    }
    return value;
  };
}

function weekOfCalendarDay(y: number, m: number, d: number): string {
  const date = localNoon(y, m, d);
  return `${getISOWeekYear(date)}-W${String(getISOWeek(date)).padStart(2, '0')}`;
}

const weekOfDay = remembered((day) => {
  const [y, m, d] = day.split('-').map(Number);
  return weekOfCalendarDay(y!, m!, d!);
});

/** The ISO week (`YYYY-Www`) of a `YYYY-MM-DD` date or of a local date-time, read in its own offset. */
export function isoWeekOf(dateOrDateTime: string): string {
  return weekOfDay(dateOrDateTime.slice(0, 10));
}

/** True for `YYYY-Www` naming a week that exists (W53 only in long years). */
export function isIsoWeek(value: string): boolean {
  const m = ISO_WEEK.exec(value);
  if (!m) return false;
  const year = +m[1]!;
  const week = +m[2]!;
  if (week < 1 || year < 1) return false;
  // 28 December always lies in the last ISO week of its year.
  return week <= getISOWeek(localNoon(year, 12, 28));
}

/** An ISO week-year week `YYYY-Www` that exists. */
export const IsoWeekSchema = z.string().check(z.refine(isIsoWeek, 'not an ISO week that exists'));

const mondayOfWeek = remembered((week) => {
  const m = ISO_WEEK.exec(week);
  if (!m) throw new Error(`not an ISO week: ${week}`);
  const jan4 = localNoon(+m[1]!, 1, 4);
  return ymd(startOfISOWeek(setISOWeek(jan4, +m[2]!)));
});

/** The Monday of an ISO week, as `YYYY-MM-DD`. */
export function weekMonday(week: string): string {
  return mondayOfWeek(week);
}

/** The seven calendar dates (`YYYY-MM-DD`) of an ISO week, Monday first. */
export function weekDays(week: string): string[] {
  const [y, m, d] = weekMonday(week).split('-').map(Number);
  const monday = localNoon(y!, m!, d!);
  return Array.from({ length: 7 }, (_, i) => ymd(addDays(monday, i)));
}

const nextWeek = remembered((week) => shiftWeek(week, 1));

function shiftWeek(week: string, n: number): string {
  const [y, m, d] = weekMonday(week).split('-').map(Number);
  const date = addDays(localNoon(y!, m!, d!), n * 7);
  return weekOfCalendarDay(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/** The week `n` weeks after (or before, when negative) `week`. */
export function addWeeks(week: string, n: number): string {
  return n === 1 ? nextWeek(week) : shiftWeek(week, n);
}

/** Every week from `first` to `last`, both included (empty when last is before first). */
export function weeksBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let w = first; w <= last && out.length < 10_000; w = addWeeks(w, 1)) out.push(w);
  return out;
}

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}

/** Formats a Date as a local date-time with the device's own offset, e.g. `2026-01-29T13:05:00-06:00`. */
export function toLocalDateTime(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

/** The local calendar date `YYYY-MM-DD` of a Date on this device. */
export function toCalendarDate(date: Date): string {
  return ymd(date);
}

/** Milliseconds since the epoch of a local date-time with offset (for sorting across offsets). */
export function instantOf(localDateTime: string): number {
  return Date.parse(localDateTime);
}
