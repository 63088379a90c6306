import { describe, expect, it } from 'vitest';
import { readBodyText, readJsonObject } from './body';
import { HttpError } from './errors';

/** A request whose body sends `first` and then nothing more (or fails, when `fail` is set). */
function stalled(first: string, fail = false): Request {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(first));
      if (fail) setTimeout(() => controller.error(new Error('socket hang up')), 5);
    },
  });
  return new Request('http://x/', { method: 'POST', body, duplex: 'half' } as RequestInit);
}

async function failure(p: Promise<unknown>): Promise<HttpError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof HttpError) return err;
    throw err;
  }
  throw new Error('expected a failure');
}

describe('reading a body', () => {
  it('answers 408 REQUEST_TIMEOUT for a body that stops arriving before the deadline', async () => {
    const err = await failure(readBodyText(stalled('{"protocol":'), 1024, 50));
    expect([err.status, err.code]).toEqual([408, 'REQUEST_TIMEOUT']);
  });

  it('answers 400 BAD_REQUEST (the client’s doing) for a body the client stops sending', async () => {
    const err = await failure(readJsonObject(stalled('{"protocol":', true), 1024, 5000));
    expect([err.status, err.code]).toEqual([400, 'BAD_REQUEST']);
  });

  it('keeps an own __proto__ key of a JSON body', async () => {
    const body = await readJsonObject(
      new Request('http://x/', { method: 'POST', body: '{"__proto__":{"a":1}}' }),
      1024,
    );
    expect(Object.keys(body)).toEqual(['__proto__']);
  });
});
