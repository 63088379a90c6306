// ESLint flat config: the recommended rules, and the layer boundaries of src/README.md "Layers"
// written as `no-restricted-imports` per layer. TypeScript projects already refuse a relative import
// of a file outside a layer's references; the lint adds the packages a layer may not use (Preact in
// storage, Dexie in the domain, the server's packages in the app) and says which rule was broken.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const LAYERS = ['domain', 'storage', 'sync', 'app', 'server'];
// Deepest folder nesting inside a layer that gets its own relative-path rule (src/app/features/x/y).
const MAX_DEPTH = 5;

const PREACT = ['preact', 'preact/*', '@preact/*', 'preact-iso'];
const CHARTS = ['chart.js', 'chart.js/*', 'chartjs-plugin-annotation'];
const SERVER_PACKAGES = ['hono', 'hono/*', '@hono/*', 'better-sqlite3'];
const BROWSER_STORAGE = ['dexie', 'fake-indexeddb', 'fake-indexeddb/*'];
// Packages (with their subpaths) a test may import even where the code may not.
const TEST_TOOLS = ['vitest', 'fast-check', 'fake-indexeddb', 'node:*'];

/**
 * What each layer may not import. `layers`: other layers, forbidden both in code and in tests.
 * `packages`: bare specifiers forbidden in production code. `only`: when set, the only packages
 * (with their subpaths) production code may use (the domain's allow list); tests also get TEST_TOOLS.
 */
const RULES = {
  domain: {
    layers: ['storage', 'sync', 'app', 'server'],
    only: ['zod', 'date-fns'],
    why: 'the domain is pure TypeScript: it imports only zod, date-fns and itself',
  },
  storage: {
    layers: ['sync', 'app', 'server'],
    packages: [...PREACT, ...CHARTS, ...SERVER_PACKAGES, 'node:*'],
    why: 'storage sits under sync and the app: no Preact, no UI, no server, no Node',
  },
  sync: {
    layers: ['app', 'server'],
    packages: [...PREACT, ...CHARTS, ...SERVER_PACKAGES, 'node:*'],
    why: 'sync sits under the app: no Preact, no Chart.js, no app, no server',
  },
  app: {
    layers: ['server'],
    packages: [...SERVER_PACKAGES, 'node:*'],
    why: 'the app runs in the browser and talks to the server only over HTTP',
  },
  server: {
    layers: ['storage', 'sync', 'app'],
    packages: [...PREACT, ...CHARTS, ...BROWSER_STORAGE, 'workbox-window'],
    why: 'the server shares only the domain with the app',
  },
};

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A glob for the files of `layer` exactly `depth` folders below its root. */
function filesAt(layer, depth, test) {
  const dirs = '*/'.repeat(depth);
  return test
    ? [
        `src/${layer}/${dirs}*.test.{ts,tsx}`,
        `src/${layer}/${dirs}testing*.ts`,
        `src/${layer}/${dirs}test-support.ts`,
      ]
    : [`src/${layer}/${dirs}*.{ts,tsx}`];
}

/** The no-restricted-imports patterns for one layer's files at one depth. */
function patternsFor(layer, depth, test) {
  const rule = RULES[layer];
  const up = `(\\.\\./){${depth + 1}}`;
  const patterns = [
    {
      // `../` once per folder climbs to src/: from there, another layer's folder is out of bounds.
      regex: `^${up}(${rule.layers.map(escape).join('|')})(/|$)`,
      message: `Wrong-way import: ${rule.why} (src/README.md "Layers").`,
    },
    {
      regex: `^(\\.\\./){${depth + 2},}`,
      message:
        'An import out of src/ from a layer: layers import only each other (src/README.md "Layers").',
    },
  ];
  if (rule.only) {
    const allowed = [...rule.only, ...(test ? TEST_TOOLS : [])].map((p) =>
      p.endsWith(':*') ? escape(p.slice(0, -1)) : `${escape(p)}(/|$)`,
    );
    patterns.push({
      // Any bare specifier (not `./` or `../`) outside the allow list.
      regex: `^(?!\\.|${allowed.join('|')})`,
      message: `Not allowed here: ${rule.why} (src/README.md "Layers").`,
    });
  } else if (!test) {
    patterns.push({
      group: rule.packages,
      message: `Not allowed here: ${rule.why} (src/README.md "Layers").`,
    });
  }
  return patterns;
}

const layerBlocks = LAYERS.flatMap((layer) =>
  [false, true].flatMap((test) =>
    Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => ({
      files: filesAt(layer, depth, test),
      ...(test ? {} : { ignores: filesAt(layer, depth, true) }),
      rules: { 'no-restricted-imports': ['error', { patterns: patternsFor(layer, depth, test) }] },
    })),
  ),
);

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'data/', '.e2e-*/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `const { dropped: _dropped, ...rest } = x` is how the code omits a field: `_` marks it unused.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // A global in a declaration file is declared with `declare var`: there is no `let` for it.
    files: ['**/*.d.ts'],
    rules: { 'no-var': 'off' },
  },
  {
    // Tests and benches read JSON answers as `any` and let the assertion check the shape.
    files: ['**/*.test.ts', '**/*.test.tsx', 'src/server/test-support.ts', 'test/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js', 'vite.config.ts', 'bench/**', 'test/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  ...layerBlocks,
  {
    // The sync client's tests and its simulation drive the real server in-process (createApp over
    // SQLite, src/README.md 11), and compress with Node: the one place a layer's tests reach past it.
    files: ['src/sync/**/*.test.ts', 'src/sync/sim/**/*.ts'],
    rules: { 'no-restricted-imports': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
