/**
 * Opening PostgreSQL: a pool on `DATABASE_URL`, 64-bit integers read as numbers (every counter and
 * time here stays far below 2^53), and migrations applied in order at start under an advisory lock,
 * so that two processes starting at once never both migrate. The `meta` values (epoch, cursor key,
 * server node id) are made once, by whichever process gets there first.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { createNodeId } from '../domain/hlc';
import type { Migration } from './migrations';
import { PG_MIGRATIONS } from './pg-migrations';

/** The advisory lock key of the migrations (any constant: it only has to be the same everywhere). */
const MIGRATION_LOCK = 7_140_301;

const INT8_OID = 20;
const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === INT8_OID) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

export interface PgOptions {
  /** A schema to create and use instead of `public` (tests give each server its own). */
  schema?: string;
  /** Connections per process (default 10). */
  poolSize?: number;
  /**
   * A quota on the database (`pg_database_size`, MAX_DB_MB): at or beyond it pushes answer 503
   * STORAGE_FULL and write nothing (pg-repository.ts).
   */
  maxDbBytes?: number;
}

/** True for a `postgres://` or `postgresql://` URL. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** Opens a pool on `url` and migrates the database. */
export async function openPool(
  url: string,
  options: PgOptions = {},
  migrations: readonly Migration[] = PG_MIGRATIONS,
): Promise<pg.Pool> {
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema))
    throw new Error(`Not a plain schema name: ${options.schema}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types,
    allowExitOnIdle: true,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle connection that the server drops (a restart) must not take the process down.
  pool.on('error', () => undefined);
  try {
    if (options.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
    await migrate(pool, migrations);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return pool;
}

/** Applies every migration not yet applied, in order, each in its own transaction. */
export async function migrate(pool: pg.Pool, migrations: readonly Migration[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (id integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)',
      );
      const done = new Set(
        (await client.query<{ id: number }>('SELECT id FROM schema_migrations')).rows.map(
          (r) => r.id,
        ),
      );
      for (const m of [...migrations].sort((a, b) => a.id - b.id)) {
        if (done.has(m.id)) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query(
            'INSERT INTO schema_migrations (id, name, applied_at) VALUES ($1, $2, $3)',
            [m.id, m.name, new Date().toISOString()],
          );
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
      await client.query(
        `INSERT INTO meta (key, value) VALUES ('epoch', $1), ('cursor_key', $2), ('server_node_id', $3)
         ON CONFLICT (key) DO NOTHING`,
        [randomUUID(), randomBytes(32).toString('hex'), createNodeId(randomBytes)],
      );
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** Runs `fn` in one transaction on one connection of the pool. */
export async function inTransaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    try {
      const value = await fn(client);
      await client.query('COMMIT');
      return value;
    } catch (error) {
      // A connection that cannot even roll back is dropped from the pool, never reused.
      await client.query('ROLLBACK').catch(() => (broken = true));
      throw error;
    }
  } finally {
    client.release(broken);
  }
}
