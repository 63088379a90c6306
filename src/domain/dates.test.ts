import { afterEach, describe, expect, it } from 'vitest';
import {
  addWeeks,
  instantOf,
  isCalendarDate,
  isIsoWeek,
  isLocalDateTime,
  isoWeekOf,
  toCalendarDate,
  toLocalDateTime,
  weekDays,
  weekMonday,
  weeksBetween,
} from './dates';

const ORIGINAL_TZ = process.env.TZ;

/** Runs `fn` with the process in time zone `tz` (Node reads TZ again on every change). */
function inTimeZone<T>(tz: string, fn: () => T): T {
  process.env.TZ = tz;
  try {
    return fn();
  } finally {
    if (ORIGINAL_TZ === undefined) delete process.env.TZ;
    else process.env.TZ = ORIGINAL_TZ;
  }
}

/** The ISO week of a calendar day, worked out in UTC arithmetic only (an oracle independent of date-fns). */
function oracleWeek(y: number, m: number, d: number): string {
  const date = new Date(Date.UTC(y, m - 1, d));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday of this week names its year
  const year = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

afterEach(() => {
  expect(process.env.TZ).toBe(ORIGINAL_TZ);
});

describe('isoWeekOf', () => {
  it('reads a date-time in its own offset, not in UTC', () => {
    // Sunday evening in Chicago is already Monday in UTC.
    expect(isoWeekOf('2026-01-04T23:30:00-06:00')).toBe('2026-W01');
    expect(isoWeekOf('2026-01-05T05:30:00Z')).toBe('2026-W02');
    // Monday just after midnight at +14:00 is still Sunday in UTC.
    expect(isoWeekOf('2026-01-05T00:30:00+14:00')).toBe('2026-W02');
    expect(isoWeekOf('2026-01-04T10:30:00Z')).toBe('2026-W01');
  });

  it('gives the same week whatever the reader’s time zone', () => {
    for (const tz of [
      'UTC',
      'America/Chicago',
      'Pacific/Kiritimati',
      'Pacific/Pago_Pago',
      'Asia/Kolkata',
    ]) {
      inTimeZone(tz, () => {
        expect(isoWeekOf('2026-01-04T23:30:00-06:00'), tz).toBe('2026-W01');
        expect(isoWeekOf('2026-01-05T00:30:00+14:00'), tz).toBe('2026-W02');
      });
    }
  });

  it('follows the ISO week-year across 31 December and 1 January', () => {
    expect(isoWeekOf('2020-12-31')).toBe('2020-W53');
    expect(isoWeekOf('2021-01-01')).toBe('2020-W53');
    expect(isoWeekOf('2021-01-03T23:59:59-06:00')).toBe('2020-W53');
    expect(isoWeekOf('2021-01-04T00:00:00-06:00')).toBe('2021-W01');
    expect(isoWeekOf('2024-12-29')).toBe('2024-W52');
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
    expect(isoWeekOf('2026-12-31T18:00:00-06:00')).toBe('2026-W53');
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
  });

  it('agrees with an independent calculation on every day from 2015 to 2032', () => {
    const mismatches: string[] = [];
    for (let t = Date.UTC(2015, 0, 1); t <= Date.UTC(2032, 11, 31); t += 86_400_000) {
      const d = new Date(t);
      const day = d.toISOString().slice(0, 10);
      const expected = oracleWeek(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
      if (isoWeekOf(day) !== expected) mismatches.push(`${day}: ${isoWeekOf(day)} != ${expected}`);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('isIsoWeek', () => {
  it('accepts W53 only in a long ISO year', () => {
    expect(isIsoWeek('2026-W53')).toBe(true);
    expect(isIsoWeek('2020-W53')).toBe(true);
    expect(isIsoWeek('2015-W53')).toBe(true);
    expect(isIsoWeek('2025-W53')).toBe(false);
    expect(isIsoWeek('2024-W53')).toBe(false);
    expect(isIsoWeek('2025-W52')).toBe(true);
  });

  it('refuses week 0, week 54 and other shapes', () => {
    for (const bad of [
      '2026-W00',
      '2026-W54',
      '2026-W5',
      '2026-w05',
      '2026W05',
      '2026-05',
      '26-W05',
      ' 2026-W05',
      '0000-W01',
    ]) {
      expect(isIsoWeek(bad), bad).toBe(false);
    }
    expect(isIsoWeek('2026-W01')).toBe(true);
  });
});

describe('weekMonday', () => {
  it('returns the Monday of a week, in the previous calendar year when the week starts there', () => {
    expect(weekMonday('2026-W05')).toBe('2026-01-26');
    expect(weekMonday('2026-W01')).toBe('2025-12-29');
    expect(weekMonday('2025-W01')).toBe('2024-12-30');
    expect(weekMonday('2020-W53')).toBe('2020-12-28');
    expect(weekMonday('2021-W01')).toBe('2021-01-04');
    expect(weekMonday('2026-W53')).toBe('2026-12-28');
  });

  it('throws on something that is not a week', () => {
    expect(() => weekMonday('2026-05')).toThrow('not an ISO week: 2026-05');
  });
});

describe('weekDays', () => {
  it('lists the seven days Monday to Sunday, across a year end', () => {
    expect(weekDays('2020-W53')).toEqual([
      '2020-12-28',
      '2020-12-29',
      '2020-12-30',
      '2020-12-31',
      '2021-01-01',
      '2021-01-02',
      '2021-01-03',
    ]);
  });

  it('lists days whose week is the week itself', () => {
    for (const week of ['2026-W01', '2026-W10', '2026-W44', '2026-W53', '2024-W09']) {
      expect(weekDays(week).map(isoWeekOf)).toEqual(Array(7).fill(week));
    }
  });
});

describe('addWeeks', () => {
  it('moves forwards and backwards across year ends and W53', () => {
    expect(addWeeks('2020-W52', 1)).toBe('2020-W53');
    expect(addWeeks('2020-W53', 1)).toBe('2021-W01');
    expect(addWeeks('2025-W52', 1)).toBe('2026-W01');
    expect(addWeeks('2026-W01', -1)).toBe('2025-W52');
    expect(addWeeks('2021-W01', -1)).toBe('2020-W53');
    expect(addWeeks('2026-W05', 0)).toBe('2026-W05');
    expect(addWeeks('2026-W05', 53)).toBe('2027-W05');
    expect(addWeeks('2026-W05', 52)).toBe('2027-W04');
    expect(addWeeks('2027-W04', -52)).toBe('2026-W05');
  });
});

describe('weeksBetween', () => {
  it('lists every week from first to last, both included', () => {
    expect(weeksBetween('2020-W52', '2021-W02')).toEqual([
      '2020-W52',
      '2020-W53',
      '2021-W01',
      '2021-W02',
    ]);
    expect(weeksBetween('2025-W51', '2026-W01')).toEqual(['2025-W51', '2025-W52', '2026-W01']);
    expect(weeksBetween('2026-W05', '2026-W05')).toEqual(['2026-W05']);
    expect(weeksBetween('2026-W01', '2026-W53')).toHaveLength(53);
  });

  it('is empty when the last week is before the first', () => {
    expect(weeksBetween('2026-W05', '2026-W04')).toEqual([]);
    expect(weeksBetween('2026-W01', '2025-W52')).toEqual([]);
  });
});

describe('isLocalDateTime', () => {
  it('accepts a real date-time with an offset or Z', () => {
    for (const ok of [
      '2026-01-29T13:05:00-06:00',
      '2026-01-29T13:05-06:00',
      '2026-01-29T13:05:00.123+05:30',
      '2026-01-29T13:05:00Z',
      '2024-02-29T00:00:00+14:00',
      '2026-01-29T23:59:59-12:00',
    ]) {
      expect(isLocalDateTime(ok), ok).toBe(true);
    }
  });

  it('rejects impossible dates and times and a missing offset', () => {
    for (const bad of [
      '2026-02-30T10:00:00-06:00',
      '2025-02-29T10:00:00-06:00',
      '2026-04-31T10:00:00-06:00',
      '2026-13-01T10:00:00-06:00',
      '2026-01-29T25:00:00-06:00',
      '2026-01-29T24:00:00-06:00',
      '2026-01-29T13:60:00-06:00',
      '2026-01-29T13:05:60-06:00',
      '2026-01-29T13:05:00',
      '2026-01-29T13:05:00-0600',
      '2026-01-29T13:05:00+15:00',
      '2026-01-29T13:05:00-06:60',
      '2026-01-29 13:05:00-06:00',
      '2026-01-29',
      '',
    ]) {
      expect(isLocalDateTime(bad), bad).toBe(false);
    }
  });
});

describe('isCalendarDate', () => {
  it('accepts real days only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-02')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2026-2-2')).toBe(false);
    expect(isCalendarDate('2026-02-02T00:00')).toBe(false);
  });
});

describe('toLocalDateTime', () => {
  const instant = new Date(Date.UTC(2026, 0, 29, 19, 5, 7, 450));

  it('writes the device’s own time and offset', () => {
    expect(inTimeZone('America/Chicago', () => toLocalDateTime(instant))).toBe(
      '2026-01-29T13:05:07-06:00',
    );
    expect(
      inTimeZone('America/Chicago', () => toLocalDateTime(new Date(Date.UTC(2026, 6, 1, 17, 0)))),
    ).toBe('2026-07-01T12:00:00-05:00');
    expect(inTimeZone('UTC', () => toLocalDateTime(instant))).toBe('2026-01-29T19:05:07+00:00');
    expect(inTimeZone('Asia/Kolkata', () => toLocalDateTime(instant))).toBe(
      '2026-01-30T00:35:07+05:30',
    );
    expect(inTimeZone('Pacific/Marquesas', () => toLocalDateTime(instant))).toBe(
      '2026-01-29T09:35:07-09:30',
    );
    expect(inTimeZone('Pacific/Kiritimati', () => toLocalDateTime(instant))).toBe(
      '2026-01-30T09:05:07+14:00',
    );
  });

  it('round-trips through isoWeekOf and instantOf in any time zone', () => {
    for (const tz of [
      'America/Chicago',
      'Pacific/Kiritimati',
      'Pacific/Pago_Pago',
      'Asia/Kolkata',
      'UTC',
    ]) {
      inTimeZone(tz, () => {
        for (
          let t = Date.UTC(2025, 11, 20);
          t < Date.UTC(2027, 0, 10);
          t += 11 * 3_600_000 + 17_000
        ) {
          const d = new Date(t);
          const written = toLocalDateTime(d);
          expect(isLocalDateTime(written), written).toBe(true);
          expect(instantOf(written), written).toBe(t - (t % 1000));
          expect(isoWeekOf(written), `${tz} ${written}`).toBe(
            oracleWeek(d.getFullYear(), d.getMonth() + 1, d.getDate()),
          );
          expect(written.slice(0, 10)).toBe(toCalendarDate(d));
        }
      });
    }
  });
});

describe('weeks with a daylight-saving change in America/Chicago', () => {
  it('still have seven distinct days', () => {
    inTimeZone('America/Chicago', () => {
      // Sanity check that the zone is in effect: CST in January, CDT in July.
      expect(new Date(2026, 0, 15).getTimezoneOffset()).toBe(360);
      expect(new Date(2026, 6, 15).getTimezoneOffset()).toBe(300);
      // Clocks go forward on Sunday 8 March 2026 and back on Sunday 1 November 2026.
      expect(weekDays('2026-W10')).toEqual([
        '2026-03-02',
        '2026-03-03',
        '2026-03-04',
        '2026-03-05',
        '2026-03-06',
        '2026-03-07',
        '2026-03-08',
      ]);
      expect(weekDays('2026-W44')).toEqual([
        '2026-10-26',
        '2026-10-27',
        '2026-10-28',
        '2026-10-29',
        '2026-10-30',
        '2026-10-31',
        '2026-11-01',
      ]);
      expect(addWeeks('2026-W10', 1)).toBe('2026-W11');
      expect(addWeeks('2026-W44', 1)).toBe('2026-W45');
      expect(weekMonday('2026-W11')).toBe('2026-03-09');
      expect(weeksBetween('2026-W09', '2026-W12')).toEqual([
        '2026-W09',
        '2026-W10',
        '2026-W11',
        '2026-W12',
      ]);
      expect(isoWeekOf('2026-03-08T23:30:00-05:00')).toBe('2026-W10');
      expect(isoWeekOf('2026-11-01T01:30:00-06:00')).toBe('2026-W44');
    });
  });
});
