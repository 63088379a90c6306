/**
 * Applying pulled pages (SYNC.md §6) and the repair after a `reset`, each in ONE rw transaction.
 * - A page and its cursor are saved together, so a tab killed between pages loses nothing and
 *   applies nothing twice (§11 invariant 4).
 * - A pulled row replaces the local record only when its version is higher. A record with a waiting
 *   outbox entry is left alone (the server merges when that push arrives), and so is a record marked
 *   rejected: her data stays on screen until she fixes it (its values are in the server's quarantine).
 * - After `reset` the device pulls everything again from a null cursor in "repair" mode: the server
 *   may have come back from a backup, so versions can go down. A row then replaces the local record
 *   unless the local HLC is greater (data synced after the backup). When the full pull is done,
 *   `finishRepair` sends again every record the server lacks (a `create`) and every record whose local
 *   HLC is greater than the server row's (an `update` of all fields on the server's version).
 *   Choice where SYNC.md is silent: conflict records the server lacks stay on the device (they hold
 *   losing values; a device may not create them on the server).
 */
import type { ServerRecord } from '../domain/sync-messages';
import { DEVICE_TABLES, tablesOfKind, type DeviceTable } from '../domain/tables';
import type { NaptimeDb, RecordRow } from './db';
import {
  allFieldsOf,
  entriesOf,
  parseRecordRow,
  readRecordRow,
  toLocalRecord,
} from './outbox-chain';
import { outboxOp } from './outbox';
import { getDeviceKind, receiveHlc, SYNC_META_KEYS } from './sync-state';
import { v7 as uuidv7 } from 'uuid';

/** A page as the server sends it (already parsed). */
export interface PulledPage {
  changes: readonly ServerRecord[];
  cursor: string;
  serverHlc: string;
}

/** The repair in progress: server versions and HLCs seen by the full pull, by `table/id`. */
interface RepairState {
  seen: Record<string, [number, string]>;
}

const storesOf = (db: NaptimeDb) => DEVICE_TABLES.map((t) => db.synced(t));

async function readRepair(db: NaptimeDb): Promise<RepairState | null> {
  const row = await db.meta.get(SYNC_META_KEYS.repair);
  const value = row?.value as RepairState | undefined;
  return value && typeof value === 'object' && value.seen ? value : null;
}

/** Whether a pulled row replaces the local record (see the module header). */
function replaces(row: ServerRecord, local: RecordRow | undefined, repairing: boolean): boolean {
  if (!local) return true;
  if (!repairing) return row.version > local.version;
  if (local.hlc > row.hlc) return false;
  return row.version !== local.version || row.hlc !== local.hlc;
}

/**
 * Saves one pulled page and its cursor together; returns how many rows replaced local records. The
 * page's records and waiting entries are read in bulk and the replacements written in bulk (one
 * request per row, one after another, cost a tablet seconds for a page of 500).
 */
export function applyPullPage(
  db: NaptimeDb,
  page: PulledPage,
  now: number,
  options: { saveCursor?: boolean } = {},
): Promise<number> {
  return db.transaction('rw', [db.outbox, db.meta, ...storesOf(db)], async () => {
    const repair = await readRepair(db);
    // Only the tables of this device's kind: a provider's device never stores a staff table's row.
    const mine = new Set<string>(tablesOfKind(await getDeviceKind(db)));
    const rows = page.changes.filter((row) => mine.has(row.table));
    const key = (table: string, id: string) => `${table}/${id}`;
    const locals = new Map<string, RecordRow | undefined>();
    for (const table of DEVICE_TABLES) {
      const ids = rows.filter((r) => r.table === table).map((r) => r.id);
      if (ids.length === 0) continue;
      const stored = await db.synced(table).bulkGet(ids);
      ids.forEach((id, i) => locals.set(key(table, id), parseRecordRow(stored[i])));
    }
    const waiting = new Set(
      (
        await db.outbox
          .where('[table+recordId]')
          .anyOf(rows.map((r) => [r.table, r.id]))
          .toArray()
      ).map((e) => key(e.table, e.recordId)),
    );
    const puts = new Map<DeviceTable, Map<string, RecordRow>>();
    for (const row of rows) {
      const table = row.table as DeviceTable;
      const k = key(table, row.id);
      if (repair) repair.seen[k] = [row.version, row.hlc];
      const local = locals.get(k);
      if (waiting.has(k)) continue;
      if (local?.syncStatus === 'rejected') continue;
      if (!replaces(row, local, repair !== null)) continue;
      const next = toLocalRecord(row, local);
      locals.set(k, next); // a record twice in one page: the later row is judged on the first
      if (!puts.has(table)) puts.set(table, new Map());
      puts.get(table)!.set(row.id, next);
    }
    let replaced = 0;
    for (const [table, byId] of puts) {
      await db.synced(table).bulkPut([...byId.values()] as never[]);
      replaced += byId.size;
    }
    if (repair) await db.meta.put({ key: SYNC_META_KEYS.repair, value: repair });
    if (options.saveCursor !== false)
      await db.meta.put({ key: SYNC_META_KEYS.cursor, value: page.cursor });
    await receiveHlc(db, page.serverHlc, now);
    await db.meta.put({ key: SYNC_META_KEYS.lastPullAt, value: now });
    return replaced;
  });
}

/** Saves only a cursor (used by a deliberately broken client in the simulation). */
export async function saveCursorAlone(db: NaptimeDb, cursor: string): Promise<void> {
  await db.meta.put({ key: SYNC_META_KEYS.cursor, value: cursor });
}

/** The server answered `reset`: forget the cursor and start a full pull in repair mode. */
export function beginRepair(db: NaptimeDb): Promise<void> {
  return db.transaction('rw', db.meta, async () => {
    await db.meta.delete(SYNC_META_KEYS.cursor);
    await db.meta.put({ key: SYNC_META_KEYS.repair, value: { seen: {} } satisfies RepairState });
  });
}

/** True while a repair's full pull is not finished. */
export async function isRepairing(db: NaptimeDb): Promise<boolean> {
  return (await readRepair(db)) !== null;
}

/**
 * Ends the repair once the full pull is applied: queues what the server lacks or holds older (see
 * the module header) and returns how many records will be sent again. One transaction.
 */
export function finishRepair(db: NaptimeDb): Promise<number> {
  return db.transaction('rw', [db.outbox, db.meta, ...storesOf(db)], async () => {
    const repair = await readRepair(db);
    if (!repair) return 0;
    let queued = 0;
    for (const table of DEVICE_TABLES) {
      if (table === 'conflicts') continue;
      const rows = await db.synced(table).toArray();
      for (const raw of rows) {
        const local = await readRecordRow(db, table, String((raw as { id: unknown }).id));
        if (!local || local.syncStatus === 'rejected') continue;
        const seen = repair.seen[`${table}/${local.id}`];
        const serverVersion = seen?.[0] ?? 0;
        const entries = await entriesOf(db, table, local.id);
        const first = entries[0];
        const base = first
          ? ((first.payload?.baseVersion as number | undefined) ?? first.baseVersion)
          : null;
        const lacking = !seen;
        const newer = seen !== undefined && local.hlc > seen[1];
        // A waiting entry built on a version the server no longer has would be refused: replace it.
        const stale = first !== undefined && (lacking || (base ?? 0) > serverVersion);
        if (first && !stale) continue;
        if (!first && !lacking && !newer) continue;
        for (const e of entries) if (e.seq !== undefined) await db.outbox.delete(e.seq);
        const record: RecordRow = { ...local, version: serverVersion, syncStatus: 'pending' };
        const fields =
          serverVersion === 0 ? Object.keys(record.data).sort() : allFieldsOf(record, table);
        await db.synced(table).put(record);
        await db.outbox.add({
          mutationId: uuidv7(),
          table,
          recordId: local.id,
          op: outboxOp(record, fields),
          baseVersion: serverVersion,
          changedFields: fields,
          hlc: local.hlc,
          state: 'pending',
          attempts: 0,
        });
        queued += 1;
      }
    }
    await db.meta.delete(SYNC_META_KEYS.repair);
    return queued;
  });
}
