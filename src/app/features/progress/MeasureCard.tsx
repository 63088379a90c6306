import type { JSX } from 'preact';
import { useCallback, useState } from 'preact/hooks';
import type { MeasureProgress, MedianMode } from '../../../domain/progress';
import type { Settings } from '../../../storage/settings';
import { language, t } from '../../i18n/i18n';
import { showToast } from '../../state';
import { ChipGroup } from '../../ui/ChipGroup';
import { ChartLegend } from './ChartLegend';
import {
  chartAlt,
  chartWords,
  cycleSentence,
  formatValue,
  imageLegend,
  measureTitle,
  measureUnit,
  medianText,
  otherCycleSentence,
  outcomeSentence,
  rangeText,
} from './chart-words';
import { GoalField } from './GoalField';
import { DataTable } from './DataTable';
import { RunChart } from './RunChart';
import { toRunChartConfig } from './run-chart-config';
import { chartImage, saveImage } from './save-image';
import { saveMedianMode } from './use-progress';
import { useDb } from '../../db';
import type { MessageKey } from '../../i18n/en';
import { settingProblem } from '../../ui/storage-words';

/** One measure: title, median, the chart with its legend, the sentence, its cycles, and its controls. */
export function MeasureCard({
  progress: p,
  settings,
}: {
  progress: MeasureProgress;
  settings: Settings;
}): JSX.Element {
  const db = useDb();
  const [settingError, setSettingError] = useState<MessageKey | null>(null);
  const chooseMedian = async (mode: MedianMode) =>
    setSettingError(settingProblem(await saveMedianMode(db, settings, p.measure, mode)));
  const [isTableOpen, setTableOpen] = useState(false);
  const lang = language.value; // words and dates follow a language switch
  const title = measureTitle(p.measure);
  const sentence = outcomeSentence(p);
  const makeConfig = useCallback(() => toRunChartConfig(p, chartWords(p)), [p, lang]);
  const headingId = `chart-${p.measure}`;
  const tableId = `table-${p.measure}`;

  const onSaveImage = async () => {
    try {
      const goal = p.goal
        ? ` · ${t('progress.goal.text', { value: formatValue(p.measure, p.goal.value) })}`
        : '';
      const range = `${rangeText(p)} · ${medianText(p)}${goal}`;
      const blob = await chartImage(p, chartWords(p), {
        title,
        range,
        sentence,
        legend: imageLegend(p),
      });
      const date = new Intl.DateTimeFormat('en-CA').format(new Date());
      await saveImage(blob, `naptime-${p.measure}-${date}.png`, title);
    } catch (error) {
      console.error(error);
      showToast('progress.imageFailed');
    }
  };

  return (
    <section class="card measure-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p class="hint">{measureUnit(p.measure)}</p>
      {p.outcome.kind === 'no-data' ? (
        <p class="outcome">{sentence}</p>
      ) : (
        <>
          <p class="hint">
            {rangeText(p)} · {medianText(p)}
            {p.goal &&
              ` · ${t('progress.goal.text', { value: formatValue(p.measure, p.goal.value) })}`}
          </p>
          <RunChart makeConfig={makeConfig} label={chartAlt(p, sentence)} />
          <ChartLegend progress={p} />
          <p class="outcome" data-claim={p.outcome.claim}>
            {sentence}
          </p>
          {p.cycles.length + p.otherCycles.length > 0 && (
            <div class="chart-cycles">
              <h3>{t('progress.cycles')}</h3>
              <ul>
                {p.cycleReadings.map((r) => (
                  <li key={`${r.id}-${r.mark.index}`} class="cycle-reading" data-claim={r.claim}>
                    {cycleSentence(p, r)}
                  </li>
                ))}
                {p.otherCycles.map((m) => (
                  <li key={`${m.id}-${m.index}`} class="cycle-other" style={{ color: '#5b6770' }}>
                    {otherCycleSentence(m)}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <ChipGroup<MedianMode>
            legend={t('progress.medianFrom')}
            name={`median-${p.measure}`}
            options={[
              { value: 'baseline', label: t('progress.medianBaseline') },
              { value: 'all', label: t('progress.medianAll') },
            ]}
            value={[p.medianMode]}
            onChange={(v) => v[0] && void chooseMedian(v[0])}
          />
          {settingError && (
            <p class="form-alert" role="alert">
              {t(settingError)}
            </p>
          )}
          <GoalField
            key={`${p.measure}-${settings.goals[p.measure] ?? ''}`}
            measure={p.measure}
            settings={settings}
          />
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
            <button type="button" class="button" onClick={() => void onSaveImage()}>
              {t('progress.saveImage')}
            </button>
          </div>
          <div id={tableId}>{isTableOpen && <DataTable progress={p} />}</div>
        </>
      )}
    </section>
  );
}
