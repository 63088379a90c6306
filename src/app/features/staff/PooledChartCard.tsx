import type { JSX } from 'preact';
import { useCallback, useState } from 'preact/hooks';
import { language, t } from '../../i18n/i18n';
import { showToast } from '../../state';
import { RunChart } from '../progress/RunChart';
import { pooledConfig, type PooledChart } from './pooled-chart';
import { savePooledImage } from './pooled-image';
import {
  eventText,
  periodLabel,
  pooledMedian,
  pooledSentence,
  pooledTitle,
  pooledValue,
  pooledWords,
  reportingText,
} from './pooled-words';

/**
 * One pooled chart: the run chart with "k" under every point, its median and sentence, its events,
 * and every point as a row ("7 of 9 providers reporting", "too few to show"); Save as image.
 */
export function PooledChartCard({
  chart,
  subtitle,
}: {
  chart: PooledChart;
  subtitle: string;
}): JSX.Element {
  const lang = language.value;
  const [isTableOpen, setTableOpen] = useState(false);
  const title = pooledTitle(chart);
  const sentence = pooledSentence(chart);
  const makeConfig = useCallback(() => pooledConfig(chart, pooledWords(chart)), [chart, lang]);
  const headingId = `pooled-${chart.id}`;
  const tableId = `pooled-table-${chart.id}`;
  const shown = chart.points.filter((p) => p.shown).length;
  const alt = `${title}. ${pooledMedian(chart)}. ${sentence}`;
  const onSave = async () => {
    try {
      await savePooledImage(chart, subtitle);
    } catch (error) {
      console.error(error);
      showToast('progress.imageFailed');
    }
  };
  return (
    <section
      class="card measure-card pooled-chart"
      aria-labelledby={headingId}
      data-chart={chart.id}
    >
      <h2 id={headingId}>{title}</h2>
      <p class="hint">
        {pooledMedian(chart)} · {shown}/{chart.points.length}
      </p>
      <RunChart makeConfig={makeConfig} label={alt} />
      <p class="outcome">{sentence}</p>
      {chart.events.length > 0 && (
        <div class="chart-cycles">
          <h3>{t('staff.charts.events')}</h3>
          <ul>
            {chart.events.map(({ index, event }) => (
              <li key={event.id}>
                {periodLabel(chart, chart.points[index]!.period)}: {eventText(event)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="chart-actions">
        <button
          type="button"
          class="button"
          aria-expanded={isTableOpen}
          aria-controls={tableId}
          onClick={() => setTableOpen(!isTableOpen)}
        >
          {t(isTableOpen ? 'progress.hideTable' : 'progress.showTable')}
        </button>
        <button type="button" class="button" onClick={() => void onSave()}>
          {t('progress.saveImage')}
        </button>
      </div>
      <div id={tableId}>
        {isTableOpen && (
          <div class="table-scroll" role="region" aria-label={title} tabIndex={0}>
            <table class="progress-table">
              <caption class="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('staff.charts.period')}</th>
                  <th scope="col">{t('staff.charts.value')}</th>
                  <th scope="col">{t('staff.charts.reporting')}</th>
                </tr>
              </thead>
              <tbody>
                {chart.points.map((p) => (
                  <tr key={p.period} class={p.shown ? '' : 'suppressed'}>
                    <th scope="row">{periodLabel(chart, p.period)}</th>
                    <td>{p.shown ? pooledValue(chart, p.value) : t('staff.charts.tooFew')}</td>
                    <td>{reportingText(chart, p)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
