/**
 * Every worked example of test/fixtures/run-chart-examples.json: each expected key must match, arrays
 * element by element, numbers with relative tolerance 1e-9. `flags` lists point indices.
 */
import { describe, expect, it } from 'vitest';
import { analyzeRunChart } from './index';
import type { RunChartAnalysis, RunChartOptions, RunChartPoint } from './types';

interface Example {
  id: string;
  points: RunChartPoint[];
  options?: RunChartOptions;
  expected: Record<string, unknown>;
  why: string;
}

// The domain project compiles without Node's types (the domain runs in the browser too), so node:fs is
// imported dynamically and typed here, instead of adding @types/node to src/domain's tsconfig.
const NODE_FS: string = 'node:fs';
const { readFileSync } = (await import(/* @vite-ignore */ NODE_FS)) as {
  readFileSync(path: URL, encoding: 'utf8'): string;
};
const EXAMPLES_URL = new URL('../../../test/fixtures/run-chart-examples.json', import.meta.url);
const examples = (JSON.parse(readFileSync(EXAMPLES_URL, 'utf8')) as { examples: Example[] })
  .examples;

/** Collects every mismatch between `expected` and `actual` (only keys present in `expected`). */
function mismatches(expected: unknown, actual: unknown, path: string, out: string[]): string[] {
  if (typeof expected === 'number') {
    const ok =
      typeof actual === 'number' &&
      (expected === actual ||
        Math.abs(expected - actual) <= 1e-9 * Math.max(Math.abs(expected), Math.abs(actual)));
    if (!ok) out.push(`${path}: expected ${expected}, got ${JSON.stringify(actual)}`);
  } else if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      out.push(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    } else expected.forEach((e, i) => mismatches(e, actual[i], `${path}[${i}]`, out));
  } else if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object')
      out.push(`${path}: expected an object, got ${JSON.stringify(actual)}`);
    else
      for (const [k, e] of Object.entries(expected))
        mismatches(e, (actual as Record<string, unknown>)[k], `${path}.${k}`, out);
  } else if (expected !== actual) {
    out.push(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
  return out;
}

/** The `flags` view of a result: point indices per flag. */
function flagsOf(result: RunChartAnalysis): Record<string, number[]> {
  const where = (test: (p: RunChartAnalysis['points'][number]) => boolean) =>
    result.points.filter(test).map((p) => p.index);
  return {
    onMedian: where((p) => p.side === 0),
    shift: where((p) => p.shift),
    trend: where((p) => p.trend),
    longRun: where((p) => p.longRun),
    missing: where((p) => p.value === null),
  };
}

describe('analyzeRunChart on test/fixtures/run-chart-examples.json', () => {
  it('loads the worked examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(13);
  });

  it('reports a mismatch when an expected value differs (the comparison is not vacuous)', () => {
    const result = analyzeRunChart([4, 1, 3, 2]);
    expect(mismatches({ phases: [{ median: 2.5 + 1e-6 }] }, result, 'result', [])).toHaveLength(1);
    expect(mismatches({ phases: [{ median: 2.5 * (1 + 1e-12) }] }, result, 'result', [])).toEqual(
      [],
    );
    expect(mismatches({ shifts: [{ start: 0 }] }, result, 'result', [])).toHaveLength(1);
    expect(mismatches({ phases: [{ longestRun: null }] }, result, 'result', [])).toHaveLength(1);
  });

  it.each(examples.map((e) => [e.id, e] as const))('%s', (_id, example) => {
    const result = analyzeRunChart(example.points, example.options ?? {});
    const { flags, ...rest } = example.expected;
    const problems = mismatches(rest, result, 'result', []);
    if (flags !== undefined) mismatches(flags, flagsOf(result), 'flags', problems);
    expect(problems).toEqual([]);
    // Guard against a vacuous comparison: every example names at least one key.
    expect(Object.keys(example.expected).length).toBeGreaterThan(0);
  });
});
