/**
 * `POST /api/v1/devices/enroll` (SYNC.md §7). Every bad code (malformed, unknown, used, expired,
 * locked, wrong secret) answers the same 403; 10 failures per IP in 15 minutes answer 429 (successes
 * do not count). The token is shown once and stored only as a hash.
 */
import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { EnrollRequestSchema, LIMITS } from '../domain/sync-messages';
import { readJsonObject } from './body';
import { shapeError, type RouteContext } from './context';
import { MAX_WRONG_SECRETS, hashSelector, newDeviceToken, normalizeCode, secretMatches, splitCode } from './enrollment-code';
import { HttpError } from './errors';

export const ENROLL_FAILURES_PER_IP = 10;
export const ENROLL_WINDOW_MS = 15 * 60 * 1000;

const invalidCode = () =>
  new HttpError(403, 'ENROLLMENT_CODE_INVALID', 'This code is not valid. Ask your agency for a new one.');

/** Registers the enrollment route. */
export function registerEnrollRoute(app: Hono, ctx: RouteContext): void {
  app.post('/api/v1/devices/enroll', async (c) => {
    const ip = ctx.ipOf(c);
    const wait = ctx.enrollFailures.retryAfter(ip);
    if (wait > 0) {
      c.header('Retry-After', String(Math.ceil(wait / 1000)));
      throw new HttpError(429, 'RATE_LIMITED', 'Too many wrong codes from this network. Try again later.', wait);
    }
    const body = await readJsonObject(c.req.raw, LIMITS.smallBodyBytes);
    const parsed = EnrollRequestSchema.safeParse(body);
    if (!parsed.success) throw shapeError(parsed.error.issues);
    const canonical = normalizeCode(parsed.data.code);
    if (!canonical) {
      ctx.enrollFailures.fail(ip);
      throw invalidCode();
    }
    const { selector, secret } = splitCode(canonical);
    const deviceId = randomUUID();
    const { token, tokenHash } = newDeviceToken();
    const provider = await ctx.deps.repository.enroll({
      selectorHash: hashSelector(selector),
      secretMatches: (salt, hash) => secretMatches(secret, salt, hash),
      deviceId,
      deviceName: parsed.data.deviceName.trim(),
      tokenHash,
      now: ctx.deps.clock.now(),
      maxWrongSecrets: MAX_WRONG_SECRETS,
    });
    if (!provider) {
      ctx.enrollFailures.fail(ip);
      throw invalidCode();
    }
    ctx.logger.info('device enrolled', { deviceId, providerId: provider.providerId });
    const clock = await ctx.serverClock();
    return c.json({ deviceId, deviceToken: token, ...provider, serverHlc: clock.current() });
  });
}
