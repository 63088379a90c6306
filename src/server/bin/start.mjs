#!/usr/bin/env node
// `npm start`: builds what is missing or stale, then runs the server (app + API) in this process.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { build, isBuildStale } from './build.mjs';

if (isBuildStale()) {
  console.log('Building Naptime (first start or changed sources)…');
  await build();
}
await import(pathToFileURL(resolve(import.meta.dirname, '../../../dist/server/main.js')).href);
