import type { JSX } from 'preact';
import { useCallback, useMemo } from 'preact/hooks';
import {
  sharedCycleInputs,
  sharedWeeklyMeasures,
  weeksSinceLastCheckin,
} from '../../../domain/agency/coach-view';
import type { SharedProvider } from '../../../domain/agency/consent';
import { progressOf, type MeasureProgress } from '../../../domain/progress';
import type { RuleSet } from '../../../domain/run-chart';
import { MEASURE_IDS } from '../../../domain/tables';
import { dayInWords } from '../../i18n/format';
import { language, t, tn } from '../../i18n/i18n';
import {
  chartAlt,
  chartWords,
  cycleSentence,
  measureTitle,
  medianText,
  outcomeSentence,
  rangeText,
} from '../progress/chart-words';
import { RunChart } from '../progress/RunChart';
import { toRunChartConfig } from '../progress/run-chart-config';
import { SharedCycles } from '../sharing/SharedCycles';

/** Her medians from her baseline weeks, as her own charts start. */
const BASELINE_MEDIANS = Object.fromEntries(
  MEASURE_IDS.map((m) => [m, 'baseline' as const]),
) as Record<(typeof MEASURE_IDS)[number], 'baseline'>;

/** One of her charts, small: the same analysis and sentences as her own Progress screen. */
function SmallChart({
  progress: p,
  owner,
}: {
  progress: MeasureProgress;
  owner: string;
}): JSX.Element {
  const lang = language.value;
  const sentence = outcomeSentence(p);
  const makeConfig = useCallback(() => toRunChartConfig(p, chartWords(p)), [p, lang]);
  const headingId = `chart-${owner}-${p.measure}`;
  return (
    <section class="small-chart" aria-labelledby={headingId}>
      <h3 id={headingId}>{measureTitle(p.measure)}</h3>
      {p.outcome.kind === 'no-data' ? (
        <p class="outcome">{sentence}</p>
      ) : (
        <>
          <p class="hint">
            {rangeText(p)} · {medianText(p)}
          </p>
          <RunChart makeConfig={makeConfig} label={chartAlt(p, sentence)} />
          <p class="outcome" data-claim={p.outcome.claim}>
            {sentence}
          </p>
          {p.cycleReadings.length > 0 && (
            <ul class="chart-cycles">
              {p.cycleReadings.map((r) => (
                <li key={`${r.id}-${r.mark.index}`} class="cycle-reading" data-claim={r.claim}>
                  {cycleSentence(p, r)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function lastCheckin(view: SharedProvider, today: Date): string {
  const weeks = weeksSinceLastCheckin(view, today);
  if (weeks === null) return t('staff.lastCheckin.none');
  if (weeks === 0) return t('staff.lastCheckin.now');
  return tn('staff.lastCheckin.ago', weeks);
}

/**
 * One provider who shares, as her coach sees her (SYNC.md §13–§14): her charts rebuilt from her
 * shared numbers (`sharedWeeklyMeasures`, `sharedCycleInputs`) and read by `progressOf`, so each says
 * what hers does; her cycles when she shares them; when she started and her last check-in.
 */
export function SharedProviderCard({
  providerId,
  name,
  view,
  rules,
  today,
}: {
  providerId: string;
  name: string;
  view: SharedProvider;
  rules: RuleSet;
  today: Date;
}): JSX.Element {
  const charts = useMemo(
    () =>
      progressOf(sharedWeeklyMeasures(view, today), sharedCycleInputs(view), {
        rules,
        medianMode: BASELINE_MEDIANS,
        goals: {},
      }),
    [view, rules, today],
  );
  const headingId = `provider-${providerId}`;
  return (
    <section class="card shared-provider" aria-labelledby={headingId}>
      <h2 id={headingId}>{name}</h2>
      <p class="hint">
        {t(`staff.level.${view.level}`)}
        {view.firstUseAt &&
          ` · ${t('staff.since', { date: dayInWords(view.firstUseAt.slice(0, 10)) })}`}
      </p>
      <p class="last-checkin">{lastCheckin(view, today)}</p>
      <p class="hint">{t('staff.providers.herWords', { name })}</p>
      {charts.map((p) => (
        <SmallChart key={p.measure} progress={p} owner={providerId} />
      ))}
      {view.level === 'numbers-and-pdsa' && (
        <>
          <h3>{t('sharing.cycles')}</h3>
          <SharedCycles cycles={view.cycles} />
        </>
      )}
    </section>
  );
}
