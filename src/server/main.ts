/**
 * The server process: the only place that reads the environment and opens sockets (src/README.md 7).
 * PORT (8080; 0 = any free port), HOST (0.0.0.0), DATA_DIR (./data), STATIC_DIR (dist/app next to
 * dist/server), CORS_ORIGINS (comma list), TRUST_PROXY (1/true). Once listening it prints exactly one
 * JSON line on stdout, `{"msg":"listening","port":…,"url":…}`; logs go to stderr. SIGTERM and SIGINT
 * close the server, then the database.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { createJsonLogger } from './logger';
import { createSqliteRepository } from './sqlite-repository';

const DB_FILE_NAME = 'naptime.sqlite';

const env = process.env;
const port = env.PORT === undefined || env.PORT === '' ? 8080 : Number(env.PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`${JSON.stringify({ error: { code: 'BAD_CONFIG', message: `PORT must be 0..65535, not "${env.PORT}"` } })}\n`);
  process.exit(2);
}
const host = env.HOST || '0.0.0.0';
const dataDir = resolve(env.DATA_DIR || './data');
const staticDir = env.STATIC_DIR ? resolve(env.STATIC_DIR) : resolve(dirname(fileURLToPath(import.meta.url)), '../app');
const corsOrigins = (env.CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const trustProxy = /^(1|true|yes)$/i.test(env.TRUST_PROXY ?? '');

const logger = createJsonLogger((line) => process.stderr.write(line));
mkdirSync(dataDir, { recursive: true });
const repository = createSqliteRepository(join(dataDir, DB_FILE_NAME));
const app = createApp({ repository, clock: { now: () => Date.now() }, staticDir, corsOrigins, trustProxy, logger });

const server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
  process.stdout.write(`${JSON.stringify({ msg: 'listening', port: info.port, url: `http://localhost:${info.port}` })}\n`);
});
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
