/**
 * The staff read routes (SYNC.md §17): `GET /api/v1/staff/providers`, `/shared`, `/agencies` and
 * `/rollups`. Each authenticates a staff device's token (a provider's is 403 FORBIDDEN) and answers
 * what staff-reads.ts builds in one transaction of the repository; never cached (`no-store`), gzipped
 * when asked.
 */
import type { Hono } from 'hono';
import { compress } from 'hono/compress';
import { authenticateStaff, type RouteContext } from './context';
import { STAFF_ROUTES, staffAnswer } from './staff-reads';

export function registerStaffRoutes(app: Hono, ctx: RouteContext): void {
  const { repository } = ctx.deps;
  // A collaborative roll-up of 156 weeks is some 300 KB of JSON; a tenth of it gzipped.
  app.use('/api/v1/staff/*', compress({ encoding: 'gzip' }));
  for (const route of STAFF_ROUTES) {
    app.get(`/api/v1/staff/${route}`, async (c) => {
      const viewer = await authenticateStaff(c, repository);
      const params = new URL(c.req.url).searchParams;
      const answer = await staffAnswer(repository, viewer, route, params, ctx.deps.clock.now());
      c.header('Cache-Control', 'no-store');
      return c.json(answer);
    });
  }
}
