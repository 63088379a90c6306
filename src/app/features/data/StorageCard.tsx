import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { dateFormat, language, t } from '../../i18n/i18n';
import { formatBytes } from './storage-status';
import { useCopyStatus } from './use-copy-status';
import { askForPersistence, canAskForPersistence, type StorageStatus } from './use-storage-status';

interface Props {
  status: StorageStatus | undefined;
  onChanged: () => void;
}

/** "Monday 30 November" for a stored local date-time. */
function copyDay(localDateTime: string): string {
  const [y, m, d] = localDateTime.slice(0, 10).split('-').map(Number);
  return dateFormat({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(y!, m! - 1, d!, 12));
}

/**
 * Whether the browser protects her data, how much space it uses, and the ways out when it does not:
 * ask the browser again, the Home Screen step on iOS, and (until she connects to her agency) the
 * day of her last saved copy.
 */
export function StorageCard({ status, onChanged }: Props): JSX.Element {
  const copy = useCopyStatus();
  const [isRefused, setRefused] = useState(false);
  const askAgain = async () => {
    const granted = await askForPersistence();
    setRefused(granted !== true);
    onChanged();
  };
  return (
    <section class="card" aria-labelledby="data-storage">
      <h2 id="data-storage">{t('data.storage.title')}</h2>
      {status === undefined ? (
        <p class="hint">{t('common.loading')}</p>
      ) : (
        <>
          <p>
            {status.isPersisted === true
              ? t('data.storage.persisted')
              : status.isPersisted === false
                ? t('data.storage.notPersisted')
                : t('data.storage.unknown')}
          </p>
          {status.isPersisted === false && canAskForPersistence() && (
            <button type="button" class="button" onClick={() => void askAgain()}>
              {t('data.storage.askAgain')}
            </button>
          )}
          {isRefused && status.isPersisted !== true && (
            <p class="hint" role="status">
              {t('data.storage.askRefused')}
            </p>
          )}
          {status.needsHomeScreen && <p class="notice">{t('data.storage.homeScreen')}</p>}
          {copy && !copy.isConnected && (
            <p>
              {copy.lastExportAt ? t('data.storage.lastCopy', { date: copyDay(copy.lastExportAt) }) : t('data.storage.noCopyYet')}{' '}
              <span class="hint">{t('data.storage.copyHint')}</span>
            </p>
          )}
          {status.usageBytes !== null && (
            <p class="hint">{t('data.storage.used', { size: formatBytes(status.usageBytes, language.value) })}</p>
          )}
        </>
      )}
    </section>
  );
}
