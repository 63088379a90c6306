import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyChanges,
  decideWinner,
  EMPTY_CONTENT,
  mergeThreeWay,
  valuesEqual,
  type MergeInput,
} from './merge';

const early = { hlc: '2026-01-29T13:00:00.000Z-0000-aaaaaaaaaaaaaaaa', deviceId: 'dev-a' };
const late = { hlc: '2026-01-29T14:00:00.000Z-0000-bbbbbbbbbbbbbbbb', deviceId: 'dev-b' };

function input(over: Partial<MergeInput>): MergeInput {
  return {
    base: { data: { week: '2026-W05', p1: 3, p4: 2 }, deleted: 0 },
    stored: { data: { week: '2026-W05', p1: 3, p4: 2 }, deleted: 0 },
    storedSide: early,
    changes: {},
    incomingSide: late,
    ...over,
  };
}

describe('valuesEqual', () => {
  it('treats null, undefined and absent keys as the same', () => {
    expect(valuesEqual(null, undefined)).toBe(true);
    expect(valuesEqual({ a: 1, b: null }, { a: 1 })).toBe(true);
    expect(valuesEqual(0, null)).toBe(false);
  });
  it('compares arrays and objects deeply and in order', () => {
    expect(valuesEqual(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(valuesEqual(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(valuesEqual({ plan: { who: 'me' } }, { plan: { who: 'me' } })).toBe(true);
    expect(valuesEqual([], {})).toBe(false);
  });
  it('compares prototype-named keys as own data: a null constructor equals an absent one', () => {
    expect(valuesEqual(JSON.parse('{"constructor": null}'), {})).toBe(true);
    expect(valuesEqual(JSON.parse('{"__proto__": null, "a": 1}'), { a: 1 })).toBe(true);
    expect(valuesEqual(JSON.parse('{"__proto__": 1}'), {})).toBe(false);
    expect(valuesEqual(JSON.parse('{"toString": "x"}'), JSON.parse('{"toString": "x"}'))).toBe(
      true,
    );
  });
  it('compares values nested 100,000 levels deep without overflowing the stack', () => {
    const deep = (n: number, leaf: unknown) =>
      JSON.parse(`${'['.repeat(n)}${JSON.stringify(leaf)}${']'.repeat(n)}`);
    expect(valuesEqual(deep(100_000, 1), deep(100_000, 1))).toBe(true);
    expect(valuesEqual(deep(100_000, 1), deep(100_000, 2))).toBe(false);
  });
});

describe('applyChanges', () => {
  it('sets changed fields, clears nulls and keeps the rest', () => {
    const out = applyChanges(
      { data: { a: 1, b: 2 }, deleted: 0 },
      { data: { b: null, c: 3 }, deleted: 1 },
    );
    expect(out).toEqual({ data: { a: 1, c: 3 }, deleted: 1 });
  });
  it('keeps a __proto__ key as data, never as a prototype', () => {
    const changes = JSON.parse('{"data": {"__proto__": {"polluted": true}}}');
    const out = applyChanges(EMPTY_CONTENT, changes);
    expect(Object.keys(out.data)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('decideWinner', () => {
  it('prefers the greater HLC, then the larger deviceId', () => {
    expect(decideWinner(late, early)).toBe('incoming');
    expect(decideWinner(early, late)).toBe('stored');
    expect(decideWinner({ hlc: early.hlc, deviceId: 'z' }, { hlc: early.hlc, deviceId: 'a' })).toBe(
      'incoming',
    );
    expect(
      decideWinner({ hlc: early.hlc, deviceId: null }, { hlc: early.hlc, deviceId: 'a' }),
    ).toBe('stored');
  });
});

describe('mergeThreeWay', () => {
  it('takes a field only one side changed from that side', () => {
    const r = mergeThreeWay(
      input({
        stored: { data: { week: '2026-W05', p1: 5, p4: 2 }, deleted: 0 },
        changes: { data: { p4: 7 } },
      }),
    );
    expect(r.content.data).toEqual({ week: '2026-W05', p1: 5, p4: 7 });
    expect(r.kind).toBeNull();
    expect(r.fields).toEqual([]);
  });

  it('never conflicts on equal values', () => {
    const r = mergeThreeWay(
      input({
        stored: { data: { week: '2026-W05', p1: 5, p4: 2 }, deleted: 0 },
        changes: { data: { p1: 5 } },
      }),
    );
    expect(r.kind).toBeNull();
    expect(r.content.data.p1).toBe(5);
  });

  it('gives a field both changed to the greater HLC and lists it', () => {
    const stored = { data: { week: '2026-W05', p1: 5, p4: 2 }, deleted: 0 as const };
    const won = mergeThreeWay(input({ stored, changes: { data: { p1: 9 } } }));
    expect(won).toMatchObject({
      kind: 'fields',
      fields: ['p1'],
      winner: 'incoming',
      winning: { p1: 9 },
      losing: { p1: 5 },
    });
    expect(won.content.data.p1).toBe(9);
    const lost = mergeThreeWay(
      input({ stored, storedSide: late, incomingSide: early, changes: { data: { p1: 9 } } }),
    );
    expect(lost).toMatchObject({
      kind: 'fields',
      winner: 'stored',
      winning: { p1: 5 },
      losing: { p1: 9 },
    });
    expect(lost.content.data.p1).toBe(5);
  });

  it('treats a cleared field as a change (null against a value)', () => {
    const stored = { data: { week: '2026-W05', p1: 3, p4: 4 }, deleted: 0 as const };
    const r = mergeThreeWay(input({ stored, changes: { data: { p4: null } } }));
    expect(r.fields).toEqual(['p4']);
    expect(r.content.data).not.toHaveProperty('p4');
    expect(r.losing).toEqual({ p4: 4 });
  });

  it('merges create against create against the empty record', () => {
    const r = mergeThreeWay({
      base: EMPTY_CONTENT,
      stored: { data: { week: '2026-W05', p1: 3, p4: 2 }, deleted: 0 },
      storedSide: early,
      changes: { data: { week: '2026-W05', p1: 4, p6: 5 }, deleted: 0 },
      incomingSide: late,
    });
    expect(r.content.data).toEqual({ week: '2026-W05', p1: 4, p4: 2, p6: 5 });
    expect(r.fields).toEqual(['p1']);
  });

  it('keeps an edited record alive against a concurrent delete (incoming delete)', () => {
    const stored = { data: { week: '2026-W05', p1: 3, p4: 6 }, deleted: 0 as const };
    const r = mergeThreeWay(input({ stored, changes: { deleted: 1 } }));
    expect(r.content.deleted).toBe(0);
    expect(r.kind).toBe('delete-edit');
    expect(r.winner).toBe('stored');
    expect(r.winning).toEqual({ deleted: 0 });
    expect(r.losing).toEqual({ deleted: 1 });
  });

  it('keeps an edited record alive against a concurrent delete (stored delete) and lists data conflicts', () => {
    const stored = { data: { week: '2026-W05', p1: 3, p4: 6 }, deleted: 1 as const };
    const r = mergeThreeWay(input({ stored, changes: { data: { p4: 1, p6: 2 } } }));
    expect(r.content).toEqual({ data: { week: '2026-W05', p1: 3, p4: 1, p6: 2 }, deleted: 0 });
    expect(r.kind).toBe('delete-edit');
    expect(r.fields).toEqual(['p4']);
  });

  it('lets a delete through when the other side did not edit', () => {
    const r = mergeThreeWay(input({ changes: { deleted: 1 } }));
    expect(r.content.deleted).toBe(1);
    expect(r.kind).toBeNull();
  });

  it('agrees when both sides deleted', () => {
    const r = mergeThreeWay(
      input({
        stored: { data: { week: '2026-W05', p1: 3, p4: 2 }, deleted: 1 },
        changes: { deleted: 1 },
      }),
    );
    expect(r.content.deleted).toBe(1);
    expect(r.kind).toBeNull();
  });

  it('is a fast-forward when the stored record is the base', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom('a', 'b', 'c', 'd'),
          fc.oneof(fc.integer(), fc.constant(null), fc.string()),
        ),
        fc.dictionary(
          fc.constantFrom('a', 'b', 'c', 'e'),
          fc.oneof(fc.integer(), fc.constant(null), fc.string()),
        ),
        (baseData, changed) => {
          const base = applyChanges(EMPTY_CONTENT, { data: baseData });
          const r = mergeThreeWay({
            base,
            stored: base,
            storedSide: early,
            changes: { data: changed },
            incomingSide: late,
          });
          expect(r.kind).toBeNull();
          expect(valuesEqual(r.content.data, applyChanges(base, { data: changed }).data)).toBe(
            true,
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('lets both sides converge: merging stored-vs-incoming and incoming-vs-stored gives one result', () => {
    const value = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant(null));
    const data = fc.dictionary(fc.constantFrom('a', 'b', 'c'), value);
    fc.assert(
      fc.property(data, data, data, (b, s, i) => {
        const base = applyChanges(EMPTY_CONTENT, { data: b });
        const left = mergeThreeWay({
          base,
          stored: applyChanges(base, { data: s }),
          storedSide: early,
          changes: { data: i },
          incomingSide: late,
        });
        const right = mergeThreeWay({
          base,
          stored: applyChanges(base, { data: i }),
          storedSide: late,
          changes: { data: s },
          incomingSide: early,
        });
        expect(valuesEqual(left.content.data, right.content.data)).toBe(true);
        expect(left.fields.sort()).toEqual(right.fields.sort());
      }),
      { numRuns: 200 },
    );
  });
});
