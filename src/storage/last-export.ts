/**
 * When she last saved a copy of her data (DESIGN.md "Architecture", Storage): written when an export
 * is handed to her, read by Home's weekly reminder. Apart from `export.ts`, so Home does not load
 * the export format.
 */
import { toLocalDateTime } from '../domain/dates';
import type { NaptimeDb } from './db';

/** The meta key of the last time she saved a copy of her data (an export handed to her). */
export const LAST_EXPORT_KEY = 'lastExportAt';

/** Notes that she saved a copy now (the weekly reminder counts from it until she connects). */
export async function recordExport(db: NaptimeDb): Promise<void> {
  await db.meta.put({ key: LAST_EXPORT_KEY, value: toLocalDateTime(db.now()) });
}

/** When she last saved a copy (local date-time with offset), or null when never. */
export async function lastExportAt(db: NaptimeDb): Promise<string | null> {
  const value = (await db.meta.get(LAST_EXPORT_KEY))?.value;
  return typeof value === 'string' ? value : null;
}
