/**
 * The Repository over better-sqlite3. Writes run in `BEGIN IMMEDIATE` transactions (pushes that arrive
 * together share one commit, each request in its own savepoint);
 * a pull reads its rows and the scope's counter in one read transaction, so that a cursor never
 * covers a row it did not see (SYNC.md §11 invariant 4).
 */
import { randomUUID } from 'node:crypto';
import { parseHlc } from '../domain/hlc';
import { processPush, type PushInput, type PushOutcome } from './push';
import { createMemoryWindows } from './rate-limit';
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
  CodeOwner,
  EnrollInput,
  ProviderInfo,
  ProviderListing,
  PullInput,
  PullPage,
  Repository,
  StaffInfo,
  StaffListing,
} from './repository';
import { openDatabase, type Db } from './sqlite-db';
import { pullRowJson, type RecordRowSql } from './record-row';
import { SEEN_REFRESH_MS, SqlitePushStatements, hlcMetaKey } from './sqlite-push-store';
import { sqliteStaffReads } from './sqlite-staff-reads';

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
  'staff_view_history',
];

/** Pushes written in one commit at most (each is at most 500 mutations). */
const MAX_PUSHES_PER_COMMIT = 32;

type PushResult = { ok: true; value: PushOutcome } | { ok: false; error: unknown };

interface PushJob {
  scope: string;
  input: PushInput;
  resolve: (outcome: PushOutcome) => void;
  reject: (error: unknown) => void;
}

export interface SqliteOptions {
  /**
   * Caps the database at this many pages (SQLite's max_page_count): writes beyond it fail as a full
   * disk would (503 STORAGE_FULL, nothing written). An operator's quota; tests use it for a full
   * disk.
   */
  maxPageCount?: number;
}

/** Opens a SQLite repository on `file` (`:memory:` for tests). */
export function createSqliteRepository(file: string, options: SqliteOptions = {}): Repository {
  const db: Db = openDatabase(file);
  if (options.maxPageCount)
    db.pragma(`max_page_count = ${Math.max(1, Math.trunc(options.maxPageCount))}`);
  const pushStatements = new SqlitePushStatements(db);
  const stmt = {
    device: db.prepare<[string], DeviceAuthRow>(`${DEVICE_AUTH_SELECT} WHERE d.token_hash = ?`),
    meta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
    setMeta: db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
    counter: db.prepare<[string], { seq: number }>(
      'SELECT seq FROM scope_counters WHERE scope = ?',
    ),
    pullRows: db.prepare<[string, number], RecordRowSql>(
      'SELECT * FROM records WHERE scope = ? AND server_seq > ? ORDER BY server_seq',
    ),
    latestHlcs: db.prepare<[string], { hlc: string }>(
      'SELECT hlc FROM records WHERE scope = ? ORDER BY hlc DESC LIMIT 100',
    ),
    code: db.prepare<
      [string],
      {
        id: string;
        provider_id: string | null;
        staff_id: string | null;
        secret_salt: string;
        secret_hash: string;
        expires_at: number;
        failed_attempts: number;
        used_at: number | null;
      }
    >('SELECT * FROM enrollment_codes WHERE selector_hash = ?'),
    codeFailed: db.prepare(
      'UPDATE enrollment_codes SET failed_attempts = failed_attempts + 1 WHERE id = ?',
    ),
    codeUsed: db.prepare(
      'UPDATE enrollment_codes SET used_at = ?, used_by_device = ? WHERE id = ?',
    ),
    insertDevice: db.prepare(
      'INSERT INTO devices (id, provider_id, staff_id, name, token_hash, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    revokeByToken: db.prepare(
      'UPDATE devices SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL',
    ),
    deviceByToken: db.prepare<[string], { id: string }>(
      'SELECT id FROM devices WHERE token_hash = ?',
    ),
    notePull: db.prepare<[number, number, string, number, number]>(
      `UPDATE devices SET acked_seq = max(acked_seq, ?), last_seen_at = ? WHERE id = ?
         AND (acked_seq < ? OR last_seen_at IS NULL OR last_seen_at < ?)`,
    ),
    provider: db.prepare<[string], ProviderInfo>(
      'SELECT p.id AS providerId, p.name AS providerName, a.id AS agencyId, a.name AS agencyName FROM providers p JOIN agencies a ON a.id = p.agency_id WHERE p.id = ?',
    ),
    agencyByName: db.prepare<[string], { id: string }>('SELECT id FROM agencies WHERE name = ?'),
    insertAgency: db.prepare('INSERT INTO agencies (id, name, created_at) VALUES (?, ?, ?)'),
    insertProvider: db.prepare(
      'INSERT INTO providers (id, agency_id, name, created_at) VALUES (?, ?, ?, ?)',
    ),
    insertCode: db.prepare(
      `INSERT OR IGNORE INTO enrollment_codes (id, provider_id, staff_id, selector_hash, secret_salt, secret_hash, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    staff: db.prepare<[string], StaffInfo>(`${STAFF_INFO_SELECT} WHERE s.id = ?`),
    insertStaff: db.prepare(
      'INSERT INTO staff (id, agency_id, name, role, created_at) VALUES (?, ?, ?, ?, ?)',
    ),
    assign: db.prepare(
      'INSERT INTO assignments (staff_id, provider_id) VALUES (?, ?) ON CONFLICT DO NOTHING',
    ),
    unassign: db.prepare('DELETE FROM assignments WHERE staff_id = ? AND provider_id = ?'),
    assigned: db.prepare<[string], ProviderListing>(
      `${PROVIDER_LISTING_SELECT} JOIN assignments s ON s.provider_id = p.id WHERE s.staff_id = ?`,
    ),
    providersOf: db.prepare<[string], ProviderListing>(
      `${PROVIDER_LISTING_SELECT} WHERE a.name = ?`,
    ),
    providers: db.prepare<[], ProviderListing>(PROVIDER_LISTING_SELECT),
    staffList: db.prepare<[], StaffListing>(STAFF_LISTING_SELECT),
    devices: db.prepare<[], DeviceListingRow>(DEVICE_LISTING_SELECT),
    hasRecord: db.prepare<[string, string, string], { one: number }>(
      'SELECT 1 AS one FROM records WHERE scope = ? AND tbl = ? AND id = ?',
    ),
    deviceById: db.prepare<[string], { revoked_at: string | null }>(
      'SELECT revoked_at FROM devices WHERE id = ?',
    ),
    revoke: db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
  };

  const readPage = db.transaction((input: PullInput): PullPage => {
    const counter = stmt.counter.get(input.scope)?.seq ?? 0;
    if (input.afterSeq > counter) return { reset: true };
    const rows: string[] = [];
    let bytes = 0;
    let scanned = 0;
    let lastSeq = input.afterSeq;
    for (const r of stmt.pullRows.iterate(input.scope, input.afterSeq)) {
      if (rows.length >= input.limit || bytes >= input.maxBytes || scanned >= input.maxScan) {
        // Iterators must be closed when left early.
        return { reset: false, rows, lastSeq, hasMore: true };
      }
      scanned += 1;
      lastSeq = r.server_seq;
      if (input.suppressEcho && r.last_status === 'applied' && r.device_id === input.deviceId)
        continue;
      const json = pullRowJson(r);
      rows.push(json);
      bytes += json.length;
    }
    return { reset: false, rows, lastSeq, hasMore: false };
  });

  // One thing at a time on the connection: a push's algorithm awaits between its statements (the
  // push store is async, push-store.ts), and nothing else may run inside its open transaction (a
  // pull would read rows not yet committed). better-sqlite3 answers at once, so the queue only
  // orders what one thread would run anyway.
  let tail: Promise<unknown> = Promise.resolve();
  const staffReads = sqliteStaffReads(db, file, exclusive);
  function exclusive<T>(fn: () => T | Promise<T>): Promise<T> {
    const run = tail.then(fn);
    tail = run.catch(() => undefined);
    return run;
  }

  // Group commit: the pushes that arrive while the thread is busy are written in one transaction,
  // each in its own savepoint (one request's failure never touches another's), and all are answered
  // after the one fsync of the commit. Commit order is still sequence order: one writer, in order.
  const pushQueue: PushJob[] = [];
  let flushScheduled = false;
  function scheduleFlush(): void {
    flushScheduled = true;
    setImmediate(() => void exclusive(flushPushes));
  }

  // Pull acknowledgements (sqlite-history.ts) are kept in memory and written with the next push
  // commit, or by a timer: a pull stays a read, never waiting for the write lock. Losing them in a
  // crash only makes the history keep more (an older acknowledgement is a lower floor).
  const pendingAcks = new Map<string, { seq: number; now: number }>();
  let ackTimer: ReturnType<typeof setTimeout> | null = null;
  function writeAcks(): void {
    for (const [id, a] of pendingAcks)
      stmt.notePull.run(a.seq, a.now, id, a.seq, a.now - SEEN_REFRESH_MS);
    pendingAcks.clear();
  }
  function flushAcksSoon(): void {
    if (ackTimer) return;
    ackTimer = setTimeout(() => {
      ackTimer = null;
      void exclusive(() => {
        if (!db.open || !pendingAcks.size) return;
        try {
          db.transaction(writeAcks).immediate();
        } catch {
          // Busy or full: they are written with the next push.
        }
      });
    }, 1000);
    ackTimer.unref?.();
  }
  async function runBatch(batch: PushJob[]): Promise<PushResult[]> {
    const outcomes: PushResult[] = [];
    db.exec('BEGIN IMMEDIATE');
    try {
      if (pendingAcks.size) {
        try {
          db.transaction(writeAcks)();
        } catch {
          // Never a reason to fail the pushes: the acknowledgements only bound the history.
        }
      }
      for (const job of batch) {
        db.exec('SAVEPOINT push');
        try {
          const store = pushStatements.forScope(job.scope, job.input.deviceId, job.input.now);
          const value = await processPush(store, job.input);
          store.finish();
          db.exec('RELEASE push');
          outcomes.push({ ok: true, value });
        } catch (error) {
          // A full disk (SQLITE_FULL) can roll back the whole transaction: then every push of the
          // batch fails with it (503 STORAGE_FULL) and nothing of any is written.
          if (!db.inTransaction) throw error;
          db.exec('ROLLBACK TO push; RELEASE push');
          outcomes.push({ ok: false, error });
        }
      }
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
    return outcomes;
  }
  async function flushPushes(): Promise<void> {
    flushScheduled = false;
    const batch = pushQueue.splice(0, MAX_PUSHES_PER_COMMIT);
    if (pushQueue.length) scheduleFlush();
    let outcomes: PushResult[];
    try {
      outcomes = await runBatch(batch);
    } catch (error) {
      for (const job of batch) job.reject(error);
      return;
    }
    batch.forEach((job, i) => {
      const o = outcomes[i]!;
      if (o.ok) job.resolve(o.value);
      else job.reject(o.error);
    });
  }

  /**
   * A code that can still be redeemed, checking its secret (a wrong one counts toward the lock).
   */
  function liveCode(
    input: Pick<EnrollInput, 'selectorHash' | 'secretMatches' | 'now' | 'maxWrongSecrets'>,
  ) {
    const code = stmt.code.get(input.selectorHash);
    if (
      !code ||
      code.used_at !== null ||
      code.expires_at <= input.now ||
      code.failed_attempts >= input.maxWrongSecrets
    )
      return null;
    if (!input.secretMatches(code.secret_salt, code.secret_hash)) {
      stmt.codeFailed.run(code.id);
      return null;
    }
    return code;
  }

  /** Whom a code is for, as the enrollment answers say it. */
  function ownerOf(code: {
    provider_id: string | null;
    staff_id: string | null;
  }): CodeOwner | null {
    if (code.staff_id !== null) {
      const staff = stmt.staff.get(code.staff_id);
      return staff ? { kind: 'staff', ...staff } : null;
    }
    const provider = stmt.provider.get(code.provider_id!);
    return provider ? { kind: 'provider', ...provider } : null;
  }

  /** The id of the agency named `name`, made when new. */
  function agencyNamed(name: string, createdAt: string): string {
    let agencyId = stmt.agencyByName.get(name)?.id;
    if (!agencyId) {
      agencyId = randomUUID();
      stmt.insertAgency.run(agencyId, name, createdAt);
    }
    return agencyId;
  }

  return {
    // One process: the server clock and the rate-limit windows live in its memory.
    shared: false,
    spendWindow: createMemoryWindows(),

    async findDevice(tokenHash) {
      const row = await exclusive(() => stmt.device.get(tokenHash));
      return row ? deviceAuthOf(row) : null;
    },

    async enroll(input) {
      return exclusive(() =>
        db
          .transaction(() => {
            const code = liveCode(input);
            if (!code) return null;
            const nowIso = new Date(input.now).toISOString();
            // Re-enrolling leaves no old token valid (SYNC.md §7): in the same transaction as the new
            // one.
            if (input.revokeTokenHash) stmt.revokeByToken.run(nowIso, input.revokeTokenHash);
            stmt.insertDevice.run(
              input.deviceId,
              code.provider_id,
              code.staff_id,
              input.deviceName,
              input.tokenHash,
              nowIso,
              input.now,
            );
            stmt.codeUsed.run(input.now, input.deviceId, code.id);
            return ownerOf(code);
          })
          .immediate(),
      );
    },

    async checkCode(input) {
      return exclusive(() =>
        db
          .transaction(() => {
            const code = liveCode(input);
            return code ? ownerOf(code) : null;
          })
          .immediate(),
      );
    },

    async revokeToken(tokenHash, now) {
      return exclusive(() =>
        db
          .transaction(() => {
            if (!stmt.deviceByToken.get(tokenHash)) return false;
            stmt.revokeByToken.run(new Date(now).toISOString(), tokenHash);
            return true;
          })
          .immediate(),
      );
    },

    async notePull(deviceId, presentedSeq, now) {
      const prior = pendingAcks.get(deviceId);
      pendingAcks.set(deviceId, {
        seq: Math.max(prior?.seq ?? 0, presentedSeq),
        now: Math.max(prior?.now ?? 0, now),
      });
      flushAcksSoon();
    },

    push(scope, input) {
      return new Promise<PushOutcome>((resolve, reject) => {
        pushQueue.push({ scope, input, resolve, reject });
        if (!flushScheduled) scheduleFlush();
      });
    },

    async pull(input) {
      return exclusive(() => readPage(input));
    },

    async cursorSecret() {
      return exclusive(() => ({
        epoch: stmt.meta.get('epoch')!.value,
        key: stmt.meta.get('cursor_key')!.value,
      }));
    },

    async serverNodeId() {
      return exclusive(() => stmt.meta.get('server_node_id')!.value);
    },

    async clockHighWater(scope) {
      const kept = (await exclusive(() => stmt.meta.get(hlcMetaKey(scope))))?.value ?? null;
      if (kept === null || parseHlc(kept)) return kept;
      // A legacy value that is no real instant (stored before HLCs were checked): the greatest real
      // one.
      return stmt.latestHlcs.all(scope).find((r) => parseHlc(r.hlc))?.hlc ?? null;
    },

    async createProvider(agencyName, providerName, now) {
      return exclusive(() =>
        db
          .transaction(() => {
            const createdAt = new Date(now).toISOString();
            const agencyId = agencyNamed(agencyName, createdAt);
            const providerId = randomUUID();
            stmt.insertProvider.run(providerId, agencyId, providerName, createdAt);
            return { agencyId, providerId };
          })
          .immediate(),
      );
    },

    async providerInfo(providerId) {
      return (await exclusive(() => stmt.provider.get(providerId))) ?? null;
    },

    async findProvidersByName(agencyName, providerName) {
      const rows = await exclusive(() => stmt.providersOf.all(agencyName));
      return rows.filter((p) => sameName(p.name, providerName)).map((p) => p.providerId);
    },

    async createStaff(agencyName, name, role, now) {
      return exclusive(() =>
        db
          .transaction(() => {
            const createdAt = new Date(now).toISOString();
            const agencyId = agencyName === null ? null : agencyNamed(agencyName, createdAt);
            const staffId = randomUUID();
            stmt.insertStaff.run(staffId, agencyId, name, role, createdAt);
            return { agencyId, staffId };
          })
          .immediate(),
      );
    },

    async staffInfo(staffId) {
      return (await exclusive(() => stmt.staff.get(staffId))) ?? null;
    },

    async setAssignment(staffId, providerId, assigned) {
      await exclusive(() => (assigned ? stmt.assign : stmt.unassign).run(staffId, providerId));
    },

    async assignedProviders(staffId) {
      const rows = await exclusive(() => stmt.assigned.all(staffId));
      return sortListing(rows, (p) => p.providerId);
    },

    async listProviders(agencyName) {
      const rows = await exclusive(() =>
        agencyName === undefined ? stmt.providers.all() : stmt.providersOf.all(agencyName),
      );
      return sortListing(rows, (p) => p.providerId);
    },

    async listStaff() {
      const rows = await exclusive(() => stmt.staffList.all());
      return sortListing(rows, (s) => s.staffId);
    },

    async listDevices() {
      return (await exclusive(() => stmt.devices.all())).map(deviceListingOf);
    },

    async hasRecord(scope, table, id) {
      return (await exclusive(() => stmt.hasRecord.get(scope, table, id))) !== undefined;
    },

    staffRead: staffReads.staffRead,

    async insertEnrollmentCode(c) {
      const r = await exclusive(() =>
        stmt.insertCode.run(
          randomUUID(),
          c.owner.kind === 'provider' ? c.owner.providerId : null,
          c.owner.kind === 'staff' ? c.owner.staffId : null,
          c.selectorHash,
          c.secretSalt,
          c.secretHash,
          c.createdAt,
          c.expiresAt,
        ),
      );
      return r.changes === 1;
    },

    async revokeDevice(deviceId, now) {
      return exclusive(() =>
        db
          .transaction(() => {
            if (!stmt.deviceById.get(deviceId)) return false;
            stmt.revoke.run(new Date(now).toISOString(), deviceId);
            return true;
          })
          .immediate(),
      );
    },

    async newEpoch() {
      const epoch = randomUUID();
      await exclusive(() => stmt.setMeta.run('epoch', epoch));
      return epoch;
    },

    async dump() {
      return exclusive(() => {
        const out: Record<string, unknown[]> = {};
        for (const t of TABLES) out[t] = db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all();
        return out;
      });
    },

    async close() {
      if (ackTimer) clearTimeout(ackTimer);
      staffReads.close();
      await exclusive(() => {
        if (db.open && pendingAcks.size) {
          try {
            db.transaction(writeAcks).immediate();
          } catch {
            // Best effort, as above.
          }
        }
        if (db.open) db.close();
      });
    },
  };
}
