/**
 * Test support: an app over a SQLite repository (`:memory:` by default) with a settable clock and IP,
 * and helpers to make a provider, enroll devices and call the routes through `app.request()`.
 */
import { gzipSync } from 'node:zlib';
import { stringifyJson } from '../domain/json-bounds';
import { createApp, type AppDeps } from './app';
import { runAdminCommand } from './admin-commands';
import type { Repository } from './repository';
import { createSqliteRepository, type SqliteOptions } from './sqlite-repository';

export const T0 = Date.parse('2026-11-26T12:00:00.000Z');

export interface Enrolled {
  deviceId: string;
  token: string;
  providerId: string;
  agencyId: string;
}

/** A staff member's enrolled device (SYNC.md §13). */
export interface EnrolledStaff {
  deviceId: string;
  token: string;
  staffId: string;
  agencyId: string | null;
}

/** What push and pull need of a device. */
export type AnyDevice = Pick<Enrolled, 'deviceId' | 'token'>;

/** A test server: the app, its repository, and knobs for the clock and the caller's IP. */
export function makeServer(
  opts: {
    file?: string;
    now?: number;
    staticDir?: string;
    repository?: Repository;
    sqlite?: SqliteOptions;
    deps?: Partial<Pick<AppDeps, 'pushBudget' | 'bodyTimeoutMs' | 'logger'>>;
  } = {},
) {
  const repository =
    opts.repository ?? createSqliteRepository(opts.file ?? ':memory:', opts.sqlite);
  const state = { now: opts.now ?? T0, ip: '192.0.2.1' };
  const app = createApp({
    repository,
    clock: { now: () => state.now },
    ipOf: () => state.ip,
    corsOrigins: ['https://allowed.example'],
    ...(opts.staticDir ? { staticDir: opts.staticDir } : {}),
    ...opts.deps,
  });

  async function request(
    path: string,
    body: unknown,
    init: { token?: string; headers?: Record<string, string>; gzip?: boolean } = {},
  ) {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    let payload: string | Uint8Array = typeof body === 'string' ? body : stringifyJson(body);
    if (init.gzip) {
      payload = gzipSync(payload);
      headers['content-encoding'] = 'gzip';
    }
    const res = await app.request(path, {
      method: 'POST',
      headers,
      body: payload as unknown as string,
    });
    const text = await res.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: res.status, json, headers: res.headers };
  }

  async function admin(...argv: string[]): Promise<any> {
    return runAdminCommand(repository, argv, state.now);
  }

  async function createProvider(agency = 'Agency A', name = 'Provider A') {
    return (await admin('create-provider', '--agency', agency, '--name', name)) as {
      agencyId: string;
      providerId: string;
    };
  }

  async function enroll(providerId: string, deviceName = 'tablet'): Promise<Enrolled> {
    const { code } = await admin('enroll-code', '--provider', providerId);
    const res = await request('/api/v1/devices/enroll', { code, deviceName });
    if (res.status !== 200)
      throw new Error(`enroll failed: ${res.status} ${JSON.stringify(res.json)}`);
    return {
      deviceId: res.json.deviceId,
      token: res.json.deviceToken,
      providerId,
      agencyId: res.json.agencyId,
    };
  }

  async function createStaff(
    role: 'coach' | 'manager' | 'collaborative',
    agency: string | null = 'Agency A',
    name = `Staff ${role}`,
  ) {
    const agencyFlags = role === 'collaborative' || agency === null ? [] : ['--agency', agency];
    return (await admin('create-staff', ...agencyFlags, '--name', name, '--role', role)) as {
      agencyId: string | null;
      staffId: string;
    };
  }

  async function enrollStaff(staffId: string, deviceName = 'phone'): Promise<EnrolledStaff> {
    const { code } = await admin('enroll-code', '--staff', staffId);
    const res = await request('/api/v1/devices/enroll', { code, deviceName });
    if (res.status !== 200 || res.json.kind !== 'staff')
      throw new Error(`enroll failed: ${res.status} ${JSON.stringify(res.json)}`);
    return {
      deviceId: res.json.deviceId,
      token: res.json.deviceToken,
      staffId,
      agencyId: res.json.agencyId,
    };
  }

  function push(device: AnyDevice, mutations: unknown[], extra: Record<string, unknown> = {}) {
    return request(
      '/api/v1/sync/push',
      { protocol: 1, deviceId: device.deviceId, clientHlc: null, mutations, ...extra },
      { token: device.token },
    );
  }

  function pull(device: AnyDevice, cursor: string | null = null, limit?: number) {
    return request(
      '/api/v1/sync/pull',
      { protocol: 1, deviceId: device.deviceId, cursor, ...(limit ? { limit } : {}) },
      { token: device.token },
    );
  }

  /** Pulls until hasMore is false; returns every row and the last cursor. */
  async function pullAll(device: AnyDevice, cursor: string | null = null, limit?: number) {
    const rows: any[] = [];
    for (let i = 0; i < 1000; i++) {
      const res = await pull(device, cursor, limit);
      if (res.status !== 200 || res.json.reset)
        throw new Error(`pull failed: ${res.status} ${JSON.stringify(res.json)}`);
      rows.push(...res.json.changes);
      cursor = res.json.cursor;
      if (!res.json.hasMore) break;
    }
    return { rows, cursor };
  }

  return {
    app,
    repository,
    state,
    request,
    admin,
    createProvider,
    enroll,
    createStaff,
    enrollStaff,
    push,
    pull,
    pullAll,
  };
}

let counter = 0;
/** A fresh unique id (letters, digits and dashes, like a UUIDv7). */
export function uid(prefix = 'id'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** An HLC at `millis` for `node` (16 hex). */
export function hlcAt(millis: number, node = 'aaaaaaaaaaaaaaaa', counter = 0): string {
  return `${new Date(millis).toISOString()}-${counter.toString(16).padStart(4, '0')}-${node}`;
}

/** A valid observation create. */
export function noteCreate(over: Record<string, unknown> = {}, data: Record<string, unknown> = {}) {
  return {
    mutationId: uid('m'),
    deviceSeq: 1,
    table: 'observations',
    op: 'create',
    id: uid('obs'),
    baseVersion: 0,
    hlc: hlcAt(T0),
    schemaVersion: 1,
    createdAt: '2026-11-26T06:05:00-06:00',
    deleted: 0,
    data: {
      childIds: ['c1'],
      observedAt: '2026-11-26T06:05:00-06:00',
      text: 'Stacked three blocks',
      ...data,
    },
    ...over,
  };
}

/** A valid create of an agency-side record (SYNC.md §12): a TA contact unless `table` says. */
export function agencyCreate(
  table: 'ta-contacts' | 'staff-checkins' | 'events' | 'sharing',
  data: Record<string, unknown> = {},
  over: Record<string, unknown> = {},
) {
  const defaults: Record<string, Record<string, unknown>> = {
    'ta-contacts': {
      providerId: 'p1',
      date: '2026-11-26',
      kind: 'visit',
      observation: true,
      planning: false,
      qiData: false,
    },
    'staff-checkins': { week: '2026-W48', s1: 3, s2: 1 },
    events: { date: '2026-11-20', title: 'Learning session 2', kind: 'learning-session' },
    sharing: { level: 'numbers', firstUseAt: '2026-09-01' },
  };
  const merged = { ...defaults[table], ...data };
  const id =
    table === 'sharing'
      ? 'sharing'
      : table === 'staff-checkins'
        ? `staff-checkin-${merged.week as string}`
        : uid(table);
  return {
    mutationId: uid('m'),
    table,
    op: 'create',
    id,
    baseVersion: 0,
    hlc: hlcAt(T0),
    schemaVersion: 1,
    createdAt: '2026-11-26T06:05:00-06:00',
    deleted: 0,
    data: merged,
    ...over,
  };
}

/** A valid check-in create for `week`. */
export function checkinCreate(
  week: string,
  data: Record<string, unknown>,
  over: Record<string, unknown> = {},
) {
  return {
    mutationId: uid('m'),
    table: 'checkins',
    op: 'create',
    id: `checkin-${week}`,
    baseVersion: 0,
    hlc: hlcAt(T0),
    schemaVersion: 1,
    createdAt: '2026-11-26T06:05:00-06:00',
    deleted: 0,
    data: { week, ...data },
    ...over,
  };
}

/** An update of `fields` on `baseVersion`. */
export function update(
  table: string,
  id: string,
  baseVersion: number,
  data: Record<string, unknown>,
  over: Record<string, unknown> = {},
) {
  return {
    mutationId: uid('m'),
    table,
    op: 'update',
    id,
    baseVersion,
    hlc: hlcAt(T0),
    schemaVersion: 1,
    data,
    ...over,
  };
}

/** A test server made by `makeServer`. */
export type TestServer = ReturnType<typeof makeServer>;
