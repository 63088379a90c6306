import type { JSX } from 'preact';
import { t } from '../../i18n/i18n';
import { statusWord } from './pdsa-words';
import { pdsaStatus } from '../../../domain/pdsa';
import { useCycleInProgress } from './use-pdsa';

/** For Home: the PDSA cycle in progress with a link to continue it, or a link to start one. */
export function PdsaHomeCard(): JSX.Element {
  const cycle = useCycleInProgress();
  return (
    <section class="card" aria-labelledby="home-pdsa">
      <h2 id="home-pdsa">{t('pdsaHome.title')}</h2>
      {cycle === undefined ? (
        <p class="hint">{t('common.loading')}</p>
      ) : cycle === null ? (
        <>
          <p class="hint">{t('pdsaHome.none')}</p>
          <a href="/pdsa/new">{t('pdsaHome.start')}</a>
        </>
      ) : (
        <p>
          <a href={`/pdsa/${encodeURIComponent(cycle.id)}`}>
            {t('pdsaHome.continue', { idea: cycle.data.changeIdea, n: cycle.data.cycle })}
          </a>{' '}
          <span class="tag">{statusWord(pdsaStatus(cycle.data))}</span>
        </p>
      )}
    </section>
  );
}
