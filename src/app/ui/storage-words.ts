/**
 * Storage failures in her words (DESIGN.md 7): a full device is told as full, any other failure as
 * "did not work", never the one for the other. Every form and action picks its words here.
 */
import type { StorageFailure } from '../../storage/errors';
import type { MessageKey } from '../i18n/en';

/** The words for a record that was not saved (her text is still on screen). */
export function storageFailureKey(reason: StorageFailure['reason']): MessageKey {
  return reason === 'storage-full' ? 'error.storageFull' : 'error.storageError';
}

/** The words for a draft that could not be kept while she types. */
export function draftFailureKey(reason: StorageFailure['reason']): MessageKey {
  return reason === 'storage-full' ? 'error.draftFull' : 'error.draftError';
}

/** The words for a setting that was not saved (or null when it was). */
export function settingProblem(
  result: { ok: true } | { ok: false; reason: string },
): MessageKey | null {
  return result.ok
    ? null
    : settingFailureKey(result.reason === 'storage-full' ? 'storage-full' : 'storage-error');
}

/** The words for a setting that was not saved. */
export function settingFailureKey(reason: StorageFailure['reason']): MessageKey {
  return reason === 'storage-full' ? 'error.settingFull' : 'error.settingError';
}
