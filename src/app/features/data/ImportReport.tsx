import type { JSX } from 'preact';
import type { ImportResult } from '../../../storage/import';
import type { MessageKey } from '../../i18n/en';
import { t, tn } from '../../i18n/i18n';

const REFUSALS: Record<Exclude<ImportResult, { ok: true }>['reason'], MessageKey> = {
  'not-an-export': 'data.import.notAnExport',
  damaged: 'data.import.damaged',
  'newer-format': 'data.import.newerFormat',
  'storage-full': 'data.import.storageFull',
  'storage-error': 'data.import.storageError',
};

/** What an import did (added, updated, skipped), or the plain reason it was refused. */
export function ImportReport({ result }: { result: ImportResult }): JSX.Element {
  if (!result.ok) {
    return (
      <p class="form-alert" role="alert">
        {t(REFUSALS[result.reason])}
      </p>
    );
  }
  const { report } = result;
  return (
    <div class="notice" role="status">
      <p>
        <strong>{t('data.import.done')}</strong>
      </p>
      <ul class="idea-list">
        <li>{tn('data.import.added', report.added)}</li>
        <li>{tn('data.import.updated', report.updated)}</li>
        <li>{tn('data.import.skipped', report.skipped - report.unreadable)}</li>
        {report.unreadable > 0 && <li>{tn('data.import.unreadable', report.unreadable)}</li>}
      </ul>
    </div>
  );
}
