/**
 * The staff read store (staff-reads.ts) over better-sqlite3: each answer in one read transaction on
 * the repository's connection, inside its queue (`exclusive`), so it sees one snapshot and nothing
 * else runs in it. A roll-up's new history rows are written at its end, upgrading the transaction
 * to a write (another process's commit in between, the admin command's, makes it SQLITE_BUSY: a
 * 503 the device retries). The queue also keeps two answers of one staff member from overlapping.
 */
import { decodeParts, encodeParts } from './history-parts';
import { storedRecordFromSql, type RecordRowSql } from './record-row';
import type { Db } from './sqlite-db';
import type { StaffReadStore, StaffReadTx } from './staff-reads';

export function sqliteStaffRead(
  db: Db,
  exclusive: <T>(fn: () => T | Promise<T>) => Promise<T>,
): StaffReadStore['staffRead'] {
  const stmt = {
    agencies: db.prepare<[], { agencyId: string; name: string }>(
      'SELECT id AS agencyId, name FROM agencies',
    ),
    providers: db.prepare<[], { providerId: string; name: string; agencyId: string }>(
      'SELECT id AS providerId, name, agency_id AS agencyId FROM providers',
    ),
    assigned: db.prepare<[string], { providerId: string; name: string; agencyId: string }>(
      `SELECT p.id AS providerId, p.name, p.agency_id AS agencyId
         FROM assignments a JOIN providers p ON p.id = a.provider_id WHERE a.staff_id = ?`,
    ),
    staff: db.prepare<[], { staffId: string; name: string; agencyId: string }>(
      'SELECT id AS staffId, name, agency_id AS agencyId FROM staff WHERE agency_id IS NOT NULL',
    ),
    // The columns a StoredRecord has, no more: a roll-up reads every provider's records.
    records: db.prepare<[string, string], Omit<RecordRowSql, 'last_status'>>(
      `SELECT tbl, id, version, server_seq, hlc, device_id, deleted, schema_version, created_at,
         updated_at, data FROM records WHERE scope = ? AND tbl = ?`,
    ),
    hashes: db.prepare<[string, string], { parts_hash: string }>(
      'SELECT parts_hash FROM staff_view_history WHERE staff_id = ? AND point_key = ?',
    ),
    parts: db.prepare<[string, string], { parts: string }>(
      'SELECT parts FROM staff_view_history WHERE staff_id = ? AND point_key = ?',
    ),
    addPart: db.prepare(
      'INSERT OR IGNORE INTO staff_view_history (staff_id, point_key, parts_hash, parts) VALUES (?, ?, ?, ?)',
    ),
  };
  const inSet = <T>(ids: readonly string[] | null, id: (t: T) => string) => {
    const set = ids && new Set(ids);
    return (t: T) => set === null || set.has(id(t));
  };

  const tx: StaffReadTx = {
    agencies: async (ids) => stmt.agencies.all().filter(inSet(ids, (a) => a.agencyId)),
    providers: async (where) =>
      'assignedTo' in where
        ? stmt.assigned.all(where.assignedTo)
        : stmt.providers.all().filter(inSet(where.agencyIds, (p) => p.agencyId)),
    staff: async (agencyIds) => stmt.staff.all().filter(inSet(agencyIds, (s) => s.agencyId)),
    records: async (scopes, tables) => {
      const out = new Map<string, Map<string, ReturnType<typeof storedRecordFromSql>[]>>();
      for (const scope of new Set(scopes)) {
        const own = new Map<string, ReturnType<typeof storedRecordFromSql>[]>();
        for (const table of tables) {
          const rows = stmt.records.all(scope, table);
          if (rows.length) own.set(table, rows.map(storedRecordFromSql));
        }
        if (own.size) out.set(scope, own);
      }
      return out;
    },
    shownHashes: async (staffId, keys) => {
      const out = new Map<string, Set<string>>();
      for (const key of keys) {
        const rows = stmt.hashes.all(staffId, key);
        if (rows.length) out.set(key, new Set(rows.map((r) => r.parts_hash)));
      }
      return out;
    },
    shownParts: async (staffId, keys) => {
      const out = new Map<string, string[][]>();
      for (const key of keys) {
        const rows = stmt.parts.all(staffId, key);
        if (rows.length)
          out.set(
            key,
            rows.map((r) => decodeParts(r.parts)),
          );
      }
      return out;
    },
    addShownParts: async (staffId, entries) => {
      for (const e of entries) stmt.addPart.run(staffId, e.key, e.hash, encodeParts(e.parts));
    },
  };

  return (_historyOf, fn) =>
    exclusive(async () => {
      db.exec('BEGIN');
      try {
        const value = await fn(tx);
        db.exec('COMMIT');
        return value;
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
    });
}
