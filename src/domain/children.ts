/**
 * Children's age bands and picker order (DESIGN.md 3): age in completed months from the birth month
 * (infant 0–11, toddler 12–35, preschool 36–59, school age 60+; no birth month = age not set), and
 * toddlers first in every picker, the collaborative's aim being toddlers in mixed-age groups.
 */
import type { AGE_BANDS } from './records';

export type AgeBand = (typeof AGE_BANDS)[number];

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])/;

function monthIndex(value: Date | string): number | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : value.getFullYear() * 12 + value.getMonth();
  }
  const m = MONTH.exec(value);
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : null;
}

/**
 * Completed months from `birthMonth` (`YYYY-MM`) to `today` (a Date, read in local time, or a
 * `YYYY-MM[-DD]` string). Only the month is known, so a child is counted a month older on the first
 * day of each month; a birth month in the future counts as 0. Null when either is unusable.
 */
export function ageInMonths(
  birthMonth: string | null | undefined,
  today: Date | string,
): number | null {
  if (!birthMonth) return null;
  const born = monthIndex(birthMonth);
  const now = monthIndex(today);
  if (born === null || now === null || birthMonth.length !== 7) return null;
  return Math.max(0, now - born);
}

/** The age band of a child born in `birthMonth`, on `today`; null = "age not set". */
export function ageBand(
  birthMonth: string | null | undefined,
  today: Date | string,
): AgeBand | null {
  const months = ageInMonths(birthMonth, today);
  if (months === null) return null;
  if (months < 12) return 'infant';
  if (months < 36) return 'toddler';
  if (months < 60) return 'preschool';
  return 'school-age';
}

/** What the picker order needs to know of a child. */
export interface PickerChild {
  name: string;
  birthMonth?: string | null;
  active?: boolean | null;
}

function rank(child: PickerChild, today: Date | string): number {
  if (child.active === false) return 2;
  return ageBand(child.birthMonth, today) === 'toddler' ? 0 : 1;
}

/** Orders active toddlers first, then the other active children, then inactive ones; by name within. */
export function compareForPicker(a: PickerChild, b: PickerChild, today: Date | string): number {
  return (
    rank(a, today) - rank(b, today) ||
    a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true }) ||
    (a.birthMonth ?? '').localeCompare(b.birthMonth ?? '')
  );
}

/** A sorted copy of `children` in picker order (see `compareForPicker`). */
export function sortForPicker<T extends PickerChild>(
  children: readonly T[],
  today: Date | string,
): T[] {
  return [...children].sort((a, b) => compareForPicker(a, b, today));
}
