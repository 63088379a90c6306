/**
 * Reading a request body with a limit (SYNC.md §8): the raw bytes are capped while they stream in,
 * and a gzip body is inflated with `maxOutputLength`, so that a gzip bomb stops at the limit
 * instead of filling memory. The limit counts the body after decompression.
 *
 * A body that has not arrived in full after 30 s answers 408 REQUEST_TIMEOUT (SYNC.md §8) instead
 * of holding a socket for Node's default 300 s; a body the client stops sending (it hung up) is a
 * 400 BAD_REQUEST, the client's doing and never logged as a server error.
 */
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { LIMITS } from '../domain/sync-messages';
import { HttpError, badRequest } from './errors';

const gunzipAsync = promisify(gunzip);

function tooLarge(limit: number): HttpError {
  return new HttpError(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${limit} bytes.`);
}

/**
 * Thrown when the client stopped sending its body: the request is over, its answer goes nowhere.
 */
export const clientGone = () => badRequest('The request body ended before it was complete.');

async function readCapped(request: Request, limit: number, timeoutMs: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    for (;;) {
      const next = await Promise.race([reader.read().catch(() => 'gone' as const), deadline]);
      if (next === 'timeout') {
        await reader.cancel().catch(() => undefined);
        throw new HttpError(
          408,
          'REQUEST_TIMEOUT',
          `The request body did not arrive within ${timeoutMs / 1000} s.`,
        );
      }
      if (next === 'gone') throw clientGone();
      const { done, value } = next;
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(limit);
      }
      chunks.push(value);
    }
  } finally {
    clearTimeout(timer);
  }
  return Buffer.concat(chunks);
}

/** Reads and decodes a request body as text, at most `limit` bytes after decompression. */
export async function readBodyText(
  request: Request,
  limit: number,
  timeoutMs: number = LIMITS.bodyTimeoutMs,
): Promise<string> {
  const encoding = (request.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== 'gzip' && encoding !== '') {
    throw badRequest('Content-Encoding must be gzip or identity.');
  }
  const raw = await readCapped(request, limit, timeoutMs);
  if (encoding !== 'gzip') return Buffer.from(raw).toString('utf8');
  try {
    const inflated = await gunzipAsync(raw, { maxOutputLength: limit });
    return inflated.toString('utf8');
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError)
      throw tooLarge(limit);
    throw badRequest('The gzip body could not be decompressed.');
  }
}

/** Reads a JSON object body; anything that is not a JSON object is a 400 BAD_REQUEST. */
export async function readJsonObject(
  request: Request,
  limit: number,
  timeoutMs: number = LIMITS.bodyTimeoutMs,
): Promise<Record<string, unknown>> {
  return (await readJsonBody(request, limit, timeoutMs)).body;
}

/** `readJsonObject`, plus the body's size in bytes after decompression (for the push budget). */
export async function readJsonBody(
  request: Request,
  limit: number,
  timeoutMs: number = LIMITS.bodyTimeoutMs,
): Promise<{ body: Record<string, unknown>; bytes: number }> {
  const text = await readBodyText(request, limit, timeoutMs);
  let value: unknown;
  try {
    // JSON.parse defines every key as an own property (a `__proto__` key stays data) and parses any
    // depth without recursion; the depth bound is applied where a mutation is parsed (sync-
    // messages.ts).
    value = JSON.parse(text);
  } catch {
    throw badRequest('The body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw badRequest('The body must be a JSON object.');
  return { body: value as Record<string, unknown>, bytes: Buffer.byteLength(text, 'utf8') };
}
