import type { JSX } from 'preact';
import { language, t } from '../../i18n/i18n';
import { formatBytes } from './storage-status';
import type { StorageStatus } from './use-storage-status';

/** Whether the browser protects her data, how much space it uses, and the Home Screen request on iOS. */
export function StorageCard({ status }: { status: StorageStatus | undefined }): JSX.Element {
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
          {status.usageBytes !== null && (
            <p class="hint">{t('data.storage.used', { size: formatBytes(status.usageBytes, language.value) })}</p>
          )}
          {status.needsHomeScreen && <p class="notice">{t('data.storage.homeScreen')}</p>}
        </>
      )}
    </section>
  );
}
