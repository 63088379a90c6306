import type { JSX } from 'preact';
import type { MeasureProgress } from '../../../domain/progress';
import type { Proportion } from '../../../domain/run-chart';
import { weekOf } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { formatValue, measureTitle } from './chart-words';
import { pointMarks, type PointMark } from './run-chart-config';

const MARK_KEYS = {
  shift: 'progress.mark.shift',
  trend: 'progress.mark.trend',
  'long-run': 'progress.mark.longRun',
} as const;

/** " (3 / 5)" after a proportion's percent; nothing for a week without a check-in. */
function fraction(point: unknown): string {
  const p = point as Proportion | null;
  // No-break spaces keep "(3 / 5)" whole; it may go under the percent on a narrow phone.
  return p && typeof p === 'object' && p.denominator != null
    ? ` (${p.numerator ?? '–'}\u00a0/\u00a0${p.denominator})`
    : '';
}

function marksOf(p: MeasureProgress, i: number, marks: PointMark[]): string {
  const words = marks.map((m) => t(MARK_KEYS[m]));
  if (i > 0 && p.phaseStarts.includes(i)) words.push(t('progress.mark.phase'));
  for (const c of p.cycles.filter((c) => c.index === i))
    words.push(t('progress.mark.pdsa', { label: c.label, cycle: c.cycle, idea: c.changeIdea }));
  return words.join('; ');
}

/** Every week of one chart as a real table: week in words, value (with n/d for the proportion), median, marks. */
export function DataTable({ progress: p }: { progress: MeasureProgress }): JSX.Element {
  const isProportion = p.measure === 'p5-of-p4';
  const marks = pointMarks(p);
  const n = p.weeks.length;
  const lastMedian = p.analysis.phases.at(-1)?.median ?? null;
  const rows = p.analysis.points.map((point, i) => ({
    week: p.weeks[i]!,
    value: point.value,
    raw: p.points[i],
    median: point.median,
    marks: marksOf(p, i, marks[i] ?? []),
  }));
  rows.push({
    week: p.current.week,
    value: p.currentValue,
    raw: p.current.point,
    median: lastMedian,
    marks: [t('progress.table.current'), marksOf(p, n, [])].filter(Boolean).join('; '),
  });
  const caption = t('progress.table.caption', { title: measureTitle(p.measure) });
  return (
    <div class="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table class="progress-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('progress.table.week')}</th>
            <th scope="col">
              {t(isProportion ? 'progress.table.fraction' : 'progress.table.value')}
            </th>
            <th scope="col">{t('progress.table.median')}</th>
            <th scope="col">{t('progress.table.marks')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.week}>
              <th scope="row">{weekOf(r.week)}</th>
              <td>
                {formatValue(p.measure, r.value)}
                {isProportion && fraction(r.raw)}
              </td>
              <td>{r.median === null ? '–' : formatValue(p.measure, r.median)}</td>
              <td class="marks">{r.marks}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
