// The layer rules of src/README.md "Layers" hold: a wrong-way import fails the lint, and a platform
// global a layer may not use fails its compiler project. The snippets are linted and compiled in
// memory under a path inside the layer, so nothing is written into src/.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: root });

/** The messages of rule `no-restricted-imports` for `code` placed at `file` (relative to the root). */
async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

/** The compile errors of `code` placed at `file`, checked with the options of `project`. */
function compileErrors(project: string, file: string, code: string): string[] {
  const configPath = join(root, project);
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(configPath));
  const options = {
    ...parsed.options,
    composite: false,
    declaration: false,
    emitDeclarationOnly: false,
    noEmit: true,
  };
  const path = join(root, file);
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (name) => name === path || ts.sys.fileExists(name);
  host.readFile = (name) => (name === path ? code : readFile(name));
  host.getSourceFile = (name, language) =>
    name === path ? ts.createSourceFile(name, code, language) : getSourceFile(name, language);
  // The layer's own declarations (storage's platform.d.ts) come along, as in `tsc -b`.
  const declarations = parsed.fileNames.filter((f) => f.endsWith('.d.ts'));
  const program = ts.createProgram([path, ...declarations], options, host);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(path))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
}

describe('imports against the layer order', () => {
  it.each([
    ['src/domain/x.ts', "import Dexie from 'dexie';"],
    ['src/domain/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src/domain/x.ts', "import { render } from 'preact';"],
    ['src/domain/x.ts', "import { openNaptimeDb } from '../storage/db';"],
    ['src/domain/run-chart/x.ts', "import type { JSX } from '../../app/App';"],
    ['src/storage/x.ts', "import { useState } from 'preact/hooks';"],
    ['src/storage/x.ts', "import { App } from '../app/App';"],
    ['src/storage/x.ts', "import { createApp } from '../server/app';"],
    ['src/storage/x.ts', "import { push } from '../sync/push';"],
    ['src/sync/x.ts', "import { signal } from '@preact/signals';"],
    ['src/sync/x.ts', "import { Chart } from 'chart.js';"],
    ['src/sync/x.ts', "import { App } from '../app/App';"],
    ['src/app/features/notes/x.ts', "import { createApp } from '../../../server/app';"],
    ['src/app/x.ts', "import { Hono } from 'hono';"],
    ['src/server/x.ts', "import { openNaptimeDb } from '../storage/db';"],
    ['src/server/x.ts', "import { App } from '../app/App';"],
    ['src/server/x.ts', "import { push } from '../sync/push';"],
    ['src/server/x.ts', "import Dexie from 'dexie';"],
    ['src/domain/x.test.ts', "import { openNaptimeDb } from '../storage/db';"],
  ])('%s: %s fails the lint', async (file, code) => {
    expect(await restrictedImports(file, code)).toHaveLength(1);
  });

  it.each([
    [
      'src/domain/x.ts',
      "import { z } from 'zod/mini';\nimport { addDays } from 'date-fns';\nimport { HlcSchema } from './hlc';",
    ],
    ['src/domain/run-chart/x.ts', "import { isoWeekOf } from '../dates';"],
    [
      'src/domain/x.test.ts',
      "import { describe } from 'vitest';\nimport fc from 'fast-check';\nimport { readFileSync } from 'node:fs';",
    ],
    ['src/storage/x.ts', "import Dexie from 'dexie';\nimport { HlcSchema } from '../domain/hlc';"],
    [
      'src/storage/x.test.ts',
      "import { IDBFactory } from 'fake-indexeddb';\nimport { randomBytes } from 'node:crypto';",
    ],
    [
      'src/sync/x.ts',
      "import { saveChild } from '../storage/write';\nimport { HlcSchema } from '../domain/hlc';",
    ],
    [
      'src/app/features/notes/x.ts',
      "import { signal } from '@preact/signals';\nimport { saveChild } from '../../../storage/write';",
    ],
    [
      'src/server/x.ts',
      "import { Hono } from 'hono';\nimport { readFileSync } from 'node:fs';\nimport { HlcSchema } from '../domain/hlc';",
    ],
  ])('%s: imports along the layer order pass (%s)', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });
});

describe('platform globals a layer may not use', () => {
  it.each([
    'window.location.href',
    'document.title',
    'localStorage.length',
    'setTimeout',
    'crypto',
    'process.env',
  ])('the domain does not compile `%s`', (expression) => {
    const errors = compileErrors(
      'src/domain/tsconfig.json',
      'src/domain/x.ts',
      `export const x = ${expression};`,
    );
    expect(errors.join('\n')).toContain(`Cannot find name '${expression.split('.')[0]}'`);
  });

  it.each(['document.title', 'window.location.href', 'localStorage.length', 'process.env'])(
    'storage does not compile `%s`',
    (expression) => {
      const errors = compileErrors(
        'src/storage/tsconfig.json',
        'src/storage/x.ts',
        `export const x = ${expression};`,
      );
      expect(errors.join('\n')).toContain(`Cannot find name '${expression.split('.')[0]}'`);
    },
  );

  it('storage compiles the IndexedDB, timer and crypto names it declares', () => {
    const code = [
      'export const range = IDBKeyRange.bound(1, 2);',
      'export const timer = setTimeout(() => undefined, 10);',
      'export const bytes = crypto.getRandomValues(new Uint8Array(8));',
      'export const full = (e: unknown) => e instanceof DOMException && e.name === "QuotaExceededError";',
    ].join('\n');
    expect(compileErrors('src/storage/tsconfig.json', 'src/storage/x.ts', code)).toEqual([]);
  });

  it('the domain compiles plain ES2023', () => {
    const code = 'export const x = [3, 1, 2].toSorted().at(-1) ?? new Date(0).toISOString();';
    expect(compileErrors('src/domain/tsconfig.json', 'src/domain/x.ts', code)).toEqual([]);
  });
});
