/**
 * A staff device's kept copy of the staff read routes' answers (SYNC.md §14, §17): the last answer
 * of each route (its path and query), kept in `meta` so the coach can read offline, "as of" the time
 * it came. Each answer replaces the kept one whole, never merged: a provider who stopped sharing is
 * gone from the copy with the next answer. Nothing else reads or writes these keys.
 */
import type { NaptimeDb } from './db';

const PREFIX = 'staff.kept.';

/** One kept answer: the answer as it came (parsed again on every read) and when it came (epoch ms). */
export interface KeptAnswer {
  answer: unknown;
  savedAt: number;
}

/** The kept answer of `route`, or null when there is none (or it is not one this build wrote). */
export async function getKeptAnswer(db: NaptimeDb, route: string): Promise<KeptAnswer | null> {
  const row = await db.meta.get(PREFIX + route);
  const value = row?.value as Partial<KeptAnswer> | undefined;
  if (!value || typeof value.savedAt !== 'number' || !('answer' in value)) return null;
  return { answer: value.answer, savedAt: value.savedAt };
}

/** Replaces the kept answer of `route` with `answer`, whole. */
export async function keepAnswer(
  db: NaptimeDb,
  route: string,
  answer: unknown,
  savedAt: number,
): Promise<void> {
  await db.meta.put({ key: PREFIX + route, value: { answer, savedAt } });
}

/** Forgets the kept answer of `route`. */
export async function forgetKeptAnswer(db: NaptimeDb, route: string): Promise<void> {
  await db.meta.delete(PREFIX + route);
}

/** Forgets every kept answer (the server no longer lets this device read them). */
export async function forgetKeptAnswers(db: NaptimeDb): Promise<void> {
  await db.meta.where('key').startsWith(PREFIX).delete();
}
