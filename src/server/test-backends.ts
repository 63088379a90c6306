/**
 * The repository backends every storage test runs on (test/README.md "PostgreSQL"): SQLite
 * `:memory:`, SQLite on a file, and a real PostgreSQL. Each test file that calls `backends()` gets
 * its own PostgreSQL database, made from TEST_DATABASE_URL (or the throwaway cluster vitest's
 * global setup started) and dropped at the end; each server in it gets its own schema, so every
 * test starts from an empty database as on SQLite. Repositories opened here are closed after each
 * test. Without PostgreSQL the file fails with a message naming the package, never skips.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import type { PgOptions } from './pg-db';
import { createPgRepository } from './pg-repository';
import type { Repository } from './repository';
import { BUSY_TIMEOUT_MS } from './sqlite-db';
import { createSqliteRepository } from './sqlite-repository';
import { makeServer } from './test-support';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The throwaway cluster's URL (test/vitest-postgres.ts), or '' when none was started. */
    testDatabaseUrl: string;
  }
}

const MISSING =
  "PostgreSQL is missing: the server's tests run against it as well as SQLite. Install Debian's package:\n" +
  '  apt-get update && apt-get install -y postgresql\n' +
  '(vitest then starts a throwaway cluster), or set TEST_DATABASE_URL (test/README.md).';

/** One database of a backend: every `open()` opens the same data (where the backend can). */
export interface TestDatabase {
  /** `pg` options (a quota) apply on PostgreSQL only. */
  open(pg?: Pick<PgOptions, 'maxDbBytes'>): Promise<Repository>;
  /**
   * Runs one statement (`?` placeholders) on the database from outside the server, as an operator
   * or an older version would (rows no push could write); null for `:memory:`, which only its own
   * connection sees.
   */
  sql: ((statement: string, params?: unknown[]) => Promise<void>) | null;
}

export interface Backend {
  name: 'sqlite :memory:' | 'sqlite file' | 'postgresql';
  /** False for `:memory:`: each open() is a new, empty database. */
  persistent: boolean;
  database(): TestDatabase;
  /** A test server (test-support.ts) on a new database of this backend. */
  server(
    opts?: Omit<Parameters<typeof makeServer>[0] & object, 'repository' | 'file'>,
  ): Promise<ReturnType<typeof makeServer>>;
}

/** The PostgreSQL server tests may create databases on. */
export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL || inject('testDatabaseUrl');
  if (!url) throw new Error(MISSING);
  return url;
}

/** A URL on `database` of the same server as `url`. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

let counter = 0;

/** The backends, with this file's hooks registered (call once, at the top of a test file). */
export function backends(): Backend[] {
  const opened: Repository[] = [];
  let dir = '';
  let pgUrl = '';
  const dbName = `naptime_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'naptime-backends-'));
    const admin = new pg.Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${dbName}`);
    } finally {
      await admin.end();
    }
    pgUrl = withDatabase(testDatabaseUrl(), dbName);
  }, 60_000);
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((r) => r.close().catch(() => undefined)));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (!pgUrl) return;
    const admin = new pg.Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }, 60_000);

  const track = (r: Repository) => {
    opened.push(r);
    return r;
  };
  const list: Omit<Backend, 'server'>[] = [
    {
      name: 'sqlite :memory:',
      persistent: false,
      database: () => ({ open: async () => track(createSqliteRepository(':memory:')), sql: null }),
    },
    {
      name: 'sqlite file',
      persistent: true,
      database: () => {
        const file = join(dir, `db-${++counter}.sqlite`);
        return {
          open: async () => track(createSqliteRepository(file)),
          sql: async (statement, params = []) => {
            const db = new Database(file);
            try {
              db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
              db.prepare(statement).run(...params);
            } finally {
              db.close();
            }
          },
        };
      },
    },
    {
      name: 'postgresql',
      persistent: true,
      database: () => {
        const schema = `s${++counter}`;
        return {
          open: async (options = {}) =>
            track(await createPgRepository(pgUrl, { ...options, schema, poolSize: 4 })),
          sql: async (statement, params = []) => {
            const client = new pg.Client({ connectionString: pgUrl });
            await client.connect();
            try {
              await client.query(`SET search_path = ${schema}`);
              let n = 0;
              await client.query(
                statement.replace(/\?/g, () => `$${++n}`),
                params,
              );
            } finally {
              await client.end();
            }
          },
        };
      },
    },
  ];
  return list.map((b) => ({
    ...b,
    async server(opts = {}) {
      return makeServer({ ...opts, repository: await b.database().open() });
    },
  }));
}
