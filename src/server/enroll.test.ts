import { describe, expect, it } from 'vitest';
import {
  StaffEnrollCheckResponseSchema,
  StaffEnrollResponseSchema,
  parseEnrollResponse,
} from '../domain/staff-messages';
import { EnrollCheckResponseSchema, EnrollResponseSchema } from '../domain/sync-messages';
import { CODE_TTL_MS, normalizeCode } from './enrollment-code';
import { backends } from './test-backends';
import { noteCreate, type TestServer } from './test-support';

const BACKENDS = backends();

describe.each(BACKENDS)('on $name', (backend) => {
  const makeServer = backend.server;

  async function withCode() {
    const s = await makeServer();
    const p = await s.createProvider('Sunrise Agency', 'Maria');
    const { code, expiresAt } = await s.admin('enroll-code', '--provider', p.providerId);
    return { s, p, code: code as string, expiresAt: expiresAt as string };
  }

  const enroll = (s: TestServer, code: string) =>
    s.request('/api/v1/devices/enroll', { code, deviceName: 'kitchen tablet' });

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
      expect(res.json).toMatchObject({
        kind: 'provider',
        providerId: p.providerId,
        providerName: 'Maria',
        agencyId: p.agencyId,
        agencyName: 'Sunrise Agency',
      });
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
      for (let i = 0; i < 5; i++)
        answers.push(await enroll(s, `${selector}-${i === 0 ? 'AAAAAA' : `00000${i}`}`));
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

    it('counts each attempt before its code is checked: 30 wrong codes sent at once get 10 answers of 403, the rest 429', async () => {
      const { s } = await withCode();
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) => enroll(s, `ZZZZ-ZZZZ${String(i).padStart(2, '0')}`)),
      );
      const statuses = answers.map((r) => r.status);
      expect(statuses.filter((x) => x === 403)).toHaveLength(10);
      expect(statuses.filter((x) => x === 429)).toHaveLength(20);
    });

    it('checks a code without spending it: names only, the code still enrolls once', async () => {
      const { s, code } = await withCode();
      const check = (c: string) => s.request('/api/v1/devices/enroll/check', { code: c });
      const first = await check(code.toLowerCase().replace('-', ''));
      expect(first.status).toBe(200);
      expect(first.json).toEqual({
        kind: 'provider',
        providerName: 'Maria',
        agencyName: 'Sunrise Agency',
      });
      expect(EnrollCheckResponseSchema.safeParse(first.json).success).toBe(true);
      expect((await check(code)).status).toBe(200);
      expect((await enroll(s, code)).status).toBe(200);
      expect((await check(code)).json.error.code).toBe('ENROLLMENT_CODE_INVALID');
      expect((await check('not a code')).status).toBe(403);
      expect((await s.request('/api/v1/devices/enroll/check', { nope: 1 })).status).toBe(400);
    });

    it('counts a wrong check toward the code’s lock and the per-IP limit shared with enroll', async () => {
      const { s, code } = await withCode();
      const check = (c: string) => s.request('/api/v1/devices/enroll/check', { code: c });
      for (let i = 0; i < 3; i++)
        expect((await check(`${code.slice(0, 4)}-00000${i}`)).status).toBe(403);
      for (let i = 0; i < 2; i++)
        expect((await enroll(s, `${code.slice(0, 4)}-11111${i}`)).status).toBe(403);
      // Five wrong secrets in all: the code is locked for both routes.
      expect((await check(code)).status).toBe(403);
      expect((await enroll(s, code)).status).toBe(403);
      for (let i = 0; i < 3; i++) await check('ZZZZ-ZZZZZZ');
      expect((await check('ZZZZ-ZZZZZZ')).status).toBe(429);
      expect((await enroll(s, 'ZZZZ-ZZZZZZ')).status).toBe(429);
    });

    it('answers 400 for a body without a code or device name', async () => {
      const { s } = await withCode();
      expect((await s.request('/api/v1/devices/enroll', { deviceName: 'x' })).json.error.code).toBe(
        'BAD_REQUEST',
      );
      expect(
        (await s.request('/api/v1/devices/enroll', { code: 'ABCD-EFGHJK', deviceName: '  ' }))
          .status,
      ).toBe(400);
      expect((await s.request('/api/v1/devices/enroll', '[1]')).status).toBe(400);
    });
  });

  describe('staff codes (SYNC.md §13)', () => {
    async function withStaffCode(role: 'coach' | 'manager' | 'collaborative' = 'coach') {
      const s = await makeServer();
      const staff = await s.createStaff(role, 'Sunrise Agency', 'Zoe');
      const { code } = await s.admin('enroll-code', '--staff', staff.staffId);
      return { s, staff, code: code as string };
    }
    const check = (s: TestServer, code: string) =>
      s.request('/api/v1/devices/enroll/check', { code });

    it('enroll a staff device and answer her, her role and agency, with kind "staff"', async () => {
      const { s, staff, code } = await withStaffCode('manager');
      const res = await enroll(s, code);
      expect(res.status).toBe(200);
      expect(StaffEnrollResponseSchema.safeParse(res.json).success).toBe(true);
      expect(parseEnrollResponse(res.json)?.kind).toBe('staff');
      expect(res.json).toEqual({
        kind: 'staff',
        deviceId: expect.any(String),
        deviceToken: expect.any(String),
        staffId: staff.staffId,
        staffName: 'Zoe',
        role: 'manager',
        agencyId: staff.agencyId,
        agencyName: 'Sunrise Agency',
        serverHlc: expect.any(String),
      });
      expect(JSON.stringify(await s.repository.dump())).not.toContain(res.json.deviceToken);
      expect((await enroll(s, code)).json.error.code).toBe('ENROLLMENT_CODE_INVALID');
      // Her token works for pull (her own scopes), and is listed as a staff device.
      const pulled = await s.pull({ deviceId: res.json.deviceId, token: res.json.deviceToken });
      expect(pulled.status).toBe(200);
      const { devices } = await s.admin('list-devices');
      expect(devices).toEqual([expect.objectContaining({ kind: 'staff', staffId: staff.staffId })]);
    });

    it('answer agencyId and agencyName null for the collaborative role', async () => {
      const { s, code } = await withStaffCode('collaborative');
      const checked = await check(s, code);
      expect(checked.json).toEqual({
        kind: 'staff',
        staffName: 'Zoe',
        role: 'collaborative',
        agencyName: null,
      });
      const res = await enroll(s, code);
      expect(res.json).toMatchObject({ kind: 'staff', agencyId: null, agencyName: null });
    });

    it('check a staff code without spending it', async () => {
      const { s, code } = await withStaffCode();
      const first = await check(s, code.toLowerCase());
      expect(first.json).toEqual({
        kind: 'staff',
        staffName: 'Zoe',
        role: 'coach',
        agencyName: 'Sunrise Agency',
      });
      expect(StaffEnrollCheckResponseSchema.safeParse(first.json).success).toBe(true);
      expect((await enroll(s, code)).status).toBe(200);
      expect((await check(s, code)).json.error.code).toBe('ENROLLMENT_CODE_INVALID');
    });

    it('expire after 72 hours and lock after five wrong secrets, as provider codes do', async () => {
      const { s, staff, code } = await withStaffCode();
      const { code: expiring } = await s.admin('enroll-code', '--staff', staff.staffId);
      s.state.now += CODE_TTL_MS;
      const expired = await enroll(s, expiring);
      s.state.now -= CODE_TTL_MS;
      expect([expired.status, expired.json.error.code]).toEqual([403, 'ENROLLMENT_CODE_INVALID']);
      for (let i = 0; i < 3; i++) await check(s, `${code.slice(0, 4)}-00000${i}`);
      for (let i = 0; i < 2; i++) await enroll(s, `${code.slice(0, 4)}-11111${i}`);
      s.state.ip = '198.51.100.7';
      const locked = await enroll(s, code);
      expect([locked.status, locked.json.error.code]).toEqual([403, 'ENROLLMENT_CODE_INVALID']);
    });

    it('share the per-IP limit with provider codes', async () => {
      const { s, staff } = await withStaffCode();
      const p = await s.createProvider('Sunrise Agency', 'Maria');
      for (let i = 0; i < 10; i++) expect((await enroll(s, 'ZZZZ-ZZZZZZ')).status).toBe(403);
      const { code: staffCode } = await s.admin('enroll-code', '--staff', staff.staffId);
      const { code: providerCode } = await s.admin('enroll-code', '--provider', p.providerId);
      expect((await enroll(s, staffCode)).status).toBe(429);
      expect((await check(s, providerCode)).status).toBe(429);
      s.state.ip = '203.0.113.9';
      expect((await enroll(s, staffCode)).status).toBe(200);
    });

    it('re-enrolling a provider’s tablet with a staff code revokes its provider token', async () => {
      const { s, staff, code } = await withStaffCode();
      const p = await s.createProvider('Sunrise Agency', 'Maria');
      const old = await s.enroll(p.providerId);
      const res = await s.request(
        '/api/v1/devices/enroll',
        { code, deviceName: 'tablet' },
        { token: old.token },
      );
      expect(res.json).toMatchObject({ kind: 'staff', staffId: staff.staffId });
      expect((await s.pull(old)).json.error.code).toBe('DEVICE_REVOKED');
    });
  });

  describe('device tokens', () => {
    it('stop working when the device is revoked (403 DEVICE_REVOKED), idempotently', async () => {
      const s = await makeServer();
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
      const s = await makeServer();
      const p = await s.createProvider();
      const d = await s.enroll(p.providerId);
      const other = await s.enroll(p.providerId);
      const body = { protocol: 1, deviceId: d.deviceId, cursor: null };
      const answers = [
        await s.request('/api/v1/sync/pull', body),
        await s.request('/api/v1/sync/pull', body, { token: 'x'.repeat(43) }),
        await s.request('/api/v1/sync/pull', body, {
          headers: { authorization: `Basic ${d.token}` },
        }),
        await s.request(
          '/api/v1/sync/pull',
          { ...body, deviceId: other.deviceId },
          { token: d.token },
        ),
        await s.push(d, [], { deviceId: other.deviceId }),
      ];
      for (const res of answers)
        expect([res.status, res.json.error.code]).toEqual([401, 'UNAUTHENTICATED']);
    });

    it('re-enrolling with another code (another provider’s too) revokes the token the device still carries', async () => {
      const s = await makeServer();
      const p1 = await s.createProvider('Agency A', 'One');
      const p2 = await s.createProvider('Agency B', 'Two');
      const old = await s.enroll(p1.providerId);
      const { code } = await s.admin('enroll-code', '--provider', p2.providerId);
      const res = await s.request(
        '/api/v1/devices/enroll',
        { code, deviceName: 'tablet' },
        { token: old.token },
      );
      expect(res.status).toBe(200);
      expect(res.json.providerName).toBe('Two');
      expect((await s.pull(old)).json.error.code).toBe('DEVICE_REVOKED');
      const fresh = {
        deviceId: res.json.deviceId,
        token: res.json.deviceToken,
        providerId: p2.providerId,
        agencyId: res.json.agencyId,
      };
      expect((await s.pull(fresh)).status).toBe(200);
      // A failed enroll revokes nothing.
      const other = await s.enroll(p1.providerId);
      const bad = await s.request(
        '/api/v1/devices/enroll',
        { code: 'ZZZZ-ZZZZZZ', deviceName: 'tablet' },
        { token: other.token },
      );
      expect(bad.status).toBe(403);
      expect((await s.pull(other)).status).toBe(200);
    });

    it('POST /api/v1/devices/disconnect revokes the caller’s token, idempotently; no token is 401', async () => {
      const s = await makeServer();
      const p = await s.createProvider();
      const d = await s.enroll(p.providerId);
      const keep = await s.enroll(p.providerId);
      const res = await s.request('/api/v1/devices/disconnect', {}, { token: d.token });
      expect([res.status, res.json]).toEqual([200, { revoked: true }]);
      expect((await s.request('/api/v1/devices/disconnect', null, { token: d.token })).status).toBe(
        200,
      );
      expect((await s.push(d, [noteCreate()])).json.error.code).toBe('DEVICE_REVOKED');
      expect((await s.push(keep, [noteCreate()])).status).toBe(200);
      expect((await s.request('/api/v1/devices/disconnect', {})).status).toBe(401);
      expect(
        (await s.request('/api/v1/devices/disconnect', {}, { token: 'x'.repeat(43) })).status,
      ).toBe(401);
    });
  });
});
