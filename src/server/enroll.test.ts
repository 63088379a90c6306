import { describe, expect, it } from 'vitest';
import { EnrollResponseSchema } from '../domain/sync-messages';
import { CODE_TTL_MS, normalizeCode } from './enrollment-code';
import { makeServer, noteCreate } from './test-support';

async function withCode() {
  const s = makeServer();
  const p = await s.createProvider('Sunrise Agency', 'Maria');
  const { code, expiresAt } = await s.admin('enroll-code', '--provider', p.providerId);
  return { s, p, code: code as string, expiresAt: expiresAt as string };
}

const enroll = (s: ReturnType<typeof makeServer>, code: string) => s.request('/api/v1/devices/enroll', { code, deviceName: 'kitchen tablet' });

describe('enrollment codes', () => {
  it('are shown ABCD-EFGHJK and read case- and dash-insensitively, with O as 0 and I, L as 1', () => {
    expect(normalizeCode('abcd-efghjk')).toBe('ABCDEFGHJK');
    expect(normalizeCode('OILo-00i1l1')).toBe('0110001111');
    expect(normalizeCode('ABCD-EFGHJ')).toBeNull();
    expect(normalizeCode('ABCD-EFGHJU')).toBeNull();
  });
});

describe('POST /api/v1/devices/enroll', () => {
  it('enrolls a device once and answers who it belongs to', async () => {
    const { s, p, code, expiresAt } = await withCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(Date.parse(expiresAt) - s.state.now).toBe(CODE_TTL_MS);
    const res = await enroll(s, code.toLowerCase().replace('-', ''));
    expect(res.status).toBe(200);
    expect(EnrollResponseSchema.safeParse(res.json).success).toBe(true);
    expect(res.json).toMatchObject({ providerId: p.providerId, providerName: 'Maria', agencyId: p.agencyId, agencyName: 'Sunrise Agency' });
    expect(Buffer.from(res.json.deviceToken, 'base64url')).toHaveLength(32);
    const dump = await s.repository.dump();
    const stored = JSON.stringify(dump);
    expect(stored).not.toContain(res.json.deviceToken);
    expect(stored).not.toContain(code.replace('-', ''));
    expect(stored).not.toContain(code.slice(5));

    const again = await enroll(s, code);
    expect(again.status).toBe(403);
    expect(again.json.error.code).toBe('ENROLLMENT_CODE_INVALID');
  });

  it('answers the same 403 for unknown, malformed, used, expired and locked codes', async () => {
    const { s, p, code } = await withCode();
    const answers = [];
    answers.push(await enroll(s, 'ZZZZ-ZZZZZZ'));
    answers.push(await enroll(s, 'nope'));
    const { code: expiring } = await s.admin('enroll-code', '--provider', p.providerId);
    s.state.now += CODE_TTL_MS;
    answers.push(await enroll(s, expiring));
    s.state.now -= CODE_TTL_MS;
    // Five wrong secrets for a live selector lock the code; the right secret then fails too.
    const selector = code.slice(0, 4);
    for (let i = 0; i < 5; i++) answers.push(await enroll(s, `${selector}-${i === 0 ? 'AAAAAA' : `00000${i}`}`));
    s.state.ip = '198.51.100.7';
    answers.push(await enroll(s, code));
    const bodies = new Set(answers.map((r) => JSON.stringify([r.status, r.json])));
    expect(bodies.size).toBe(1);
    expect(answers[0]!.status).toBe(403);
  });

  it('still takes the right code after fewer than five wrong secrets', async () => {
    const { s, code } = await withCode();
    for (let i = 0; i < 4; i++) await enroll(s, `${code.slice(0, 4)}-00000${i}`);
    expect((await enroll(s, code)).status).toBe(200);
  });

  it('limits an IP to 10 failures in 15 minutes with 429 and Retry-After; successes do not count', async () => {
    const { s, p, code } = await withCode();
    expect((await enroll(s, code)).status).toBe(200);
    for (let i = 0; i < 10; i++) expect((await enroll(s, 'ZZZZ-ZZZZZZ')).status).toBe(403);
    const { code: good } = await s.admin('enroll-code', '--provider', p.providerId);
    const limited = await enroll(s, good);
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe('RATE_LIMITED');
    expect(limited.json.error.retryAfterMs).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    s.state.ip = '203.0.113.9';
    expect((await enroll(s, good)).status).toBe(200);
    s.state.ip = '192.0.2.1';
    s.state.now += 15 * 60 * 1000 + 1;
    expect((await enroll(s, 'ZZZZ-ZZZZZZ')).status).toBe(403);
  });

  it('answers 400 for a body without a code or device name', async () => {
    const { s } = await withCode();
    expect((await s.request('/api/v1/devices/enroll', { deviceName: 'x' })).json.error.code).toBe('BAD_REQUEST');
    expect((await s.request('/api/v1/devices/enroll', { code: 'ABCD-EFGHJK', deviceName: '  ' })).status).toBe(400);
    expect((await s.request('/api/v1/devices/enroll', '[1]')).status).toBe(400);
  });
});

describe('device tokens', () => {
  it('stop working when the device is revoked (403 DEVICE_REVOKED), idempotently', async () => {
    const s = makeServer();
    const p = await s.createProvider();
    const d = await s.enroll(p.providerId);
    expect((await s.push(d, [noteCreate()])).status).toBe(200);
    expect(await s.admin('revoke-device', '--device', d.deviceId)).toEqual({ revoked: true });
    expect(await s.admin('revoke-device', '--device', d.deviceId)).toEqual({ revoked: true });
    for (const res of [await s.push(d, [noteCreate()]), await s.pull(d)]) {
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe('DEVICE_REVOKED');
    }
  });

  it('answer 401 when missing, unknown, malformed, or used with another deviceId', async () => {
    const s = makeServer();
    const p = await s.createProvider();
    const d = await s.enroll(p.providerId);
    const other = await s.enroll(p.providerId);
    const body = { protocol: 1, deviceId: d.deviceId, cursor: null };
    const answers = [
      await s.request('/api/v1/sync/pull', body),
      await s.request('/api/v1/sync/pull', body, { token: 'x'.repeat(43) }),
      await s.request('/api/v1/sync/pull', body, { headers: { authorization: `Basic ${d.token}` } }),
      await s.request('/api/v1/sync/pull', { ...body, deviceId: other.deviceId }, { token: d.token }),
      await s.push(d, [], { deviceId: other.deviceId }),
    ];
    for (const res of answers) expect([res.status, res.json.error.code]).toEqual([401, 'UNAUTHENTICATED']);
  });
});
