/**
 * The server process: the only place that reads the environment and opens sockets (src/README.md
 * 7). PORT (8080; 0 = any free port), HOST (0.0.0.0), DATA_DIR (./data), STATIC_DIR (dist/app next
 * to dist/server), CORS_ORIGINS (comma list), TRUST_PROXY (the reverse proxy's addresses, comma
 * list; 1/true means loopback: X-Forwarded-For is read only from a socket of one of them; behind a
 * proxy set HOST=127.0.0.1 too), DATABASE_URL (postgres://…: PostgreSQL, shared by every process
 * given the same URL; unset: SQLite in DATA_DIR), PUSH_BUDGET_REQUESTS_PER_MINUTE (600) and PUSH_BUDGET_MB_PER_HOUR
 * (512) per device, MAX_DB_MB (no cap: a quota on the database, SQLite or PostgreSQL; beyond it
 * pushes answer 503 STORAGE_FULL). Once
 * listening it prints exactly one JSON line on stdout, `{"msg":"listening","port":…,"url":…}`; logs
 * go to stderr. SIGTERM and SIGINT close the server, then the database.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { createJsonLogger } from './logger';
import { openRepository } from './open-repository';
import { DEFAULT_PUSH_BUDGET } from './rate-limit';

const env = process.env;
const port = env.PORT === undefined || env.PORT === '' ? 8080 : Number(env.PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(
    `${JSON.stringify({ error: { code: 'BAD_CONFIG', message: `PORT must be 0..65535, not "${env.PORT}"` } })}\n`,
  );
  process.exit(2);
}
const host = env.HOST || '0.0.0.0';
const dataDir = resolve(env.DATA_DIR || './data');
const staticDir = env.STATIC_DIR
  ? resolve(env.STATIC_DIR)
  : resolve(dirname(fileURLToPath(import.meta.url)), '../app');
const corsOrigins = (env.CORS_ORIGINS ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const LOOPBACK = ['127.0.0.1', '::1'];
const trustProxy = (env.TRUST_PROXY ?? '').trim();
const trustedProxies = /^(1|true|yes)$/i.test(trustProxy)
  ? LOOPBACK
  : trustProxy
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);

/** A positive number from the environment, or the default (a bad value is a startup error). */
function positive(name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) {
    process.stderr.write(
      `${JSON.stringify({ error: { code: 'BAD_CONFIG', message: `${name} must be a positive number, not "${raw}"` } })}\n`,
    );
    process.exit(2);
  }
  return n;
}
const MB = 1024 * 1024;
const pushBudget = {
  requestsPerMinute: positive(
    'PUSH_BUDGET_REQUESTS_PER_MINUTE',
    DEFAULT_PUSH_BUDGET.requestsPerMinute,
  ),
  bytesPerHour: positive('PUSH_BUDGET_MB_PER_HOUR', DEFAULT_PUSH_BUDGET.bytesPerHour / MB) * MB,
};
const maxDbMb = positive('MAX_DB_MB', Number.POSITIVE_INFINITY);

const logger = createJsonLogger((line) => process.stderr.write(line));
if (!env.DATABASE_URL) mkdirSync(dataDir, { recursive: true });
let opened;
try {
  opened = await openRepository(env, Number.isFinite(maxDbMb) ? { maxDbMb } : {});
} catch (err) {
  // The message only: a connection error could quote the URL, password included.
  process.stderr.write(
    `${JSON.stringify({ error: { code: 'DATABASE_UNAVAILABLE', message: err instanceof Error ? err.message.replace(/postgres(ql)?:\/\/\S*/gi, '<DATABASE_URL>') : String(err) } })}\n`,
  );
  process.exit(2);
}
const repository = opened.repository;
logger.info('database', { kind: opened.kind });
const app = createApp({
  repository,
  clock: { now: () => Date.now() },
  staticDir,
  corsOrigins,
  trustedProxies,
  pushBudget,
  logger,
});

const server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
  process.stdout.write(
    `${JSON.stringify({ msg: 'listening', port: info.port, url: `http://localhost:${info.port}` })}\n`,
  );
});
// A backstop behind the 30 s body deadline of body.ts (SYNC.md §8): Node's own default is 300 s.
const httpServer = server as unknown as { requestTimeout: number; headersTimeout: number };
httpServer.requestTimeout = 40_000;
httpServer.headersTimeout = 20_000;
server.on('error', (err) => {
  logger.error('server error', { error: err.message });
  process.exit(1);
});

let closing = false;
function shutdown(signal: string): void {
  if (closing) return;
  closing = true;
  logger.info('shutting down', { signal });
  const force = setTimeout(() => process.exit(0), 5000);
  force.unref();
  server.close(() => {
    void repository.close().then(() => process.exit(0));
  });
  // Idle keep-alive connections would hold close() open.
  (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
