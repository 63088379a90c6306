import type { JSX } from 'preact';
import { language, t } from '../../i18n/i18n';
import { MeasureCard } from './MeasureCard';
import { useProgress } from './use-progress';

/** Progress: her own run charts, one per measure, each read out in a sentence (DESIGN.md 6). */
export function ProgressPage(): JSX.Element {
  const data = useProgress();
  void language.value; // re-render on a language switch
  const isEmpty = data?.charts.every((c) => c.outcome.kind === 'no-data');
  return (
    <section class="page progress">
      <h1>{t('progress.title')}</h1>
      {!data ? (
        <p class="hint">{t('common.loading')}</p>
      ) : isEmpty ? (
        <p class="notice">{t('progress.empty')}</p>
      ) : (
        <>
          <p class="hint">{t('progress.intro')}</p>
          {data.charts.map((p) => (
            <MeasureCard key={p.measure} progress={p} settings={data.settings} />
          ))}
        </>
      )}
    </section>
  );
}
