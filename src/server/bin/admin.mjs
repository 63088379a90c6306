#!/usr/bin/env node
// `npm run -s admin -- <command>`: builds the server if needed (quietly), then runs the admin command.
import { pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const entry = resolve(import.meta.dirname, '../../../dist/server/admin.js');
if (!existsSync(entry)) {
  const { spawnSync } = await import('node:child_process');
  const r = spawnSync(
    process.execPath,
    [resolve(import.meta.dirname, '../../../node_modules/esbuild/bin/esbuild'), 'src/server/admin.ts', '--bundle',
      '--platform=node', '--target=node20', '--format=esm', '--packages=external', '--outdir=dist/server', '--log-level=error'],
    { cwd: resolve(import.meta.dirname, '../../..'), stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (r.status !== 0) process.exit(2);
}
await import(pathToFileURL(entry).href);
