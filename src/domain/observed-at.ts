/**
 * "When it happened" for a note (DESIGN.md 2): one tap back-dates it. *just now* = now,
 * *this morning* = 10:00, *after lunch* = 13:00, *earlier today* = two hours ago, or a time she picks.
 * A time is never later than now: a one-tap choice is offered only once its nominal time has come
 * today, and a picked time in the future is refused. Times are written in the device's own offset.
 */
import { toLocalDateTime } from './dates';

export const WHEN_CHOICES = ['now', 'morning', 'after-lunch', 'earlier-today', 'custom'] as const;
export type WhenChoice = (typeof WHEN_CHOICES)[number];

/** The hour each approximate choice stands for; "earlier today" is two hours back instead. */
const NOMINAL_HOUR = { morning: 10, 'after-lunch': 13 } as const;
const EARLIER_MS = 2 * 3600_000;

function atHour(now: Date, hour: number): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate(), hour, 0, 0, 0);
}

/**
 * True when `choice` makes sense at `now`: "this morning" from 10:00, "after lunch" from 13:00,
 * "earlier today" once two hours ago is still today; "just now" and a picked time always.
 */
export function isWhenChoiceOffered(choice: WhenChoice, now: Date): boolean {
  if (choice === 'morning' || choice === 'after-lunch')
    return now >= atHour(now, NOMINAL_HOUR[choice]);
  if (choice === 'earlier-today') return now.getTime() - EARLIER_MS >= atHour(now, 0).getTime();
  return true;
}

/** The choices offered at `now`, in the order the form shows them. */
export function offeredWhenChoices(now: Date): WhenChoice[] {
  return WHEN_CHOICES.filter((c) => isWhenChoiceOffered(c, now));
}

/** The `YYYY-MM-DDTHH:mm` value of `date` for a datetime-local input (its `max`, for one). */
export function toDateTimeLocalValue(date: Date): string {
  return toLocalDateTime(date).slice(0, 16);
}

/** The Date a `YYYY-MM-DDTHH:mm` local value names, or null when it names none. */
function parseLocalInput(value: string | null | undefined): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value ?? '');
  if (!m) return null;
  const date = new Date(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, 0, 0);
  return Number.isNaN(date.getTime()) || date.getMonth() !== +m[2]! - 1 ? null : date;
}

/** True when a picked `YYYY-MM-DDTHH:mm` is later than `now` (the minute she is in is not later). */
export function isInFuture(customLocal: string | null | undefined, now: Date): boolean {
  const date = parseLocalInput(customLocal);
  return date !== null && date.getTime() > now.getTime();
}

/**
 * The `observedAt` and `observedAtApprox` of a choice; `custom` takes a `YYYY-MM-DDTHH:mm` local
 * value. Null when the picked time cannot be read or is later than now. A one-tap choice whose
 * hour has not come (a draft chosen yesterday, a clock turned back) is held at now, never later.
 */
export function resolveObservedAt(
  choice: WhenChoice,
  now: Date,
  customLocal?: string | null,
): {
  observedAt: string;
  observedAtApprox: 'morning' | 'after-lunch' | 'earlier-today' | null;
} | null {
  const notAfterNow = (d: Date) => toLocalDateTime(d.getTime() > now.getTime() ? now : d);
  switch (choice) {
    case 'now':
      return { observedAt: toLocalDateTime(now), observedAtApprox: null };
    case 'morning':
    case 'after-lunch':
      return {
        observedAt: notAfterNow(atHour(now, NOMINAL_HOUR[choice])),
        observedAtApprox: choice,
      };
    case 'earlier-today':
      return {
        observedAt: toLocalDateTime(new Date(now.getTime() - EARLIER_MS)),
        observedAtApprox: 'earlier-today',
      };
    case 'custom': {
      const date = parseLocalInput(customLocal);
      if (!date || isInFuture(customLocal, now)) return null;
      return { observedAt: toLocalDateTime(date), observedAtApprox: null };
    }
  }
}

/** The `YYYY-MM-DDTHH:mm` value of a datetime-local input showing a stored `observedAt` as written. */
export function toDateTimeLocalInput(observedAt: string): string {
  return observedAt.slice(0, 16);
}
