/**
 * Turning IndexedDB and Dexie failures into results (src/README.md 2): a full disk is something she is
 * told plainly about (DESIGN.md 7), never an exception that loses the form.
 */

/** A write that did not commit, and why. */
export type StorageFailure = {
  ok: false;
  reason: 'storage-full' | 'storage-error';
  message: string;
};

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
const QUOTA_CODE = 22;

/** True when a QuotaExceededError appears anywhere in the error's chain (Dexie wraps it in `inner`). */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 8) return false;
  const e = error as {
    name?: unknown;
    code?: unknown;
    inner?: unknown;
    cause?: unknown;
    failures?: unknown;
  };
  if (typeof e.name === 'string' && QUOTA_NAMES.has(e.name)) return true;
  if (error instanceof DOMException && e.code === QUOTA_CODE) return true;
  if (isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1)) return true;
  if (Array.isArray(e.failures)) return e.failures.some((f) => isQuotaError(f, depth + 1));
  return false;
}

/** Maps any thrown value to a storage failure result. */
export function toStorageFailure(error: unknown): StorageFailure {
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, reason: isQuotaError(error) ? 'storage-full' : 'storage-error', message };
}
