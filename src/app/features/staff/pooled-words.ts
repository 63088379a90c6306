/**
 * The collaborative's charts in her words: titles, values, "k of N providers reporting", "too few to
 * show", the sentence of the analysis, and the CSV of every chart (her language's labels, dates as
 * `YYYY-MM-DD` so spreadsheets read them as dates, no ids).
 */
import type { PooledPoint } from '../../../domain/agency/pool';
import { toCsv } from '../../../domain/csv';
import type { StaffRollupsAnswer } from '../../../domain/staff-read';
import type { MessageKey } from '../../i18n/en';
import { dateFormat, numberFormat, t } from '../../i18n/i18n';
import { oddsOf, shortWeek } from '../progress/chart-words';
import { periodStart, type PooledChart, type PooledWords } from './pooled-chart';

/** "Chart 1: % of TA contacts on observation and recording", "Notes recorded", … */
export function pooledTitle(chart: PooledChart): string {
  const { part, measure } = chart.which;
  if (part === 'staff' && measure === 's2-of-s1') return t('staff.charts.chart1');
  if (part === 'providers' && measure === 'p5-of-p4') return t('staff.charts.chart2');
  return part === 'staff'
    ? t(`staff.measure.${measure}` as MessageKey)
    : t(`progress.measure.${measure}`);
}

/** "44%" or "2.5". */
export function pooledValue(chart: PooledChart, value: number | null): string {
  if (value === null) return t('staff.charts.noReports');
  const n = numberFormat({ maximumFractionDigits: 1 }).format(value);
  return chart.kind === 'percent' ? `${n}%` : n;
}

/** "26 Jan" for a week, "Jan 2026" for a month. */
export function periodLabel(chart: PooledChart, period: string): string {
  if (chart.grain === 'week') return shortWeek(period);
  const [y, m] = period.split('-').map(Number);
  return dateFormat({ month: 'short', year: 'numeric' }).format(new Date(y!, m! - 1, 15));
}

/** "7 of 9 providers reporting (from 2 of 3 agencies)", or "too few to show". */
export function reportingText(chart: PooledChart, p: PooledPoint): string {
  if (!p.shown) return t('staff.charts.tooFew');
  const key =
    chart.which.part === 'staff'
      ? 'staff.charts.staffReporting'
      : 'staff.charts.providersReporting';
  const k = t(key, { k: p.reporting, n: p.of });
  return p.agencies.of > 1
    ? `${k} ${t('staff.charts.fromAgencies', { a: p.agencies.included, b: p.agencies.of })}`
    : k;
}

/** What the analysis says, in one sentence. */
export function pooledSentence(chart: PooledChart): string {
  const o = chart.outcome;
  switch (o.kind) {
    case 'no-data':
    case 'not-enough':
      return t('staff.charts.noMedian');
    case 'no-signal':
      return t('staff.charts.signal.none');
    case 'change': {
      const e = o.evidence!;
      const chance =
        e.chance < 0.001
          ? t('progress.outcome.changeRare')
          : t('progress.outcome.changeChance', { odds: oddsOf(e.chance) });
      return `${t(`staff.charts.change.${o.direction}`)} ${chance}`;
    }
    default:
      return o.evidence
        ? t('staff.charts.maybe', { odds: oddsOf(o.evidence.chance) })
        : t('staff.charts.maybeEarly');
  }
}

/** "Median 44%", or that there is none yet. */
export function pooledMedian(chart: PooledChart): string {
  const median = chart.analysis.phases[0]?.median ?? null;
  return median === null
    ? t('staff.charts.noMedian')
    : t('staff.charts.median', { value: pooledValue(chart, median) });
}

/** An event as the chart labels it: "Learning session: Learning session 1". */
export function eventText(e: StaffRollupsAnswer['events'][number]): string {
  const kind = t(`event.${e.kind}`);
  return e.title.toLowerCase().startsWith(kind.toLowerCase()) ? e.title : `${kind}: ${e.title}`;
}

/** The words a chart draws. */
export function pooledWords(chart: PooledChart): PooledWords {
  return {
    periodLabels: chart.points.map((p) => periodLabel(chart, p.period)),
    reportingLabels: chart.points.map((p) => (p.shown ? String(p.reporting) : '–')),
    reportingRow: t(
      chart.which.part === 'staff'
        ? 'staff.charts.reportingRow.staff'
        : 'staff.charts.reportingRow.providers',
      { n: chart.of },
    ),
    series: pooledTitle(chart),
    median: pooledMedian(chart),
    eventLabel: eventText,
  };
}

/** Every chart's points, and the events, as one CSV in her language. */
export function pooledCsv(charts: readonly PooledChart[], answer: StaffRollupsAnswer): string {
  const col = {
    chart: t('staff.charts.chart'),
    period: t('staff.charts.period'),
    value: t('staff.charts.value'),
    reporting: t('staff.charts.reporting'),
    of: t('staff.charts.of'),
    shown: t('staff.charts.shown'),
  };
  const rows: Record<string, string>[] = [];
  const plain = (v: number) => String(Math.round(v * 10) / 10);
  for (const c of charts)
    for (const p of c.points)
      rows.push({
        [col.chart]: pooledTitle(c),
        [col.period]: periodStart(p.period, c.grain),
        [col.value]: p.shown && p.value !== null ? plain(p.value) : '',
        [col.reporting]: p.shown ? String(p.reporting) : '',
        [col.of]: String(p.of),
        [col.shown]: p.shown
          ? p.value === null
            ? t('staff.charts.noReports')
            : t('attention.yes')
          : t('staff.charts.tooFew'),
      });
  for (const e of answer.events)
    rows.push({
      [col.chart]: t('staff.charts.eventKind'),
      [col.period]: e.date,
      [col.value]: eventText(e),
    });
  return toCsv(Object.values(col), rows);
}
