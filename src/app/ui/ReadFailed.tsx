import type { JSX } from 'preact';
import { t } from '../i18n/i18n';

/** Said in place of "Loading…" when storage could not be read: nothing is lost, and she can retry. */
export function ReadFailed({ onRetry }: { onRetry: () => void }): JSX.Element {
  return (
    <div class="form-alert read-failed" role="alert">
      <p>{t('error.readFailed')}</p>
      <button type="button" class="button" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  );
}
