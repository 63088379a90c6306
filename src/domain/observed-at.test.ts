import { describe, expect, it } from 'vitest';
import { isLocalDateTime } from './dates';
import { resolveObservedAt, toDateTimeLocalInput } from './observed-at';

describe('resolveObservedAt', () => {
  const now = new Date(2026, 0, 29, 15, 42, 10);

  it('writes just now as the current local time with its offset', () => {
    const r = resolveObservedAt('now', now)!;
    expect(r.observedAt.slice(0, 19)).toBe('2026-01-29T15:42:10');
    expect(isLocalDateTime(r.observedAt)).toBe(true);
    expect(r.observedAtApprox).toBeNull();
  });

  it('places this morning at 10:00 and after lunch at 13:00 of the same day', () => {
    expect(resolveObservedAt('morning', now)!.observedAt.slice(0, 19)).toBe('2026-01-29T10:00:00');
    expect(resolveObservedAt('morning', now)!.observedAtApprox).toBe('morning');
    expect(resolveObservedAt('after-lunch', now)!.observedAt.slice(0, 19)).toBe(
      '2026-01-29T13:00:00',
    );
  });

  it('places earlier today two hours ago, across midnight too', () => {
    expect(resolveObservedAt('earlier-today', now)!.observedAt.slice(0, 19)).toBe(
      '2026-01-29T13:42:10',
    );
    const justAfterMidnight = new Date(2026, 0, 29, 1, 0, 0);
    expect(resolveObservedAt('earlier-today', justAfterMidnight)!.observedAt.slice(0, 16)).toBe(
      '2026-01-28T23:00',
    );
  });

  it('takes a picked time, and refuses a malformed one', () => {
    expect(resolveObservedAt('custom', now, '2026-01-27T09:15')!.observedAt.slice(0, 19)).toBe(
      '2026-01-27T09:15:00',
    );
    expect(resolveObservedAt('custom', now, '')).toBeNull();
    expect(resolveObservedAt('custom', now, 'yesterday')).toBeNull();
  });

  it('shows a stored time in a datetime-local input as it was written', () => {
    expect(toDateTimeLocalInput('2026-01-29T13:05:00-06:00')).toBe('2026-01-29T13:05');
  });
});
