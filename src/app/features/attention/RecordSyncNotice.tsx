import type { JSX } from 'preact';
import type { RecordTable } from '../../../storage/attention';
import { t } from '../../i18n/i18n';
import { rejectReason } from './reject-words';
import { useRecordState } from './use-attention';

/**
 * At the top of a record's form: why the server did not accept it (fix and save again: the next
 * save sends every field, SYNC.md §4), or that it was changed on two devices, with the way to both
 * versions. Nothing otherwise.
 */
export function RecordSyncNotice({
  table,
  id,
}: {
  table: RecordTable;
  id: string | undefined;
}): JSX.Element | null {
  const found = useRecordState(table, id);
  if (!found?.record) return null;
  const { state, record } = found;
  if (state === 'rejected')
    return (
      <p class="form-alert" role="status">
        {t('attention.rejectedNotice', { reason: rejectReason(table, record.syncError) })}
      </p>
    );
  if (state === 'attention')
    return (
      <p class="notice attention-notice">
        {t('attention.conflictNotice')} <a href="/attention">{t('attention.seeBoth')}</a>
      </p>
    );
  return null;
}
