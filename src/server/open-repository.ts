/**
 * Which database the server and the admin command use: PostgreSQL when `DATABASE_URL` is a
 * `postgres://` (or `postgresql://`) URL, several processes may share it; otherwise SQLite in
 * `DATA_DIR` (./data), one process. Any other `DATABASE_URL` is a configuration error, never a
 * silent fall back to SQLite.
 */
import { join, resolve } from 'node:path';
import { isPostgresUrl } from './pg-db';
import { createPgRepository } from './pg-repository';
import type { Repository } from './repository';
import { createSqliteRepository, type SqliteOptions } from './sqlite-repository';

export const DB_FILE_NAME = 'naptime.sqlite';

const MB = 1024 * 1024;
/** SQLite's default page size. */
const SQLITE_PAGE_BYTES = 4096;

/**
 * The database of this environment, opened and migrated; `maxDbMb` (MAX_DB_MB) caps it on either
 * backend: SQLite's max_page_count, PostgreSQL's pg_database_size.
 */
export async function openRepository(
  env: NodeJS.ProcessEnv,
  limits: { maxDbMb?: number } = {},
): Promise<{ repository: Repository; kind: 'postgresql' | 'sqlite' }> {
  const url = env.DATABASE_URL?.trim();
  const maxDbBytes = limits.maxDbMb === undefined ? undefined : limits.maxDbMb * MB;
  if (url) {
    if (!isPostgresUrl(url))
      throw new Error(
        'DATABASE_URL must be a postgres:// or postgresql:// URL (or unset for SQLite).',
      );
    return {
      repository: await createPgRepository(url, maxDbBytes === undefined ? {} : { maxDbBytes }),
      kind: 'postgresql',
    };
  }
  const file = join(resolve(env.DATA_DIR || './data'), DB_FILE_NAME);
  const sqlite: SqliteOptions =
    maxDbBytes === undefined ? {} : { maxPageCount: Math.ceil(maxDbBytes / SQLITE_PAGE_BYTES) };
  return { repository: createSqliteRepository(file, sqlite), kind: 'sqlite' };
}
