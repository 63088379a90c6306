/**
 * `npm run -s admin -- <command> [--flags]` (SYNC.md §10, §16): one JSON line on stdout (`--help`,
 * or no command, prints the commands as text, exit 0, without opening the database); an error is one
 * JSON line `{"error": {code, message}}` on stderr and exit code 2. Opens the same database as the
 * server (open-repository.ts: DATABASE_URL for PostgreSQL, else the SQLite file in DATA_DIR); WAL
 * and the busy timeout make SQLite safe while the server runs, PostgreSQL is made for it.
 */
import { ADMIN_HELP, AdminError, runAdminCommand, wantsHelp } from './admin-commands';
import { openRepository } from './open-repository';
import type { Repository } from './repository';

async function main(): Promise<number> {
  if (wantsHelp(process.argv.slice(2))) {
    process.stdout.write(ADMIN_HELP);
    return 0;
  }
  let repository: Repository | undefined;
  try {
    repository = (await openRepository(process.env)).repository;
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
