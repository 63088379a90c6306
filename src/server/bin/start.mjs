#!/usr/bin/env node
// `npm start`: runs the server (app + API) from dist/ in this process. Where the dev dependencies are
// installed it first builds what is missing or stale. A production install (`npm ci --omit=dev`
// after `npm run build`) has no vite or esbuild: it serves the dist it was given and never rebuilds.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { build, canBuild, isBuildStale, isBuilt } from './build.mjs';

if (isBuildStale()) {
  if (canBuild()) {
    console.log('Building Naptime (first start or changed sources)…');
    await build();
  } else if (isBuilt()) {
    console.error(
      'Note: dist/ is older than the sources; serving it as built (this install has no build tools: ' +
        'run `npm ci && npm run build` to rebuild).',
    );
  } else {
    console.error(
      'dist/ is missing and this install cannot build it (a production install has no vite or ' +
        'esbuild): run `npm ci && npm run build` first, then `npm ci --omit=dev` if you like.',
    );
    process.exit(1);
  }
}
await import(pathToFileURL(resolve(import.meta.dirname, '../../../dist/server/main.js')).href);
