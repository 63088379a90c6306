#!/usr/bin/env node
// `npm run -s admin -- <command>`: rebuilds the server bundle if it is missing or stale (quietly),
// then runs the admin command; stdout carries only the command's one JSON line.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildServer, isServerStale } from './build.mjs';

const entry = resolve(import.meta.dirname, '../../../dist/server/admin.js');
if (isServerStale()) await buildServer();
await import(pathToFileURL(entry).href);
