/**
 * The staff read store (staff-reads.ts) over PostgreSQL: each answer in one REPEATABLE READ
 * transaction, so every statement of it (a provider's `sharing` record and her records included)
 * sees one snapshot. A roll-up first takes a session advisory lock on its staff member, before the
 * snapshot is taken: two roll-ups of one viewer, from any server processes, run one after the other,
 * so the second is judged on a history that holds the first's points (SYNC.md §15 rule 4).
 */
import type pg from 'pg';
import { fromPgText, toPgText } from './pg-push-store';
import { decodeParts, encodeParts } from './history-parts';
import { storedRecordFromSql, type RecordRowSql } from './record-row';
import type { StaffReadStore, StaffReadTx } from './staff-reads';

/** The advisory lock class of the viewers' histories (any constant unused elsewhere). */
const HISTORY_LOCK = 7_140_302;

function txOn(client: pg.PoolClient): StaffReadTx {
  const q = async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
    (await client.query<R>(sql, params)).rows;
  return {
    agencies: (ids) =>
      q<{ agencyId: string; name: string }>(
        'SELECT id AS "agencyId", name FROM agencies WHERE $1::text[] IS NULL OR id = ANY($1)',
        [ids],
      ),
    providers: (where) =>
      'assignedTo' in where
        ? q(
            `SELECT p.id AS "providerId", p.name, p.agency_id AS "agencyId"
               FROM assignments a JOIN providers p ON p.id = a.provider_id WHERE a.staff_id = $1`,
            [where.assignedTo],
          )
        : q(
            `SELECT id AS "providerId", name, agency_id AS "agencyId" FROM providers
              WHERE $1::text[] IS NULL OR agency_id = ANY($1)`,
            [where.agencyIds],
          ),
    staff: (agencyIds) =>
      q(
        `SELECT id AS "staffId", name, agency_id AS "agencyId" FROM staff
          WHERE agency_id IS NOT NULL AND ($1::text[] IS NULL OR agency_id = ANY($1))`,
        [agencyIds],
      ),
    records: async (scopes, tables) => {
      const out = new Map<string, Map<string, ReturnType<typeof storedRecordFromSql>[]>>();
      if (!scopes.length || !tables.length) return out;
      const rows = await q<RecordRowSql & { scope: string }>(
        'SELECT * FROM records WHERE scope = ANY($1) AND tbl = ANY($2)',
        [[...new Set(scopes)], tables.map((t) => toPgText(t))],
      );
      for (const r of rows) {
        r.tbl = fromPgText(r.tbl);
        r.id = fromPgText(r.id);
        let own = out.get(r.scope);
        if (!own) out.set(r.scope, (own = new Map()));
        let list = own.get(r.tbl);
        if (!list) own.set(r.tbl, (list = []));
        list.push(storedRecordFromSql(r));
      }
      return out;
    },
    scopeSeqs: async (scopes) =>
      new Map(
        (
          await q<{ scope: string; seq: string }>(
            'SELECT scope, seq FROM scope_counters WHERE scope = ANY($1)',
            [[...new Set(scopes)]],
          )
        ).map((r) => [r.scope, Number(r.seq)]),
      ),
    shownHashes: async (staffId, keys) => {
      const out = new Map<string, Set<string>>();
      const rows = await q<{ point_key: string; parts_hash: string }>(
        'SELECT point_key, parts_hash FROM staff_view_history WHERE staff_id = $1 AND point_key = ANY($2)',
        [staffId, keys],
      );
      for (const r of rows) {
        let set = out.get(r.point_key);
        if (!set) out.set(r.point_key, (set = new Set()));
        set.add(r.parts_hash);
      }
      return out;
    },
    shownParts: async (staffId, keys) => {
      const out = new Map<string, string[][]>();
      const rows = await q<{ point_key: string; parts: string }>(
        'SELECT point_key, parts FROM staff_view_history WHERE staff_id = $1 AND point_key = ANY($2)',
        [staffId, keys],
      );
      for (const r of rows) {
        let list = out.get(r.point_key);
        if (!list) out.set(r.point_key, (list = []));
        list.push(decodeParts(r.parts));
      }
      return out;
    },
    addShownParts: async (staffId, entries) => {
      if (!entries.length) return;
      await q(
        `INSERT INTO staff_view_history (staff_id, point_key, parts_hash, parts)
           SELECT $1, k, h, p FROM unnest($2::text[], $3::text[], $4::text[]) AS e(k, h, p)
           ON CONFLICT DO NOTHING`,
        [
          staffId,
          entries.map((e) => e.key),
          entries.map((e) => e.hash),
          entries.map((e) => encodeParts(e.parts)),
        ],
      );
    },
  };
}

export function pgStaffRead(pool: pg.Pool): StaffReadStore['staffRead'] {
  return async (historyOf, fn) => {
    const client = await pool.connect();
    let broken = false;
    const lock = [HISTORY_LOCK, historyOf] as const;
    try {
      if (historyOf !== null)
        await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [...lock]);
      try {
        await client.query(
          `BEGIN ISOLATION LEVEL REPEATABLE READ${historyOf === null ? ' READ ONLY' : ''}`,
        );
        try {
          const value = await fn(txOn(client));
          await client.query('COMMIT');
          return value;
        } catch (error) {
          // A connection that cannot even roll back is dropped from the pool, never reused.
          await client.query('ROLLBACK').catch(() => (broken = true));
          throw error;
        }
      } finally {
        if (historyOf !== null)
          await client
            .query('SELECT pg_advisory_unlock($1, hashtext($2))', [...lock])
            .catch(() => (broken = true));
      }
    } finally {
      client.release(broken);
    }
  };
}
