/**
 * The simulated world of the sync simulation (SYNC.md §11): one in-process server on a file
 * database, devices of two providers (each its own IndexedDB factory; some with two tabs sharing
 * one lock), a virtual clock, and faults injected at the fetch boundary and at the client's await
 * points. Everything random comes from one seeded generator.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import type { Hono } from 'hono';
import { runAdminCommand } from '../../server/admin-commands';
import { createApp } from '../../server/app';
import type { Repository } from '../../server/repository';
import { createSqliteRepository } from '../../server/sqlite-repository';
import type { NaptimeDb } from '../../storage/db';
import { saveConnection } from '../../storage/sync-state';
import { createSyncClient } from '../client';
import type { SyncMutant } from '../deps';
import { gunzipSync, gzipSync } from 'node:zlib';
import { memoryLock, openDeviceDb, VirtualTime } from './harness';

/** A seeded generator (mulberry32). */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof rng>;

export const FAULT_KINDS = [
  'drop-before-server',
  'drop-response-after-commit',
  'server-5xx',
  'rate-limited-429',
  'duplicate-delivery',
  'timeout-before-server',
  'timeout-after-commit',
  'edit-during-flight',
  'tab-killed',
  'server-restart',
  'new-epoch',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
export const OUTCOMES = ['applied', 'merged', 'conflict', 'duplicate', 'rejected'] as const;

/** Tallies kept over a run of seeds. */
export interface Tally {
  faults: Record<FaultKind, number>;
  outcomes: Record<(typeof OUTCOMES)[number], number>;
  /** Rejected results followed, in the same answer, by an accepted one (§11 invariant 6). */
  rejectedThenAccepted: number;
  writes: number;
  requests: number;
}

export function newTally(): Tally {
  return {
    faults: Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Tally['faults'],
    outcomes: Object.fromEntries(OUTCOMES.map((k) => [k, 0])) as Tally['outcomes'],
    rejectedThenAccepted: 0,
    writes: 0,
    requests: 0,
  };
}

export interface Tab {
  db: NaptimeDb;
  client: ReturnType<typeof createSyncClient>;
  dead: boolean;
}

export interface Device {
  name: string;
  provider: 1 | 2;
  deviceId: string;
  token: string;
  factory: IDBFactory;
  skewMs: number;
  tabs: Tab[];
  lock: ReturnType<typeof memoryLock>;
  online: boolean;
  onlineListeners: Set<() => void>;
  inFlight: number;
  maxInFlight: number;
  gzip: boolean;
  /** Per record key, per field: the last value this device committed (§11 invariant 1). */
  ledger: Map<string, Map<string, unknown>>;
  timeouts: Map<string, number>;
}

export interface WorldOptions {
  seed: number;
  mutant?: SyncMutant;
  trace?: (line: string) => void;
}

const DAY = 24 * 60 * 60 * 1000;
const SIM_T0 = Date.parse('2026-11-26T12:00:00.000Z');

/** Builds a world for one seed: server, providers, devices, tabs (clients started). */
export async function createWorld(options: WorldOptions) {
  const r = rng(options.seed);
  const trace = options.trace ?? (() => undefined);
  const base = process.platform === 'linux' ? '/dev/shm' : tmpdir();
  const dir = mkdtempSync(join(base, 'naptime-sim-'));
  const file = join(dir, 'server.sqlite');
  const time = new VirtualTime();
  time.now = SIM_T0;
  let repository: Repository = createSqliteRepository(file);
  let app: Hono = createApp({ repository, clock: { now: () => time.now } });
  const tally = newTally();
  let faultsOn = true;
  /** Mutation ids of records written deliberately bad (an older build's data): may be rejected. */
  const badRecordIds = new Set<string>();
  const problems: string[] = [];
  const replayable: { device: Device; body: string; results: any[] }[] = [];
  let killsArmed = true;

  async function admin(...argv: string[]): Promise<any> {
    return runAdminCommand(repository, argv, time.now);
  }
  async function call(path: string, body: unknown, token?: string) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await app.request(path, {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as any };
  }

  const p1 = await admin('create-provider', '--agency', 'Agency A', '--name', 'Provider One');
  const p2 = await admin('create-provider', '--agency', 'Agency A', '--name', 'Provider Two');
  const skews = [0, 7 * DAY, -7 * DAY, Date.parse('1970-01-02T08:00:00.000Z') - SIM_T0, 0];
  const count = r.int(3, 5);
  const devices: Device[] = [];
  for (let i = 0; i <= count; i++) {
    const provider = i < count ? 1 : 2;
    const { code } = await admin(
      'enroll-code',
      '--provider',
      provider === 1 ? p1.providerId : p2.providerId,
    );
    const res = await call('/api/v1/devices/enroll', { code, deviceName: `device ${i}` });
    const device: Device = {
      name: `${provider === 1 ? 'A' : 'B'}${i}`,
      provider,
      deviceId: res.json.deviceId,
      token: res.json.deviceToken,
      factory: new IDBFactory(),
      skewMs: provider === 1 ? skews[i]! : r.pick(skews),
      tabs: [],
      lock: memoryLock(),
      online: true,
      onlineListeners: new Set(),
      inFlight: 0,
      maxInFlight: 0,
      gzip: r.chance(0.5),
      ledger: new Map(),
      timeouts: new Map(),
    };
    devices.push(device);
    const tabs = i === 0 || r.chance(0.25) ? 2 : 1;
    for (let t = 0; t < tabs; t++) await openTab(device, t === 0);
  }

  function fault(kind: FaultKind) {
    tally.faults[kind] += 1;
    trace(`  fault ${kind}`);
  }

  /** A fetch to the current server app through the faults of this device. */
  function fetchOf(
    device: Device,
    hooks: { editDuringFlight: (d: Device, body: any) => Promise<void> },
  ) {
    return async (url: string, init: RequestInit): Promise<Response> => {
      device.inFlight += 1;
      device.maxInFlight = Math.max(device.maxInFlight, device.inFlight);
      try {
        return await deliver(device, url, init, hooks);
      } finally {
        device.inFlight -= 1;
      }
    };
  }

  async function forward(url: string, init: RequestInit): Promise<Response> {
    const { signal: _s, ...rest } = init;
    return app.request(new Request(`http://naptime.test${url}`, rest));
  }

  async function deliver(
    device: Device,
    url: string,
    init: RequestInit,
    hooks: { editDuringFlight: (d: Device, body: any) => Promise<void> },
  ) {
    tally.requests += 1;
    const isPush = url.endsWith('/push');
    const text = isPush ? await bodyText(init) : String(init.body);
    const body = JSON.parse(text);
    if (!device.online) throw new TypeError('Failed to fetch (offline)');
    const single =
      isPush && body.mutations.length === 1 ? (body.mutations[0].mutationId as string) : null;
    const roll = faultsOn ? r.next() : 1;
    if (roll < 0.03) {
      fault('drop-before-server');
      throw new TypeError('Failed to fetch');
    }
    if (roll < 0.05) {
      fault('server-5xx');
      return json(
        503,
        { error: { code: 'UNAVAILABLE', message: 'busy', retryAfterMs: 1000 } },
        { 'retry-after': '1' },
      );
    }
    if (roll < 0.07) {
      fault('rate-limited-429');
      return json(
        429,
        { error: { code: 'RATE_LIMITED', message: 'slow down', retryAfterMs: 5000 } },
        { 'retry-after': '5' },
      );
    }
    // A single mutation timing out three times would be marked rejected locally (SYNC.md §4), which
    // is not a fault the network makes; the simulation gives each one at most two timeouts.
    const timeoutAllowed = !single || (device.timeouts.get(single) ?? 0) < 2;
    if (roll < 0.09 && timeoutAllowed) {
      if (single) device.timeouts.set(single, (device.timeouts.get(single) ?? 0) + 1);
      fault('timeout-before-server');
      throw new DOMException('The operation timed out.', 'TimeoutError');
    }
    if (isPush && roll >= 0.09 && roll < 0.14) {
      fault('edit-during-flight');
      await hooks.editDuringFlight(device, body);
    }
    // Each answer is read once, looked at, and handed on rebuilt: a clone tees the body stream,
    // and Node's web streams were a good part of the simulation's time.
    let res = await forward(url, init);
    if (faultsOn && roll >= 0.14 && roll < 0.17) {
      fault('duplicate-delivery');
      observe(device, isPush, text, res.status, await res.text());
      res = await forward(url, init);
    }
    const answer = await res.text();
    observe(device, isPush, text, res.status, answer);
    if (faultsOn && roll >= 0.17 && roll < 0.2) {
      fault('drop-response-after-commit');
      throw new TypeError('connection reset');
    }
    if (faultsOn && roll >= 0.2 && roll < 0.22 && timeoutAllowed) {
      if (single) device.timeouts.set(single, (device.timeouts.get(single) ?? 0) + 1);
      fault('timeout-after-commit');
      throw new DOMException('The operation timed out.', 'TimeoutError');
    }
    return new Response(answer, { status: res.status, headers: res.headers });
  }

  /** Looks at a real server answer: outcomes, unexpected errors (§11 invariant 5), replays. */
  function observe(device: Device, isPush: boolean, text: string, status: number, body: string) {
    const json: any = JSON.parse(body);
    if (status !== 200) {
      problems.push(
        `invariant 5: ${device.name} got ${status} ${JSON.stringify(json).slice(0, 200)} from the server`,
      );
      return;
    }
    if (!isPush) {
      for (const c of json.changes ?? [])
        trace(
          `  ${device.name} pulled ${c.table} ${c.id} v${c.version} ${JSON.stringify(c.data).slice(0, 120)}`,
        );
      return;
    }
    const mutations = JSON.parse(text).mutations as any[];
    let sawRejected = false;
    json.results.forEach((result: any, i: number) => {
      const m = mutations[i];
      const term = result.status === 'duplicate' ? result.original : result;
      trace(
        `  ${device.name} push ${m.table} ${m.id} ${m.op} base ${m.baseVersion} ${JSON.stringify(m.data ?? {}).slice(0, 120)} deleted=${m.deleted} -> ${result.status} v${term.version} ${term.record ? JSON.stringify(term.record.data).slice(0, 120) : ''}`,
      );
    });
    if (!isPush) return;
    json.results.forEach((result: any, i: number) => {
      tally.outcomes[result.status as keyof Tally['outcomes']] += 1;
      const term = result.status === 'duplicate' ? result.original : result;
      if (term.status === 'rejected') {
        sawRejected = true;
        if (!badRecordIds.has(mutations[i].id)) {
          problems.push(
            `invariant 5/6: ${device.name}'s valid ${mutations[i].table} ${mutations[i].id} was rejected: ${term.code} ${term.message} ${JSON.stringify(term.details ?? [])} (sent ${JSON.stringify(mutations[i]).slice(0, 400)})`,
          );
        }
      } else if (sawRejected && result.status !== 'duplicate') {
        tally.rejectedThenAccepted += 1;
        sawRejected = false;
      }
    });
    if (replayable.length < 12 && r.chance(0.2))
      replayable.push({ device, body: text, results: json.results });
  }

  async function openTab(device: Device, first: boolean, connect = first): Promise<Tab> {
    const db = await openDeviceDb(device.factory, () => time.now + device.skewMs);
    if (connect) {
      await saveConnection(db, {
        deviceId: device.deviceId,
        deviceToken: device.token,
        providerId: String(device.provider),
      });
    }
    const tab = { db, dead: false } as Tab;
    tab.client = createSyncClient(db, {
      baseUrl: '',
      fetch: fetchOf(device, {
        editDuringFlight: (d, body) => world.hooks.editDuringFlight(d, body),
      }),
      lock: device.lock,
      isOnline: () => device.online,
      // The second tab of a device is in the background: no 60 s runs of its own (SYNC.md §9).
      isVisible: () => first,
      now: () => time.now + device.skewMs,
      setTimeout: time.setTimeout,
      clearTimeout: time.clearTimeout,
      random: r.next,
      // zlib rather than CompressionStream here: Node's web streams cost the simulation a third of its time.
      ...(device.gzip
        ? { gzip: async (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes)) }
        : {}),
      onOnline: (cb) => {
        device.onlineListeners.add(cb);
        return () => device.onlineListeners.delete(cb);
      },
      checkpoint: (where) => {
        if (tab.dead) throw new Error('tab killed');
        // Only a client that splits a page from its cursor stops between them: a kill there is what
        // shows the split, so it comes often enough to be seen in a few seeds.
        const odds = where === 'pull:between-cursor-and-page' ? 0.25 : 0.02;
        if (faultsOn && killsArmed && r.chance(odds)) {
          fault('tab-killed');
          tab.dead = true;
          tab.client.stop();
          throw new Error('tab killed');
        }
      },
      ...(options.mutant ? { mutant: options.mutant } : {}),
    });
    device.tabs.push(tab);
    tab.client.start();
    return tab;
  }

  /** Closes dead tabs and opens a fresh one on the same factory (the tab was killed; she reopens it). */
  async function reviveTabs(): Promise<void> {
    for (const device of devices) {
      for (let i = 0; i < device.tabs.length; i++) {
        const tab = device.tabs[i]!;
        if (!tab.dead) continue;
        await tab.client.idle();
        tab.db.close();
        device.tabs.splice(i, 1);
        await openTab(device, i === 0, false);
        const moved = device.tabs.pop()!;
        device.tabs.splice(i, 0, moved);
      }
    }
  }

  async function restartServer(): Promise<void> {
    fault('server-restart');
    await repository.close();
    repository = createSqliteRepository(file);
    app = createApp({ repository, clock: { now: () => time.now } });
  }

  async function newEpoch(): Promise<void> {
    fault('new-epoch');
    await admin('new-epoch');
  }

  /** Waits until no client of any tab is running. */
  async function settle(): Promise<void> {
    for (let round = 0; round < 50; round++) {
      const busy = devices.flatMap((d) => d.tabs).map((t) => t.client.idle());
      await Promise.all(busy);
      await reviveTabs();
      if (devices.every((d) => d.inFlight === 0)) return;
    }
  }

  /** Moves virtual time forward, letting the clients' timers run. */
  async function advance(ms: number): Promise<void> {
    let left = ms;
    while (left > 0) {
      const next = time.nextAt();
      const step = next === null ? left : Math.min(left, Math.max(0, next - time.now));
      time.advance(step);
      left -= step;
      await settle();
      if (next === null || next - time.now > left) {
        time.advance(left);
        left = 0;
        await settle();
      }
    }
  }

  function setOnline(device: Device, online: boolean) {
    device.online = online;
    if (online) for (const cb of [...device.onlineListeners]) cb();
  }

  const world = {
    r,
    time,
    file,
    devices,
    tally,
    problems,
    badRecordIds,
    replayable,
    trace,
    hooks: { editDuringFlight: async (_d: Device, _body: any) => undefined as void },
    get app() {
      return app;
    },
    get repository() {
      return repository;
    },
    stopFaults() {
      faultsOn = false;
      killsArmed = false;
    },
    restartServer,
    newEpoch,
    settle,
    advance,
    setOnline,
    call,
    async close() {
      for (const d of devices)
        for (const t of d.tabs) {
          t.client.stop();
          t.db.close();
        }
      await repository.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return world;
}

export type World = Awaited<ReturnType<typeof createWorld>>;

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

async function bodyText(init: RequestInit): Promise<string> {
  const headers = new Headers(init.headers);
  if (headers.get('content-encoding') !== 'gzip') return String(init.body);
  return gunzipSync(init.body as Uint8Array).toString('utf8');
}
