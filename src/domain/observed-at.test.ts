import { describe, expect, it } from 'vitest';
import { isLocalDateTime } from './dates';
import {
  WHEN_CHOICES,
  isInFuture,
  isWhenChoiceOffered,
  offeredWhenChoices,
  resolveObservedAt,
  toDateTimeLocalInput,
  toDateTimeLocalValue,
} from './observed-at';

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

describe('honest times (DESIGN.md 2: never later than now)', () => {
  const at = (h: number, m = 0) => new Date(2026, 11, 2, h, m, 0);

  it('offers this morning only from 10:00 and after lunch only from 13:00', () => {
    expect(offeredWhenChoices(at(8, 1))).toEqual(['now', 'earlier-today', 'custom']);
    expect(offeredWhenChoices(at(10))).toEqual(['now', 'morning', 'earlier-today', 'custom']);
    expect(offeredWhenChoices(at(12, 59))).not.toContain('after-lunch');
    expect(offeredWhenChoices(at(13))).toEqual([...WHEN_CHOICES]);
  });

  it('offers earlier today only once two hours ago is still today', () => {
    expect(isWhenChoiceOffered('earlier-today', at(1, 59))).toBe(false);
    expect(isWhenChoiceOffered('earlier-today', at(2))).toBe(true);
  });

  it('never writes a one-tap time later than now, even for a choice made before', () => {
    const early = at(8, 1);
    expect(resolveObservedAt('after-lunch', early)!.observedAt.slice(0, 16)).toBe(
      '2026-12-02T08:01',
    );
    expect(resolveObservedAt('after-lunch', early)!.observedAtApprox).toBe('after-lunch');
    expect(resolveObservedAt('morning', early)!.observedAt.slice(0, 16)).toBe('2026-12-02T08:01');
  });

  it('refuses a picked time later than now, and takes the minute she is in', () => {
    const now = new Date(2026, 11, 2, 8, 1, 30);
    expect(isInFuture('2026-12-02T08:02', now)).toBe(true);
    expect(resolveObservedAt('custom', now, '2026-12-02T08:02')).toBeNull();
    expect(resolveObservedAt('custom', now, '2026-12-03T07:00')).toBeNull();
    expect(resolveObservedAt('custom', now, '2026-12-02T08:01')!.observedAt.slice(0, 16)).toBe(
      '2026-12-02T08:01',
    );
    expect(isInFuture('', now)).toBe(false);
  });

  it('refuses a day that does not exist', () => {
    expect(resolveObservedAt('custom', at(9), '2026-02-30T09:00')).toBeNull();
  });

  it('gives the value for a datetime-local max', () => {
    expect(toDateTimeLocalValue(new Date(2026, 11, 2, 8, 1, 30))).toBe('2026-12-02T08:01');
  });
});
