/**
 * The push of one scope over PostgreSQL, in one transaction on one connection (SYNC.md §3). The
 * transaction first locks the scope's counter row (`INSERT … ON CONFLICT DO UPDATE … RETURNING`):
 * every later statement sees every earlier push of the scope committed, and the sequence numbers it
 * allocates are committed before the next push can read the counter, so commit order is sequence
 * order and a pull never skips a row (a sequence or `bigserial` would: sequences commit out of
 * order). Other scopes' pushes run in parallel on other connections.
 *
 * Round trips are few, whatever the size of the push: the known results and the stored records of
 * every mutation are read in two statements, the history rule's inputs in two more only when a
 * stored record is replaced, and every write (pruning, kept versions, records, mutation log,
 * counter) goes in one statement at the end. Between them the store answers from memory, which is
 * exact: nobody else writes the scope while the counter row is locked.
 */
import type pg from 'pg';
import { parseHlc } from '../domain/hlc';
import { stringifyJson } from '../domain/json-bounds';
import type { RecordContent } from '../domain/merge';
import type { TerminalResult } from '../domain/sync-messages';
import {
  HISTORY_ACTIVE_MS,
  historyFloor,
  scopeOwner,
  type ActiveDevice,
  type VersionRow,
} from './history';
import { processPush, type PushInput, type PushOutcome } from './push';
import type { MutationLogEntry, PushStore, StoredRow } from './push-store';
import { rowFromSql, type RecordRowSql } from './record-row';
import { SEEN_REFRESH_MS } from './sqlite-push-store';

/**
 * PostgreSQL's text cannot hold U+0000, which a device may put in an id. Strings that contain it
 * (or start with the marker) are stored as the marker followed by their JSON: reversible, and
 * every other string is stored as it is.
 */
const MARK = '\u{F8FF}';
/** A string as PostgreSQL can store it. */
export function toPgText(s: string): string;
export function toPgText(s: string | null): string | null;
export function toPgText(s: string | null): string | null {
  if (s === null) return null;
  return s.includes('\u0000') || s.startsWith(MARK) ? MARK + JSON.stringify(s) : s;
}
/** The string `toPgText` stored. */
export function fromPgText(s: string): string;
export function fromPgText(s: string | null): string | null;
export function fromPgText(s: string | null): string | null {
  return s !== null && s.startsWith(MARK) ? (JSON.parse(s.slice(MARK.length)) as string) : s;
}

const LOCK_COUNTER = `INSERT INTO scope_counters (scope, seq) VALUES ($1, 0)
  ON CONFLICT (scope) DO UPDATE SET seq = scope_counters.seq RETURNING seq, hlc`;

const KNOWN_RESULTS = `WITH touched AS (
    UPDATE devices SET last_seen_at = $3 WHERE id = $4 AND (last_seen_at IS NULL OR last_seen_at < $5)
  )
  SELECT mutation_id, result FROM mutations WHERE scope = $1 AND mutation_id = ANY($2::text[])`;

const STORED_RECORDS = `SELECT r.* FROM unnest($2::text[], $3::text[]) AS k(tbl, id)
  JOIN records r ON r.scope = $1 AND r.tbl = k.tbl AND r.id = k.id`;

const VERSION_ROWS = `SELECT v.tbl, v.id, v.version, v.server_seq, v.device_id
  FROM unnest($2::text[], $3::text[]) AS k(tbl, id)
  JOIN record_versions v ON v.scope = $1 AND v.tbl = k.tbl AND v.id = k.id`;

const ACTIVE_DEVICES = {
  provider: `SELECT id, acked_seq FROM devices
    WHERE provider_id = $1 AND revoked_at IS NULL AND last_seen_at >= $2`,
  staff: `SELECT id, acked_seq FROM devices
    WHERE staff_id = $1 AND revoked_at IS NULL AND last_seen_at >= $2`,
  agency: `SELECT d.id, 0 AS acked_seq FROM devices d JOIN staff s ON s.id = d.staff_id
    WHERE s.agency_id = $1 AND s.role = 'manager' AND d.revoked_at IS NULL AND d.last_seen_at >= $2`,
};

const CONTENT_AT = `SELECT data, deleted FROM record_versions
  WHERE scope = $1 AND tbl = $2 AND id = $3 AND version = $4`;

const WRITE_ALL = `WITH pruned AS (
    DELETE FROM record_versions v USING unnest($2::text[], $3::text[], $4::int[]) AS p(tbl, id, floor)
    WHERE v.scope = $1 AND v.tbl = p.tbl AND v.id = p.id AND v.version < p.floor
  ), kept AS (
    INSERT INTO record_versions (scope, tbl, id, version, server_seq, hlc, device_id, deleted, data, mutation_id)
    SELECT $1, * FROM unnest($5::text[], $6::text[], $7::int[], $8::bigint[], $9::text[], $10::text[],
      $11::smallint[], $12::text[], $13::text[])
  ), written AS (
    INSERT INTO records (scope, tbl, id, version, server_seq, hlc, device_id, deleted, schema_version,
      created_at, updated_at, data, last_status, mutation_id)
    SELECT $1, * FROM unnest($14::text[], $15::text[], $16::int[], $17::bigint[], $18::text[],
      $19::text[], $20::smallint[], $21::int[], $22::text[], $23::text[], $24::text[], $25::text[],
      $26::text[])
    ON CONFLICT (scope, tbl, id) DO UPDATE SET version = excluded.version,
      server_seq = excluded.server_seq, hlc = excluded.hlc, device_id = excluded.device_id,
      deleted = excluded.deleted, schema_version = excluded.schema_version,
      updated_at = excluded.updated_at, data = excluded.data, last_status = excluded.last_status,
      mutation_id = excluded.mutation_id
  ), logged AS (
    INSERT INTO mutations (scope, mutation_id, device_id, device_seq, tbl, record_id, op, client_hlc,
      status, quarantine_id, received_at, payload, result)
    SELECT $1, m.mutation_id, $27, m.device_seq, m.tbl, m.record_id, m.op, m.client_hlc, m.status,
      m.quarantine_id, $36, m.payload, m.result
    FROM unnest($28::text[], $29::bigint[], $30::text[], $31::text[], $32::text[], $33::text[],
      $34::text[], $35::text[], $37::text[], $38::text[])
      AS m(mutation_id, device_seq, tbl, record_id, op, client_hlc, status, quarantine_id, payload, result)
  )
  UPDATE scope_counters SET seq = greatest(seq, $39),
    hlc = CASE WHEN $40::text COLLATE "C" > hlc THEN $40::text ELSE hlc END
  WHERE scope = $1`;

interface StoredRaw {
  row: RecordRowSql & { mutation_id: string | null };
  parsed: StoredRow;
}

const keyOf = (table: string, id: string) => `${table}\u0000${id}`;

/** Runs one push for `scope` on `client`, which is inside a transaction (BEGIN already sent). */
export async function pushOnConnection(
  client: pg.PoolClient,
  scope: string,
  input: PushInput,
): Promise<PushOutcome> {
  const { deviceId, now } = input;
  const counter = (await client.query<{ seq: number; hlc: string }>(LOCK_COUNTER, [scope]))
    .rows[0]!;
  // The scope's clock is shared through the database: another process may have stored a greater
  // HLC since this process last saw the scope (SYNC.md §1).
  if (counter.hlc && parseHlc(counter.hlc)) input.clock.recv(counter.hlc);

  const mutationIds = input.mutations.map((m) => toPgText(m.mutationId as string));
  const results = new Map<string, TerminalResult>();
  for (const r of (
    await client.query<{ mutation_id: string; result: string }>(KNOWN_RESULTS, [
      scope,
      mutationIds,
      now,
      deviceId,
      now - SEEN_REFRESH_MS,
    ])
  ).rows)
    results.set(fromPgText(r.mutation_id), JSON.parse(r.result) as TerminalResult);

  const tbls: string[] = [];
  const ids: string[] = [];
  for (const m of input.mutations) {
    if (typeof m.table === 'string' && typeof m.id === 'string') {
      tbls.push(toPgText(m.table));
      ids.push(toPgText(m.id));
    }
  }
  const stored = new Map<string, StoredRaw>();
  const fetched = new Set<string>(tbls.map((t, i) => keyOf(fromPgText(t), fromPgText(ids[i]!))));
  if (tbls.length) {
    const rows = (
      await client.query<RecordRowSql & { mutation_id: string | null }>(STORED_RECORDS, [
        scope,
        tbls,
        ids,
      ])
    ).rows;
    for (const r of rows) {
      r.tbl = fromPgText(r.tbl);
      r.id = fromPgText(r.id);
      stored.set(keyOf(r.tbl, r.id), { row: r, parsed: rowFromSql(r) });
    }
  }

  let seq = counter.seq;
  let highWater = '';
  let devices: ActiveDevice[] | null = null;
  let versions: Map<string, VersionRow[]> | null = null;
  const prunes: [string, string, number][] = [];
  const kept: (RecordRowSql & { mutation_id: string | null })[] = [];
  const writes = new Map<string, { row: StoredRow; mutationId: string | null; data: string }>();
  const logs: MutationLogEntry[] = [];

  async function historyInputs(): Promise<void> {
    const owner = scopeOwner(scope);
    devices = (
      await client.query<{ id: string; acked_seq: number }>(ACTIVE_DEVICES[owner.kind], [
        owner.id,
        now - HISTORY_ACTIVE_MS,
      ])
    ).rows.map((r) => ({ id: r.id, ackedSeq: r.acked_seq }));
    versions = new Map();
    const keys = [...stored.values()].map((s) => s.row);
    const rows = (
      await client.query<VersionRow & { tbl: string; id: string }>(VERSION_ROWS, [
        scope,
        keys.map((r) => toPgText(r.tbl)),
        keys.map((r) => toPgText(r.id)),
      ])
    ).rows;
    for (const r of rows) {
      const key = keyOf(fromPgText(r.tbl), fromPgText(r.id));
      const list = versions.get(key) ?? [];
      list.push({ version: r.version, server_seq: r.server_seq, device_id: r.device_id });
      versions.set(key, list);
    }
  }

  const store: PushStore = {
    async findResult(mutationId) {
      return results.get(mutationId);
    },
    async getRecord(table, id) {
      const key = keyOf(table, id);
      const written = writes.get(key);
      if (written) return written.row;
      if (fetched.has(key)) return stored.get(key)?.parsed;
      const r = (
        await client.query<RecordRowSql & { mutation_id: string | null }>(
          'SELECT * FROM records WHERE scope = $1 AND tbl = $2 AND id = $3',
          [scope, toPgText(table), toPgText(id)],
        )
      ).rows[0];
      fetched.add(key);
      if (!r) return undefined;
      r.tbl = table;
      r.id = id;
      const raw = { row: r, parsed: rowFromSql(r) };
      stored.set(key, raw);
      return raw.parsed;
    },
    async getContentAt(table, id, version): Promise<RecordContent | undefined> {
      const r = (
        await client.query<{ data: string; deleted: number }>(CONTENT_AT, [
          scope,
          toPgText(table),
          toPgText(id),
          version,
        ])
      ).rows[0];
      return r
        ? { data: JSON.parse(r.data) as Record<string, unknown>, deleted: r.deleted ? 1 : 0 }
        : undefined;
    },
    nextSeq() {
      seq += 1;
      return seq;
    },
    async writeRecord(row, mutationId, dataJson, previous) {
      const key = keyOf(row.table, row.id);
      if (previous) {
        if (!devices) await historyInputs();
        const prevRow: VersionRow = {
          version: previous.version,
          server_seq: previous.serverSeq,
          device_id: previous.deviceId,
        };
        const rows = [...(versions!.get(key) ?? []), prevRow];
        const floor = historyFloor(rows, devices!, row.deviceId ?? '', previous.version + 1);
        if (rows.some((r) => r.version < floor && r !== prevRow))
          prunes.push([toPgText(row.table), toPgText(row.id), floor]);
        if (previous.version >= floor) {
          const raw = stored.get(key);
          kept.push({
            ...(raw?.row ?? ({} as RecordRowSql)),
            tbl: row.table,
            id: row.id,
            version: previous.version,
            server_seq: previous.serverSeq,
            hlc: previous.hlc,
            device_id: previous.deviceId,
            deleted: previous.deleted,
            data: raw?.row.data ?? stringifyJson(previous.data),
            mutation_id: raw?.row.mutation_id ?? null,
          });
        }
      }
      if (row.hlc > highWater) highWater = row.hlc;
      writes.set(key, { row, mutationId, data: dataJson });
    },
    async logMutation(e) {
      logs.push(e);
      results.set(e.mutationId, e.result);
    },
  };

  const outcome = await processPush(store, input);
  if (!writes.size && !logs.length) return outcome;
  const w = [...writes.values()];
  const t = (s: string) => toPgText(s);
  await client.query(WRITE_ALL, [
    scope,
    prunes.map((p) => p[0]),
    prunes.map((p) => p[1]),
    prunes.map((p) => p[2]),
    kept.map((k) => t(k.tbl)),
    kept.map((k) => t(k.id)),
    kept.map((k) => k.version),
    kept.map((k) => k.server_seq),
    kept.map((k) => k.hlc),
    kept.map((k) => k.device_id),
    kept.map((k) => k.deleted),
    kept.map((k) => k.data),
    kept.map((k) => toPgText(k.mutation_id)),
    w.map((x) => t(x.row.table)),
    w.map((x) => t(x.row.id)),
    w.map((x) => x.row.version),
    w.map((x) => x.row.serverSeq),
    w.map((x) => x.row.hlc),
    w.map((x) => x.row.deviceId),
    w.map((x) => x.row.deleted),
    w.map((x) => x.row.schemaVersion),
    w.map((x) => x.row.createdAt),
    w.map((x) => x.row.updatedAt),
    w.map((x) => x.data),
    w.map((x) => x.row.lastStatus),
    w.map((x) => toPgText(x.mutationId)),
    deviceId,
    logs.map((e) => t(e.mutationId)),
    logs.map((e) => e.deviceSeq),
    logs.map((e) => toPgText(e.table)),
    logs.map((e) => toPgText(e.recordId)),
    logs.map((e) => toPgText(e.op)),
    logs.map((e) => toPgText(e.clientHlc)),
    logs.map((e) => e.status),
    logs.map((e) => e.quarantineId),
    now,
    logs.map((e) => e.payload),
    logs.map((e) => stringifyJson(e.result)),
    seq,
    highWater,
  ]);
  return outcome;
}
