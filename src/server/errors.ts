/**
 * The one error shape of the API (src/README.md 7, SYNC.md §8): `{error: {code, message, retryAfterMs?}}`
 * with a stable machine-readable code. Handlers throw `HttpError`; the app's error hook answers it.
 */
import type { ErrorBody, ErrorCode } from '../domain/sync-messages';

/** Codes of the server's own 5xx answers (never part of a 4xx). */
export type ServerErrorCode = 'INTERNAL' | 'UNAVAILABLE';

/** An answer with a status and an error code, thrown from anywhere below a route. */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 408 | 413 | 426 | 429 | 500 | 503,
    readonly code: ErrorCode | ServerErrorCode,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** The JSON body of an error answer. */
export function errorBody(code: string, message: string, retryAfterMs?: number) {
  return {
    error: retryAfterMs === undefined ? { code, message } : { code, message, retryAfterMs },
  } satisfies ErrorBody;
}

export const badRequest = (message: string) => new HttpError(400, 'BAD_REQUEST', message);
export const unauthenticated = (
  message = 'The device token is missing or not valid. Connect this device again.',
) => new HttpError(401, 'UNAUTHENTICATED', message);
