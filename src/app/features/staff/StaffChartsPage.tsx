import type { JSX } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { Grain } from '../../../domain/agency/periods';
import {
  StaffAgenciesAnswerSchema,
  StaffRollupsAnswerSchema,
  type StaffRollupsAnswer,
} from '../../../domain/staff-read';
import { dateFormat, language, numberFormat, t } from '../../i18n/i18n';
import { showToast } from '../../state';
import { ChipGroup } from '../../ui/ChipGroup';
import { saveFile } from '../../ui/save-file';
import { pooledCharts } from './pooled-chart';
import { pooledCsv } from './pooled-words';
import { PooledChartCard } from './PooledChartCard';
import { StaffReadStatus } from './StaffReadStatus';
import { useStaffRoute } from './use-staff-route';

/** The axis of every chart: the 52 complete weeks before this one (SYNC.md §17's default). */
const WEEKS = 52;

/** Whose data: her own agency (`''`), an agency by id, or the whole collaborative. */
type Group = { kind: 'agency'; agencyId: string | null } | { kind: 'collaborative' };

function routeOf(group: Group, grain: Grain): string {
  const q = new URLSearchParams({ group: group.kind, grain, weeks: String(WEEKS) });
  if (group.kind === 'agency' && group.agencyId) q.set('agency', group.agencyId);
  return `/api/v1/staff/rollups?${q.toString()}`;
}

function groupName(answer: StaffRollupsAnswer): string {
  return answer.group.kind === 'agency' ? answer.group.agencyName : t('staff.charts.collaborative');
}

/** The barriers' Pareto as bars of text: the most named first, with its share of staff weeks. */
function Barriers({ answer }: { answer: StaffRollupsAnswer }): JSX.Element {
  const bars = answer.staff.barriers;
  const percent = numberFormat({ maximumFractionDigits: 0 });
  return (
    <section class="card barriers" aria-labelledby="pooled-barriers">
      <h2 id="pooled-barriers">{t('staff.charts.barriers')}</h2>
      {bars === null ? (
        <p class="notice">{t('staff.charts.barriersHidden')}</p>
      ) : bars.length === 0 ? (
        <p>{t('staff.charts.barriersNone')}</p>
      ) : (
        <ul class="pareto">
          {bars.map((b) => (
            <li key={b.barrier}>
              <span>
                {t('staff.charts.barrierRow', {
                  barrier: t(`barrier.${b.barrier}`),
                  count: b.count,
                  percent: `${percent.format(b.percent)}%`,
                })}
              </span>
              <span class="pareto-bar" style={{ width: `${Math.max(2, b.percent)}%` }} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The collaborative's run charts (SYNC.md §15, §17): Chart 1 (staff), Chart 2 and every provider
 * measure pooled, by week or month, "k of N reporting" under every point, "too few to show" for a
 * suppressed one, the events on them, the barriers' Pareto; the CSV of all and each chart's PNG.
 */
export function StaffChartsPage(): JSX.Element {
  void language.value;
  const [grain, setGrain] = useState<Grain>('week');
  const [groupKey, setGroupKey] = useState('mine');
  // Managers and the collaborative role read the agencies; a coach's answer is 403 and she has one choice.
  const agencies = useStaffRoute('/api/v1/staff/agencies', StaffAgenciesAnswerSchema);
  const list = agencies.read?.answer?.agencies ?? [];
  const options = [
    ...(list.length === 0 ? [{ value: 'mine', label: t('staff.charts.myAgency') }] : []),
    ...list.map((a) => ({ value: `agency:${a.agencyId}`, label: a.name })),
    ...(list.length > 0
      ? [{ value: 'collaborative', label: t('staff.charts.collaborative') }]
      : []),
  ];
  const chosen = options.some((o) => o.value === groupKey) ? groupKey : options[0]!.value;
  const group: Group =
    chosen === 'collaborative'
      ? { kind: 'collaborative' }
      : { kind: 'agency', agencyId: chosen.startsWith('agency:') ? chosen.slice(7) : null };
  const rollups = useStaffRoute(routeOf(group, grain), StaffRollupsAnswerSchema);
  const answer = rollups.read?.answer ?? null;
  const charts = useMemo(() => (answer ? pooledCharts(answer) : []), [answer]);
  const subtitle = answer
    ? `${groupName(answer)} · ${t('staff.asOf', {
        time: dateFormat({ day: 'numeric', month: 'long', year: 'numeric' }).format(
          new Date(rollups.read?.savedAt ?? Date.parse(answer.asOf)),
        ),
      })}`
    : '';
  const onExport = async () => {
    if (!answer) return;
    try {
      const day = new Intl.DateTimeFormat('en-CA').format(new Date());
      const name = `naptime-charts-${answer.grain}-${day}.csv`;
      await saveFile(pooledCsv(charts, answer), name, 'text/csv;charset=utf-8');
    } catch (error) {
      console.error(error);
      showToast('progress.imageFailed');
    }
  };
  return (
    <section class="page progress staff-charts">
      <h1>{t('staff.charts.title')}</h1>
      <p class="hint">{t('staff.charts.intro')}</p>
      {options.length > 1 && (
        <ChipGroup<string>
          legend={t('staff.charts.group')}
          name="pooled-group"
          options={options}
          value={[chosen]}
          onChange={(v) => v[0] && setGroupKey(v[0])}
        />
      )}
      <ChipGroup<Grain>
        legend={t('staff.charts.grain')}
        name="pooled-grain"
        options={[
          { value: 'week', label: t('staff.charts.week') },
          { value: 'month', label: t('staff.charts.month') },
        ]}
        value={[grain]}
        onChange={(v) => v[0] && setGrain(v[0])}
      />
      <StaffReadStatus
        read={rollups.read}
        isLoading={rollups.isLoading}
        onRefresh={rollups.refresh}
      />
      {answer && (
        <>
          <p class="hint">{groupName(answer)}</p>
          <div class="chart-actions">
            <button type="button" class="button" onClick={() => void onExport()}>
              {t('staff.charts.exportCsv')}
            </button>
          </div>
          {charts.map((c) => (
            <PooledChartCard key={`${c.id}-${c.grain}`} chart={c} subtitle={subtitle} />
          ))}
          <Barriers answer={answer} />
        </>
      )}
    </section>
  );
}
