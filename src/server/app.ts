/**
 * `createApp(deps)`: the sync endpoint and the built app in one Hono app, without side effects (no
 * environment, no sockets: main.ts does those). Errors have one shape, `{error: {code, message}}`;
 * an unknown `/api/` route is 404 NOT_FOUND; every other GET gets a file of the app or its shell.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import { cors } from 'hono/cors';
import { LIMITS } from '../domain/sync-messages';
import { scopeClocks, type AppDeps, type RouteContext } from './context';
import { registerEnrollRoute, ENROLL_FAILURES_PER_IP, ENROLL_WINDOW_MS } from './enroll-route';
import { HttpError, errorBody } from './errors';
import { silentLogger } from './logger';
import { createPushBudget, createRateLimiter, DEFAULT_PUSH_BUDGET } from './rate-limit';
import { serveStatic } from './static';
import { registerStaffRoutes } from './staff-routes';
import { registerSyncRoutes } from './sync-routes';

export type { AppDeps } from './context';

/** The socket's remote address (app.request() in tests has no socket). */
function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** IPv4 addresses also arrive IPv4-mapped (`::ffff:127.0.0.1`) on a dual-stack socket. */
function plainAddress(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

/**
 * The client's address. Choice (SYNC.md §7): X-Forwarded-For is read only when the socket itself
 * comes from one of our proxies, and then only its last entry (the one our proxy appended): a
 * client that reaches the Node port directly cannot pick its own address. Behind a proxy, also bind
 * HOST to 127.0.0.1 so that nothing but the proxy reaches the port (README).
 */
export function defaultIpOf(
  trustedProxies: readonly string[],
  socketOf: (c: Context) => string = socketAddress,
): (c: Context) => string {
  const trusted = new Set(trustedProxies.map(plainAddress));
  return (c) => {
    const socket = plainAddress(socketOf(c));
    if (trusted.has(socket)) {
      const forwarded = c.req
        .header('x-forwarded-for')
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (forwarded?.length) return plainAddress(forwarded[forwarded.length - 1]!);
    }
    return socket;
  };
}

function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/**
 * What a storage error means for the device: `busy` (try again soon: SQLite's lock, or PostgreSQL
 * restarting, unreachable, or aborting a transaction for a deadlock or serialization), `full` (the
 * disk or the quota; the transaction rolled back), or null (a real server error).
 */
export function storageTrouble(err: unknown): 'busy' | 'full' | null {
  const code = errorCode(err);
  if (code.startsWith('SQLITE_BUSY')) return 'busy';
  if (code === 'SQLITE_FULL' || code === '53100') return 'full';
  if (['40001', '40P01', '55P03', '57P01', '57P02', '57P03', '53300'].includes(code)) return 'busy';
  if (
    code.startsWith('08') ||
    ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT'].includes(code)
  )
    return 'busy';
  if (err instanceof Error && /Connection terminated|connection timeout/i.test(err.message))
    return 'busy';
  return null;
}

/** How long a device waits after a full disk (SYNC.md §8): an operator has to free space first. */
const STORAGE_FULL_RETRY_MS = 5 * 60 * 1000;

/** Builds the app. */
export function createApp(deps: AppDeps): Hono {
  const logger = deps.logger ?? silentLogger;
  const ctx: RouteContext = {
    deps,
    logger,
    clockFor: scopeClocks(deps),
    ipOf: deps.ipOf ?? defaultIpOf(deps.trustedProxies ?? []),
    enrollFailures: createRateLimiter(
      deps.repository,
      'enroll-ip',
      ENROLL_FAILURES_PER_IP,
      ENROLL_WINDOW_MS,
      () => deps.clock.now(),
    ),
    pushBudget: createPushBudget(deps.repository, deps.pushBudget ?? DEFAULT_PUSH_BUDGET, () =>
      deps.clock.now(),
    ),
    bodyTimeoutMs: deps.bodyTimeoutMs ?? LIMITS.bodyTimeoutMs,
  };
  const app = new Hono();
  const allowed = new Set(deps.corsOrigins ?? []);

  app.use('/api/*', async (c, next) => {
    const started = performance.now();
    await next();
    // Method, path and status only: never a header, a token or a body.
    logger.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });
  app.use(
    '/api/*',
    cors({
      origin: (origin) => (allowed.has(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'Content-Encoding'],
      exposeHeaders: ['Retry-After'],
      maxAge: 600,
    }),
  );

  // Pull pages reach 1 MiB of JSON; old tablets on slow links get them gzipped when they accept it.
  app.use('/api/v1/sync/pull', compress({ encoding: 'gzip' }));
  // So do push answers: 500 results are about 80 KB of JSON, 1.6 s at 50 KB/s, a tenth gzipped.
  app.use('/api/v1/sync/push', compress({ encoding: 'gzip' }));

  app.get('/api/v1/health', (c) => c.json({ ok: true }));
  registerEnrollRoute(app, ctx);
  registerSyncRoutes(app, ctx);
  registerStaffRoutes(app, ctx);

  app.all('/api/*', (c) =>
    c.json(errorBody('NOT_FOUND', `No route ${c.req.method} ${c.req.path}.`), 404),
  );
  app.get('*', async (c) => {
    const served = deps.staticDir ? await serveStatic(deps.staticDir, c.req.path) : null;
    return served ?? c.json(errorBody('NOT_FOUND', 'The app is not built on this server.'), 404);
  });
  app.notFound((c) =>
    c.json(errorBody('NOT_FOUND', `No route ${c.req.method} ${c.req.path}.`), 404),
  );

  app.onError((err, c) => {
    if (err instanceof HttpError) {
      if (err.retryAfterMs !== undefined)
        c.header('Retry-After', String(Math.ceil(err.retryAfterMs / 1000)));
      return c.json(errorBody(err.code, err.message, err.retryAfterMs), err.status);
    }
    const trouble = storageTrouble(err);
    if (trouble === 'busy') {
      c.header('Retry-After', '1');
      return c.json(errorBody('UNAVAILABLE', 'The server is busy; try again.', 1000), 503);
    }
    if (trouble === 'full') {
      // The transaction rolled back: nothing of this request was written. Said plainly for the
      // operator.
      logger.error(
        'storage full: the disk or the database size limit is reached; nothing was written',
        { path: c.req.path },
      );
      c.header('Retry-After', String(STORAGE_FULL_RETRY_MS / 1000));
      return c.json(
        errorBody(
          'STORAGE_FULL',
          "The agency's server is out of disk space; nothing was lost. Try later.",
          STORAGE_FULL_RETRY_MS,
        ),
        503,
      );
    }
    // The name and code only: a message could one day quote a value from a request.
    logger.error('unexpected error', {
      path: c.req.path,
      error: err instanceof Error ? err.name : 'unknown',
      code: (err as { code?: unknown }).code,
    });
    return c.json(
      errorBody('INTERNAL', 'The server failed; nothing was half-written. Try again.'),
      500,
    );
  });
  return app;
}
