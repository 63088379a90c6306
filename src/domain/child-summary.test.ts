import { describe, expect, it } from 'vitest';
import { countByArea, fewLately, isRecent } from './child-summary';

const note = (observedAt: string, area: string | null = null) => ({ observedAt, area }) as never;

describe('countByArea', () => {
  it('counts every note and the recent ones per area, in the areas’ order, then those with none', () => {
    const counts = countByArea(
      [
        note('2026-12-02T10:00:00-06:00', 'language'),
        note('2026-11-20T10:00:00-06:00', 'language'),
        note('2026-10-01T10:00:00-06:00', 'language'),
        note('2026-12-01T09:00:00-06:00', 'motor-physical'),
        note('2026-12-01T09:00:00-06:00'),
      ],
      '2026-12-02',
    );
    expect(counts.map((c) => [c.area, c.total, c.recent])).toEqual([
      ['social-emotional', 0, 0],
      ['language', 3, 2],
      ['cognition', 0, 0],
      ['motor-physical', 1, 1],
      ['approaches-to-learning', 0, 0],
      [null, 1, 1],
    ]);
    expect(fewLately(counts)).toEqual([
      'social-emotional',
      'cognition',
      'motor-physical',
      'approaches-to-learning',
    ]);
  });

  it('leaves out the "no area" row when every note has one', () => {
    expect(
      countByArea([note('2026-12-02T10:00:00-06:00', 'cognition')], '2026-12-02').map(
        (c) => c.area,
      ),
    ).not.toContain(null);
  });
});

describe('isRecent', () => {
  it('takes the last 28 days, today included, by the day the note was written in', () => {
    expect(isRecent('2026-12-02T23:00:00-06:00', '2026-12-02')).toBe(true);
    expect(isRecent('2026-11-05T08:00:00-06:00', '2026-12-02')).toBe(true);
    expect(isRecent('2026-11-04T08:00:00-06:00', '2026-12-02')).toBe(false);
    expect(isRecent('2026-12-03T08:00:00-06:00', '2026-12-02')).toBe(false);
  });
});
