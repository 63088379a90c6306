/**
 * Reading a request body with a limit (SYNC.md §8): the raw bytes are capped while they stream in, and a
 * gzip body is inflated with `maxOutputLength`, so that a gzip bomb stops at the limit instead of
 * filling memory. The limit counts the body after decompression.
 */
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { HttpError, badRequest } from './errors';

const gunzipAsync = promisify(gunzip);

function tooLarge(limit: number): HttpError {
  return new HttpError(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${limit} bytes.`);
}

async function readCapped(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Reads and decodes a request body as text, at most `limit` bytes after decompression. */
export async function readBodyText(request: Request, limit: number): Promise<string> {
  const encoding = (request.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== 'gzip' && encoding !== '') {
    throw badRequest('Content-Encoding must be gzip or identity.');
  }
  const raw = await readCapped(request, limit);
  if (encoding !== 'gzip') return Buffer.from(raw).toString('utf8');
  try {
    const inflated = await gunzipAsync(raw, { maxOutputLength: limit });
    return inflated.toString('utf8');
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) throw tooLarge(limit);
    throw badRequest('The gzip body could not be decompressed.');
  }
}

/** Reads a JSON object body; anything that is not a JSON object is a 400 BAD_REQUEST. */
export async function readJsonObject(request: Request, limit: number): Promise<Record<string, unknown>> {
  const text = await readBodyText(request, limit);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest('The body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badRequest('The body must be a JSON object.');
  return value as Record<string, unknown>;
}
