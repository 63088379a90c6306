/**
 * Her own weekly staff measures as the provider's run charts draw them (DESIGN.md "Agency staff",
 * SYNC.md §15): one point per ISO week from her first week to the last complete one, a week with
 * neither survey nor log missing (a gap, never 0), the current week apart. Percentages are S2/S1,
 * S3/S1, S4/S1 (a week with S1 = 0 is a gap); peer-learning activities are S5. The analysis is the
 * Progress screen's (`measureProgress`), so the same rules, medians and marks apply. Pure.
 */
import {
  STAFF_MEASURE_IDS,
  type StaffMeasureId,
  type StaffWeek,
} from '../../../domain/agency/staff-measures';
import { addWeeks, weeksBetween } from '../../../domain/dates';
import { measureProgress, type MeasureProgress } from '../../../domain/progress';
import type { RunChartPoint } from '../../../domain/run-chart';
import type { MeasureId } from '../../../domain/tables';

/**
 * The provider measure whose axis a staff measure shares: the run-chart configuration picks its
 * y axis by measure id (0–100 % for a proportion, a count from 0 otherwise). No PDSA cycle is
 * passed, so the id marks nothing else.
 */
const SCALE_OF: Record<StaffMeasureId, MeasureId> = {
  's2-of-s1': 'p5-of-p4',
  's3-of-s1': 'p5-of-p4',
  's4-of-s1': 'p5-of-p4',
  s5: 'notes',
};

function pointOf(w: StaffWeek | undefined, measure: StaffMeasureId): RunChartPoint {
  if (!w) return null;
  if (measure === 's5') return w.s5;
  const numerator = w[measure.slice(0, 2) as 's2' | 's3' | 's4'];
  if (w.s1 === null || numerator === null) return null;
  return { numerator, denominator: w.s1 };
}

/** One chart of hers. */
export interface StaffChart {
  measure: StaffMeasureId;
  progress: MeasureProgress;
}

/** Her charts, in the order of `STAFF_MEASURE_IDS`; empty when she has no week yet. */
export function staffCharts(weeks: readonly StaffWeek[], thisWeek: string): StaffChart[] {
  const first = weeks[0]?.week;
  if (!first) return [];
  const byWeek = new Map(weeks.map((w) => [w.week, w]));
  const axis = first < thisWeek ? weeksBetween(first, addWeeks(thisWeek, -1)) : [];
  return STAFF_MEASURE_IDS.map((measure) => ({
    measure,
    progress: measureProgress(
      {
        measure: SCALE_OF[measure],
        weeks: axis,
        points: axis.map((w) => pointOf(byWeek.get(w), measure)),
        current: { week: thisWeek, point: pointOf(byWeek.get(thisWeek), measure) },
      },
      [],
      'ihi',
      'baseline',
    ),
  }));
}
