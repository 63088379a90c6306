/**
 * "When it happened" for a note (DESIGN.md §2): one tap back-dates it. *just now* = now,
 * *this morning* = 10:00, *after lunch* = 13:00, *earlier today* = two hours ago, or a time she picks.
 * Times are written in the device's own offset at that moment.
 */
import { toLocalDateTime } from './dates';

export const WHEN_CHOICES = ['now', 'morning', 'after-lunch', 'earlier-today', 'custom'] as const;
export type WhenChoice = (typeof WHEN_CHOICES)[number];

/** The `observedAt` and `observedAtApprox` of a choice; `custom` takes a `YYYY-MM-DDTHH:mm` local value. */
export function resolveObservedAt(
  choice: WhenChoice,
  now: Date,
  customLocal?: string | null,
): {
  observedAt: string;
  observedAtApprox: 'morning' | 'after-lunch' | 'earlier-today' | null;
} | null {
  const at = (h: number) => new Date(now.getFullYear(), now.getMonth(), now.getDate(), h, 0, 0, 0);
  switch (choice) {
    case 'now':
      return { observedAt: toLocalDateTime(now), observedAtApprox: null };
    case 'morning':
      return { observedAt: toLocalDateTime(at(10)), observedAtApprox: 'morning' };
    case 'after-lunch':
      return { observedAt: toLocalDateTime(at(13)), observedAtApprox: 'after-lunch' };
    case 'earlier-today':
      return {
        observedAt: toLocalDateTime(new Date(now.getTime() - 2 * 3600_000)),
        observedAtApprox: 'earlier-today',
      };
    case 'custom': {
      const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(customLocal ?? '');
      if (!m) return null;
      const date = new Date(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, 0, 0);
      if (Number.isNaN(date.getTime())) return null;
      return { observedAt: toLocalDateTime(date), observedAtApprox: null };
    }
  }
}

/** The `YYYY-MM-DDTHH:mm` value of a datetime-local input showing a stored `observedAt` as written. */
export function toDateTimeLocalInput(observedAt: string): string {
  return observedAt.slice(0, 16);
}
