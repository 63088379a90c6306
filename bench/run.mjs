#!/usr/bin/env node
// `npm run bench`: builds production, then runs every bench/*.ts module (each exports
// `async function run(): Promise<Record<string, unknown>>`). A module is bundled with esbuild (Node,
// ESM, packages left external) into a temp dir inside node_modules/.cache, so that its bare imports
// resolve from the project. Results go to bench/results.json (gitignored), keyed by module name.
// `npm run bench -- client runchart` runs only those modules and merges into the existing results;
// NAPTIME_BENCH_SKIP_BUILD=1 reuses the current dist/ (for iterating on a bench). Modules:
// client, server, runchart, sync (push and pull of 1,000 notes in Chromium on a throttled link, needs
// the build), progress (Progress open time, needs the build), progress-calibration
// (the sweep of RUNCHART.md §6: false-claim rates per length, about a quarter of an hour).
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
process.chdir(root);

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

const only = process.argv.slice(2);
const skipBuild = process.env.NAPTIME_BENCH_SKIP_BUILD === '1';

let t0 = Date.now();
if (!skipBuild) {
  console.log('▶ production build: node src/server/bin/build.mjs --force');
  const r = spawnSync(process.execPath, [join(root, 'src/server/bin/build.mjs'), '--force'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    console.error(`✗ build failed (exit code ${r.status})`);
    process.exit(r.status ?? 1);
  }
  console.log(`✓ build ${seconds(Date.now() - t0)}`);
}

const modules = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.test.ts'))
  .filter((f) => only.length === 0 || only.includes(basename(f, '.ts')))
  .sort();

mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
const outDir = mkdtempSync(join(root, 'node_modules/.cache/naptime-bench-'));
const resultsPath = join(root, 'bench/results.json');
const previous =
  only.length > 0 && existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, 'utf8')) : {};
const results = { ...previous, generatedAt: new Date().toISOString() };
let failures = 0;

try {
  for (const file of modules) {
    const name = basename(file, '.ts');
    console.log(`\n▶ bench/${file}`);
    t0 = Date.now();
    try {
      const outfile = join(outDir, `${name}.mjs`);
      await build({
        entryPoints: [join(root, 'bench', file)],
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'esm',
        packages: 'external',
        outfile,
        logLevel: 'warning',
      });
      const mod = await import(pathToFileURL(outfile).href);
      if (typeof mod.run !== 'function') throw new Error(`bench/${file} exports no run()`);
      results[name] = await mod.run();
      console.log(`✓ bench/${file} ${seconds(Date.now() - t0)}`);
    } catch (error) {
      failures += 1;
      results[name] = { error: error instanceof Error ? error.message : String(error) };
      console.error(`✗ bench/${file} failed after ${seconds(Date.now() - t0)}:`, error);
    }
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}

const json = JSON.stringify(results, null, 2);
writeFileSync(resultsPath, `${json}\n`);
console.log(`\nbench/results.json:\n${json}`);
process.exit(failures > 0 ? 1 : 0);
