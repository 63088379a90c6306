import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_JSON_DEPTH,
  nestsDeeperThan,
  stringifyJson,
  stringifyJsonIteratively,
} from './json-bounds';

const nested = (n: number) => JSON.parse(`${'{"a":'.repeat(n)}1${'}'.repeat(n)}`);

describe('nestsDeeperThan', () => {
  it('counts containers: the outer object is level 1, a scalar adds none', () => {
    expect(nestsDeeperThan(1, 0)).toBe(false);
    expect(nestsDeeperThan(nested(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
    expect(nestsDeeperThan(nested(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(true);
    expect(nestsDeeperThan({ wide: Array.from({ length: 10_000 }, (_, i) => ({ i })) }, 3)).toBe(
      false,
    );
  });
  it('walks a value 200,000 levels deep without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(2e5)}${']'.repeat(2e5)}`);
    expect(nestsDeeperThan(deep, MAX_JSON_DEPTH)).toBe(true);
  });
});

describe('stringifyJson', () => {
  it('writes exactly what JSON.stringify writes for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(stringifyJsonIteratively(v)).toBe(JSON.stringify(v));
      }),
      { numRuns: 500 },
    );
    const odd = { a: undefined, b: [undefined, Infinity, -0], ['__proto__']: 1, c: () => 1 };
    Object.defineProperty(odd, '__proto__', { value: { x: 1 }, enumerable: true });
    expect(stringifyJsonIteratively(odd)).toBe(JSON.stringify(odd));
    expect(stringifyJsonIteratively(JSON.parse('{"__proto__":{"p":1},"constructor":2}'))).toBe(
      '{"__proto__":{"p":1},"constructor":2}',
    );
  });
  it('writes a value 50,000 levels deep that JSON.stringify cannot', () => {
    const text = `${'[{"k":'.repeat(50_000)}0${'}]'.repeat(50_000)}`;
    expect(() => JSON.stringify(JSON.parse(text))).toThrow(RangeError);
    expect(stringifyJson(JSON.parse(text))).toBe(text);
  });
});
