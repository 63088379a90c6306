import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  HlcSchema,
  HlcStateSchema,
  NodeIdSchema,
  createNodeId,
  formatHlc,
  hlcRecv,
  hlcSend,
  initialHlcState,
  maxHlc,
  parseHlc,
  type HlcState,
} from './hlc';

const NODE = '0123456789abcdef';
const OTHER = 'fedcba9876543210';
const T0 = Date.UTC(2026, 0, 29, 19, 5, 0, 0);
const DAY = 24 * 60 * 60 * 1000;

/** Runs `send` once per wall-clock reading, returning the HLC strings in order. */
function sendAll(state: HlcState, clock: number[]): { state: HlcState; hlcs: string[] } {
  const hlcs: string[] = [];
  for (const now of clock) {
    const r = hlcSend(state, now);
    state = r.state;
    hlcs.push(r.hlc);
  }
  return { state, hlcs };
}

function isStrictlyAscending(values: string[]): boolean {
  return values.every((v, i) => i === 0 || values[i - 1]! < v);
}

describe('formatHlc and parseHlc', () => {
  it('writes the UTC time, a 4-hex counter and the node id in 46 characters', () => {
    const hlc = formatHlc({ millis: T0, counter: 26, nodeId: NODE });
    expect(hlc).toBe('2026-01-29T19:05:00.000Z-001a-0123456789abcdef');
    expect(hlc).toHaveLength(46);
    expect(HlcSchema.safeParse(hlc).success).toBe(true);
  });

  it('round-trips a value through format and parse', () => {
    for (const state of [
      { millis: T0 + 123, counter: 0, nodeId: NODE },
      { millis: 0, counter: 0xffff, nodeId: OTHER },
      { millis: Date.UTC(9999, 11, 31, 23, 59, 59, 999), counter: 7, nodeId: NODE },
    ]) {
      expect(parseHlc(formatHlc(state))).toEqual(state);
    }
  });

  it('orders strings the way the clocks are ordered: time, then counter, then node', () => {
    const states: HlcState[] = [
      { millis: 0, counter: 5, nodeId: OTHER },
      { millis: 1, counter: 0, nodeId: NODE },
      { millis: T0, counter: 0, nodeId: OTHER },
      { millis: T0, counter: 9, nodeId: NODE },
      { millis: T0, counter: 10, nodeId: NODE },
      { millis: T0, counter: 10, nodeId: OTHER },
      { millis: T0, counter: 0xffff, nodeId: NODE },
      { millis: T0 + 1, counter: 0, nodeId: NODE },
      { millis: T0 + 1000 * DAY, counter: 0, nodeId: NODE },
    ];
    const strings = states.map(formatHlc);
    expect(isStrictlyAscending(strings)).toBe(true);
    expect([...strings].reverse().sort()).toEqual(strings);
    expect(maxHlc(strings[3]!, strings[4]!)).toBe(strings[4]);
    expect(maxHlc(strings[8]!, strings[0]!)).toBe(strings[8]);
  });

  it('clamps a time past year 9999 so the value keeps its 24-character time', () => {
    expect(formatHlc({ millis: Date.UTC(12000, 0, 1), counter: 0, nodeId: NODE })).toBe(
      '9999-12-31T23:59:59.999Z-0000-0123456789abcdef',
    );
  });

  it('returns null for malformed values', () => {
    for (const bad of [
      '',
      'not a clock',
      '2026-01-29T19:05:00.000Z-001a',
      '2026-01-29T19:05:00Z-001a-0123456789abcdef',
      '2026-01-29T19:05:00.000Z-001A-0123456789abcdef',
      '2026-01-29T19:05:00.000Z-001a-0123456789ABCDEF',
      '2026-01-29T19:05:00.000Z-01a-0123456789abcdef',
      '2026-01-29T19:05:00.000Z-001a-0123456789abcdef0',
      '2026-13-29T19:05:00.000Z-001a-0123456789abcdef',
      '2026-01-29T25:05:00.000Z-001a-0123456789abcdef',
    ]) {
      expect(parseHlc(bad), bad).toBeNull();
    }
  });
});

describe('HlcSchema', () => {
  it('accepts only a real instant: the right shape with month 99 or February 30 is refused', () => {
    const node = '-0000-0123456789abcdef';
    for (const time of [
      '2026-99-01T00:00:00.000Z',
      '2026-02-30T12:00:00.000Z',
      '2026-01-01T24:00:00.000Z',
      '2026-04-31T00:00:00.000Z',
      '2026-01-01T23:60:00.000Z',
    ]) {
      expect(HlcSchema.safeParse(time + node).success, time).toBe(false);
      expect(parseHlc(time + node), time).toBeNull();
    }
    for (const time of [
      '2024-02-29T23:59:59.999Z',
      '0000-01-01T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
    ]) {
      expect(HlcSchema.safeParse(time + node).success, time).toBe(true);
    }
  });
});

describe('node ids', () => {
  it('are 16 lowercase hex digits, and a new one each time', () => {
    const ids = Array.from({ length: 20 }, () => createNodeId(randomBytes));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(ids).size).toBe(20);
    expect(NodeIdSchema.safeParse(ids[0]).success).toBe(true);
    for (const bad of [
      '0123456789ABCDEF',
      '0123456789abcde',
      '0123456789abcdefa',
      'g123456789abcdef',
    ]) {
      expect(NodeIdSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('are made from the random source the caller passes', () => {
    const bytes = (length: number) => Uint8Array.from({ length }, (_, i) => i * 17);
    expect(createNodeId(bytes)).toBe('0011223344556677');
  });

  it('starts a fresh clock at time 0, counter 0, with the given or a new node id', () => {
    expect(initialHlcState(NODE)).toEqual({ millis: 0, counter: 0, nodeId: NODE });
    expect(initialHlcState(createNodeId(randomBytes)).nodeId).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('hlcSend', () => {
  it('stamps the wall-clock time with counter 0 when the clock has moved on', () => {
    const { state, hlc } = hlcSend({ millis: T0, counter: 4, nodeId: NODE }, T0 + 5);
    expect(state).toEqual({ millis: T0 + 5, counter: 0, nodeId: NODE });
    expect(hlc).toBe('2026-01-29T19:05:00.005Z-0000-0123456789abcdef');
  });

  it('counts up while the wall clock stands still', () => {
    const { state, hlcs } = sendAll(initialHlcState(NODE), [T0, T0, T0, T0]);
    expect(hlcs.map((h) => h.slice(25, 29))).toEqual(['0000', '0001', '0002', '0003']);
    expect(state).toEqual({ millis: T0, counter: 3, nodeId: NODE });
  });

  it('never goes backwards when the tablet clock is reset to an earlier time', () => {
    const before = sendAll(initialHlcState(NODE), [T0, T0 + 10]);
    const after = sendAll(before.state, [T0 - 30 * DAY, T0 - 30 * DAY + 1, T0 + 5, T0 + 11]);
    const all = [...before.hlcs, ...after.hlcs];
    expect(isStrictlyAscending(all)).toBe(true);
    expect(after.hlcs[0]).toBe('2026-01-29T19:05:00.010Z-0001-0123456789abcdef');
    expect(after.hlcs[3]).toBe('2026-01-29T19:05:00.011Z-0000-0123456789abcdef');
  });

  it('advances the time by a millisecond when the counter overflows', () => {
    const { state, hlc } = hlcSend({ millis: T0, counter: 0xffff, nodeId: NODE }, T0);
    expect(state).toEqual({ millis: T0 + 1, counter: 0, nodeId: NODE });
    expect(hlc).toBe('2026-01-29T19:05:00.001Z-0000-0123456789abcdef');
    expect(hlc > formatHlc({ millis: T0, counter: 0xffff, nodeId: NODE })).toBe(true);
  });

  it('keeps issuing ascending values over many overflows while the clock is stuck', () => {
    const clock = Array.from({ length: 3 * 0x10000 }, () => T0);
    const { state, hlcs } = sendAll(initialHlcState(NODE), clock);
    expect(isStrictlyAscending(hlcs)).toBe(true);
    expect(state.millis).toBe(T0 + 2);
    expect(HlcStateSchema.safeParse(state).success).toBe(true);
  });

  it('works from a clock in 1970', () => {
    const { hlcs } = sendAll(initialHlcState(NODE), [0, 0, 1]);
    expect(hlcs).toEqual([
      '1970-01-01T00:00:00.000Z-0001-0123456789abcdef',
      '1970-01-01T00:00:00.000Z-0002-0123456789abcdef',
      '1970-01-01T00:00:00.001Z-0000-0123456789abcdef',
    ]);
    const later = hlcSend({ millis: T0, counter: 0, nodeId: NODE }, 0);
    expect(later.state).toEqual({ millis: T0, counter: 1, nodeId: NODE });
  });

  it('follows a clock 7 days ahead, and stays ahead once that clock is corrected', () => {
    const ahead = hlcSend(initialHlcState(NODE), T0 + 7 * DAY);
    expect(ahead.hlc.slice(0, 24)).toBe('2026-02-05T19:05:00.000Z');
    const corrected = hlcSend(ahead.state, T0);
    expect(corrected.state).toEqual({ millis: T0 + 7 * DAY, counter: 1, nodeId: NODE });
    expect(corrected.hlc > ahead.hlc).toBe(true);
  });
});

describe('hlcRecv', () => {
  const local: HlcState = { millis: T0, counter: 3, nodeId: NODE };

  it('moves past a remote value far ahead, keeping its own node id', () => {
    const remote = formatHlc({ millis: T0 + 7 * DAY, counter: 5, nodeId: OTHER });
    const next = hlcRecv(local, remote, T0 + 1);
    expect(next).toEqual({ millis: T0 + 7 * DAY, counter: 6, nodeId: NODE });
    expect(hlcSend(next, T0 + 2).hlc > remote).toBe(true);
  });

  it('never goes backwards for a remote value behind it', () => {
    const remote = formatHlc({ millis: T0 - DAY, counter: 99, nodeId: OTHER });
    expect(hlcRecv(local, remote, T0 - 2 * DAY)).toEqual({ millis: T0, counter: 4, nodeId: NODE });
  });

  it('takes the wall clock when it is ahead of both', () => {
    const remote = formatHlc({ millis: T0 + 5, counter: 9, nodeId: OTHER });
    expect(hlcRecv(local, remote, T0 + 10)).toEqual({ millis: T0 + 10, counter: 0, nodeId: NODE });
  });

  it('counts past the larger counter when both are at the same time', () => {
    expect(hlcRecv(local, formatHlc({ millis: T0, counter: 8, nodeId: OTHER }), T0)).toEqual({
      millis: T0,
      counter: 9,
      nodeId: NODE,
    });
    expect(hlcRecv(local, formatHlc({ millis: T0, counter: 1, nodeId: OTHER }), T0)).toEqual({
      millis: T0,
      counter: 4,
      nodeId: NODE,
    });
  });

  it('advances the time when the received counter overflows', () => {
    const remote = formatHlc({ millis: T0 + 50, counter: 0xffff, nodeId: OTHER });
    expect(hlcRecv(local, remote, T0)).toEqual({ millis: T0 + 51, counter: 0, nodeId: NODE });
  });

  it('ignores a malformed remote value', () => {
    for (const bad of [
      '',
      'garbage',
      '2026-01-29T19:05:00.000Z-zzzz-fedcba9876543210',
      '9999-99-99T99:99:99.999Z-0000-fedcba9876543210',
    ]) {
      expect(hlcRecv(local, bad, T0 - DAY)).toBe(local);
    }
  });

  it('keeps every later send above each value it has received', () => {
    let state = initialHlcState(NODE);
    const remotes = [T0 + DAY, T0 - DAY, T0 + 3 * DAY, T0].map((m, i) =>
      formatHlc({ millis: m, counter: i, nodeId: OTHER }),
    );
    let highest = '';
    for (const remote of remotes) {
      state = hlcRecv(state, remote, T0);
      highest = maxHlc(highest, remote);
      const sent = hlcSend(state, T0);
      expect(sent.hlc > highest).toBe(true);
      state = sent.state;
    }
  });
});

describe('HlcStateSchema', () => {
  it('round-trips a saved state through JSON', () => {
    const { state } = sendAll(initialHlcState(NODE), [T0, T0, T0]);
    const restored = HlcStateSchema.parse(JSON.parse(JSON.stringify(state)));
    expect(restored).toEqual({ millis: T0, counter: 2, nodeId: NODE });
    expect(hlcSend(restored, T0).hlc).toBe('2026-01-29T19:05:00.000Z-0003-0123456789abcdef');
  });

  it('refuses a state that could not have been saved', () => {
    const good = { millis: T0, counter: 2, nodeId: NODE };
    expect(HlcStateSchema.safeParse(good).success).toBe(true);
    for (const bad of [
      { ...good, millis: -1 },
      { ...good, millis: 1.5 },
      { ...good, counter: 0x10000 },
      { ...good, counter: -1 },
      { ...good, nodeId: 'abc' },
      { millis: T0, counter: 2 },
      null,
    ]) {
      expect(HlcStateSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
