import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { language, t, tn } from '../../i18n/i18n';
import { MeasureCard } from './MeasureCard';
import { warmUpCharts } from './RunChart';
import { useProgress } from './use-progress';

/** Progress: her own run charts, one per measure, each read out in a sentence (DESIGN.md 6). */
export function ProgressPage(): JSX.Element {
  const data = useProgress();
  useEffect(warmUpCharts, []); // while the rows load
  void language.value; // re-render on a language switch
  // One card more per task: six cards (sentences, dates, controls) in one task froze an old tablet.
  const [shown, setShown] = useState(1);
  const total = data?.charts.length ?? 0;
  useEffect(() => {
    if (shown >= total) return;
    const timer = setTimeout(() => setShown((n) => n + 1), 0);
    return () => clearTimeout(timer);
  }, [shown, total]);
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
          {data.unreadable > 0 && (
            <p class="notice">{tn('progress.unreadable', data.unreadable)}</p>
          )}
          {data.charts.slice(0, shown).map((p) => (
            <MeasureCard key={p.measure} progress={p} settings={data.settings} />
          ))}
        </>
      )}
    </section>
  );
}
