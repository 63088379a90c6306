/**
 * The staff read routes' client (SYNC.md §17): a GET with the device's token, the answer checked by
 * its schema (`domain/staff-read.ts`), then kept whole (`storage/staff-kept.ts`) so the page reads
 * offline "as of" when it came. Offline, on a network error, a timeout, a server error or an answer
 * that does not parse, the kept copy is shown with the reason. What the server no longer lets this
 * device read must not stay on it: a 401 (the token is revoked) forgets every kept copy, a 403 (not
 * for this role) that route's.
 */
import type { z } from 'zod/mini';
import type { NaptimeDb } from '../storage/db';
import {
  forgetKeptAnswer,
  forgetKeptAnswers,
  getKeptAnswer,
  keepAnswer,
} from '../storage/staff-kept';
import { getConnection } from '../storage/sync-state';

/** The environment of a read: the browser's `fetch` and clock, or a test's. */
export interface StaffReadDeps {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  isOnline: () => boolean;
  now: () => number;
  /** Turns the connection's server URL into the base of requests ('' for the page's own origin). */
  baseUrlFor: (serverUrl: string | undefined) => string;
}

/** Why the latest answer is not on screen. */
export type StaffReadProblem =
  | 'offline'
  | 'network'
  | 'server'
  | 'bad-answer'
  | 'not-connected'
  | 'not-allowed'
  | 'unauthenticated';

/** What a page shows: the answer and when it came, and why it is not fresher (`problem`). */
export type StaffRead<T> =
  | { answer: T; savedAt: number; problem: StaffReadProblem | null }
  | { answer: null; savedAt: null; problem: StaffReadProblem };

const TIMEOUT_MS = 30_000;

async function kept<T>(
  db: NaptimeDb,
  route: string,
  schema: z.ZodMiniType<T>,
  problem: StaffReadProblem,
): Promise<StaffRead<T>> {
  const copy = await getKeptAnswer(db, route);
  const parsed = copy ? schema.safeParse(copy.answer) : null;
  return parsed?.success && copy
    ? { answer: parsed.data, savedAt: copy.savedAt, problem }
    : { answer: null, savedAt: null, problem };
}

/** The kept copy of `route`, without asking the server (for the first paint). */
export function readKept<T>(
  db: NaptimeDb,
  route: string,
  schema: z.ZodMiniType<T>,
): Promise<StaffRead<T> | null> {
  return kept(db, route, schema, 'offline').then((r) => (r.answer === null ? null : r));
}

/**
 * Reads `route` (a path with its query, e.g. `/api/v1/staff/shared`) from the server, keeps the
 * answer and returns it; or the kept copy, with why.
 */
export async function readStaffRoute<T>(
  db: NaptimeDb,
  deps: StaffReadDeps,
  route: string,
  schema: z.ZodMiniType<T>,
): Promise<StaffRead<T>> {
  const conn = await getConnection(db);
  if (!conn) return { answer: null, savedAt: null, problem: 'not-connected' };
  if (!deps.isOnline()) return kept(db, route, schema, 'offline');
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  let res: Response;
  let json: unknown;
  try {
    res = await deps.fetch(`${deps.baseUrlFor(conn.serverUrl)}${route}`, {
      method: 'GET',
      headers: { authorization: `Bearer ${conn.deviceToken}`, accept: 'application/json' },
      signal: controller.signal,
    });
    const raw = await res.text();
    try {
      json = raw === '' ? null : JSON.parse(raw);
    } catch {
      json = undefined;
    }
  } catch {
    return kept(db, route, schema, 'network');
  } finally {
    clearTimeout(timer);
  }
  if (res.status === 401) {
    await forgetKeptAnswers(db);
    return { answer: null, savedAt: null, problem: 'unauthenticated' };
  }
  if (res.status === 403) {
    // Not for her role (a coach asking for the agencies): only this route's copy goes.
    await forgetKeptAnswer(db, route);
    return { answer: null, savedAt: null, problem: 'not-allowed' };
  }
  if (!res.ok) return kept(db, route, schema, 'server');
  const parsed = schema.safeParse(json);
  if (!parsed.success) return kept(db, route, schema, 'bad-answer');
  const savedAt = deps.now();
  await keepAnswer(db, route, json, savedAt);
  return { answer: parsed.data, savedAt, problem: null };
}
