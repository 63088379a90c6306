import type { JSX } from 'preact';
import { useCallback } from 'preact/hooks';
import { language, t } from '../../i18n/i18n';
import { chartWords, formatValue, medianText, rangeText } from '../progress/chart-words';
import { RunChart } from '../progress/RunChart';
import { toRunChartConfig } from '../progress/run-chart-config';
import type { StaffChart } from './staff-charts';

/** One of her measures as a run chart (the Progress screen's component), with its median in words. */
export function StaffMeasureCard({ chart }: { chart: StaffChart }): JSX.Element {
  const { measure, progress: p } = chart;
  const lang = language.value; // words and dates follow a language switch
  const title = t(`staff.measure.${measure}`);
  const makeConfig = useCallback(
    () => toRunChartConfig(p, { ...chartWords(p), series: title }),
    [p, lang],
  );
  const last = p.analysis.points.at(-1)?.value ?? null;
  const median = medianText(p);
  const headingId = `staff-chart-${measure}`;
  return (
    <section class="card measure-card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {measure === 's2-of-s1' && <span class="hint">{t('staff.measures.chart1')} · </span>}
        {title}
      </h2>
      <p class="hint">
        {rangeText(p)} · {median}
      </p>
      <RunChart
        makeConfig={makeConfig}
        label={t('staff.measures.alt', { title, range: rangeText(p), median })}
      />
      <p>
        {t('staff.measures.latest', {
          value: last === null ? t('staff.measures.noValue') : formatValue(p.measure, last),
        })}
      </p>
    </section>
  );
}
