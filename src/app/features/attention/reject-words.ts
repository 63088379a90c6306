/**
 * Why the server (or this device) did not accept a record, in her words (SYNC.md §4, §8): the code
 * of the `rejected` result, then each field the server named, with the form's label and the
 * problem. The server's English `message` is never shown: its `details` carry the domain's stable
 * issue keys (domain/records.ts), which are translated here.
 */
import type { StoredRecord } from '../../../domain/envelope';
import type { RecordTable } from '../../../storage/attention';
import type { MessageKey } from '../../i18n/en';
import { t } from '../../i18n/i18n';
import { fieldLabel } from './field-words';

const CODES = [
  'VALIDATION_FAILED',
  'RECORD_TOO_LARGE',
  'FORBIDDEN',
  'UNKNOWN_TABLE',
  'SEND_TIMEOUT',
] as const;

const ISSUES = [
  'required',
  'too-long',
  'too-many',
  'too-small',
  'too-big',
  'whole-number',
  'not-an-option',
  'repeated',
  'p5-above-p4',
  'not-asked-when-p1-zero',
  'not-asked-when-p4-zero',
] as const;

/** The problem of one field in words ("it is too long"). */
export function issueWords(message: string): string {
  return (ISSUES as readonly string[]).includes(message)
    ? t(`issue.${message}` as MessageKey)
    : t('issue.other');
}

/** The reason a record was not accepted, as one or more sentences for her. */
export function rejectReason(
  table: RecordTable,
  syncError: StoredRecord['syncError'] | undefined,
): string {
  const code = syncError?.code ?? '';
  const head = (CODES as readonly string[]).includes(code)
    ? t(`reject.${code}` as MessageKey)
    : t('reject.unknown');
  const details = (syncError?.details ?? [])
    .filter((d) => d.path !== 'id' && d.path !== 'baseVersion')
    .map((d) =>
      t('reject.detail', {
        field: fieldLabel(table, d.path.replace(/^data\./, '')),
        problem: issueWords(d.message),
      }),
    );
  // "Something in it is not right." says nothing more than its details: show only them.
  if (code === 'VALIDATION_FAILED' && details.length > 0) return details.join(' ');
  return [head, ...details].join(' ');
}
