/**
 * Hybrid logical clock (SYNC.md §1). A value is `<ISO time, 24 chars>-<4 hex counter>-<16 hex node>`;
 * plain string comparison orders it. State is kept by the caller (storage saves it in the same
 * transaction as the write that used it), so the clock never goes backwards across restarts or a
 * tablet whose clock was reset.
 */
import { z } from 'zod/mini';

// zod/mini carries no locale of its own: with the English one (what `zod` loads by default), an issue
// that names no message of ours keeps zod's English sentence (the server's 400 answers show them).
if (!z.core.globalConfig.localeError) z.config(z.locales.en());

const HLC_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-[0-9a-f]{4}-[0-9a-f]{16}$/;
const MAX_COUNTER = 0xffff;

/**
 * A well-formed HLC string whose time part is a real instant (SYNC.md §1). Choice: the pattern
 * alone lets "2026-99-45T25:61:00.000Z" through, and such a value would win every later conflict by
 * string order; so the time must round-trip through `Date` to the very same 24 characters.
 */
export const HlcSchema = z
  .string()
  .check(
    z.regex(HLC_PATTERN, 'not a hybrid logical clock value'),
    z.refine(isRealInstant, 'not a real instant'),
  );
export type Hlc = z.infer<typeof HlcSchema>;

/** 16 lowercase hex digits naming one device's clock. */
export const NodeIdSchema = z.string().check(z.regex(/^[0-9a-f]{16}$/, 'not a 16-hex node id'));

/** What must be persisted between calls: the last issued time (ms), counter and this node's id. */
export const HlcStateSchema = z.object({
  millis: z.number().check(z.int(), z.nonnegative()),
  counter: z.number().check(z.int(), z.gte(0), z.lte(MAX_COUNTER)),
  nodeId: NodeIdSchema,
});
export type HlcState = z.infer<typeof HlcStateSchema>;

/** `length` random bytes (the browser's `crypto.getRandomValues`, node:crypto's `randomBytes`). */
export type RandomBytes = (length: number) => Uint8Array;

/**
 * Makes a new node id (16 hex digits) from the caller's random source: the domain names no
 * platform global, so the browser and the server each pass their own.
 */
export function createNodeId(randomBytes: RandomBytes): string {
  return Array.from(randomBytes(8), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A fresh clock state for a device that has never written anything. */
export function initialHlcState(nodeId: string): HlcState {
  return { millis: 0, counter: 0, nodeId };
}

/** Formats a state as its HLC string. */
export function formatHlc(state: HlcState): Hlc {
  // Years outside 0000-9999 cannot be written in 24 characters; a clock that far off is clamped.
  const millis = Math.min(Math.max(state.millis, 0), 253402300799999);
  return `${new Date(millis).toISOString()}-${state.counter.toString(16).padStart(4, '0')}-${state.nodeId}`;
}

/**
 * The time part's milliseconds when it is a real instant (it formats back to itself), else null.
 */
function instantOf(value: string): number | null {
  const millis = Date.parse(value.slice(0, 24));
  if (Number.isNaN(millis) || new Date(millis).toISOString() !== value.slice(0, 24)) return null;
  return millis;
}

function isRealInstant(value: string): boolean {
  return !HLC_PATTERN.test(value) || instantOf(value) !== null;
}

/** Parses an HLC string into its parts, or returns null when it is malformed or no real instant. */
export function parseHlc(
  value: string,
): { millis: number; counter: number; nodeId: string } | null {
  if (!HLC_PATTERN.test(value)) return null;
  const millis = instantOf(value);
  if (millis === null) return null;
  return { millis, counter: parseInt(value.slice(25, 29), 16), nodeId: value.slice(30) };
}

function advance(millis: number, counter: number, nodeId: string): HlcState {
  // On counter overflow the time moves on by one millisecond instead (SYNC.md §1).
  return counter > MAX_COUNTER
    ? { millis: millis + 1, counter: 0, nodeId }
    : { millis, counter, nodeId };
}

/** A local event: returns the new state and the HLC to stamp on the write. */
export function hlcSend(state: HlcState, nowMillis: number): { state: HlcState; hlc: Hlc } {
  const next =
    nowMillis > state.millis
      ? { millis: nowMillis, counter: 0, nodeId: state.nodeId }
      : advance(state.millis, state.counter + 1, state.nodeId);
  return { state: next, hlc: formatHlc(next) };
}

/** Receiving a remote HLC: the state moves past both the remote value and the local clock. */
export function hlcRecv(state: HlcState, remote: string, nowMillis: number): HlcState {
  const other = parseHlc(remote);
  if (!other) return state;
  const millis = Math.max(state.millis, other.millis, nowMillis);
  let counter: number;
  if (millis === state.millis && millis === other.millis)
    counter = Math.max(state.counter, other.counter) + 1;
  else if (millis === state.millis) counter = state.counter + 1;
  else if (millis === other.millis) counter = other.counter + 1;
  else counter = 0;
  return advance(millis, counter, state.nodeId);
}

/** The larger of two HLC strings (string order is clock order). */
export function maxHlc(a: string, b: string): string {
  return a >= b ? a : b;
}
