/**
 * Pull cursors (SYNC.md §6): opaque, signed with HMAC-SHA256 under a key kept in the database's
 * `meta`, bound to the database's epoch and to the scope. Anything that does not verify means
 * "pull everything again" (`reset`), never an error: a device must always be able to recover.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface CursorSecret {
  epoch: string;
  key: string;
}

function sign(secret: CursorSecret, body: string): string {
  return createHmac('sha256', secret.key).update(body).digest('base64url');
}

/** Makes the cursor that covers every row of `scope` up to `seq`. */
export function encodeCursor(secret: CursorSecret, scope: string, seq: number): string {
  const body = Buffer.from(JSON.stringify({ e: secret.epoch, s: scope, q: seq })).toString('base64url');
  return `${body}.${sign(secret, body)}`;
}

/** The sequence a cursor covers, or null when its signature, epoch or scope does not match. */
export function decodeCursor(secret: CursorSecret, scope: string, cursor: string): number | null {
  if (cursor.length > 1000) return null;
  const dot = cursor.indexOf('.');
  if (dot < 1) return null;
  const body = cursor.slice(0, dot);
  const given = Buffer.from(cursor.slice(dot + 1), 'base64url');
  const expected = Buffer.from(sign(secret, body), 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { e?: unknown; s?: unknown; q?: unknown };
    if (parsed.e !== secret.epoch || parsed.s !== scope) return null;
    return typeof parsed.q === 'number' && Number.isSafeInteger(parsed.q) && parsed.q >= 0 ? parsed.q : null;
  } catch {
    return null;
  }
}
