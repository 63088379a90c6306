import type { JSX } from 'preact';
import { t } from '../../i18n/i18n';
import { syncStatus } from '../../state';
import { useConnection } from './use-connection';

/**
 * Settings' card about her agency: the link "Connect to my agency" while not connected; once
 * connected, to whom, and the ways to let go of the device. A device whose access was removed
 * says so and offers the export (the export card is just below) and a new code (SYNC.md §8).
 */
export function ConnectionCard(): JSX.Element | null {
  const info = useConnection();
  if (!info) return null;
  const { connection } = info;
  const state = syncStatus.value?.state;
  const stopped =
    state?.kind === 'stopped' && (state.reason === 'revoked' || state.reason === 'unauthenticated')
      ? state.reason
      : null;
  return (
    <section class="card" aria-labelledby="settings-connection" id="connection">
      <h2 id="settings-connection">{t('connection.title')}</h2>
      {!connection ? (
        <>
          <p>{t('connection.none')}</p>
          <a class="button primary" href="/connect">
            {t('connect.link')}
          </a>
        </>
      ) : stopped ? (
        <>
          <p class="notice" role="status">
            {stopped === 'revoked'
              ? t('connection.stopped', { agency: connection.agencyName ?? '' })
              : t('connection.unauthenticated')}
          </p>
          <div class="data-actions">
            <a class="button primary" href="#data-export">
              {t('data.reminder.go')}
            </a>
            <a class="button" href="/connect">
              {t('connection.reconnect')}
            </a>
          </div>
        </>
      ) : (
        <p>
          {t('connection.connected', {
            agency: connection.agencyName ?? '',
            provider: connection.providerName ?? '',
          })}
        </p>
      )}
    </section>
  );
}
