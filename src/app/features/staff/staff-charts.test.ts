import { describe, expect, it } from 'vitest';
import type { StaffWeek } from '../../../domain/agency/staff-measures';
import { staffCharts } from './staff-charts';

const week = (
  w: string,
  s1: number | null,
  s2: number | null,
  s5: number | null = 0,
): StaffWeek => ({
  week: w,
  source: 'survey',
  s1,
  s2,
  s3: 0,
  s4: 0,
  s5,
  s6: null,
});

describe('her staff charts', () => {
  it('are none before her first week', () => {
    expect(staffCharts([], '2026-W49')).toEqual([]);
  });

  it('run from her first week to the last complete one, a week without data a gap, the current week apart', () => {
    const charts = staffCharts(
      [week('2026-W44', 4, 2), week('2026-W46', 5, 5, 2), week('2026-W49', 2, 1)],
      '2026-W49',
    );
    expect(charts.map((c) => c.measure)).toEqual(['s2-of-s1', 's3-of-s1', 's4-of-s1', 's5']);
    const chart1 = charts[0]!.progress;
    expect(chart1.weeks).toEqual(['2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    expect(chart1.analysis.points.map((p) => p.value)).toEqual([50, null, 100, null, null]);
    expect(chart1.currentValue).toBe(50);
    expect(charts[3]!.progress.analysis.points.map((p) => p.value)).toEqual([
      0,
      null,
      2,
      null,
      null,
    ]);
  });

  it('leave a week with S1 = 0 as a gap in the percentages, never 0%', () => {
    const [chart1] = staffCharts([week('2026-W47', 0, null)], '2026-W49');
    expect(chart1!.progress.analysis.points.map((p) => p.value)).toEqual([null, null]);
  });
});
