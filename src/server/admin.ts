/**
 * `npm run -s admin -- <command> [--flags]` (SYNC.md §10): one JSON line on stdout; an error is one
 * JSON line `{"error": {code, message}}` on stderr and exit code 2. Opens the same SQLite file as the
 * server (DATA_DIR); WAL and the busy timeout make that safe while the server runs.
 */
import { join, resolve } from 'node:path';
import { AdminError, runAdminCommand } from './admin-commands';
import { createSqliteRepository } from './sqlite-repository';

export const DB_FILE_NAME = 'naptime.sqlite';

async function main(): Promise<number> {
  let repository;
  try {
    repository = createSqliteRepository(
      join(resolve(process.env.DATA_DIR || './data'), DB_FILE_NAME),
    );
    const out = await runAdminCommand(repository, process.argv.slice(2), Date.now());
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return 0;
  } catch (err) {
    const code = err instanceof AdminError ? err.code : 'FAILED';
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`${JSON.stringify({ error: { code, message } })}\n`);
    return 2;
  } finally {
    await repository?.close();
  }
}

process.exitCode = await main();
