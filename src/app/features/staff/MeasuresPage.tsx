import type { JSX } from 'preact';
import './staff.css';
import { useMemo } from 'preact/hooks';
import { barrierPareto } from '../../../domain/agency/staff-measures';
import { isoWeekOf, toCalendarDate } from '../../../domain/dates';
import { t } from '../../i18n/i18n';
import { staffProfile } from '../../state';
import { ParetoBars } from './ParetoBars';
import { staffCharts } from './staff-charts';
import { StaffMeasureCard } from './StaffMeasureCard';
import { useStaffWeeks } from './use-staff';

/** Her own weekly measures (unsuppressed: they are hers, SYNC.md §15) and her barriers. */
export function MeasuresPage(): JSX.Element {
  const weeks = useStaffWeeks();
  const thisWeek = isoWeekOf(toCalendarDate(new Date()));
  const charts = useMemo(() => (weeks ? staffCharts(weeks, thisWeek) : []), [weeks, thisWeek]);
  const pareto = useMemo(() => {
    if (!weeks) return null;
    const me = { staffId: staffProfile.value?.staffId ?? 'me', agencyId: '', weeks };
    return barrierPareto(
      [me],
      weeks.map((w) => w.week),
      false,
    );
  }, [weeks]);
  return (
    <section class="page progress staff-measures">
      <h1>{t('staff.measures.title')}</h1>
      <p class="hint">{t('staff.measures.intro')}</p>
      {weeks === undefined ? (
        <p class="hint">{t('common.loading')}</p>
      ) : weeks.length === 0 ? (
        <p class="notice">{t('staff.measures.none')}</p>
      ) : (
        <>
          {charts.map((c) => (
            <StaffMeasureCard key={c.measure} chart={c} />
          ))}
          {pareto && <ParetoBars bars={pareto.bars} staffWeeks={pareto.staffWeeks} />}
        </>
      )}
    </section>
  );
}
