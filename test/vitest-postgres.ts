/**
 * vitest's global setup for the `unit` project: when TEST_DATABASE_URL is unset and the run may
 * include the server's storage tests, starts a throwaway PostgreSQL cluster (test/postgres.mjs) and
 * hands its URL to the test files (`inject('testDatabaseUrl')`, src/server/test-backends.ts); stops
 * it at the end. Runs of other folders only (src/domain, src/storage, src/sync, src/app) start
 * nothing. Without PostgreSQL installed it starts nothing: the storage tests then fail, naming the
 * package.
 */
import type { TestProject } from 'vitest/node';
// @ts-expect-error -- a plain .mjs module shared with test/run.mjs and the bench
import { postgresBin, startCluster } from './postgres.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseUrl: string;
  }
}

const VALUE_OPTIONS = new Set([
  '--project',
  '-t',
  '--testNamePattern',
  '--reporter',
  '--config',
  '-c',
  '--root',
  '--dir',
  '--pool',
  '--maxWorkers',
  '--outputFile',
]);

/** The path filters of this vitest command line. */
function filters(): string[] {
  const args = process.argv.slice(2);
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (VALUE_OPTIONS.has(a)) i++;
    else if (!a.startsWith('-') && a !== 'run' && !a.endsWith('vitest.mjs')) out.push(a);
  }
  return out;
}

function needsPostgres(): boolean {
  const f = filters();
  if (!f.length) return true;
  return f.some((p) => !/^(\.\/)?src\/(domain|storage|sync|app)(\/|$)/.test(p));
}

export default function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL || !needsPostgres() || !postgresBin()) {
    project.provide('testDatabaseUrl', '');
    return;
  }
  const cluster = startCluster() as { url: string; stop(): void };
  project.provide('testDatabaseUrl', cluster.url);
  return () => cluster.stop();
}
