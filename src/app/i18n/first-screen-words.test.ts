import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import enLater from './en-later';

/**
 * The modules the first screen loads: main.tsx and its static imports, transitively (a dynamic
 * `import()` starts a lazy chunk, which waits for the later words; i18n.ts `withLaterWords`).
 */
async function firstScreenModules(): Promise<string[]> {
  const { metafile } = await build({
    entryPoints: ['src/app/main.tsx'],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    external: ['virtual:*'],
    loader: { '.css': 'empty' },
    logLevel: 'silent',
  });
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path) || !metafile.inputs[path]) return;
    seen.add(path);
    for (const i of metafile.inputs[path]!.imports)
      if (i.kind !== 'dynamic-import' && !i.external) visit(i.path);
  };
  visit('src/app/main.tsx');
  return [...seen].filter((p) => p.startsWith('src/') && /\.tsx?$/.test(p));
}

describe('the first screen’s words', () => {
  it('are all in en.ts: no module the first screen loads uses a word of en-later.ts', async () => {
    const later = Object.keys(enLater);
    const misplaced: string[] = [];
    const modules = await firstScreenModules();
    expect(modules).toContain('src/app/features/home/HomePage.tsx');
    for (const path of modules) {
      if (path.startsWith('src/app/i18n/') || /messages\.e[ns]\.ts$/.test(path)) continue;
      const source = readFileSync(path, 'utf8');
      for (const [, key] of source.matchAll(/['"`]([\w-]+(?:\.[\w-]+)+)['"`]/g))
        if (later.includes(key!)) misplaced.push(`${path}: ${key}`);
      // A key made from a template (`sync.state.${state}`): every key it can name.
      for (const [, prefix] of source.matchAll(/`([\w-]+(?:\.[\w-]+)*\.)\$\{/g))
        for (const key of later.filter((k) => k.startsWith(prefix!)))
          misplaced.push(`${path}: ${key}`);
      // A plural key (`tn('attention.link', n)`): its `.one` and `.other`.
      for (const [, base] of source.matchAll(/\btn\(\s*['"]([\w.-]+)['"]/g))
        for (const key of [`${base}.one`, `${base}.other`])
          if (later.includes(key)) misplaced.push(`${path}: ${key}`);
    }
    expect(misplaced).toEqual([]);
  });
});
