/**
 * Pull cursors (SYNC.md §6): opaque, signed with HMAC-SHA256 under a key kept in the database's
 * `meta`, bound to the database's epoch and to the scope. Anything that does not verify means "pull
 * everything again" (`reset`), never an error: a device must always be able to recover.
 *
 * A cursor also remembers a full pull (SYNC.md §6): one that started from a `null` cursor returns
 * every row on every page, the caller's own included, until `hasMore` is false. Choice: the flag
 * lives inside the signed body (`f: 1`), so a device cannot turn suppression off or on by itself,
 * and the cursor of the last page of a full pull drops it (from there on, echo suppression
 * applies). A cursor made before the flag existed reads as not full.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface CursorSecret {
  epoch: string;
  key: string;
}

function sign(secret: CursorSecret, body: string): string {
  return createHmac('sha256', secret.key).update(body).digest('base64url');
}

/** What a verified cursor says: the sequence it covers and whether it continues a full pull. */
export interface CursorPosition {
  seq: number;
  full: boolean;
}

/** Makes the cursor that covers every row of `scope` up to `seq` (`full`: a full pull goes on). */
export function encodeCursor(
  secret: CursorSecret,
  scope: string,
  seq: number,
  full = false,
): string {
  const fields = full
    ? { e: secret.epoch, s: scope, q: seq, f: 1 }
    : { e: secret.epoch, s: scope, q: seq };
  const body = Buffer.from(JSON.stringify(fields)).toString('base64url');
  return `${body}.${sign(secret, body)}`;
}

/** The position a cursor covers, or null when its signature, epoch or scope does not match. */
export function decodeCursor(
  secret: CursorSecret,
  scope: string,
  cursor: string,
): CursorPosition | null {
  if (cursor.length > 1000) return null;
  const dot = cursor.indexOf('.');
  if (dot < 1) return null;
  const body = cursor.slice(0, dot);
  const given = Buffer.from(cursor.slice(dot + 1), 'base64url');
  const expected = Buffer.from(sign(secret, body), 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const text = Buffer.from(body, 'base64url').toString('utf8');
    const parsed = JSON.parse(text) as { e?: unknown; s?: unknown; q?: unknown; f?: unknown };
    if (parsed.e !== secret.epoch || parsed.s !== scope) return null;
    const seq = parsed.q;
    if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) return null;
    return { seq, full: parsed.f === 1 };
  } catch {
    return null;
  }
}

/** Where a cursor of several scopes stands: one sequence per scope, in the scopes' order. */
export interface ScopesPosition {
  seqs: number[];
  full: boolean;
}

/**
 * The cursor of a device that pulls several scopes (a staff device: `staff:<id>` and
 * `agency:<id>`, SYNC.md §12): one signed cursor per scope, in order, joined by `~` (a character no
 * signed cursor holds). A cursor of one scope is exactly `encodeCursor`'s, so a provider's cursor
 * is unchanged.
 */
export function encodeScopesCursor(
  secret: CursorSecret,
  scopes: readonly string[],
  seqs: readonly number[],
  full = false,
): string {
  return scopes.map((scope, i) => encodeCursor(secret, scope, seqs[i]!, full)).join('~');
}

/**
 * The position of a cursor of `scopes`, or null unless it has exactly one verified part per scope,
 * each for its own scope: a cursor made for other scopes (another person's, another kind of
 * device's) never reads these.
 */
export function decodeScopesCursor(
  secret: CursorSecret,
  scopes: readonly string[],
  cursor: string,
): ScopesPosition | null {
  if (cursor.length > 1000 * scopes.length) return null;
  const parts = cursor.split('~');
  if (parts.length !== scopes.length) return null;
  const positions: CursorPosition[] = [];
  for (const [i, part] of parts.entries()) {
    const position = decodeCursor(secret, scopes[i]!, part);
    if (!position) return null;
    positions.push(position);
  }
  return { seqs: positions.map((p) => p.seq), full: positions.every((p) => p.full) };
}
