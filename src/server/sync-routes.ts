/**
 * `POST /api/v1/sync/push` (SYNC.md §3) and `POST /api/v1/sync/pull` (§6). A 400 is only for a body
 * whose outer shape is wrong; every problem of one mutation is its own `rejected` result. The body
 * is validated as it arrived (the shared schemas say exactly what is accepted), and answers are
 * checked against the shared response types with `satisfies`.
 *
 * The scopes come from the token alone (SYNC.md §12): a provider's device pushes and pulls
 * `provider:<id>`; a staff device pushes and pulls `staff:<id>` and pulls its agency's
 * `agency:<id>`, into which a manager's device also pushes. Choice: a staff push is split by scope
 * (`routeStaffMutations`) and each part runs as its own push, in its own transaction, answered in
 * the request's order; a pull reads the scopes one after the other under one cursor that holds a
 * signed cursor per scope (cursor.ts).
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
import { decodeScopesCursor, encodeScopesCursor } from './cursor';
import { HttpError } from './errors';
import type { PushOutcome } from './push';
import type { DeviceAuth, Repository, StaffDeviceAuth } from './repository';
import type { ServerClock } from './server-clock';

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

/** The scopes a device pulls, its own first (SYNC.md §12). */
export function pullScopes(auth: DeviceAuth): string[] {
  return auth.kind === 'staff' && auth.agencyScope !== null
    ? [auth.scope, auth.agencyScope]
    : [auth.scope];
}

/**
 * Which scope each mutation of a staff push goes to, by table: a manager's `events`, and her
 * resolution of a conflict record her agency's scope holds, go to `agency:<id>`; everything else
 * (unknown tables and malformed mutations included, to be rejected there) to her own `staff:<id>`.
 * The same mutation always goes to the same scope, so a retry is a `duplicate` there.
 */
export async function routeStaffMutations(
  repository: Repository,
  auth: StaffDeviceAuth,
  mutations: readonly Record<string, unknown>[],
): Promise<string[]> {
  const agency = auth.role === 'manager' ? auth.agencyScope : null;
  return Promise.all(
    mutations.map(async (m) => {
      if (agency === null) return auth.scope;
      if (m.table === 'events') return agency;
      if (
        m.table === 'conflicts' &&
        typeof m.id === 'string' &&
        (await repository.hasRecord(agency, 'conflicts', m.id))
      )
        return agency;
      return auth.scope;
    }),
  );
}

/** The greatest of several clocks' current values: never below any HLC stored in their scopes. */
function latest(clocks: readonly ServerClock[]): string {
  return clocks.map((c) => c.current()).reduce((a, b) => (b > a ? b : a));
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
    const now = ctx.deps.clock.now();
    const mutations = parsed.data.mutations;
    const targets =
      auth.kind === 'staff'
        ? await routeStaffMutations(repository, auth, mutations)
        : mutations.map(() => auth.scope);
    const role = auth.kind === 'staff' ? auth.role : null;
    const results: PushOutcome['results'] = new Array(mutations.length);
    const warnings: PushOutcome['warnings'] = [];
    const clocks: ServerClock[] = [];
    // Each scope's part in its own push (an empty push still goes to the device's own scope);
    // every mutation keeps its place in the answer.
    for (const scope of mutations.length ? new Set(targets) : [auth.scope]) {
      const clock = await ctx.clockFor(scope);
      clocks.push(clock);
      const indexes = targets.flatMap((t, i) => (t === scope ? [i] : []));
      const outcome = await repository.push(scope, {
        deviceId: auth.deviceId,
        scopeKind: scope === auth.scope ? auth.kind : 'agency',
        role,
        mutations: indexes.map((i) => mutations[i]!),
        now,
        clock,
      });
      indexes.forEach((i, k) => (results[i] = outcome.results[k]!));
      warnings.push(...outcome.warnings);
    }
    const answer = {
      results,
      serverHlc: latest(clocks),
      warnings,
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
    const scopes = pullScopes(auth);
    // A null cursor starts a full pull; its cursors carry the flag until the last page (SYNC.md
    // §6).
    const position =
      cursor === null
        ? { seqs: scopes.map(() => 0), full: true }
        : decodeScopesCursor(secret, scopes, cursor);
    if (position === null) return c.json(reset);
    const seqs = [...position.seqs];
    const rows: string[] = [];
    const clocks: ServerClock[] = [];
    let bytes = 0;
    let hasMore = false;
    // The scopes in order, the next one where the last one ended; one page's limits cover all.
    for (const [i, scope] of scopes.entries()) {
      const room = parsed.data.limit - rows.length;
      const roomBytes = LIMITS.pullPageBytes - bytes;
      const page = await repository.pull({
        scope,
        deviceId: auth.deviceId,
        afterSeq: seqs[i]!,
        suppressEcho: !position.full,
        // A full page only looks whether this scope has rows left (and whether it must reset).
        limit: Math.max(1, room),
        maxBytes: Math.max(1, roomBytes),
        maxScan: PULL_MAX_SCAN,
      });
      if (page.reset) return c.json(reset);
      const clock = await ctx.clockFor(scope);
      if (page.highWater) clock.recv(page.highWater);
      clocks.push(clock);
      if (room <= 0 || roomBytes <= 0) {
        if (page.rows.length || page.hasMore) {
          hasMore = true;
          break;
        }
        continue;
      }
      rows.push(...page.rows);
      for (const r of page.rows) bytes += r.length;
      seqs[i] = page.lastSeq;
      if (page.hasMore) {
        hasMore = true;
        break;
      }
    }
    // The presented cursor proves the device applied every page up to it in its own scope
    // (sqlite-history.ts; a staff device's acknowledgement counts its `staff:<id>` scope).
    await repository.notePull(auth.deviceId, position.seqs[0]!, ctx.deps.clock.now());
    const head = {
      cursor: encodeScopesCursor(secret, scopes, seqs, position.full && hasMore),
      hasMore,
      serverHlc: latest(clocks),
    } satisfies Omit<Extract<PullResponse, { hasMore: boolean }>, 'changes'>;
    // Rows arrive as stored JSON text: embedded as they are, never parsed and serialised again.
    const text = `{"changes":[${rows.join(',')}],${stringifyJson(head).slice(1)}`;
    return jsonText(c, text);
  });
}
