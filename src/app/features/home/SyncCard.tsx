import type { ComponentChildren, JSX } from 'preact';
import { t, tn } from '../../i18n/i18n';
import { Icon } from '../../ui/icons';
import { syncNow } from '../../sync-runtime';
import type { Sentence } from './sync-card';
import { useSyncCard } from './use-sync-card';

/** A sentence in her language. */
export function say(s: Sentence): string {
  return 'plural' in s ? tn(s.plural, s.count, s.params) : t(s.key, s.params);
}

/**
 * Home's card "Saved and sent": what is true about sync right now, and "Sync now". `children` is
 * the place for links about single records (what needs her attention), below the status lines.
 */
export function SyncCard({ children }: { children?: ComponentChildren }): JSX.Element {
  const view = useSyncCard();
  return (
    <section
      class={`card sync-card${view?.tone === 'stopped' ? ' notice-card' : ''}`}
      aria-labelledby="home-sync"
    >
      <h2 id="home-sync">{t('home.syncTitle')}</h2>
      {!view ? (
        <p>{t('common.loading')}</p>
      ) : (
        <>
          <p class="sync-headline" role="status">
            {'key' in view.headline && view.headline.key === 'shell.offline' && (
              <Icon name="cloudOff" size={18} />
            )}{' '}
            {say(view.headline)}
          </p>
          {view.waiting && (
            <p>
              {view.waiting.oldest
                ? tn('sync.waiting', view.waiting.count, { oldest: say(view.waiting.oldest) })
                : tn('sync.waitingNoAge', view.waiting.count)}
            </p>
          )}
          {view.note && <p class="hint">{say(view.note)}</p>}
          {view.warning && <p class="notice">{say(view.warning)}</p>}
          {children}
          <div class="data-actions">
            {view.canSyncNow && (
              <button
                type="button"
                class="button"
                disabled={view.isSyncing}
                aria-busy={view.isSyncing}
                onClick={() => void syncNow()}
              >
                {t('sync.now')}
              </button>
            )}
            {view.offerConnect && <a href="/connect">{t('connect.link')}</a>}
            {view.offerExport && (
              <>
                <a class="button primary" href="/settings#data-export">
                  {t('sync.saveCopy')}
                </a>
                <a class="button" href="/connect">
                  {t('connection.reconnect')}
                </a>
              </>
            )}
          </div>
        </>
      )}
    </section>
  );
}
