// Finds the citations of in-repo documents in a file's text and says which do not resolve. The forms,
// as src/README.md "Conventions" and the documents' own openings describe them:
//   SYNC.md §7, RUNCHART.md §3.2   a numbered section (a heading "## 7." or "### 3.2")
//   SYNC.md §11.7, §11 invariant 7  item 7 of the numbered list in section 11
//   src/README.md 4, DESIGN.md 7    item 4 of the document's one cited list (CITED_LISTS)
//   DESIGN.md "Records"            a heading that starts with those words
//   §1.3 alone                     the document named last before it in a code file; in a document,
//                                  that document itself unless another is named earlier on the line
// It also reports a path that is not in the repository: one that leaves it (`../shared/…`,
// `/work/…`), a relative one that names nothing in it, a `src/…` one that names no file; and
// "issue N": a newcomer with only the repo has neither, so a comment says what was meant instead.
// Paths in quotes are code, which the compiler and the tests check.
import { basename, dirname, relative, resolve } from 'node:path';

/** A Markdown document reduced to what can be cited in it. */
export interface CitableDocument {
  /** Path from the repository root, e.g. `src/domain/SYNC.md`. */
  path: string;
  headings: { text: string; number: string | null }[];
  /** Top-level numbered list items: their number, the numbered section and heading they sit under. */
  items: { number: string; section: string | null; heading: string }[];
}

/** Documents whose bare numbers ("src/README.md 4") cite the items of one list, under this heading. */
export const CITED_LISTS: Readonly<Record<string, string>> = {
  'src/README.md': 'Conventions',
  'src/DESIGN.md': 'What a provider can do',
};

/** The headings and numbered items of a Markdown text (fenced code is skipped). */
export function parseDocument(path: string, text: string): CitableDocument {
  const doc: CitableDocument = { path, headings: [], items: [] };
  let fenced = false;
  let heading = '';
  let section: string | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    if (fenced) continue;
    const h = /^#{1,6}\s+(.*?)\s*$/.exec(line);
    if (h) {
      heading = h[1]!;
      const number = /^(\d+(?:\.\d+)*)\.?\s/.exec(heading)?.[1] ?? null;
      doc.headings.push({ text: heading, number });
      section = number;
      continue;
    }
    const item = /^(\d+)\.\s/.exec(line);
    if (item) doc.items.push({ number: item[1]!, section, heading });
  }
  return doc;
}

/** Why `§ref` does not resolve in `doc`, or null when it does. */
function missingSection(doc: CitableDocument, ref: string): string | null {
  if (doc.headings.some((h) => h.number === ref)) return null;
  const dot = ref.lastIndexOf('.');
  if (dot > 0) {
    const section = ref.slice(0, dot);
    const item = ref.slice(dot + 1);
    if (doc.items.some((i) => i.section === section && i.number === item)) return null;
  }
  return `${doc.path} has no §${ref}`;
}

/** Why bare number `n` does not resolve in `doc`, or null when it does. */
function missingItem(doc: CitableDocument, n: string): string | null {
  const list = CITED_LISTS[doc.path];
  if (list === undefined) return `${doc.path} ${n}: cite its numbered sections as §n`;
  const found = doc.items.some((i) => i.heading.startsWith(list) && i.number === n);
  return found ? null : `${doc.path} has no item ${n} under "${list}"`;
}

/** Why heading citation `"text"` does not resolve in `doc`, or null when it does. */
function missingHeading(doc: CitableDocument, text: string): string | null {
  const found = doc.headings.some(
    (h) => h.text.startsWith(text) && !/[\p{L}\p{N}]/u.test(h.text.charAt(text.length)),
  );
  return found ? null : `${doc.path} has no heading "${text}"`;
}

/** Everything the checker needs to know about the repository. */
export interface Repository {
  /** Absolute path of the root. */
  root: string;
  /** The citable documents, by path from the root. */
  documents: ReadonlyMap<string, CitableDocument>;
  /** Every file and folder, by path from the root. */
  paths: ReadonlySet<string>;
  /** What git ignores (outputs such as `bench/results.json`), by path from the root. */
  ignored: readonly string[];
}

/**
 * True when relative path `written` names something in the repository from some folder of it (a
 * document may give a path as seen from the folder it describes, e.g. `../storage/tsconfig.json`).
 */
function inRepository(repo: Repository, written: string): boolean {
  const rest = written.replace(/^(\.\.\/)+/, '');
  if (/^\.*$/.test(rest)) return true;
  const names = [rest, ...['.ts', '.tsx', '.mjs', '.js'].map((ext) => rest + ext)];
  return [...repo.paths].some((p) => names.some((n) => p === n || p.endsWith(`/${n}`)));
}

const DOC_NAME = /(?<![\w/.-])((?:\.{1,2}\/)*(?:[\w-]+\/)*[\w-]+\.md)\b/g;
const SECTION = /§\s?(\d+(?:\.\d+)*)(?:\s+invariants?\s+(\d+))?/g;
// A quoted path is code's (an import specifier, a hostile id in a test), not a citation.
const OUTSIDE = /(?<![\w./'"-])((?:\.\.\/)+[\w.@-]+(?:\/[\w.@-]+)*)/g;
const ROOTED = /(?<![\w./'"-])((?:src|test|bench|public)\/[\w.@/-]*[\w@-])/g;
const ISSUE = /\bissues?\s+#?\d+\b/gi;

/** Which document `name`, written in `file`, means: its path from the root, or an error. */
function resolveDocument(
  repo: Repository,
  file: string,
  name: string,
): { path: string } | { error: string } {
  const fromFile = relative(repo.root, resolve(repo.root, dirname(file), name));
  const fromRoot = relative(repo.root, resolve(repo.root, name));
  if (name.includes('/')) {
    for (const path of [fromFile, fromRoot]) if (repo.documents.has(path)) return { path };
    if (fromFile.startsWith('..')) return { error: `${name} is outside the repository` };
    return { error: `no document ${name}` };
  }
  if (repo.documents.has(fromFile)) return { path: fromFile };
  const same = [...repo.documents.keys()].filter((p) => basename(p) === name);
  if (same.length === 1) return { path: same[0]! };
  if (repo.documents.has(name)) return { path: name };
  return { error: `no document ${name}` };
}

/** One unresolved citation: where, and what is missing. */
export interface Broken {
  file: string;
  line: number;
  problem: string;
}

/** The citations in `text` (the file at `file`, from the root) that do not resolve. */
export function brokenCitations(repo: Repository, file: string, text: string): Broken[] {
  const broken: Broken[] = [];
  const isDocument = file.endsWith('.md');
  let current: CitableDocument | undefined;
  text.split('\n').forEach((line, index) => {
    const report = (problem: string) => broken.push({ file, line: index + 1, problem });
    if (isDocument) current = repo.documents.get(file);
    type Token = { at: number; run: () => void };
    const tokens: Token[] = [];
    for (const m of line.matchAll(DOC_NAME)) {
      const end = m.index + m[0].length;
      tokens.push({
        at: m.index,
        run: () => {
          const found = resolveDocument(repo, file, m[1]!);
          if ('error' in found) {
            current = undefined;
            return report(found.error);
          }
          current = repo.documents.get(found.path)!;
          const doc = current;
          const rest = line.slice(end).replace(/^`/, '');
          const numbers = /^ (\d+)((?:(?:, | and | or |–)\d+)*)(?![\w§]|\.\d)/.exec(rest);
          if (numbers) {
            for (const n of (numbers[1]! + numbers[2]!).split(/, | and | or |–/)) {
              const problem = missingItem(doc, n);
              if (problem) report(problem);
            }
          }
          const quoted = /^ \\?"([^"\\]+)\\?"/.exec(rest);
          if (quoted) {
            const problem = missingHeading(doc, quoted[1]!);
            if (problem) report(problem);
          }
        },
      });
    }
    for (const m of line.matchAll(SECTION)) {
      tokens.push({
        at: m.index,
        run: () => {
          if (!current) return report(`§${m[1]} names no document before it`);
          const ref = m[2] === undefined ? m[1]! : `${m[1]}.${m[2]}`;
          const problem = missingSection(current, ref);
          if (problem) report(problem);
        },
      });
    }
    tokens.sort((a, b) => a.at - b.at).forEach((t) => t.run());
    for (const m of line.matchAll(OUTSIDE)) {
      // node_modules is the install's.
      if (/\/(node_modules|dist)\//.test(m[1]!)) continue;
      const target = resolve(repo.root, dirname(file), m[1]!);
      if (relative(repo.root, target).startsWith('..')) report(`${m[1]} is outside the repository`);
      else if (!inRepository(repo, m[1]!)) report(`${m[1]} is not in the repository`);
    }
    for (const m of line.matchAll(ROOTED)) {
      if (!repo.paths.has(m[1]!) && !repo.ignored.some((i) => m[1]!.startsWith(i)))
        report(`${m[1]} is not in the repository`);
    }
    if (line.includes('/work/')) report('a /work/ path is outside the repository');
    for (const m of line.matchAll(ISSUE)) report(`"${m[0]}": say what it meant instead`);
  });
  return broken;
}
