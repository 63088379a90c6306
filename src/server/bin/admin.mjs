#!/usr/bin/env node
// `npm run -s admin -- <command>`: builds the server bundle if it is missing (quietly), then runs the admin command.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const entry = resolve(import.meta.dirname, '../../../dist/server/admin.js');
if (!existsSync(entry)) {
  const { buildServer } = await import('./build.mjs');
  await buildServer();
}
await import(pathToFileURL(entry).href);
