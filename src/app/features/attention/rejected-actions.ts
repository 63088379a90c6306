/**
 * What she can do with a record not accepted that this build cannot read: save a copy, then
 * discard it (storage calls live here, not in components; src/README.md 4). Its own module, so
 * the first screen's `use-attention.ts` does not carry the export code.
 */
import { toCalendarDate } from '../../../domain/dates';
import { discardRejected, type RecordTable } from '../../../storage/attention';
import type { NaptimeDb } from '../../../storage/db';
import { exportRow } from '../../../storage/export';
import type { MessageKey } from '../../i18n/en';
import { saveFile } from '../../ui/save-file';
import { storageFailureKey } from '../../ui/storage-words';

/** Hands her a copy of one record not accepted, as an export file; true once it left the app. */
export async function saveRejectedCopy(
  db: NaptimeDb,
  table: RecordTable,
  id: string,
): Promise<boolean> {
  const file = await exportRow(db, table, id);
  if (!file) return false;
  const name = `naptime-not-accepted-${toCalendarDate(new Date())}.json`;
  return (await saveFile(JSON.stringify(file, null, 2), name, 'application/json')) !== 'cancelled';
}

/** Removes a record not accepted from this device (after her copy); the message key when it did not. */
export async function discardRejectedRecord(
  db: NaptimeDb,
  table: RecordTable,
  id: string,
): Promise<MessageKey | null> {
  const result = await discardRejected(db, table, id);
  if (result.ok) return null;
  return result.reason === 'changed' ? 'attention.alreadyDone' : storageFailureKey(result.reason);
}
