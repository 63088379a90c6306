import { describe, expect, it } from 'vitest';
import { isCycleInMonth, isNoteInRange, isWeekInMonth, monthBounds } from './summary-range';

describe('summary ranges', () => {
  it('takes a note by the day it was written, both ends included', () => {
    expect(isNoteInRange('2026-11-01T00:05:00-06:00', '2026-11-01', '2026-11-30')).toBe(true);
    expect(isNoteInRange('2026-11-30T23:59:00-06:00', '2026-11-01', '2026-11-30')).toBe(true);
    expect(isNoteInRange('2026-12-01T00:00:00-06:00', '2026-11-01', '2026-11-30')).toBe(false);
  });

  it('knows the last day of every month, February of a leap year too', () => {
    expect(monthBounds('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29' });
    expect(monthBounds('2026-12').last).toBe('2026-12-31');
  });

  it('puts a week in the month of its Monday', () => {
    expect(isWeekInMonth('2026-W49', '2026-11')).toBe(true); // Monday 30 November
    expect(isWeekInMonth('2026-W49', '2026-12')).toBe(false);
    expect(isWeekInMonth('2026-W50', '2026-12')).toBe(true);
  });

  it('counts a cycle in every month it runs in; without an end date, in the month it starts', () => {
    expect(isCycleInMonth({ startDate: '2026-10-20', endDate: '2026-12-05' }, '2026-11')).toBe(
      true,
    );
    expect(isCycleInMonth({ startDate: '2026-10-20' }, '2026-11')).toBe(false);
    expect(isCycleInMonth({ startDate: '2026-11-20', endDate: null }, '2026-11')).toBe(true);
    expect(isCycleInMonth({ startDate: '2026-12-01' }, '2026-11')).toBe(false);
  });
});
