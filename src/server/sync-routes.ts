/**
 * `POST /api/v1/sync/push` (SYNC.md §3) and `POST /api/v1/sync/pull` (§6). A 400 is only for a body
 * whose outer shape is wrong; every problem of one mutation is its own `rejected` result. The body
 * is validated as it arrived (the shared schemas say exactly what is accepted), and answers are
 * checked against the shared response types with `satisfies`.
 */
import type { Context, Hono } from 'hono';
import { stringifyJson } from '../domain/json-bounds';
import {
  LIMITS,
  PullRequestSchema,
  PushRequestSchema,
  type PullResponse,
  type PushResponse,
} from '../domain/sync-messages';
import { readJsonBody, readJsonObject } from './body';
import { authenticate, checkDevice, checkProtocol, shapeError, type RouteContext } from './context';
import { decodeCursor, encodeCursor } from './cursor';
import { HttpError } from './errors';

/** Rows looked at per pull page at most, skipped (echo) rows included. */
const PULL_MAX_SCAN = 5000;

function overBudget(c: Context, waitMs: number): HttpError {
  c.header('Retry-After', String(Math.ceil(waitMs / 1000)));
  return new HttpError(
    429,
    'RATE_LIMITED',
    'This device has sent a lot in a short time; it will try again later.',
    waitMs,
  );
}

/** JSON text as the answer (serialised without recursion: a stored value may nest deep). */
function jsonText(c: Context, text: string) {
  return c.body(text, 200, { 'content-type': 'application/json' });
}

/** Registers the push and pull routes. */
export function registerSyncRoutes(app: Hono, ctx: RouteContext): void {
  const { repository } = ctx.deps;

  app.post('/api/v1/sync/push', async (c) => {
    const auth = await authenticate(c, repository);
    // Counted with the check, atomically, before the body is read: concurrent pushes cannot all
    // slip under the budget.
    const wait = await ctx.pushBudget.request(auth.deviceId);
    if (wait > 0) throw overBudget(c, wait);
    const { body, bytes } = await readJsonBody(c.req.raw, LIMITS.pushBodyBytes, ctx.bodyTimeoutMs);
    checkProtocol(body.protocol);
    const parsed = PushRequestSchema.safeParse(body);
    if (!parsed.success) throw shapeError(parsed.error.issues);
    if (parsed.data.mutations.length > LIMITS.pushMutations) {
      throw new HttpError(
        413,
        'PAYLOAD_TOO_LARGE',
        `At most ${LIMITS.pushMutations} mutations per push.`,
      );
    }
    checkDevice(parsed.data.deviceId, auth);
    const bytesWait = await ctx.pushBudget.bytes(auth.deviceId, bytes);
    if (bytesWait > 0) throw overBudget(c, bytesWait);
    const clock = await ctx.clockFor(auth.scope);
    const outcome = await repository.push(auth.scope, {
      deviceId: auth.deviceId,
      mutations: parsed.data.mutations,
      now: ctx.deps.clock.now(),
      clock,
    });
    const answer = {
      results: outcome.results,
      serverHlc: clock.current(),
      warnings: outcome.warnings,
    } satisfies PushResponse;
    return jsonText(c, stringifyJson(answer));
  });

  app.post('/api/v1/sync/pull', async (c) => {
    const auth = await authenticate(c, repository);
    const body = await readJsonObject(c.req.raw, LIMITS.smallBodyBytes, ctx.bodyTimeoutMs);
    checkProtocol(body.protocol);
    const parsed = PullRequestSchema.safeParse(body);
    if (!parsed.success) throw shapeError(parsed.error.issues);
    checkDevice(parsed.data.deviceId, auth);
    const reset = { reset: true } satisfies PullResponse;
    const secret = await repository.cursorSecret();
    const cursor = parsed.data.cursor;
    // A null cursor starts a full pull; its cursors carry the flag until the last page (SYNC.md
    // §6).
    const position =
      cursor === null ? { seq: 0, full: true } : decodeCursor(secret, auth.scope, cursor);
    if (position === null) return c.json(reset);
    const page = await repository.pull({
      scope: auth.scope,
      deviceId: auth.deviceId,
      afterSeq: position.seq,
      suppressEcho: !position.full,
      limit: parsed.data.limit,
      maxBytes: LIMITS.pullPageBytes,
      maxScan: PULL_MAX_SCAN,
    });
    if (page.reset) return c.json(reset);
    // The presented cursor proves the device applied every page up to it (sqlite-history.ts).
    await repository.notePull(auth.deviceId, position.seq, ctx.deps.clock.now());
    const clock = await ctx.clockFor(auth.scope);
    if (page.highWater) clock.recv(page.highWater);
    const head = {
      cursor: encodeCursor(secret, auth.scope, page.lastSeq, position.full && page.hasMore),
      hasMore: page.hasMore,
      serverHlc: clock.current(),
    } satisfies Omit<Extract<PullResponse, { hasMore: boolean }>, 'changes'>;
    // Rows arrive as stored JSON text: embedded as they are, never parsed and serialised again.
    const text = `{"changes":[${page.rows.join(',')}],${stringifyJson(head).slice(1)}`;
    return jsonText(c, text);
  });
}
