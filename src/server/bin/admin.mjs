#!/usr/bin/env node
// `npm run -s admin -- <command>`: rebuilds the server bundle if it is missing or stale (quietly, and
// only where esbuild is installed: a production install runs the bundle it was given), then runs the
// admin command; stdout carries only the command's one JSON line.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildServer, canBuild, isServerStale } from './build.mjs';

const entry = resolve(import.meta.dirname, '../../../dist/server/admin.js');
if (isServerStale() && (canBuild() || !existsSync(entry))) await buildServer();
await import(pathToFileURL(entry).href);
