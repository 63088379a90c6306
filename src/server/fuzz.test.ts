/**
 * Property tests per route: whatever arrives (random JSON, wrong types, truncated or oversized gzip,
 * 2 MiB bodies, bad or revoked tokens, replays), every answer is below 500, and a 4xx changes no table.
 * The exceptions are counters, not records: `enrollment_codes.failed_attempts` (a wrong secret for a
 * live code counts towards its 5-try lock even though it answers 403, SYNC.md §7) and a device's
 * `last_seen_at`/`acked_seq` (activity, written by answered pulls), so those columns are left out.
 *
 * The generators reach what an outside red-team run found: values nested thousands of levels deep and
 * objects thousands of keys wide, HLCs of the right shape that are no real instant, prototype-named
 * keys, non-finite numbers (1e999 in the JSON text), and bursts of concurrent requests. A full disk is
 * the one answer allowed at 500 and above: 503 STORAGE_FULL, and it changes nothing either.
 */
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringifyJson } from '../domain/json-bounds';
import { HlcSchema } from '../domain/hlc';
import { MutationResultSchema, PullResponseSchema } from '../domain/sync-messages';
import { SYNCED_TABLES } from '../domain/tables';
import { encodeCursor } from './cursor';
import { backends, type Backend } from './test-backends';
import { hlcAt, makeServer, noteCreate, T0, type Enrolled, type TestServer } from './test-support';

const BACKENDS = backends();

const RUNS = 120;
const BURST_RUNS = 25;

async function world(backend: Backend) {
  const s = await backend.server();
  const p = await s.createProvider();
  const good = await s.enroll(p.providerId, 'good');
  const revoked = await s.enroll(p.providerId, 'revoked');
  await s.admin('revoke-device', '--device', revoked.deviceId);
  await s.push(good, [noteCreate({ id: 'r1' }), noteCreate({ id: 'r2' })]);
  return { s, p, good, revoked };
}

async function snapshot(s: TestServer): Promise<string> {
  const dump = await s.repository.dump();
  dump.enrollment_codes = dump.enrollment_codes!.map((row) => ({
    ...(row as object),
    failed_attempts: null,
  }));
  dump.devices = dump.devices!.map((row) => ({
    ...(row as object),
    last_seen_at: null,
    acked_seq: null,
  }));
  return stringifyJson(dump);
}

/** Placeholders written into the JSON text as numbers JSON.stringify cannot make. */
const NON_FINITE: Record<string, string> = {
  '"\\u0001+inf"': '1e999',
  '"\\u0001-inf"': '-1e999',
  '"\\u0001big"': '-0.0e-999999',
};
const nonFinite = fc.constantFrom('\u0001+inf', '\u0001-inf', '\u0001big');
const PROTO_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
];
/** A value nested 1..5000 levels deep, arrays, objects or both. */
const deepJson = fc
  .record({
    depth: fc.oneof(fc.integer({ min: 25, max: 40 }), fc.integer({ min: 1, max: 5000 })),
    kind: fc.constantFrom('[', '{"a":', '{"__proto__":', 'mixed'),
  })
  .map(({ depth, kind }) => {
    const opens = Array.from({ length: depth }, (_, i) =>
      kind === 'mixed' ? (i % 2 ? '[' : '{"k":') : kind,
    );
    const closes = opens.map((o) => (o === '[' ? ']' : '}')).reverse();
    return JSON.parse(`${opens.join('')}1${closes.join('')}`) as unknown;
  });
/** An object 100..3000 keys wide. */
const wideJson = fc
  .integer({ min: 100, max: 3000 })
  .map((n) =>
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i % 7 ? i : { v: i }])),
  );
/** An object whose own keys are named like Object.prototype's (kept as data, never dropped). */
const protoData = fc
  .record({
    keys: fc.subarray(PROTO_KEYS, { minLength: 1 }),
    value: fc.oneof(fc.jsonValue(), fc.constant({ polluted: true })),
  })
  .map(({ keys, value }) => {
    const data: Record<string, unknown> = {
      childIds: ['c1'],
      observedAt: '2026-11-26T06:05:00-06:00',
      text: 'A note',
    };
    for (const k of keys)
      Object.defineProperty(data, k, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return data;
  });
/** The shape of an HLC with a time that is no instant (month 99, February 30, 24:00, second 60). */
const impossibleHlc = fc
  .record({
    y: fc.integer({ min: 1970, max: 9999 }),
    mo: fc.integer({ min: 0, max: 99 }),
    d: fc.integer({ min: 0, max: 99 }),
    h: fc.integer({ min: 0, max: 99 }),
    mi: fc.integer({ min: 0, max: 99 }),
  })
  .map(
    ({ y, mo, d, h, mi }) =>
      `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:00.000Z-0000-aaaaaaaaaaaaaaaa`,
  )
  .filter(
    (hlc) =>
      Number.isNaN(Date.parse(hlc.slice(0, 24))) ||
      new Date(Date.parse(hlc.slice(0, 24))).toISOString() !== hlc.slice(0, 24),
  );

const weird = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom('__proto__', 'constructor', '', -1, 1e308, 2 ** 53, '\u0000', '💥'),
  nonFinite,
);
/** Mostly `usual`, sometimes something else: enough valid requests to reach the database. */
function mostly<T>(usual: fc.Arbitrary<T>, other: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ weight: 7, arbitrary: usual }, { weight: 1, arbitrary: other });
}
const tokenArb = mostly(
  fc.constant('good'),
  fc.constantFrom('revoked', 'random', 'none', 'garbage'),
);
const encodingArb = mostly(
  fc.constantFrom('identity', 'gzip'),
  fc.constantFrom('gzip-truncated', 'gzip-garbage', 'br'),
);
const sizeArb = fc.oneof(
  { weight: 15, arbitrary: fc.constant('normal') },
  { weight: 1, arbitrary: fc.constant('huge') },
);

function tokenFor(kind: string, w: Awaited<ReturnType<typeof world>>): string | undefined {
  if (kind === 'good') return w.good.token;
  if (kind === 'revoked') return w.revoked.token;
  if (kind === 'random') return 'A'.repeat(43);
  if (kind === 'garbage') return '\u00ff not a token';
  return undefined;
}

/** Sends `body` (any value) with the chosen token, encoding and size. */
async function send(
  w: Awaited<ReturnType<typeof world>>,
  path: string,
  body: unknown,
  token: string,
  encoding: string,
  size: string,
) {
  let text = body === undefined ? 'undefined' : stringifyJson(body);
  if (size === 'huge' && typeof body === 'object' && body !== null && !Array.isArray(body)) {
    text = stringifyJson({ ...body, pad: 'x'.repeat(2 * 1024 * 1024) });
  } else if (size === 'huge') text = 'x'.repeat(2 * 1024 * 1024);
  text = text.replace(/"\\u0001[^"]*"/g, (m) => NON_FINITE[m] ?? m);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const t = tokenFor(token, w);
  if (t !== undefined) headers.authorization = `Bearer ${t}`;
  let payload: string | Uint8Array = text;
  if (encoding !== 'identity')
    headers['content-encoding'] = encoding.startsWith('gzip') ? 'gzip' : encoding;
  if (encoding === 'gzip') payload = gzipSync(text);
  if (encoding === 'gzip-truncated') payload = gzipSync(text).subarray(0, 12);
  if (encoding === 'gzip-garbage')
    payload = Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.from(text)]);
  const res = await w.s.app.request(path, { method: 'POST', headers, body: payload });
  const raw = await res.text();
  let json: any;
  try {
    json = JSON.parse(raw);
  } catch {
    json = raw;
  }
  return { status: res.status, json };
}

const hlcArb = fc.oneof(
  fc.integer({ min: T0 - 864e5, max: T0 + 864e5 }).map((ms) => hlcAt(ms)),
  fc.integer({ min: 0, max: 4102444800000 }).map((ms) => hlcAt(ms)),
  fc.constant(hlcAt(T0 + 7 * 864e5)),
  impossibleHlc,
  fc.string(),
);
const checkinData = fc.record(
  {
    week: fc.constantFrom('2026-W05', '2026-W53', '2020-W53'),
    p1: fc.oneof(fc.integer({ min: -1, max: 13 }), fc.constant(null)),
    p4: fc.integer({ min: 0, max: 21 }),
    p5: fc.oneof(fc.integer({ min: 0, max: 21 }), fc.constant(null)),
    p6: fc.integer({ min: 0, max: 6 }),
  },
  { requiredKeys: [] },
);
const noteData = fc.record(
  {
    childIds: fc.oneof(fc.constant(['c1']), fc.array(fc.string(), { maxLength: 12 })),
    observedAt: fc.constantFrom('2026-11-26T06:05:00-06:00', '1970-01-01T00:00:00Z', 'yesterday'),
    text: fc.oneof(fc.string(), fc.constant('A note')),
    nextStep: weird,
  },
  { requiredKeys: [] },
);
const validNote = fc.record({
  childIds: fc.constant(['c1']),
  observedAt: fc.constant('2026-11-26T06:05:00-06:00'),
  text: fc.constantFrom('A note', 'Another'),
  nextStep: fc.option(fc.string({ maxLength: 20 })),
});
const validCheckin = fc.record({
  week: fc.constant('2026-W05'),
  p1: fc.integer({ min: 1, max: 12 }),
  p4: fc.integer({ min: 0, max: 20 }),
  p5: fc.constant(null),
  p6: fc.integer({ min: 1, max: 5 }),
});
const partial = fc.oneof(
  fc.record({ text: fc.string({ maxLength: 10 }) }),
  fc.record({ p6: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ nextStep: weird }),
  fc.record({ nextStep: deepJson }),
  fc.constant({}),
  protoData.map((d) => {
    const { childIds: _c, observedAt: _o, text: _t, ...rest } = d;
    return rest;
  }),
);
/** A mutation that is well formed (its data may still break a rule or conflict). */
const coherentMutation = fc
  .record({
    mutationId: fc.oneof(fc.uuid(), fc.constantFrom('dup-1', 'dup-2')),
    isNote: fc.boolean(),
    op: fc.constantFrom('create', 'create', 'update', 'delete'),
    id: fc.constantFrom('r1', 'r2', 'r3'),
    baseVersion: fc.nat(4),
    hlc: mostly(
      fc.integer({ min: T0 - 864e5, max: T0 + 864e5 }).map((ms) => hlcAt(ms)),
      impossibleHlc,
    ),
    note: mostly(
      validNote,
      fc.oneof(
        protoData,
        validNote.chain((n) => deepJson.map((extra) => ({ ...n, extra }))),
      ),
    ),
    checkin: validCheckin,
    part: partial,
    deleted: fc.constantFrom(0, 1),
  })
  .map((x) => ({
    mutationId: x.mutationId,
    table: x.isNote ? 'observations' : 'checkins',
    op: x.op,
    id: x.isNote ? x.id : 'checkin-2026-W05',
    baseVersion: x.baseVersion,
    hlc: x.hlc,
    schemaVersion: 1,
    createdAt: '2026-11-26T06:05:00-06:00',
    deleted: x.deleted,
    ...(x.op === 'delete'
      ? {}
      : { data: x.op === 'create' ? (x.isNote ? x.note : x.checkin) : x.part }),
  }));
const randomMutation = fc.record(
  {
    mutationId: fc.oneof(
      {
        weight: 30,
        arbitrary: fc.oneof(
          fc.uuid(),
          fc.constantFrom('dup-1', 'dup-2'),
          fc.string({ maxLength: 120 }),
        ),
      },
      { weight: 1, arbitrary: weird },
    ),
    deviceSeq: mostly(fc.nat(), weird),
    table: mostly(
      fc.constantFrom('observations', 'checkins'),
      fc.oneof(fc.constantFrom(...SYNCED_TABLES, 'nope'), weird),
    ),
    op: mostly(fc.constantFrom('create', 'update', 'delete'), weird),
    id: mostly(
      fc.constantFrom('r1', 'r2', 'checkin-2026-W05', 'checkin-2026-W53'),
      fc.string({ maxLength: 110 }),
    ),
    baseVersion: mostly(fc.nat(4), weird),
    hlc: hlcArb,
    schemaVersion: mostly(fc.constant(1), weird),
    createdAt: mostly(fc.constant('2026-11-26T06:05:00-06:00'), weird),
    deleted: mostly(fc.constantFrom(0, 1), weird),
    data: fc.oneof(
      validNote,
      validNote,
      validCheckin,
      validCheckin,
      partial,
      checkinData,
      noteData,
      protoData,
      protoData,
      fc.constant(JSON.parse('{"__proto__": {"polluted": 1}, "text": "x"}')),
      fc.dictionary(fc.string(), fc.jsonValue()),
      validNote.chain((n) =>
        fc.record({ extra: fc.oneof(deepJson, wideJson, nonFinite) }).map((x) => ({ ...n, ...x })),
      ),
      deepJson,
      wideJson,
      weird,
    ),
  },
  { requiredKeys: ['mutationId', 'table', 'op', 'id', 'baseVersion', 'hlc', 'schemaVersion'] },
);
const pushBody = (deviceId: string) =>
  fc.oneof(
    {
      weight: 10,
      arbitrary: fc.record({
        protocol: mostly(fc.constant(1), weird),
        deviceId: mostly(fc.constant(deviceId), weird),
        mutations: fc.array(fc.oneof(coherentMutation, coherentMutation, randomMutation), {
          maxLength: 8,
        }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record(
        { protocol: weird, deviceId: weird, mutations: fc.array(weird) },
        { requiredKeys: [] },
      ),
    },
    { weight: 1, arbitrary: weird },
  );

/** Every own key an `applied` mutation set to a value is an own key of the stored record. */
async function expectOwnKeysKept(
  w: Awaited<ReturnType<typeof world>>,
  mutations: any[],
  results: any[],
) {
  for (const [i, r] of results.entries()) {
    // Only a real instant is ever stored as a mutation's HLC (SYNC.md §1).
    if (['applied', 'merged', 'conflict'].includes(r.status))
      expect(HlcSchema.safeParse(mutations[i].hlc).success).toBe(true);
  }
  const applied = results
    .map((r, i) => [r, mutations[i]] as const)
    .filter(([r, m]) => r.status === 'applied' && m?.data && typeof m.data === 'object');
  if (!applied.length) return;
  const rows = (await w.s.repository.dump()).records as any[];
  for (const [, m] of applied) {
    const row = rows.find((r) => r.tbl === m.table && r.id === m.id);
    const stored = JSON.parse(row.data);
    for (const k of Object.keys(m.data))
      if (m.data[k] !== null) expect(Object.prototype.hasOwnProperty.call(stored, k), k).toBe(true);
  }
}

function expectedReplay(first: any[]): any[] {
  return first.map((r) =>
    r.status === 'duplicate' ? r : { mutationId: r.mutationId, status: 'duplicate', original: r },
  );
}

describe.each(BACKENDS)('fuzz on $name', (backend) => {
  it('POST /api/v1/sync/push: below 500, a 4xx changes nothing, results match the mutations, replays are duplicates', async () => {
    const w = await world(backend);
    const sent: { body: unknown; results: any[] }[] = [];
    await fc.assert(
      fc.asyncProperty(
        pushBody(w.good.deviceId),
        tokenArb,
        encodingArb,
        sizeArb,
        fc.nat(),
        async (body, token, encoding, size, pick) => {
          const before = await snapshot(w.s);
          const res = await send(w, '/api/v1/sync/push', body, token, encoding, size);
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) {
            expect(await snapshot(w.s)).toBe(before);
            expect(typeof res.json.error.code).toBe('string');
            return;
          }
          const mutations = (body as { mutations: unknown[] }).mutations;
          expect(res.json.results).toHaveLength(mutations.length);
          for (const r of res.json.results)
            expect(MutationResultSchema.safeParse(r).success).toBe(true);
          await expectOwnKeysKept(w, mutations, res.json.results);
          sent.push({ body, results: res.json.results });
          const replay = sent[pick % sent.length]!;
          const again = await send(
            w,
            '/api/v1/sync/push',
            replay.body,
            'good',
            'identity',
            'normal',
          );
          expect(again.json.results).toEqual(expectedReplay(replay.results));
        },
      ),
      { numRuns: RUNS },
    );
    // History is bounded (sqlite-history.ts): only earlier versions are kept, each at most once, and
    // the counter covers every sequence.
    const dump = await w.s.repository.dump();
    const current = new Map(
      (dump.records as any[]).map((r) => [`${r.scope}|${r.tbl}|${r.id}`, r.version]),
    );
    const keys = (dump.record_versions as any[]).map(
      (v) => `${v.scope}|${v.tbl}|${v.id}|${v.version}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
    for (const v of dump.record_versions as any[])
      expect(v.version).toBeLessThan(current.get(`${v.scope}|${v.tbl}|${v.id}`)!);
    const counter = (dump.scope_counters as any[])[0].seq;
    expect(Math.max(...(dump.records as any[]).map((r) => r.server_seq))).toBeLessThanOrEqual(
      counter,
    );
    await w.s.repository.close();
  });

  it('POST /api/v1/sync/pull: below 500, never changes a table, answers a page or reset', async () => {
    const w = await world(backend);
    const secret = await w.s.repository.cursorSecret();
    const scope = `provider:${w.p.providerId}`;
    const cursorArb = fc.oneof(
      fc.constant(null),
      fc.nat(10).map((q) => encodeCursor(secret, scope, q)),
      fc.nat(10).map((q) => encodeCursor({ ...secret, epoch: 'old' }, scope, q)),
      fc.nat(10).map((q) => encodeCursor(secret, 'provider:other', q)),
      fc.string(),
      weird,
    );
    const body = fc.oneof(
      {
        weight: 10,
        arbitrary: fc.record(
          {
            protocol: mostly(fc.constant(1), weird),
            deviceId: mostly(fc.constant(w.good.deviceId), weird),
            cursor: cursorArb,
            limit: fc.oneof(fc.integer({ min: -5, max: 2000 }), weird),
          },
          { requiredKeys: ['protocol', 'deviceId', 'cursor'] },
        ),
      },
      {
        weight: 1,
        arbitrary: fc.record(
          { protocol: weird, deviceId: weird, cursor: weird },
          { requiredKeys: [] },
        ),
      },
      { weight: 1, arbitrary: weird },
    );
    const before = await snapshot(w.s);
    await fc.assert(
      fc.asyncProperty(body, tokenArb, encodingArb, sizeArb, async (b, token, encoding, size) => {
        const res = await send(w, '/api/v1/sync/pull', b, token, encoding, size);
        expect(res.status).toBeLessThan(500);
        const x = b as any;
        const wellFormed =
          x &&
          typeof x === 'object' &&
          x.protocol === 1 &&
          x.deviceId === w.good.deviceId &&
          (x.cursor === null || (typeof x.cursor === 'string' && !x.cursor.startsWith('\u0001')));
        // Whatever the limit (1e999 included), a well-formed pull is answered, never a 400.
        if (
          wellFormed &&
          token === 'good' &&
          ['identity', 'gzip'].includes(encoding) &&
          size === 'normal'
        )
          expect(res.status).toBe(200);
        if (res.status === 200) expect(PullResponseSchema.safeParse(res.json).success).toBe(true);
        else expect(typeof res.json.error.code).toBe('string');
      }),
      { numRuns: RUNS },
    );
    expect(await snapshot(w.s)).toBe(before);
    await w.s.repository.close();
  });

  it('POST /api/v1/devices/enroll: below 500, a 4xx changes nothing but a code’s failure count', async () => {
    const w = await world(backend);
    const { code } = await w.s.admin('enroll-code', '--provider', w.p.providerId);
    const codeArb = fc.oneof(
      fc.constant(code as string),
      fc.constant(`${(code as string).slice(0, 4)}-000000`),
      fc.string({ maxLength: 70 }),
      weird,
    );
    const body = fc.oneof(
      {
        weight: 10,
        arbitrary: fc.record({
          code: codeArb,
          deviceName: mostly(fc.constant('tablet'), fc.oneof(fc.string({ maxLength: 120 }), weird)),
        }),
      },
      { weight: 1, arbitrary: fc.record({ code: weird, deviceName: weird }, { requiredKeys: [] }) },
      { weight: 1, arbitrary: weird },
    );
    await fc.assert(
      fc.asyncProperty(
        body,
        encodingArb,
        sizeArb,
        fc.integer({ min: 1, max: 30 }),
        fc.boolean(),
        async (b, encoding, size, ip, check) => {
          w.s.state.ip = `10.0.0.${ip}`;
          const before = await snapshot(w.s);
          const res = await send(
            w,
            check ? '/api/v1/devices/enroll/check' : '/api/v1/devices/enroll',
            b,
            'none',
            encoding,
            size,
          );
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400 || check) expect(await snapshot(w.s)).toBe(before);
          if (res.status === 200)
            expect(typeof (check ? res.json.providerName : res.json.deviceToken)).toBe('string');
        },
      ),
      { numRuns: RUNS },
    );
    await w.s.repository.close();
  });

  it('concurrent bursts of pushes and pulls: all below 500, results match, and replays are duplicates', async () => {
    const w = await world(backend);
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(pushBody(w.good.deviceId), { minLength: 2, maxLength: 6 }),
        fc.nat(3),
        async (bodies, pulls) => {
          runs += 1;
          const answers = await Promise.all([
            ...bodies.map((b) => send(w, '/api/v1/sync/push', b, 'good', 'identity', 'normal')),
            ...Array.from({ length: pulls }, () =>
              send(
                w,
                '/api/v1/sync/pull',
                { protocol: 1, deviceId: w.good.deviceId, cursor: null, limit: 7 },
                'good',
                'identity',
                'normal',
              ),
            ),
          ]);
          for (const a of answers) expect(a.status).toBeLessThan(500);
          for (const [i, b] of bodies.entries()) {
            if (answers[i]!.status !== 200) continue;
            expect(answers[i]!.json.results).toHaveLength((b as any).mutations.length);
            const again = await send(w, '/api/v1/sync/push', b, 'good', 'identity', 'normal');
            expect(again.json.results).toEqual(expectedReplay(answers[i]!.json.results));
          }
        },
      ),
      { numRuns: BURST_RUNS },
    );
    expect(runs).toBe(BURST_RUNS);
    await w.s.repository.close();
  });

  it('any other method and path: below 500, 404 under /api/', async () => {
    const s = await backend.server();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
        fc.webPath(),
        async (method, path) => {
          const res = await s.app.request(`/api/${path.replace(/^\/+/, '')}`, {
            method,
            body: method === 'GET' ? undefined : '{}',
          });
          expect(res.status).toBeLessThan(500);
          if (
            ![
              '/api/v1/health',
              '/api/v1/sync/push',
              '/api/v1/sync/pull',
              '/api/v1/devices/enroll',
              '/api/v1/devices/enroll/check',
              '/api/v1/devices/disconnect',
            ].includes(new URL(`http://x/api/${path.replace(/^\/+/, '')}`).pathname)
          ) {
            expect(res.status).toBe(404);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

// SQLite only: a database capped in size (a PostgreSQL quota is the database's own business).
/** A provider, a coach and a manager of one agency, a manager of another, and a collaborative. */
async function staffWorld(backend: Backend) {
  const s = await backend.server();
  const p = await s.createProvider('Agency A', 'Ana');
  const provider = await s.enroll(p.providerId, 'tablet');
  const coach = await s.enrollStaff((await s.createStaff('coach', 'Agency A', 'Zoe')).staffId);
  const manager = await s.enrollStaff((await s.createStaff('manager', 'Agency A', 'Mia')).staffId);
  const other = await s.enrollStaff((await s.createStaff('manager', 'Agency B', 'Bo')).staffId);
  const collab = await s.enrollStaff((await s.createStaff('collaborative', null, 'Quinn')).staffId);
  return { s, devices: { provider, coach, manager, other, collab } };
}

/** Agency-side data: valid, nearly valid, or hostile. */
const agencyData = fc.oneof(
  fc.record({
    providerId: fc.constantFrom('p1', null, '', '💥'),
    date: fc.constantFrom('2026-11-26', '2026-02-30', 'today'),
    kind: fc.constantFrom('visit', 'call', 'group', 'nope'),
    groupSize: fc.oneof(fc.integer({ min: -1, max: 61 }), fc.constant(null)),
    observation: fc.boolean(),
    planning: fc.boolean(),
    qiData: weird,
  }),
  fc.record({
    week: fc.constantFrom('2026-W48', '2026-W53', 'week'),
    s1: fc.integer({ min: -1, max: 61 }),
    s2: fc.integer({ min: 0, max: 61 }),
    s6: fc.oneof(fc.constant(['time', 'time']), fc.constant(['other']), weird),
  }),
  fc.record({
    date: fc.constantFrom('2026-11-20', 'x'),
    title: fc.oneof(fc.string({ maxLength: 5 }), fc.constant('   ')),
    kind: fc.constantFrom('learning-session', 'webinar', 'party'),
  }),
  fc.record({ level: fc.constantFrom('nothing', 'numbers', 'all'), firstUseAt: weird }),
  fc.record({ resolvedAt: fc.constant('2026-11-26T12:00:00Z'), resolution: weird }),
  protoData,
  deepJson,
  weird,
);
/** A well-formed mutation of an agency-side table with valid data (it may still be forbidden). */
const coherentStaffMutation = fc
  .record({
    mutationId: fc.oneof(fc.uuid(), fc.constantFrom('dup-1', 'dup-2')),
    table: fc.constantFrom('ta-contacts', 'staff-checkins', 'events', 'sharing'),
    op: fc.constantFrom('create', 'create', 'update'),
    id: fc.constantFrom('e1', 'e2'),
    baseVersion: fc.nat(2),
    hlc: fc.integer({ min: T0 - 864e5, max: T0 + 864e5 }).map((ms) => hlcAt(ms)),
    title: fc.constantFrom('Session', 'Webinar'),
  })
  .map((x) => {
    const data: Record<string, Record<string, unknown>> = {
      'ta-contacts': {
        providerId: 'p1',
        date: '2026-11-26',
        kind: 'call',
        observation: true,
        planning: false,
        qiData: true,
      },
      'staff-checkins': { week: '2026-W48', s1: 2, s2: 1 },
      events: { date: '2026-11-20', title: x.title, kind: 'webinar' },
      sharing: { level: 'numbers' },
    };
    const id =
      x.table === 'sharing'
        ? 'sharing'
        : x.table === 'staff-checkins'
          ? 'staff-checkin-2026-W48'
          : x.id;
    return {
      mutationId: x.mutationId,
      table: x.table,
      op: x.op,
      id,
      baseVersion: x.op === 'create' ? 0 : x.baseVersion,
      hlc: x.hlc,
      schemaVersion: 1,
      createdAt: '2026-11-26T06:05:00-06:00',
      deleted: 0,
      data: x.op === 'create' ? data[x.table] : { title: x.title, s1: 3 },
    };
  });
const hostileStaffMutation = fc.record(
  {
    mutationId: mostly(fc.oneof(fc.uuid(), fc.constantFrom('dup-1', 'dup-2')), weird),
    table: mostly(
      fc.constantFrom('ta-contacts', 'staff-checkins', 'events', 'sharing', 'conflicts'),
      fc.oneof(fc.constantFrom(...SYNCED_TABLES, 'nope', '__proto__', 'agency:x'), weird),
    ),
    op: mostly(fc.constantFrom('create', 'update', 'delete'), weird),
    id: mostly(
      fc.constantFrom('e1', 'e2', 'sharing', 'staff-checkin-2026-W48', 'c1'),
      fc.string({ maxLength: 110 }),
    ),
    baseVersion: mostly(fc.nat(3), weird),
    hlc: hlcArb,
    schemaVersion: mostly(fc.constant(1), weird),
    createdAt: mostly(fc.constant('2026-11-26T06:05:00-06:00'), weird),
    deleted: mostly(fc.constantFrom(0, 1), weird),
    data: agencyData,
  },
  { requiredKeys: ['mutationId', 'table', 'op', 'id', 'baseVersion', 'hlc', 'schemaVersion'] },
);

/** The tables each kind of scope may hold (SYNC.md §12). */
const SCOPE_TABLES: Record<string, string[]> = {
  provider: [...SYNCED_TABLES, 'sharing'],
  staff: ['ta-contacts', 'staff-checkins', 'conflicts'],
  agency: ['events', 'conflicts'],
};

describe.each(BACKENDS)('fuzz of staff scopes on $name', (backend) => {
  it('hostile pushes and pulls from every kind of device: below 500, a 4xx changes nothing, every record stays in a scope that allows it', async () => {
    const w = await staffWorld(backend);
    const names = ['provider', 'coach', 'manager', 'other', 'collab'] as const;
    const managers = new Set([w.devices.manager.deviceId, w.devices.other.deviceId]);
    const cursors: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.array(fc.oneof(coherentStaffMutation, coherentStaffMutation, hostileStaffMutation), {
          maxLength: 8,
        }),
        fc.option(fc.oneof(fc.string(), fc.nat()), { nil: undefined }),
        async (who, mutations, cursorPick) => {
          const device = w.devices[who];
          const before = await snapshot(w.s);
          const res = await w.s.push(device, mutations);
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) {
            expect(await snapshot(w.s)).toBe(before);
            return;
          }
          expect(res.json.results).toHaveLength(mutations.length);
          for (const r of res.json.results)
            expect(MutationResultSchema.safeParse(r).success).toBe(true);
          const again = await w.s.push(device, mutations);
          expect(again.json.results).toEqual(expectedReplay(res.json.results));
          // A pull from a cursor of anyone's (or garbage): a page or reset, never an error.
          const cursor =
            typeof cursorPick === 'number' && cursors.length
              ? cursors[cursorPick % cursors.length]!
              : typeof cursorPick === 'string'
                ? cursorPick
                : null;
          const pulled = await w.s.pull(device, cursor);
          expect(pulled.status).toBe(200);
          expect(PullResponseSchema.safeParse(pulled.json).success).toBe(true);
          if (pulled.json.cursor) cursors.push(pulled.json.cursor);
        },
      ),
      { numRuns: RUNS },
    );
    const { records } = await w.s.repository.dump();
    // The generators reach the database, not only the rejections.
    expect(records!.length).toBeGreaterThan(0);
    for (const r of records as { scope: string; tbl: string; device_id: string | null }[]) {
      const kind = r.scope.slice(0, r.scope.indexOf(':'));
      expect(SCOPE_TABLES[kind], r.scope).toContain(r.tbl);
      if (kind === 'agency' && r.device_id !== null) expect(managers.has(r.device_id)).toBe(true);
    }
    await w.s.repository.close();
  });
});

describe('fuzz on SQLite only', () => {
  it('a full disk: every answer below 500 or 503 STORAGE_FULL, and neither a 4xx nor a 503 changes a record', async () => {
    const s = makeServer({ sqlite: { maxPageCount: 80 } });
    const p = await s.createProvider();
    const good = await s.enroll(p.providerId, 'good');
    const w = { s, p, good, revoked: good };
    let full = 0;
    await fc.assert(
      fc.asyncProperty(pushBody(good.deviceId), fc.boolean(), async (body, pad) => {
        const padded =
          pad && typeof body === 'object' && body && Array.isArray((body as any).mutations)
            ? {
                ...(body as object),
                mutations: [
                  ...(body as any).mutations,
                  noteCreate({}, { extra: 'z'.repeat(20_000) }),
                ],
              }
            : body;
        const before = await snapshot(s);
        const res = await send(w, '/api/v1/sync/push', padded, 'good', 'identity', 'normal');
        if (res.status === 503) {
          full += 1;
          expect(res.json.error.code).toBe('STORAGE_FULL');
        } else expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(await snapshot(s)).toBe(before);
      }),
      { numRuns: 60 },
    );
    expect(full).toBeGreaterThan(0);
    await s.repository.close();
  });
});

export type { Enrolled };
