/**
 * The Repository over PostgreSQL (node-postgres), for agencies that run several server processes on
 * one database. Everything two processes must agree on lives in the database: records and the
 * mutation log, each scope's counter and clock high-water mark (one row, locked by every push),
 * enrollment attempts and locks, and the rate-limit windows (`rate_spend`, pg-migrations.ts). Every
 * query of a scope's data is keyed by that scope. A push is one transaction (pg-push-store.ts); a
 * pull page is one statement, so its rows and the scope's counter come from one snapshot.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { openPool, inTransaction, type PgOptions } from './pg-db';
import { fromPgText, pushOnConnection, toPgText } from './pg-push-store';
import { pullRowJson, type RecordRowSql } from './record-row';
import {
  DEVICE_AUTH_SELECT,
  DEVICE_LISTING_SELECT,
  PROVIDER_LISTING_SELECT,
  STAFF_INFO_SELECT,
  STAFF_LISTING_SELECT,
  deviceAuthOf,
  deviceListingOf,
  sameName,
  sortListing,
  type DeviceAuthRow,
  type DeviceListingRow,
} from './people';
import type {
  CodeCheckInput,
  CodeOwner,
  ProviderInfo,
  ProviderListing,
  PullInput,
  PullPage,
  Repository,
  StaffInfo,
  StaffListing,
  WindowCharge,
} from './repository';
import { SEEN_REFRESH_MS } from './sqlite-push-store';

/** The tables `dump()` returns, as on SQLite (the rate-limit windows are not data). */
const TABLES = [
  'schema_migrations',
  'meta',
  'agencies',
  'providers',
  'staff',
  'assignments',
  'devices',
  'enrollment_codes',
  'scope_counters',
  'records',
  'record_versions',
  'mutations',
];

/** Expired rate-limit charges of keys never used again are swept this often. */
const SWEEP_MS = 10 * 60 * 1000;

/**
 * One page in one statement (one snapshot): the scope's counter, how far the scan went, and the
 * rows to send. Echo rows are skipped in the database, from the index alone; the scan stops at
 * `maxScan` rows, and the rows fetched stop once their data passes `maxBytes` (one row more, so
 * that the caller knows rows remain).
 */
const PULL_PAGE = `WITH scanned AS (
    SELECT server_seq, coalesce($4::boolean AND last_status = 'applied' AND device_id = $5, false) AS echo
    FROM records WHERE scope = $1 AND server_seq > $2 ORDER BY server_seq LIMIT $3
  ), visible AS (
    SELECT s.server_seq, sum(octet_length(r.data)) OVER (ORDER BY s.server_seq) - octet_length(r.data) AS before
    FROM (SELECT server_seq FROM scanned WHERE NOT echo ORDER BY server_seq LIMIT $6) s
    JOIN records r ON r.scope = $1 AND r.server_seq = s.server_seq
  ), wanted AS (
    SELECT server_seq FROM (
      SELECT server_seq, lag(before, 1, 0::bigint) OVER (ORDER BY server_seq) AS prior FROM visible
    ) x WHERE prior < $7
  )
  SELECT c.counter, c.high, c.scanned_n, c.scanned_top, r.*
  FROM (SELECT (SELECT seq FROM scope_counters WHERE scope = $1) AS counter,
               (SELECT hlc FROM scope_counters WHERE scope = $1) AS high,
               (SELECT count(*) FROM scanned) AS scanned_n,
               (SELECT max(server_seq) FROM scanned) AS scanned_top) c
  LEFT JOIN (wanted w JOIN records r ON r.scope = $1 AND r.server_seq = w.server_seq) ON true
  ORDER BY r.server_seq`;

interface PageRow extends RecordRowSql {
  counter: number | null;
  high: string | null;
  scanned_n: number;
  scanned_top: number | null;
}

/** Opens a PostgreSQL repository on `url` (migrating it first). */
export async function createPgRepository(
  url: string,
  options: PgOptions = {},
): Promise<Repository> {
  const pool: pg.Pool = await openPool(url, options);
  let nodeId: string | null = null;
  let closed = false;

  const pendingAcks = new Map<string, { seq: number; now: number }>();
  let ackTimer: ReturnType<typeof setTimeout> | null = null;
  async function writeAcks(): Promise<void> {
    if (!pendingAcks.size) return;
    const acks = [...pendingAcks];
    pendingAcks.clear();
    await pool.query(
      `UPDATE devices d SET acked_seq = greatest(d.acked_seq, u.seq),
         last_seen_at = greatest(coalesce(d.last_seen_at, 0), u.now)
       FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS u(id, seq, now)
       WHERE d.id = u.id AND (d.acked_seq < u.seq OR d.last_seen_at IS NULL OR d.last_seen_at < u.now - $4)`,
      [
        acks.map(([id]) => id),
        acks.map(([, a]) => a.seq),
        acks.map(([, a]) => a.now),
        SEEN_REFRESH_MS,
      ],
    );
  }
  const sweepTimer = setInterval(() => {
    void pool.query('DELETE FROM rate_events WHERE expires_at < $1', [Date.now()]).catch(() => {
      // The next sweep tries again.
    });
  }, SWEEP_MS);
  sweepTimer.unref?.();

  /** A code that can still be redeemed, locked; a wrong secret counts toward its lock. */
  async function liveCode(client: pg.PoolClient, input: CodeCheckInput) {
    const code = (
      await client.query<{
        id: string;
        provider_id: string | null;
        staff_id: string | null;
        secret_salt: string;
        secret_hash: string;
        expires_at: number;
        failed_attempts: number;
        used_at: number | null;
      }>('SELECT * FROM enrollment_codes WHERE selector_hash = $1 FOR UPDATE', [input.selectorHash])
    ).rows[0];
    if (
      !code ||
      code.used_at !== null ||
      code.expires_at <= input.now ||
      code.failed_attempts >= input.maxWrongSecrets
    )
      return null;
    if (!input.secretMatches(code.secret_salt, code.secret_hash)) {
      await client.query(
        'UPDATE enrollment_codes SET failed_attempts = failed_attempts + 1 WHERE id = $1',
        [code.id],
      );
      return null;
    }
    return code;
  }

  async function providerInfo(q: pg.Pool | pg.PoolClient, providerId: string) {
    return (
      (
        await q.query<ProviderInfo>(
          `SELECT p.id AS "providerId", p.name AS "providerName", a.id AS "agencyId", a.name AS "agencyName"
           FROM providers p JOIN agencies a ON a.id = p.agency_id WHERE p.id = $1`,
          [providerId],
        )
      ).rows[0] ?? null
    );
  }

  async function staffInfo(q: pg.Pool | pg.PoolClient, staffId: string) {
    return (
      (await q.query<StaffInfo>(`${STAFF_INFO_SELECT} WHERE s.id = $1`, [staffId])).rows[0] ?? null
    );
  }

  /** Whom a code is for, as the enrollment answers say it. */
  async function ownerOf(
    client: pg.PoolClient,
    code: { provider_id: string | null; staff_id: string | null },
  ): Promise<CodeOwner | null> {
    if (code.staff_id !== null) {
      const staff = await staffInfo(client, code.staff_id);
      return staff ? { kind: 'staff', ...staff } : null;
    }
    const provider = await providerInfo(client, code.provider_id!);
    return provider ? { kind: 'provider', ...provider } : null;
  }

  /** The id of the agency named `name`, made when new. */
  async function agencyNamed(client: pg.PoolClient, name: string, createdAt: string) {
    await client.query(
      'INSERT INTO agencies (id, name, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING',
      [randomUUID(), name, createdAt],
    );
    return (await client.query<{ id: string }>('SELECT id FROM agencies WHERE name = $1', [name]))
      .rows[0]!.id;
  }

  return {
    shared: true,

    async findDevice(tokenHash) {
      const row = (
        await pool.query<DeviceAuthRow>(`${DEVICE_AUTH_SELECT} WHERE d.token_hash = $1`, [
          tokenHash,
        ])
      ).rows[0];
      return row ? deviceAuthOf(row) : null;
    },

    async enroll(input) {
      return inTransaction(pool, async (client) => {
        const code = await liveCode(client, input);
        if (!code) return null;
        const nowIso = new Date(input.now).toISOString();
        // Re-enrolling leaves no old token valid (SYNC.md §7): in the same transaction.
        if (input.revokeTokenHash)
          await client.query(
            'UPDATE devices SET revoked_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL',
            [nowIso, input.revokeTokenHash],
          );
        await client.query(
          'INSERT INTO devices (id, provider_id, staff_id, name, token_hash, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [
            input.deviceId,
            code.provider_id,
            code.staff_id,
            toPgText(input.deviceName),
            input.tokenHash,
            nowIso,
            input.now,
          ],
        );
        await client.query(
          'UPDATE enrollment_codes SET used_at = $1, used_by_device = $2 WHERE id = $3',
          [input.now, input.deviceId, code.id],
        );
        return ownerOf(client, code);
      });
    },

    async checkCode(input) {
      return inTransaction(pool, async (client) => {
        const code = await liveCode(client, input);
        return code ? ownerOf(client, code) : null;
      });
    },

    async revokeToken(tokenHash, now) {
      const r = await pool.query<{ id: string }>(
        `WITH d AS (SELECT id FROM devices WHERE token_hash = $2),
              u AS (UPDATE devices SET revoked_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL)
         SELECT id FROM d`,
        [new Date(now).toISOString(), tokenHash],
      );
      return r.rows.length > 0;
    },

    async notePull(deviceId, presentedSeq, now) {
      const prior = pendingAcks.get(deviceId);
      pendingAcks.set(deviceId, {
        seq: Math.max(prior?.seq ?? 0, presentedSeq),
        now: Math.max(prior?.now ?? 0, now),
      });
      if (ackTimer) return;
      ackTimer = setTimeout(() => {
        ackTimer = null;
        // Best effort: losing acknowledgements only makes the history keep more.
        if (!closed) void writeAcks().catch(() => undefined);
      }, 1000);
      ackTimer.unref?.();
    },

    async push(scope, input) {
      // Outside the push's transaction: devices of other scopes must not be locked by it.
      if (pendingAcks.size) await writeAcks().catch(() => undefined);
      return inTransaction(pool, (client) => pushOnConnection(client, scope, input));
    },

    async pull(input: PullInput): Promise<PullPage> {
      const rows = (
        await pool.query<PageRow>(PULL_PAGE, [
          input.scope,
          input.afterSeq,
          input.maxScan,
          input.suppressEcho,
          input.deviceId,
          input.limit + 1,
          input.maxBytes,
        ])
      ).rows;
      const head = rows[0]!;
      if (input.afterSeq > (head.counter ?? 0)) return { reset: true };
      const out: string[] = [];
      let bytes = 0;
      let lastSeq = input.afterSeq;
      for (const r of rows) {
        if (r.server_seq === null) continue; // the head row of an empty page
        if (out.length >= input.limit || bytes >= input.maxBytes)
          return { reset: false, rows: out, lastSeq, hasMore: true, highWater: head.high };
        r.tbl = fromPgText(r.tbl);
        r.id = fromPgText(r.id);
        const json = pullRowJson(r);
        out.push(json);
        bytes += json.length;
        lastSeq = r.server_seq;
      }
      // Every visible row of the scan was taken: the cursor also covers the skipped rows after it.
      const top = head.scanned_top ?? input.afterSeq;
      return {
        reset: false,
        rows: out,
        lastSeq: Math.max(lastSeq, top),
        hasMore: head.scanned_n >= input.maxScan,
        highWater: head.high,
      };
    },

    async cursorSecret() {
      const rows = (
        await pool.query<{ key: string; value: string }>(
          "SELECT key, value FROM meta WHERE key IN ('epoch', 'cursor_key')",
        )
      ).rows;
      const get = (k: string) => rows.find((r) => r.key === k)!.value;
      return { epoch: get('epoch'), key: get('cursor_key') };
    },

    async serverNodeId() {
      nodeId ??= (
        await pool.query<{ value: string }>("SELECT value FROM meta WHERE key = 'server_node_id'")
      ).rows[0]!.value;
      return nodeId;
    },

    async clockHighWater(scope) {
      const hlc = (
        await pool.query<{ hlc: string }>('SELECT hlc FROM scope_counters WHERE scope = $1', [
          scope,
        ])
      ).rows[0]?.hlc;
      return hlc ? hlc : null;
    },

    async spendWindow(key, amount, max, windowMs, now): Promise<WindowCharge> {
      const id = (
        await pool.query<{ r: number }>('SELECT rate_spend($1, $2, $3, $4, $5) AS r', [
          key,
          amount,
          max,
          windowMs,
          now,
        ])
      ).rows[0]!.r;
      if (id < 0) return { waitMs: -id, refund: async () => undefined };
      let refunded = false;
      return {
        waitMs: 0,
        async refund() {
          if (refunded) return;
          refunded = true;
          await pool.query('DELETE FROM rate_events WHERE id = $1', [id]);
        },
      };
    },

    async createProvider(agencyName, providerName, now) {
      return inTransaction(pool, async (client) => {
        const createdAt = new Date(now).toISOString();
        const agencyId = await agencyNamed(client, agencyName, createdAt);
        const providerId = randomUUID();
        await client.query(
          'INSERT INTO providers (id, agency_id, name, created_at) VALUES ($1, $2, $3, $4)',
          [providerId, agencyId, providerName, createdAt],
        );
        return { agencyId, providerId };
      });
    },

    async providerExists(providerId) {
      return (await providerInfo(pool, providerId)) !== null;
    },

    async providerInfo(providerId) {
      return providerInfo(pool, providerId);
    },

    async findProvidersByName(agencyName, providerName) {
      const rows = (
        await pool.query<ProviderListing>(`${PROVIDER_LISTING_SELECT} WHERE a.name = $1`, [
          agencyName,
        ])
      ).rows;
      return rows.filter((p) => sameName(p.name, providerName)).map((p) => p.providerId);
    },

    async createStaff(agencyName, name, role, now) {
      return inTransaction(pool, async (client) => {
        const createdAt = new Date(now).toISOString();
        const agencyId =
          agencyName === null ? null : await agencyNamed(client, agencyName, createdAt);
        const staffId = randomUUID();
        await client.query(
          'INSERT INTO staff (id, agency_id, name, role, created_at) VALUES ($1, $2, $3, $4, $5)',
          [staffId, agencyId, name, role, createdAt],
        );
        return { agencyId, staffId };
      });
    },

    async staffInfo(staffId) {
      return staffInfo(pool, staffId);
    },

    async setAssignment(staffId, providerId, assigned) {
      await pool.query(
        assigned
          ? 'INSERT INTO assignments (staff_id, provider_id) VALUES ($1, $2) ON CONFLICT DO NOTHING'
          : 'DELETE FROM assignments WHERE staff_id = $1 AND provider_id = $2',
        [staffId, providerId],
      );
    },

    async assignedProviders(staffId) {
      const rows = (
        await pool.query<ProviderListing>(
          `${PROVIDER_LISTING_SELECT} JOIN assignments s ON s.provider_id = p.id WHERE s.staff_id = $1`,
          [staffId],
        )
      ).rows;
      return sortListing(rows, (p) => p.providerId);
    },

    async listProviders(agencyName) {
      const rows = (
        agencyName === undefined
          ? await pool.query<ProviderListing>(PROVIDER_LISTING_SELECT)
          : await pool.query<ProviderListing>(`${PROVIDER_LISTING_SELECT} WHERE a.name = $1`, [
              agencyName,
            ])
      ).rows;
      return sortListing(rows, (p) => p.providerId);
    },

    async listStaff() {
      const rows = (await pool.query<StaffListing>(STAFF_LISTING_SELECT)).rows;
      return sortListing(rows, (s) => s.staffId);
    },

    async listDevices() {
      return (await pool.query<DeviceListingRow>(DEVICE_LISTING_SELECT)).rows.map((r) =>
        deviceListingOf({ ...r, name: fromPgText(r.name) }),
      );
    },

    async hasRecord(scope, table, id) {
      const r = await pool.query(
        'SELECT 1 FROM records WHERE scope = $1 AND tbl = $2 AND id = $3',
        [scope, toPgText(table), toPgText(id)],
      );
      return r.rows.length > 0;
    },

    async insertEnrollmentCode(c) {
      const r = await pool.query(
        `INSERT INTO enrollment_codes (id, provider_id, staff_id, selector_hash, secret_salt, secret_hash, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (selector_hash) DO NOTHING`,
        [
          randomUUID(),
          c.owner.kind === 'provider' ? c.owner.providerId : null,
          c.owner.kind === 'staff' ? c.owner.staffId : null,
          c.selectorHash,
          c.secretSalt,
          c.secretHash,
          c.createdAt,
          c.expiresAt,
        ],
      );
      return r.rowCount === 1;
    },

    async revokeDevice(deviceId, now) {
      const r = await pool.query<{ id: string }>(
        `WITH d AS (SELECT id FROM devices WHERE id = $2),
              u AS (UPDATE devices SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL)
         SELECT id FROM d`,
        [new Date(now).toISOString(), deviceId],
      );
      return r.rows.length > 0;
    },

    async newEpoch() {
      const epoch = randomUUID();
      await pool.query("UPDATE meta SET value = $1 WHERE key = 'epoch'", [epoch]);
      return epoch;
    },

    async dump() {
      const out: Record<string, unknown[]> = {};
      for (const t of TABLES) out[t] = (await pool.query(`SELECT * FROM ${t} ORDER BY 1, 2`)).rows;
      return out;
    },

    async close() {
      if (closed) return;
      closed = true;
      if (ackTimer) clearTimeout(ackTimer);
      clearInterval(sweepTimer);
      await writeAcks().catch(() => undefined);
      await pool.end();
    },
  };
}
