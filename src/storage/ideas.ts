/**
 * "Tried it" on an idea to try next (DESIGN.md "Records": `nextStepTriedOn` on the note). An idea
 * written in several notes is marked in each, so every device and both exports agree on it.
 */
import { toCalendarDate } from '../domain/dates';
import type { NaptimeDb } from './db';
import { getRecord } from './read';
import { saveRecord } from './write';

/** Marks the ideas of `noteIds` tried today (`isTried`) or open again; false when a write failed. */
export async function markIdeaTried(
  db: NaptimeDb,
  noteIds: readonly string[],
  isTried: boolean,
): Promise<boolean> {
  const on = isTried ? toCalendarDate(db.now()) : null;
  let isAllWritten = true;
  for (const id of noteIds) {
    const item = await getRecord(db, 'observations', id);
    if (!item?.ok || !item.record.data.nextStep) continue;
    if (
      (item.record.data.nextStepTriedOn ?? null) === on ||
      (isTried && item.record.data.nextStepTriedOn)
    )
      continue;
    const result = await saveRecord(db, 'observations', id, {
      ...item.record.data,
      nextStepTriedOn: on,
    });
    if (!result.ok) isAllWritten = false;
  }
  return isAllWritten;
}
