/**
 * `POST /api/v1/sync/push` (SYNC.md §3) and `POST /api/v1/sync/pull` (§6). A 400 is only for a body
 * whose outer shape is wrong; every problem of one mutation is its own `rejected` result.
 */
import type { Hono } from 'hono';
import { LIMITS, PullRequestSchema, PushRequestSchema } from '../domain/sync-messages';
import { readJsonObject } from './body';
import { authenticate, checkDevice, checkProtocol, shapeError, type RouteContext } from './context';
import { decodeCursor, encodeCursor } from './cursor';
import { HttpError } from './errors';

/** Rows looked at per pull page at most, skipped (echo) rows included. */
const PULL_MAX_SCAN = 5000;

/** Registers the push and pull routes. */
export function registerSyncRoutes(app: Hono, ctx: RouteContext): void {
  const { repository } = ctx.deps;

  app.post('/api/v1/sync/push', async (c) => {
    const auth = await authenticate(c, repository);
    const body = await readJsonObject(c.req.raw, LIMITS.pushBodyBytes);
    checkProtocol(body.protocol);
    // clientHlc is informational (the server only trusts the HLCs of mutations): never a reason for a 400.
    const parsed = PushRequestSchema.safeParse({ ...body, clientHlc: undefined });
    if (!parsed.success) throw shapeError(parsed.error.issues);
    if (parsed.data.mutations.length > LIMITS.pushMutations) {
      throw new HttpError(413, 'PAYLOAD_TOO_LARGE', `At most ${LIMITS.pushMutations} mutations per push.`);
    }
    checkDevice(parsed.data.deviceId, auth);
    const clock = await ctx.serverClock();
    const outcome = await repository.push(auth.scope, {
      deviceId: auth.deviceId,
      mutations: parsed.data.mutations,
      now: ctx.deps.clock.now(),
      clock,
    });
    return c.json({ results: outcome.results, serverHlc: clock.current(), warnings: outcome.warnings });
  });

  app.post('/api/v1/sync/pull', async (c) => {
    const auth = await authenticate(c, repository);
    const body = await readJsonObject(c.req.raw, LIMITS.smallBodyBytes);
    checkProtocol(body.protocol);
    // A limit of the wrong type falls back to the default: only the fields of §6 decide a 400.
    const parsed = PullRequestSchema.safeParse({ ...body, limit: typeof body.limit === 'number' ? body.limit : undefined });
    if (!parsed.success) throw shapeError(parsed.error.issues);
    checkDevice(parsed.data.deviceId, auth);
    const limit = Math.min(LIMITS.pullMax, Math.max(1, Math.trunc(parsed.data.limit ?? LIMITS.pullDefault)));
    const secret = await repository.cursorSecret();
    const cursor = parsed.data.cursor;
    // A null cursor starts a full pull; its cursors carry the flag until the last page (SYNC.md §6).
    const position = cursor === null ? { seq: 0, full: true } : decodeCursor(secret, auth.scope, cursor);
    if (position === null) return c.json({ reset: true });
    const page = await repository.pull({
      scope: auth.scope,
      deviceId: auth.deviceId,
      afterSeq: position.seq,
      suppressEcho: !position.full,
      limit,
      maxBytes: LIMITS.pullPageBytes,
      maxScan: PULL_MAX_SCAN,
    });
    if (page.reset) return c.json({ reset: true });
    const clock = await ctx.serverClock();
    const text =
      `{"changes":[${page.rows.join(',')}],"cursor":${JSON.stringify(encodeCursor(secret, auth.scope, page.lastSeq, position.full && page.hasMore))},` +
      `"hasMore":${page.hasMore},"serverHlc":${JSON.stringify(clock.current())}}`;
    return c.body(text, 200, { 'content-type': 'application/json' });
  });
}
