/**
 * The staff read store (staff-reads.ts) over better-sqlite3. On a database file, each answer runs in
 * one read transaction on a read-only connection of its own (WAL gives it its own snapshot, held
 * across every statement of the answer), outside the repository's queue: a roll-up that reads a
 * thousand providers a chunk at a time (staff-reads.ts hands the event loop back between chunks)
 * never makes another provider's push or pull wait behind it. Its new rule-4 history rows are
 * written at its end on the repository's connection, inside its queue, in one write transaction
 * that first checks the viewer's history is still the one the snapshot read (another process's
 * roll-up of the same viewer in between makes it SQLITE_BUSY_SNAPSHOT: a 503 the device retries).
 * Two answers of one staff member in this process run one after the other, so neither is judged on
 * a history missing the other's points. `:memory:` (tests) has one connection only: there each
 * answer runs inside the queue, as one transaction on it.
 */
import Database from 'better-sqlite3';
import { decodeParts, encodeParts } from './history-parts';
import { storedRecordFromSql, type RecordRowSql } from './record-row';
import { BUSY_TIMEOUT_MS, type Db } from './sqlite-db';
import { yieldToLoop, type StaffReadStore, type StaffReadTx } from './staff-reads';

/** Read connections kept open between answers (more are opened when answers overlap). */
const IDLE_READERS = 2;

function statements(db: Db) {
  return {
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
    seq: db.prepare<[string], { seq: number }>('SELECT seq FROM scope_counters WHERE scope = ?'),
    hashes: db.prepare<[string, string], { parts_hash: string }>(
      'SELECT parts_hash FROM staff_view_history WHERE staff_id = ? AND point_key = ?',
    ),
    parts: db.prepare<[string, string], { parts: string }>(
      'SELECT parts FROM staff_view_history WHERE staff_id = ? AND point_key = ?',
    ),
    historySize: db.prepare<[string], { n: number }>(
      'SELECT count(*) AS n FROM staff_view_history WHERE staff_id = ?',
    ),
  };
}
type Statements = ReturnType<typeof statements>;

function readsOf(stmt: Statements, addShownParts: StaffReadTx['addShownParts']): StaffReadTx {
  const inSet = <T>(ids: readonly string[] | null, id: (t: T) => string) => {
    const set = ids && new Set(ids);
    return (t: T) => set === null || set.has(id(t));
  };
  return {
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
    scopeSeqs: async (scopes) => {
      const out = new Map<string, number>();
      for (const scope of new Set(scopes)) {
        const row = stmt.seq.get(scope);
        if (row) out.set(scope, row.seq);
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
    addShownParts,
  };
}

export interface SqliteStaffReads {
  staffRead: StaffReadStore['staffRead'];
  /** Closes the idle read connections (the repository's own is closed by the repository). */
  close(): void;
}

export function sqliteStaffReads(
  db: Db,
  file: string,
  exclusive: <T>(fn: () => T | Promise<T>) => Promise<T>,
): SqliteStaffReads {
  const main = statements(db);
  const addPart = db.prepare(
    'INSERT OR IGNORE INTO staff_view_history (staff_id, point_key, parts_hash, parts) VALUES (?, ?, ?, ?)',
  );
  /** A history row as written: key, hash, deflated parts. */
  type Row = [key: string, hash: string, parts: string];
  const write = (staffId: string, rows: readonly Row[]) => {
    for (const r of rows) addPart.run(staffId, ...r);
  };

  if (file === ':memory:') {
    const tx = readsOf(main, async (staffId, entries) =>
      write(
        staffId,
        entries.map((e) => [e.key, e.hash, encodeParts(e.parts)]),
      ),
    );
    return {
      staffRead: (_historyOf, fn) =>
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
        }),
      close: () => undefined,
    };
  }

  const idle: { db: Db; stmt: Statements }[] = [];
  let closed = false;
  const acquire = () => {
    const reader = idle.pop();
    if (reader) return reader;
    const conn = new Database(file, { readonly: true, fileMustExist: true });
    conn.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    return { db: conn, stmt: statements(conn) };
  };
  const release = (reader: { db: Db; stmt: Statements }) => {
    if (reader.db.inTransaction) reader.db.exec('ROLLBACK');
    if (!closed && idle.length < IDLE_READERS) idle.push(reader);
    else reader.db.close();
  };

  // One answer at a time per staff member in this process (her rule-4 history).
  const viewerTails = new Map<string, Promise<unknown>>();
  const oneAtATime = <T>(staffId: string | null, fn: () => Promise<T>): Promise<T> => {
    if (staffId === null) return fn();
    const run = (viewerTails.get(staffId) ?? Promise.resolve()).then(fn);
    const tail = run.catch(() => undefined);
    viewerTails.set(staffId, tail);
    void tail.then(() => {
      if (viewerTails.get(staffId) === tail) viewerTails.delete(staffId);
    });
    return run;
  };

  return {
    staffRead: (historyOf, fn) =>
      oneAtATime(historyOf, async () => {
        const reader = acquire();
        const added = new Map<string, Row[]>();
        try {
          reader.db.exec('BEGIN');
          // The first read takes the snapshot every later statement of the answer sees.
          const sizes = new Map<string, number>();
          const sizeOf = (staffId: string) => {
            let n = sizes.get(staffId);
            if (n === undefined) sizes.set(staffId, (n = reader.stmt.historySize.get(staffId)!.n));
            return n;
          };
          if (historyOf !== null) sizeOf(historyOf);
          else reader.stmt.agencies.all();
          const value = await fn(
            readsOf(reader.stmt, async (staffId, entries) => {
              sizeOf(staffId);
              let list = added.get(staffId);
              if (!list) added.set(staffId, (list = []));
              // Deflating a thousand providers' parts per point takes a while: done here, a few at
              // a time between turns of the event loop, not inside the queue at the end.
              for (let i = 0; i < entries.length; i++) {
                if (i > 0 && i % 50 === 0) await yieldToLoop();
                const e = entries[i]!;
                list.push([e.key, e.hash, encodeParts(e.parts)]);
              }
            }),
          );
          reader.db.exec('COMMIT');
          if (added.size)
            await exclusive(() =>
              db
                .transaction(() => {
                  for (const [staffId, entries] of added) {
                    if (main.historySize.get(staffId)!.n !== sizes.get(staffId))
                      throw Object.assign(
                        new Error('The history changed since this answer read it.'),
                        { code: 'SQLITE_BUSY_SNAPSHOT' },
                      );
                    write(staffId, entries);
                  }
                })
                .immediate(),
            );
          return value;
        } finally {
          release(reader);
        }
      }),
    close: () => {
      closed = true;
      for (const reader of idle.splice(0)) reader.db.close();
    },
  };
}
