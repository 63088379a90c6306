/**
 * The invariants of SYNC.md §11, checked on the simulated world once faults stop. The server side
 * is read straight from its SQLite file (read-only), the devices from their IndexedDB. Each failed
 * check is one line naming the invariant, the device and the record.
 */
import Database from 'better-sqlite3';
import { valuesEqual as sameValue } from '../../domain/merge';
import { SYNCED_TABLES } from '../../domain/tables';
import type { Device, World } from './world';

interface ServerRow {
  tbl: string;
  id: string;
  version: number;
  deleted: number;
  data: Record<string, unknown>;
}

/** What the server holds for one device's scope. */
export function readServer(world: World, device: Device) {
  const cached = serverCache.get(world)?.get(device.provider);
  if (cached) return cached;
  const read = readServerNow(world, device);
  if (!serverCache.has(world)) serverCache.set(world, new Map());
  serverCache.get(world)!.set(device.provider, read);
  return read;
}

const serverCache = new WeakMap<World, Map<number, ReturnType<typeof readServerNow>>>();

/** Forgets what `readServer` read (the server changed). */
export function forgetServer(world: World): void {
  serverCache.delete(world);
}

function readServerNow(world: World, device: Device) {
  const db = new Database(world.file, { readonly: true, fileMustExist: true });
  try {
    const { provider_id } = db
      .prepare('SELECT provider_id FROM devices WHERE id = ?')
      .get(device.deviceId) as { provider_id: string };
    const scope = `provider:${provider_id}`;
    const parse = (r: any): ServerRow => ({
      tbl: r.tbl,
      id: r.id,
      version: r.version,
      deleted: r.deleted,
      data: JSON.parse(r.data),
    });
    const live = (db.prepare('SELECT * FROM records WHERE scope = ?').all(scope) as any[]).map(
      parse,
    );
    const history = (
      db.prepare('SELECT * FROM record_versions WHERE scope = ?').all(scope) as any[]
    ).map(parse);
    // Every payload received, accepted or rejected: the audit log and the quarantine (SYNC.md §3).
    // The version history is bounded, so a value replaced since is found here.
    const logged = (
      db
        .prepare('SELECT tbl, record_id, payload FROM mutations WHERE scope = ?')
        .all(scope) as any[]
    ).map((m) => ({
      tbl: m.tbl as string,
      id: m.record_id as string,
      payload: JSON.parse(m.payload),
    }));
    return { scope, live, history, logged };
  } finally {
    db.close();
  }
}

const key = (table: string, id: string) => `${table}/${id}`;

/**
 * Invariant 1: every field value each device last committed is on the server — live, in a kept
 * version, in a conflict record, or in a payload of the mutation log (which holds the quarantine) —
 * or still in its outbox. A value another device replaced later (having seen it) is in the log.
 */
export async function checkNoLoss(world: World, withOutbox: boolean): Promise<string[]> {
  const problems: string[] = [];
  for (const device of world.devices) {
    const server = readServer(world, device);
    const tab = device.tabs[0]!;
    const outbox = withOutbox ? await tab.db.outbox.toArray() : [];
    const versions = new Map<string, ServerRow[]>();
    for (const row of [...server.live, ...server.history]) {
      const k = key(row.tbl, row.id);
      versions.set(k, [...(versions.get(k) ?? []), row]);
    }
    const conflicts = server.live.filter((r) => r.tbl === 'conflicts');
    for (const [k, fields] of device.ledger) {
      const [table, id] = k.split('/') as [string, string];
      const local = await tab.db.synced(table as 'children').get(id);
      const waiting = outbox.filter((e) => e.table === table && e.recordId === id);
      for (const [field, value] of fields) {
        const onServer = (versions.get(k) ?? []).some((row) =>
          sameValue(field === 'deleted' ? row.deleted : row.data[field], value),
        );
        const inConflict = conflicts.some(
          (c) =>
            c.data.table === table &&
            c.data.recordId === id &&
            (sameValue((c.data.losing as any)?.[field], value) ||
              sameValue((c.data.winning as any)?.[field], value)),
        );
        const inLog = server.logged.some(
          (q) =>
            q.tbl === table &&
            q.id === id &&
            sameValue(field === 'deleted' ? q.payload.deleted : q.payload.data?.[field], value),
        );
        const inOutbox = waiting.some((e) =>
          e.payload
            ? sameValue(
                field === 'deleted' ? e.payload.deleted : (e.payload.data as any)?.[field],
                value,
              )
            : local !== undefined &&
              sameValue(field === 'deleted' ? local.deleted : local.data[field], value),
        );
        if (!onServer && !inConflict && !inLog && !inOutbox) {
          problems.push(
            `invariant 1: ${device.name}'s ${k} field ${field}=${JSON.stringify(value)?.slice(0, 60)} is nowhere on the server${withOutbox ? ' nor in its outbox' : ''}`,
          );
        }
      }
    }
  }
  return problems;
}

/** Invariant 3 (and provider isolation): each device holds exactly its scope's records. */
export async function checkConvergence(world: World): Promise<string[]> {
  const problems: string[] = [];
  const idsOf = new Map<number, Set<string>>();
  for (const device of world.devices) {
    const server = readServer(world, device);
    const tab = device.tabs[0]!;
    if ((await tab.db.outbox.count()) > 0)
      problems.push(`invariant 3: ${device.name}'s outbox is not empty after the final pushes`);
    const local = new Map<string, any>();
    const rejected = new Set<string>();
    for (const table of SYNCED_TABLES) {
      for (const row of await tab.db.synced(table).toArray()) {
        const k = key(table, row.id);
        if (row.syncStatus === 'rejected') rejected.add(k);
        else local.set(k, row);
      }
    }
    for (const row of server.live) {
      const k = key(row.tbl, row.id);
      if (rejected.has(k)) continue;
      const mine = local.get(k);
      if (!mine) problems.push(`invariant 3: ${device.name} lacks ${k} v${row.version}`);
      else if (
        mine.version !== row.version ||
        mine.deleted !== row.deleted ||
        !sameValue(mine.data, row.data)
      ) {
        const fields = [...new Set([...Object.keys(mine.data), ...Object.keys(row.data)])].filter(
          (f) => !sameValue(mine.data[f], row.data[f]),
        );
        const show = (d: Record<string, unknown>) =>
          JSON.stringify(Object.fromEntries(fields.map((f) => [f, d[f] ?? null]))).slice(0, 160);
        problems.push(
          `invariant 3: ${device.name}'s ${k} is v${mine.version} deleted=${mine.deleted} ${show(mine.data)} (${mine.syncStatus}), the server's v${row.version} deleted=${row.deleted} ${show(row.data)}`,
        );
      }
      local.delete(k);
    }
    for (const k of local.keys())
      problems.push(
        `invariant 3: ${device.name} holds ${k}, which its provider's server scope does not`,
      );
    for (const k of rejected) {
      const id = k.split('/')[1]!;
      if (!world.badRecordIds.has(id))
        problems.push(`invariant 6: ${device.name}'s valid ${k} is marked rejected`);
    }
    const ids = idsOf.get(device.provider) ?? new Set<string>();
    for (const table of SYNCED_TABLES)
      for (const id of (await tab.db.synced(table).toCollection().primaryKeys()) as string[]) {
        if (!id.startsWith('checkin-')) ids.add(id);
      }
    idsOf.set(device.provider, ids);
  }
  const [one, two] = [idsOf.get(1) ?? new Set<string>(), idsOf.get(2) ?? new Set<string>()];
  for (const id of two)
    if (one.has(id))
      problems.push(`isolation: a device of the second provider holds ${id} of the first`);
  return problems;
}

/** Invariant 2: the server's records are the distinct ids made on devices; replays answer duplicate. */
export async function checkNoDuplicates(world: World): Promise<string[]> {
  const problems: string[] = [];
  const byScope = new Map<string, { server: Set<string>; made: Set<string> }>();
  for (const device of world.devices) {
    const server = readServer(world, device);
    const entry = byScope.get(server.scope) ?? {
      server: new Set(
        server.live.filter((r) => r.tbl !== 'conflicts').map((r) => key(r.tbl, r.id)),
      ),
      made: new Set<string>(),
    };
    for (const k of device.ledger.keys()) entry.made.add(k);
    byScope.set(server.scope, entry);
  }
  for (const [scope, { server, made }] of byScope) {
    for (const k of made)
      if (!server.has(k))
        problems.push(`invariant 2: ${k} made on a device of ${scope} is not on the server`);
    for (const k of server)
      if (!made.has(k))
        problems.push(`invariant 2: the server holds ${k} in ${scope}, made by no device`);
  }
  for (const { device, body, results } of world.replayable) {
    const res = await world.app.request('/api/v1/sync/push', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
      body,
    });
    const json: any = await res.json();
    json.results?.forEach((again: any, i: number) => {
      const first = results[i].status === 'duplicate' ? results[i].original : results[i];
      if (
        again.status !== 'duplicate' ||
        JSON.stringify(again.original) !== JSON.stringify(first)
      ) {
        problems.push(
          `invariant 2: replaying ${device.name}'s push answered ${again.status} for ${first.mutationId}, not the first answer`,
        );
      }
    });
    if (res.status !== 200) problems.push(`invariant 2: replaying a push answered ${res.status}`);
  }
  return problems;
}

/** Invariant 7: at most one push or pull of a device in flight at once. */
export function checkOneAtATime(world: World): string[] {
  return world.devices
    .filter((d) => d.maxInFlight > 1)
    .map((d) => `invariant 7: ${d.name} had ${d.maxInFlight} requests in flight at once`);
}
