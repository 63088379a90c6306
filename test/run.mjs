#!/usr/bin/env node
// `npm test`: every gate CI runs, in order, stopping at the first that fails (test/README.md).
// Stages: typecheck, lint (ESLint, the layer rules included), format (Prettier --check), unit,
// unit again in America/Chicago (CI runs in UTC, which hides week bugs), production build, browser
// tests. Each vitest stage also writes a JSON report; the last line printed
// is `N passed, M failed` over all stages, which CI reads. A stage that fails without a failing test
// (typecheck, build, a test file that does not load) counts as one failure, so that line never reads
// "0 failed" for a red run. The server's storage tests run on PostgreSQL as well as SQLite: without
// TEST_DATABASE_URL, a throwaway cluster of Debian's `postgresql` package is started for the run
// (test/postgres.mjs; as the `postgres` user when run as root) and stopped at the end; without the
// package the unit stage fails, naming it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { MISSING_POSTGRES, postgresBin, startCluster } from './postgres.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CHROMIUM = '/usr/bin/chromium';
const reportDir = mkdtempSync(join(tmpdir(), 'naptime-test-'));
const node = process.execPath;
const vitest = join(root, 'node_modules/vitest/vitest.mjs');

/** One vitest stage: the command line with a JSON report written to its own file. */
function vitestStage(name, args, env = {}) {
  const report = join(reportDir, `${name.replace(/\W+/g, '-')}.json`);
  return {
    name,
    report,
    env,
    cmd: [
      node,
      vitest,
      'run',
      ...args,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
  };
}

const stages = [
  { name: 'typecheck', cmd: [node, join(root, 'node_modules/typescript/bin/tsc'), '-b'] },
  {
    name: 'lint',
    cmd: [
      node,
      join(root, 'node_modules/eslint/bin/eslint.js'),
      '--cache',
      '--cache-location',
      'node_modules/.cache/eslint/',
      '.',
    ],
  },
  {
    name: 'format',
    cmd: [node, join(root, 'node_modules/prettier/bin/prettier.cjs'), '--cache', '--check', '.'],
  },
  {
    ...vitestStage('unit', ['--project', 'unit']),
    precondition() {
      if (process.env.TEST_DATABASE_URL) return null;
      if (!postgresBin()) return MISSING_POSTGRES;
      const t0 = Date.now();
      cluster = startCluster();
      process.env.TEST_DATABASE_URL = cluster.url;
      console.log(
        `  started a throwaway PostgreSQL in ${cluster.dir} (${seconds(Date.now() - t0)})`,
      );
      return null;
    },
  },
  vitestStage('unit (TZ=America/Chicago, src/domain)', ['--project', 'unit', 'src/domain/'], {
    TZ: 'America/Chicago',
  }),
  { name: 'build', cmd: [node, join(root, 'src/server/bin/build.mjs'), '--force'] },
  {
    ...vitestStage('e2e', ['--project', 'e2e']),
    precondition() {
      if (existsSync(CHROMIUM)) return null;
      return (
        `${CHROMIUM} is missing: the browser tests need Debian's Chromium. Install it with\n` +
        `  apt-get update && apt-get install -y chromium fonts-noto-core\n(never \`npx playwright install\`; see test/README.md).`
      );
    },
  },
];

let passed = 0;
let failed = 0;
/** The throwaway PostgreSQL this run started, if any. */
let cluster = null;
process.on('exit', () => cluster?.stop());

/** Reads a vitest JSON report; null when the run died before writing it. */
function readReport(path) {
  if (!path || !existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

let exitCode = 0;
const started = Date.now();
for (const stage of stages) {
  console.log(
    `\n▶ ${stage.name}: ${stage.cmd
      .slice(1)
      .map((a) => a.replace(root + '/', ''))
      .join(' ')}`,
  );
  const t0 = Date.now();
  const problem = stage.precondition?.();
  if (problem) {
    console.error(`✗ ${stage.name}: ${problem}`);
    failed += 1;
    exitCode = 1;
    break;
  }
  const r = spawnSync(stage.cmd[0], stage.cmd.slice(1), {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...stage.env },
  });
  const code = r.status ?? (r.signal ? 128 : 1);
  const report = readReport(stage.report);
  let stageFailed = 0;
  if (report) {
    passed += report.numPassedTests ?? 0;
    stageFailed = report.numFailedTests ?? 0;
    console.log(`  ${stage.name}: ${report.numPassedTests ?? 0} passed, ${stageFailed} failed`);
  }
  if (code !== 0 && stageFailed === 0) stageFailed = 1;
  failed += stageFailed;
  const took = seconds(Date.now() - t0);
  if (code !== 0) {
    console.error(
      `✗ ${stage.name} failed (exit code ${code}${r.signal ? `, signal ${r.signal}` : ''}) after ${took}`,
    );
    exitCode = code;
    break;
  }
  console.log(`✓ ${stage.name} ${took}`);
}

rmSync(reportDir, { recursive: true, force: true });
console.log(
  `\n${exitCode === 0 ? 'All stages passed' : 'Stopped at the first failing stage'} in ${seconds(Date.now() - started)}.`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(exitCode);
