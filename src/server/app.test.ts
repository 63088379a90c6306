import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../domain/sync-messages';
import { defaultIpOf } from './app';
import { backends } from './test-backends';
import { makeServer, noteCreate, update } from './test-support';

const BACKENDS = backends();

async function setup() {
  const s = makeServer();
  const p = await s.createProvider();
  const d = await s.enroll(p.providerId);
  return { s, d };
}

describe('createApp', () => {
  it('answers GET /api/v1/health with {ok: true}', async () => {
    const s = makeServer();
    const res = await s.app.request('/api/v1/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('answers unknown API routes and methods with 404 NOT_FOUND in the one error shape', async () => {
    const s = makeServer();
    for (const [method, path] of [
      ['GET', '/api/v1/nope'],
      ['POST', '/api/v2/sync/push'],
      ['GET', '/api/v1/sync/push'],
      ['DELETE', '/api/v1/health'],
      ['GET', '/api'],
    ]) {
      const res = await s.app.request(path!, { method });
      expect(res.status).toBe(404);
      const body = (await res.json()) as any;
      expect(ErrorBodySchema.safeParse(body).success).toBe(true);
      expect(body.error.code).toBe('NOT_FOUND');
    }
  });

  it('answers 400 BAD_REQUEST only for bodies whose outer shape is wrong', async () => {
    const { s, d } = await setup();
    const bad = [
      'not json',
      '"a string"',
      '[]',
      'null',
      JSON.stringify({ deviceId: d.deviceId, mutations: [] }),
      JSON.stringify({ protocol: 1, mutations: [] }),
      JSON.stringify({ protocol: 1, deviceId: d.deviceId }),
      JSON.stringify({ protocol: 1, deviceId: d.deviceId, mutations: [1] }),
      JSON.stringify({ protocol: 1, deviceId: d.deviceId, mutations: [{ mutationId: 5 }] }),
    ];
    for (const body of bad) {
      const res = await s.request('/api/v1/sync/push', body, { token: d.token });
      expect([body, res.status, res.json.error?.code]).toEqual([body, 400, 'BAD_REQUEST']);
    }
    const odd = await s.push(d, [noteCreate()], { clientHlc: 42, extra: { future: true } });
    expect(odd.json.results[0].status).toBe('applied');
    for (const cursor of [undefined, 5, {}]) {
      const res = await s.request(
        '/api/v1/sync/pull',
        { protocol: 1, deviceId: d.deviceId, cursor },
        { token: d.token },
      );
      expect(res.status).toBe(400);
    }
  });

  it('answers 426 below the minimum protocol and 400 PROTOCOL_UNSUPPORTED above it', async () => {
    const { s, d } = await setup();
    const old = await s.push(d, [], { protocol: 0 });
    expect([old.status, old.json.error.code]).toEqual([426, 'UPGRADE_REQUIRED']);
    const future = await s.request(
      '/api/v1/sync/pull',
      { protocol: 2, deviceId: d.deviceId, cursor: null, somethingNew: true },
      { token: d.token },
    );
    expect([future.status, future.json.error.code]).toEqual([400, 'PROTOCOL_UNSUPPORTED']);
  });

  it('answers 413 for a push over 1 MiB or 500 mutations, and a pull or enroll body over 64 KiB', async () => {
    const { s, d } = await setup();
    const big = await s.push(d, [noteCreate()], { padding: 'x'.repeat(1024 * 1024) });
    expect([big.status, big.json.error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const many = await s.push(
      d,
      Array.from({ length: 501 }, () => ({ mutationId: 'm' })),
    );
    expect(many.status).toBe(413);
    const ok = await s.push(
      d,
      Array.from({ length: 500 }, () => noteCreate()),
    );
    expect(ok.status).toBe(200);
    const pull = await s.request(
      '/api/v1/sync/pull',
      { protocol: 1, deviceId: d.deviceId, cursor: null, pad: 'x'.repeat(65 * 1024) },
      { token: d.token },
    );
    expect(pull.status).toBe(413);
    const enroll = await s.request('/api/v1/devices/enroll', {
      code: 'ABCD-EFGHJK',
      deviceName: 'x',
      pad: 'x'.repeat(65 * 1024),
    });
    expect(enroll.status).toBe(413);
  });

  it('takes gzip bodies, counts them after decompression, and stops a gzip bomb at the limit', async () => {
    const { s, d } = await setup();
    const m = noteCreate();
    const res = await s.request(
      '/api/v1/sync/push',
      { protocol: 1, deviceId: d.deviceId, mutations: [m] },
      { token: d.token, gzip: true },
    );
    expect(res.json.results[0].status).toBe('applied');

    const bomb = gzipSync(Buffer.alloc(16 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const boom = await s.app.request('/api/v1/sync/push', {
      method: 'POST',
      headers: { authorization: `Bearer ${d.token}`, 'content-encoding': 'gzip' },
      body: bomb,
    });
    expect(boom.status).toBe(413);

    const full = gzipSync(
      JSON.stringify({ protocol: 1, deviceId: d.deviceId, mutations: [noteCreate()] }),
    );
    const truncated = await s.app.request('/api/v1/sync/push', {
      method: 'POST',
      headers: { authorization: `Bearer ${d.token}`, 'content-encoding': 'gzip' },
      body: full.subarray(0, full.length - 10),
    });
    expect([truncated.status, ((await truncated.json()) as any).error.code]).toEqual([
      400,
      'BAD_REQUEST',
    ]);
    const garbage = await s.app.request('/api/v1/sync/pull', {
      method: 'POST',
      headers: { authorization: `Bearer ${d.token}`, 'content-encoding': 'gzip' },
      body: 'not gzip',
    });
    expect(garbage.status).toBe(400);
    const br = await s.app.request('/api/v1/sync/pull', {
      method: 'POST',
      headers: { authorization: `Bearer ${d.token}`, 'content-encoding': 'br' },
      body: '{}',
    });
    expect(br.status).toBe(400);
  });

  it('answers CORS only for listed origins', async () => {
    const s = makeServer();
    const pre = (origin: string) =>
      s.app.request('/api/v1/sync/push', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
    const allowed = await pre('https://allowed.example');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://allowed.example');
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'authorization',
    );
    const denied = await pre('https://evil.example');
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
    const get = await s.app.request('/api/v1/health', {
      headers: { origin: 'https://evil.example' },
    });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe.each(BACKENDS)('tenant isolation on $name', (backend) => {
  it('keeps each provider to her own records, even with the same ids and mutationIds', async () => {
    const s = await backend.server();
    const pa = await s.createProvider('Agency A', 'Ana');
    const pb = await s.createProvider('Agency A', 'Bea');
    expect(pb.agencyId).toBe(pa.agencyId);
    const a = await s.enroll(pa.providerId);
    const b = await s.enroll(pb.providerId);
    const secret = noteCreate({}, { text: 'Ana only' });
    const first = (await s.push(a, [secret])).json.results[0];

    // Bea cannot read it.
    expect((await s.pullAll(b)).rows).toEqual([]);
    // Replaying Ana's mutationId in Bea's scope is a new mutation there, never Ana's stored result.
    const replay = (await s.push(b, [{ ...secret, data: { ...secret.data, text: 'Bea' } }])).json
      .results[0];
    expect(replay.status).toBe('applied');
    expect(replay).not.toHaveProperty('original');
    expect(replay.serverSeq).toBe(1);
    // Bea's update of "the same id" touches only her own record.
    await s.push(b, [update('observations', secret.id, 1, { text: 'changed by Bea' })]);
    const anaRows = (await s.pullAll(a)).rows;
    expect(anaRows).toHaveLength(1);
    expect(anaRows[0]).toMatchObject({ version: first.version, data: { text: 'Ana only' } });
    // Ana's replay still gives her own original.
    expect((await s.push(a, [secret])).json.results[0]).toEqual({
      mutationId: secret.mutationId,
      status: 'duplicate',
      original: first,
    });
    // A provider's devices share her records.
    const a2 = await s.enroll(pa.providerId);
    expect((await s.pullAll(a2)).rows.map((r: any) => r.data.text)).toEqual(['Ana only']);
  });
});

describe('client address', () => {
  it('reads X-Forwarded-For only from a socket of a configured proxy, and then only its last entry', () => {
    const ctx = (socket: string, forwarded?: string) =>
      ({
        req: { header: (name: string) => (name === 'x-forwarded-for' ? forwarded : undefined) },
        socket,
      }) as any;
    const ipOf = defaultIpOf(['127.0.0.1', '::1'], (c) => (c as any).socket);
    expect(ipOf(ctx('203.0.113.7', '10.0.0.1'))).toBe('203.0.113.7');
    expect(ipOf(ctx('127.0.0.1', 'spoofed, 198.51.100.4'))).toBe('198.51.100.4');
    expect(ipOf(ctx('::ffff:127.0.0.1', '198.51.100.5'))).toBe('198.51.100.5');
    expect(ipOf(ctx('127.0.0.1'))).toBe('127.0.0.1');
    expect(defaultIpOf([], (c) => (c as any).socket)(ctx('127.0.0.1', '198.51.100.4'))).toBe(
      '127.0.0.1',
    );
  });

  it('answers 408 for a slow push body and does not log a client that hangs up mid-body as a server error', async () => {
    const errors: string[] = [];
    const logger = { info() {}, warn() {}, error: (msg: string) => errors.push(msg) };
    const s = makeServer({ deps: { bodyTimeoutMs: 50, logger } });
    const p = await s.createProvider();
    const d = await s.enroll(p.providerId);
    const send = (fail: boolean) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"protocol":1,'));
          if (fail) setTimeout(() => controller.error(new Error('aborted')), 5);
        },
      });
      const headers = { authorization: `Bearer ${d.token}`, 'content-type': 'application/json' };
      return s.app.request('/api/v1/sync/push', {
        method: 'POST',
        headers,
        body,
        duplex: 'half',
      } as RequestInit);
    };
    const slow = await send(false);
    expect(slow.status).toBe(408);
    expect(((await slow.json()) as any).error.code).toBe('REQUEST_TIMEOUT');
    expect((await send(true)).status).toBe(400);
    expect(errors).toEqual([]);
  });
});
