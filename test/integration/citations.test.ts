// Every citation of an in-repo document in src/, test/, bench/ and README.md resolves: the document,
// its section, numbered item or heading exists (the forms are listed in ./citations.ts). A newcomer
// with only the repository must be able to read every rule the code cites.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { brokenCitations, parseDocument, type Repository } from './citations';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SKIP = new Set(['node_modules', 'dist', '.git', 'test-results']);
const SOURCE = /\.(ts|tsx|mjs|js|md|html|css)$/;
// The checker's own files hold broken citations on purpose, as cases.
const CHECKER = new Set(['test/integration/citations.ts', 'test/integration/citations.test.ts']);

/** Every file and folder under `dir` (from the root), folders with a trailing `/`. */
function pathsUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (!entry.isDirectory()) return [path];
    return SKIP.has(entry.name) ? [] : [path, ...pathsUnder(path)];
  });
}

const paths = new Set(['README.md', ...['src', 'test', 'bench', 'public'].flatMap(pathsUnder)]);
const ignored = readFileSync(join(root, '.gitignore'), 'utf8')
  .split('\n')
  .filter((line) => line.startsWith('/'))
  .map((line) => line.slice(1));
const files = [...paths].filter((p) => SOURCE.test(p) && !p.startsWith('public/'));
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** A repository holding the given documents, for the checker's own cases. */
function repoOf(documents: Record<string, string>): Repository {
  const parsed = Object.entries(documents).map(([path, text]) => parseDocument(path, text));
  return { root, documents: new Map(parsed.map((d) => [d.path, d])), paths, ignored };
}

describe('document citations', () => {
  it('resolve everywhere in src/, test/, bench/ and README.md', () => {
    const documents = files.filter((f) => f.endsWith('.md')).map((f) => parseDocument(f, read(f)));
    const repo: Repository = {
      root,
      documents: new Map(documents.map((d) => [d.path, d])),
      paths,
      ignored,
    };
    const broken = files
      .filter((f) => !CHECKER.has(f))
      .flatMap((f) => brokenCitations(repo, f, read(f)))
      .map((b) => `${b.file}:${b.line}: ${b.problem}`);
    expect(broken).toEqual([]);
  });
});

describe('the citation checker', () => {
  const repo = repoOf({
    'src/domain/SYNC.md':
      '# Sync\n\n## 3. Push\n\n## 11. Invariants\n\n1. No loss\n2. No duplicates\n',
    'src/README.md':
      '# Code\n\n## Conventions\n\n1. One schema\n2. Parse\n\n## Other\n\n1. x\n2. y\n3. z\n',
    'README.md': '# Naptime\n\n## Two commands\n',
  });
  const problems = (file: string, text: string) =>
    brokenCitations(repo, file, text).map((b) => `${b.line}: ${b.problem}`);

  it('accepts sections, items of a section, conventions and headings that exist', () => {
    const text = [
      '// src/README.md 1, 2 and README.md "Two commands".',
      '// SYNC.md §3, §11.2 and §11 invariant 1; `src/domain/SYNC.md` §3',
      '// §3 again: SYNC.md was named last',
    ].join('\n');
    expect(problems('src/storage/x.ts', text)).toEqual([]);
  });

  it('reports a missing document, section, item, convention and heading with its line', () => {
    const text = [
      '// NOPE.md and SYNC.md §4',
      '// SYNC.md §11.3, §11 invariant 9',
      '// src/README.md 3 (only "Conventions" counts) and SYNC.md 3',
      '// README.md "Three commands"',
    ].join('\n');
    expect(problems('src/storage/x.ts', text)).toEqual([
      '1: no document NOPE.md',
      '1: src/domain/SYNC.md has no §4',
      '2: src/domain/SYNC.md has no §11.3',
      '2: src/domain/SYNC.md has no §11.9',
      '3: src/README.md has no item 3 under "Conventions"',
      '3: src/domain/SYNC.md 3: cite its numbered sections as §n',
      '4: README.md has no heading "Three commands"',
    ]);
  });

  it('reads a bare § in a document as its own, and in code as the last document named', () => {
    expect(problems('src/domain/SYNC.md', 'see §3 and §11.1; §5 is not there')).toEqual([
      '1: src/domain/SYNC.md has no §5',
    ]);
    expect(problems('src/storage/x.ts', '// §3 with nothing named before')).toEqual([
      '1: §3 names no document before it',
    ]);
  });

  it('reports paths that are not in the repository, and issue numbers', () => {
    const text = [
      "import x from '../../domain/x';",
      '// read ../../../shared/examples.json, as /work/shared/ says (issue 7, Issue #12)',
      '// `../shared/examples.json` holds them; ../storage/write.ts and `src/storage/write.ts` do not',
      "// src/storage/gone.ts was renamed; bench/results.json is written by the bench, 'src/a/b.ts'",
      "expect(issues({ providerId: '../../etc' })).toEqual(['providerId:bad-id']);",
    ].join('\n');
    expect(problems('src/storage/x.ts', text)).toEqual([
      '2: ../../../shared/examples.json is outside the repository',
      '2: a /work/ path is outside the repository',
      '2: "issue 7": say what it meant instead',
      '2: "Issue #12": say what it meant instead',
      '3: ../shared/examples.json is not in the repository',
      '4: src/storage/gone.ts is not in the repository',
    ]);
  });
});
