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
