/**
 * Enrollment and disconnection (SYNC.md §7). `enroll` redeems a code; `enroll/check` says whom a
 * code connects to without spending it; `disconnect` revokes the caller's token. Every bad code
 * (malformed, unknown, used, expired, locked, wrong secret) answers the same 403; 10 failed
 * attempts per IP in 15 minutes answer 429, `enroll` and `enroll/check` counted together (successes
 * do not count). Each attempt is counted before the code is checked (rate-limit.ts). The
 * token is shown once and stored only as a hash; an `enroll` that carries the device's current
 * token in `Authorization` revokes that token in the same transaction, so a re-enrolled tablet
 * keeps no live old token (whichever provider the new code is for). A staff member's code answers
 * with her, her role and agency (SYNC.md §13), a provider's with `kind: "provider"`.
 */
import { randomUUID } from 'node:crypto';
import type { Context, Hono } from 'hono';
import {
  EnrollCheckRequestSchema,
  EnrollRequestSchema,
  LIMITS,
  type DisconnectResponse,
  type EnrollCheckResponse,
  type EnrollResponse,
} from '../domain/sync-messages';
import type { StaffEnrollCheckResponse, StaffEnrollResponse } from '../domain/staff-messages';
import { readJsonObject } from './body';
import { shapeError, type RouteContext } from './context';
import {
  MAX_WRONG_SECRETS,
  hashSelector,
  hashToken,
  newDeviceToken,
  normalizeCode,
  secretMatches,
  splitCode,
} from './enrollment-code';
import { HttpError, unauthenticated } from './errors';

export const ENROLL_FAILURES_PER_IP = 10;
export const ENROLL_WINDOW_MS = 15 * 60 * 1000;

const invalidCode = () =>
  new HttpError(
    403,
    'ENROLLMENT_CODE_INVALID',
    'This code is not valid. Ask your agency for a new one.',
  );

/** The bearer token of a request, if it carries one. */
function bearer(c: Context): string | null {
  const match = /^Bearer\s+(\S{1,200})$/i.exec((c.req.header('authorization') ?? '').trim());
  return match ? match[1]! : null;
}

/** Registers the enrollment, code-check and disconnect routes. */
export function registerEnrollRoute(app: Hono, ctx: RouteContext): void {
  const { repository } = ctx.deps;

  /** Counts the attempt now, before the code is checked; 429 when the IP is over its limit. */
  async function startAttempt(c: Context) {
    const attempt = await ctx.enrollFailures.attempt(ctx.ipOf(c));
    if (attempt.retryAfterMs > 0) {
      c.header('Retry-After', String(Math.ceil(attempt.retryAfterMs / 1000)));
      throw new HttpError(
        429,
        'RATE_LIMITED',
        'Too many wrong codes from this network. Try again later.',
        attempt.retryAfterMs,
      );
    }
    return attempt;
  }

  /** The code's selector hash and a secret checker, or a 403 for a code that cannot be one. */
  function codeParts(code: string) {
    const canonical = normalizeCode(code);
    if (!canonical) throw invalidCode();
    const { selector, secret } = splitCode(canonical);
    return {
      selectorHash: hashSelector(selector),
      secretMatches: (salt: string, hash: string) => secretMatches(secret, salt, hash),
      now: ctx.deps.clock.now(),
      maxWrongSecrets: MAX_WRONG_SECRETS,
    };
  }

  app.post('/api/v1/devices/enroll', async (c) => {
    const attempt = await startAttempt(c);
    const body = await readJsonObject(c.req.raw, LIMITS.smallBodyBytes, ctx.bodyTimeoutMs);
    const parsed = EnrollRequestSchema.safeParse(body);
    if (!parsed.success) throw shapeError(parsed.error.issues);
    const deviceId = randomUUID();
    const { token, tokenHash } = newDeviceToken();
    const old = bearer(c);
    const owner = await repository.enroll({
      ...codeParts(parsed.data.code),
      deviceId,
      deviceName: parsed.data.deviceName.trim(),
      tokenHash,
      revokeTokenHash: old ? hashToken(old) : null,
    });
    if (!owner) throw invalidCode();
    await attempt.forgive();
    if (owner.kind === 'staff') {
      ctx.logger.info('device enrolled', {
        deviceId,
        staffId: owner.staffId,
        replacedToken: old !== null,
      });
      const clock = await ctx.clockFor(`staff:${owner.staffId}`, { fresh: true });
      return c.json({
        kind: 'staff',
        deviceId,
        deviceToken: token,
        staffId: owner.staffId,
        staffName: owner.staffName,
        role: owner.role,
        agencyId: owner.agencyId,
        agencyName: owner.agencyName,
        serverHlc: clock.current(),
      } satisfies StaffEnrollResponse);
    }
    ctx.logger.info('device enrolled', {
      deviceId,
      providerId: owner.providerId,
      replacedToken: old !== null,
    });
    const clock = await ctx.clockFor(`provider:${owner.providerId}`, { fresh: true });
    return c.json({
      kind: 'provider',
      deviceId,
      deviceToken: token,
      providerId: owner.providerId,
      providerName: owner.providerName,
      agencyId: owner.agencyId,
      agencyName: owner.agencyName,
      serverHlc: clock.current(),
    } satisfies EnrollResponse & { kind: 'provider' });
  });

  app.post('/api/v1/devices/enroll/check', async (c) => {
    const attempt = await startAttempt(c);
    const body = await readJsonObject(c.req.raw, LIMITS.smallBodyBytes, ctx.bodyTimeoutMs);
    const parsed = EnrollCheckRequestSchema.safeParse(body);
    if (!parsed.success) throw shapeError(parsed.error.issues);
    const owner = await repository.checkCode(codeParts(parsed.data.code));
    if (!owner) throw invalidCode();
    await attempt.forgive();
    if (owner.kind === 'staff')
      return c.json({
        kind: 'staff',
        staffName: owner.staffName,
        role: owner.role,
        agencyName: owner.agencyName,
      } satisfies StaffEnrollCheckResponse);
    return c.json({
      kind: 'provider',
      providerName: owner.providerName,
      agencyName: owner.agencyName,
    } satisfies EnrollCheckResponse & { kind: 'provider' });
  });

  // Choice: no body is needed (the token names the device), and a token already revoked answers
  // 200 as well, so a device that lost the first answer can repeat it.
  app.post('/api/v1/devices/disconnect', async (c) => {
    const token = bearer(c);
    if (!token) throw unauthenticated();
    if (!(await repository.revokeToken(hashToken(token), ctx.deps.clock.now())))
      throw unauthenticated();
    ctx.logger.info('device disconnected itself');
    return c.json({ revoked: true } satisfies DisconnectResponse);
  });
}
