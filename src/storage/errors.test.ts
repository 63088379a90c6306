import { describe, expect, it } from 'vitest';
import { isQuotaError, toStorageFailure } from './errors';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('isQuotaError', () => {
  it('finds a QuotaExceededError itself, in Dexie’s inner, in a cause, or among bulk failures', () => {
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: quota() })).toBe(true);
    expect(
      isQuotaError(new Error('wrapped', { cause: { name: 'AbortError', inner: quota() } })),
    ).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: [new Error('x'), quota()] })).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
  });

  it('is false for other failures', () => {
    expect(isQuotaError(new Error('nope'))).toBe(false);
    expect(isQuotaError(new DOMException('x', 'AbortError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});

describe('toStorageFailure', () => {
  it('maps a full disk to storage-full and anything else to storage-error, keeping the message', () => {
    expect(toStorageFailure({ name: 'AbortError', inner: quota() })).toMatchObject({
      ok: false,
      reason: 'storage-full',
    });
    expect(toStorageFailure(new Error('boom'))).toEqual({
      ok: false,
      reason: 'storage-error',
      message: 'boom',
    });
  });
});
