/**
 * "Erase this device" (DESIGN.md 7, SYNC.md §7): everything local goes (records, outbox, drafts,
 * meta, settings), so the next start is a fresh first run with a new node id, and the device is
 * free to be enrolled with another provider. The app offers an export first and says what is unsynced.
 */
import { DEVICE_TABLES } from '../domain/tables';
import type { NaptimeDb } from './db';
import { toStorageFailure, type StorageFailure } from './errors';

const UNSYNCED_STATUSES = ['pending', 'rejected', 'conflict'];

/**
 * How many records are not (or not yet) on the server: those with an outbox entry, or whose
 * `syncStatus` is pending, rejected or in conflict. Each record counts once.
 */
export async function countUnsynced(db: NaptimeDb): Promise<number> {
  const stores = DEVICE_TABLES.map((t) => db.synced(t));
  return db.transaction('r', [...stores, db.outbox], async () => {
    const keys = new Set<string>();
    for (const entry of await db.outbox.toArray()) keys.add(`${entry.table}/${entry.recordId}`);
    for (const table of DEVICE_TABLES) {
      const ids = await db.synced(table).where('syncStatus').anyOf(UNSYNCED_STATUSES).primaryKeys();
      for (const id of ids) keys.add(`${table}/${id}`);
    }
    return keys.size;
  });
}

/** Removes every local record, outbox entry, draft, meta and setting, in one transaction. */
export async function eraseDevice(db: NaptimeDb): Promise<{ ok: true } | StorageFailure> {
  const tables = db.tables;
  try {
    // All or nothing: a half-erased device would be neither her data nor a fresh start.
    await db.transaction('rw', tables, async () => {
      await Promise.all(tables.map((table) => table.clear()));
    });
    return { ok: true };
  } catch (error) {
    return toStorageFailure(error);
  }
}
