/**
 * `createApp(deps)`: the sync endpoint and the built app in one Hono app, without side effects (no
 * environment, no sockets: main.ts does those). Errors have one shape, `{error: {code, message}}`;
 * an unknown `/api/` route is 404 NOT_FOUND; every other GET gets a file of the app or its shell.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import { cors } from 'hono/cors';
import { lazyServerClock, type AppDeps, type RouteContext } from './context';
import { registerEnrollRoute, ENROLL_FAILURES_PER_IP, ENROLL_WINDOW_MS } from './enroll-route';
import { HttpError, errorBody } from './errors';
import { silentLogger } from './logger';
import { createRateLimiter } from './rate-limit';
import { serveStatic } from './static';
import { registerSyncRoutes } from './sync-routes';

export type { AppDeps } from './context';

/** The client's address: the socket's, or the last X-Forwarded-For entry (our proxy's) when trusted. */
export function defaultIpOf(trustProxy: boolean): (c: Context) => string {
  return (c) => {
    if (trustProxy) {
      const forwarded = c.req.header('x-forwarded-for')?.split(',').map((s) => s.trim()).filter(Boolean);
      if (forwarded?.length) return forwarded[forwarded.length - 1]!;
    }
    try {
      return getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      return 'unknown'; // app.request() in tests has no socket
    }
  };
}

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY'));
}

/** Builds the app. */
export function createApp(deps: AppDeps): Hono {
  const logger = deps.logger ?? silentLogger;
  const ctx: RouteContext = {
    deps,
    logger,
    serverClock: lazyServerClock(deps),
    ipOf: deps.ipOf ?? defaultIpOf(deps.trustProxy ?? false),
    enrollFailures: createRateLimiter(ENROLL_FAILURES_PER_IP, ENROLL_WINDOW_MS, () => deps.clock.now()),
  };
  const app = new Hono();
  const allowed = new Set(deps.corsOrigins ?? []);

  app.use('/api/*', async (c, next) => {
    const started = performance.now();
    await next();
    // Method, path and status only: never a header, a token or a body.
    logger.info('request', { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) });
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

  app.get('/api/v1/health', (c) => c.json({ ok: true }));
  registerEnrollRoute(app, ctx);
  registerSyncRoutes(app, ctx);

  app.all('/api/*', (c) => c.json(errorBody('NOT_FOUND', `No route ${c.req.method} ${c.req.path}.`), 404));
  app.get('*', async (c) => {
    const served = deps.staticDir ? await serveStatic(deps.staticDir, c.req.path) : null;
    return served ?? c.json(errorBody('NOT_FOUND', 'The app is not built on this server.'), 404);
  });
  app.notFound((c) => c.json(errorBody('NOT_FOUND', `No route ${c.req.method} ${c.req.path}.`), 404));

  app.onError((err, c) => {
    if (err instanceof HttpError) {
      if (err.retryAfterMs !== undefined) c.header('Retry-After', String(Math.ceil(err.retryAfterMs / 1000)));
      return c.json(errorBody(err.code, err.message, err.retryAfterMs), err.status);
    }
    if (isBusy(err)) {
      c.header('Retry-After', '1');
      return c.json(errorBody('UNAVAILABLE', 'The server is busy; try again.', 1000), 503);
    }
    // The name and code only: a message could one day quote a value from a request.
    logger.error('unexpected error', { path: c.req.path, error: err instanceof Error ? err.name : 'unknown', code: (err as { code?: unknown }).code });
    return c.json(errorBody('INTERNAL', 'The server failed; nothing was half-written. Try again.'), 500);
  });
  return app;
}
