import { describe, expect, it } from 'vitest';
import { stringifyJson } from '../domain/json-bounds';
import { PushResponseSchema } from '../domain/sync-messages';
import { backends } from './test-backends';
import { checkinCreate, hlcAt, makeServer, noteCreate, T0, uid, update } from './test-support';

const BACKENDS = backends();

describe.each(BACKENDS)('on $name', (backend) => {
  const makeServer = backend.server;

  const DAY = 24 * 60 * 60 * 1000;
  const NODE_A = 'aaaaaaaaaaaaaaaa';
  const NODE_B = 'bbbbbbbbbbbbbbbb';

  async function twoDevices() {
    const s = await makeServer();
    const p = await s.createProvider();
    const a = await s.enroll(p.providerId, 'phone');
    const b = await s.enroll(p.providerId, 'tablet');
    return { s, a, b };
  }

  describe('POST /api/v1/sync/push', () => {
    it('applies a create as version 1 and answers in the schema of the protocol', async () => {
      const { s, a } = await twoDevices();
      const m = noteCreate();
      const res = await s.push(a, [m]);
      expect(res.status).toBe(200);
      expect(PushResponseSchema.safeParse(res.json).success).toBe(true);
      expect(res.json.results[0]).toMatchObject({
        mutationId: m.mutationId,
        status: 'applied',
        version: 1,
        serverSeq: 1,
        hlc: m.hlc,
      });
      expect(res.json.warnings).toEqual([]);
      expect(res.json.serverHlc >= m.hlc).toBe(true);
    });

    it('keeps mutations whose id or table hold a lone surrogate or U+0000, and knows them again', async () => {
      const { s, a } = await twoDevices();
      const note = noteCreate({ mutationId: 'm-\udfff-\u0000' });
      const odd = { ...noteCreate({ mutationId: '\ud800' }), table: 'x\udc00\u0000' };
      const first = await s.push(a, [note, odd]);
      expect(first.status).toBe(200);
      expect(first.json.results.map((r: any) => r.status)).toEqual(['applied', 'rejected']);
      expect(first.json.results[1].code).toBe('UNKNOWN_TABLE');
      const again = await s.push(a, [note, odd]);
      expect(again.json.results.map((r: any) => r.status)).toEqual(['duplicate', 'duplicate']);
    });

    it('fast-forwards an update on the current version and bumps the version', async () => {
      const { s, a } = await twoDevices();
      const m = noteCreate();
      await s.push(a, [m]);
      const res = await s.push(a, [
        update('observations', m.id, 1, { nextStep: 'Offer bigger blocks', area: null }),
      ]);
      expect(res.json.results[0]).toMatchObject({ status: 'applied', version: 2, serverSeq: 2 });
      const { rows } = await s.pullAll(a);
      expect(rows[0].data).toEqual({ ...m.data, nextStep: 'Offer bigger blocks' });
    });

    it('merges concurrent edits of different fields and sends the merged record', async () => {
      const { s, a, b } = await twoDevices();
      const c = checkinCreate('2026-W05', { p1: 3, p4: 2, p6: 4 });
      await s.push(a, [c]);
      await s.push(a, [update('checkins', c.id, 1, { p3: 2 }, { hlc: hlcAt(T0 + 1000, NODE_A) })]);
      const res = await s.push(b, [
        update('checkins', c.id, 1, { p6: 5 }, { hlc: hlcAt(T0 + 2000, NODE_B) }),
      ]);
      const r = res.json.results[0];
      expect(r).toMatchObject({ status: 'merged', version: 3 });
      expect(r.record.data).toEqual({ week: '2026-W05', p1: 3, p3: 2, p4: 2, p6: 5 });
      expect(r.record.hlc).toBe(hlcAt(T0 + 2000, NODE_B));
    });

    it('decides a field both changed by HLC and writes a conflict record (incoming wins)', async () => {
      const { s, a, b } = await twoDevices();
      const c = checkinCreate('2026-W05', { p1: 3, p4: 2, p6: 4 });
      await s.push(a, [c]);
      await s.push(a, [update('checkins', c.id, 1, { p6: 2 }, { hlc: hlcAt(T0 + 1000, NODE_A) })]);
      const m = update('checkins', c.id, 1, { p6: 5 }, { hlc: hlcAt(T0 + 2000, NODE_B) });
      const r = (await s.push(b, [m])).json.results[0];
      expect(r.status).toBe('conflict');
      expect(r.record.data.p6).toBe(5);
      expect(r.conflict).toMatchObject({
        table: 'conflicts',
        id: r.conflictId,
        version: 1,
        deviceId: null,
        deleted: 0,
      });
      expect(r.conflict.data).toMatchObject({
        table: 'checkins',
        recordId: c.id,
        kind: 'fields',
        fields: ['p6'],
        winning: { p6: 5 },
        losing: { p6: 2 },
        winner: 'incoming',
        baseVersion: 1,
        resultVersion: 3,
        incoming: { deviceId: b.deviceId, hlc: m.hlc, mutationId: m.mutationId },
        stored: { deviceId: a.deviceId, hlc: hlcAt(T0 + 1000, NODE_A) },
        resolvedAt: null,
        resolution: null,
      });
    });

    it('keeps the stored value when the stored HLC is greater, and breaks an HLC tie by the larger deviceId', async () => {
      const { s, a, b } = await twoDevices();
      const c = checkinCreate('2026-W06', { p1: 3, p4: 2, p6: 4 });
      await s.push(a, [c]);
      const same = hlcAt(T0 + 5000, NODE_A);
      await s.push(a, [update('checkins', c.id, 1, { p6: 2 }, { hlc: same })]);
      const r = (await s.push(b, [update('checkins', c.id, 1, { p6: 5 }, { hlc: same })])).json
        .results[0];
      const expected = b.deviceId > a.deviceId ? 5 : 2;
      expect(r.record.data.p6).toBe(expected);
      expect(r.conflict.data.winner).toBe(b.deviceId > a.deviceId ? 'incoming' : 'stored');

      const c2 = checkinCreate('2026-W07', { p1: 3, p4: 2, p6: 4 });
      await s.push(a, [c2]);
      await s.push(a, [update('checkins', c2.id, 1, { p6: 2 }, { hlc: hlcAt(T0 + 9000, NODE_A) })]);
      const lost = (
        await s.push(b, [update('checkins', c2.id, 1, { p6: 5 }, { hlc: hlcAt(T0 + 1, NODE_B) })])
      ).json.results[0];
      expect(lost).toMatchObject({ status: 'conflict' });
      expect(lost.record.data.p6).toBe(2);
      expect(lost.conflict.data).toMatchObject({
        winner: 'stored',
        winning: { p6: 2 },
        losing: { p6: 5 },
      });
    });

    it('merges create against create of the same checkin-<week>', async () => {
      const { s, a, b } = await twoDevices();
      await s.push(a, [
        checkinCreate('2026-W05', { p1: 3, p4: 2, p6: 4 }, { hlc: hlcAt(T0, NODE_A) }),
      ]);
      const r = (
        await s.push(b, [
          checkinCreate('2026-W05', { p1: 3, p4: 2, p6: 5, p3: 1 }, { hlc: hlcAt(T0 + 1, NODE_B) }),
        ])
      ).json.results[0];
      expect(r.status).toBe('conflict');
      expect(r.version).toBe(2);
      expect(r.record.data).toEqual({ week: '2026-W05', p1: 3, p4: 2, p6: 5, p3: 1 });
      expect(r.conflict.data).toMatchObject({ kind: 'fields', fields: ['p6'], baseVersion: 0 });
      const { rows } = await s.pullAll(a);
      expect(rows.filter((row: any) => row.table === 'checkins')).toHaveLength(1);
    });

    it('keeps a record edited on one device and deleted on another, with a delete-edit conflict', async () => {
      const { s, a, b } = await twoDevices();
      const m = noteCreate();
      await s.push(a, [m]);
      await s.push(a, [update('observations', m.id, 1, { text: 'Stacked four blocks' })]);
      const r = (
        await s.push(b, [
          {
            mutationId: uid('m'),
            table: 'observations',
            op: 'delete',
            id: m.id,
            baseVersion: 1,
            hlc: hlcAt(T0 + 60_000, NODE_B),
            schemaVersion: 1,
          },
        ])
      ).json.results[0];
      expect(r.status).toBe('conflict');
      expect(r.record.deleted).toBe(0);
      expect(r.record.data.text).toBe('Stacked four blocks');
      expect(r.conflict.data).toMatchObject({
        kind: 'delete-edit',
        fields: [],
        winning: { deleted: 0 },
        losing: { deleted: 1 },
        winner: 'stored',
      });

      // The other way round: the stored side deleted, the incoming edit revives it.
      const n = noteCreate();
      await s.push(a, [n]);
      await s.push(a, [update('observations', n.id, 1, {}, { op: 'delete', data: undefined })]);
      const r2 = (await s.push(b, [update('observations', n.id, 1, { nextStep: 'Try again' })]))
        .json.results[0];
      expect(r2).toMatchObject({ status: 'conflict', record: { deleted: 0 } });
      expect(r2.conflict.data).toMatchObject({ kind: 'delete-edit', winner: 'incoming' });
    });

    it('turns an invalid merge into a conflict that keeps the stored record and the incoming values', async () => {
      const { s, a, b } = await twoDevices();
      const c = checkinCreate('2026-W05', { p1: 3, p4: 4, p5: 2, p6: 4 });
      await s.push(a, [c]);
      const stored = (await s.push(a, [update('checkins', c.id, 1, { p4: 2 })])).json.results[0];
      // Each side is valid alone (p5 3 ≤ p4 4; p4 2 ≥ p5 2), merged p5 3 > p4 2 is not.
      const m = update('checkins', c.id, 1, { p5: 3 }, { hlc: hlcAt(T0 + 1, NODE_B) });
      const r = (await s.push(b, [m])).json.results[0];
      expect(r).toMatchObject({ status: 'conflict', version: 2, serverSeq: stored.serverSeq });
      expect(r.record.data).toMatchObject({ p4: 2, p5: 2 });
      expect(r.conflict.data).toMatchObject({
        kind: 'invalid-merge',
        fields: ['p5'],
        winning: { p5: 2 },
        losing: { p5: 3 },
        winner: 'stored',
        resultVersion: 2,
      });
      const { rows } = await s.pullAll(a);
      expect(rows.find((row: any) => row.id === c.id).version).toBe(2);
    });

    it('rejects an update whose own data is invalid, keeps it in the quarantine and stores nothing', async () => {
      const { s, a } = await twoDevices();
      const c = checkinCreate('2026-W05', { p1: 3, p4: 4, p6: 4 });
      await s.push(a, [c]);
      const before = await s.repository.dump();
      const r = (await s.push(a, [update('checkins', c.id, 1, { p6: 9 })])).json.results[0];
      expect(r).toMatchObject({
        status: 'rejected',
        code: 'VALIDATION_FAILED',
        details: [{ path: 'p6', message: 'too-big' }],
      });
      expect(typeof r.quarantineId).toBe('string');
      const after = await s.repository.dump();
      expect(after.records).toEqual(before.records);
      const logged = (after.mutations as any[]).find((row) => row.quarantine_id === r.quarantineId);
      expect(JSON.parse(logged.payload).data).toEqual({ p6: 9 });
    });

    it('answers a retried mutation with duplicate and the stored original, and writes nothing new', async () => {
      const { s, a } = await twoDevices();
      const m = noteCreate();
      const first = (await s.push(a, [m])).json.results[0];
      const before = await s.repository.dump();
      const again = await s.push(a, [m]);
      expect(again.json.results[0]).toEqual({
        mutationId: m.mutationId,
        status: 'duplicate',
        original: first,
      });
      const after = await s.repository.dump();
      expect(after.records).toEqual(before.records);
      expect(after.mutations).toEqual(before.mutations);
    });

    it('rejects a bad mutation in the middle of a batch and applies the ones around it', async () => {
      const { s, a } = await twoDevices();
      const batch = [
        noteCreate(),
        noteCreate({}, { text: '   ' }),
        { mutationId: uid('m'), table: 'nope' },
        noteCreate({ table: 'secrets' }),
        noteCreate(),
      ];
      const res = await s.push(a, batch);
      expect(res.json.results.map((r: any) => r.status)).toEqual([
        'applied',
        'rejected',
        'rejected',
        'rejected',
        'applied',
      ]);
      expect(res.json.results[1].code).toBe('VALIDATION_FAILED');
      expect(res.json.results[3].code).toBe('UNKNOWN_TABLE');
      expect(res.json.results.map((r: any) => r.mutationId)).toEqual(
        batch.map((m) => m.mutationId),
      );
    });

    it('rejects a second mutation of one record in one request', async () => {
      const { s, a } = await twoDevices();
      const m = noteCreate();
      const res = await s.push(a, [m, update('observations', m.id, 1, { text: 'again' })]);
      expect(res.json.results[0].status).toBe('applied');
      expect(res.json.results[1]).toMatchObject({ status: 'rejected', code: 'VALIDATION_FAILED' });
    });

    it('rejects a create without createdAt or deleted, and data over 64 KiB', async () => {
      const { s, a } = await twoDevices();
      const { createdAt: _c, ...noCreatedAt } = noteCreate();
      const { deleted: _d, ...noDeleted } = noteCreate();
      const big = noteCreate({}, { extra: 'x'.repeat(70_000) });
      const res = await s.push(a, [noCreatedAt, noDeleted, big]);
      expect(res.json.results.map((r: any) => r.code)).toEqual([
        'VALIDATION_FAILED',
        'VALIDATION_FAILED',
        'RECORD_TOO_LARGE',
      ]);
    });

    it('keeps fields it does not know (loose schemas)', async () => {
      const { s, a } = await twoDevices();
      const m = noteCreate({}, { mood: 'sunny', future: { nested: [1, 2] } });
      await s.push(a, [m]);
      const { rows } = await s.pullAll(a);
      expect(rows[0].data).toMatchObject({ mood: 'sunny', future: { nested: [1, 2] } });
    });

    it('stores a deleted create (a deleted note still reaches the server)', async () => {
      const { s, a } = await twoDevices();
      const r = (await s.push(a, [noteCreate({ deleted: 1 })])).json.results[0];
      expect(r.status).toBe('applied');
      expect((await s.pullAll(a)).rows[0].deleted).toBe(1);
    });

    it('lets a device resolve a conflict record but never create or change anything else in one', async () => {
      const { s, a, b } = await twoDevices();
      const c = checkinCreate('2026-W05', { p1: 3, p4: 2, p6: 4 });
      await s.push(a, [c]);
      await s.push(a, [update('checkins', c.id, 1, { p6: 2 })]);
      const { conflictId } = (
        await s.push(b, [update('checkins', c.id, 1, { p6: 5 }, { hlc: hlcAt(T0 + 1, NODE_B) })])
      ).json.results[0];
      const forged = {
        ...checkinCreate('2026-W09', {}),
        table: 'conflicts',
        id: uid('c'),
        data: { table: 'checkins' },
      };
      const res = await s.push(a, [
        forged,
        update('conflicts', conflictId, 1, { winner: 'stored' }),
        update('conflicts', uid('nothing'), 1, { resolvedAt: '2026-11-26T12:00:00Z' }),
      ]);
      expect(res.json.results.map((r: any) => r.code)).toEqual([
        'FORBIDDEN',
        'FORBIDDEN',
        'FORBIDDEN',
      ]);
      const delRes = await s.push(a, [
        {
          mutationId: uid('m'),
          table: 'conflicts',
          op: 'delete',
          id: conflictId,
          baseVersion: 1,
          hlc: hlcAt(T0),
          schemaVersion: 1,
        },
      ]);
      expect(delRes.json.results[0].code).toBe('FORBIDDEN');

      // Two devices resolve at once: merged by HLC, never a conflict about a conflict.
      const ra = (
        await s.push(a, [
          update(
            'conflicts',
            conflictId,
            1,
            { resolvedAt: '2026-11-26T12:00:00Z', resolution: 'kept' },
            { hlc: hlcAt(T0 + 10, NODE_A) },
          ),
        ])
      ).json.results[0];
      expect(ra.status).toBe('applied');
      const rb = (
        await s.push(b, [
          update(
            'conflicts',
            conflictId,
            1,
            { resolvedAt: '2026-11-26T12:01:00Z', resolution: 'used-other' },
            { hlc: hlcAt(T0 + 20, NODE_B) },
          ),
        ])
      ).json.results[0];
      expect(rb.status).toBe('merged');
      expect(rb.record.data).toMatchObject({
        resolvedAt: '2026-11-26T12:01:00Z',
        resolution: 'used-other',
        kind: 'fields',
      });
    });

    it('never refuses a clock: 7 days ahead is clamped with a warning, 7 days behind and 1970 are stored', async () => {
      const { s, a } = await twoDevices();
      const ahead = noteCreate({ hlc: hlcAt(T0 + 7 * DAY, NODE_A) });
      const behind = noteCreate({
        hlc: hlcAt(T0 - 7 * DAY, NODE_A),
        createdAt: '2026-11-19T06:00:00-06:00',
      });
      const epoch = noteCreate(
        { hlc: hlcAt(0, NODE_A), createdAt: '1970-01-01T00:00:00Z' },
        { observedAt: '1970-01-01T00:00:00-06:00' },
      );
      const res = await s.push(a, [ahead, behind, epoch]);
      expect(res.status).toBe(200);
      expect(res.json.results.map((r: any) => r.status)).toEqual(['applied', 'applied', 'applied']);
      const clamped = res.json.results[0].hlc;
      expect(Date.parse(clamped.slice(0, 24))).toBeLessThanOrEqual(T0 + 10 * 60 * 1000);
      expect(clamped.endsWith(NODE_A)).toBe(true);
      expect(res.json.warnings).toEqual([
        { code: 'CLOCK_AHEAD', mutationId: ahead.mutationId, clientHlc: ahead.hlc, hlc: clamped },
      ]);
      expect(res.json.results[1].hlc).toBe(behind.hlc);
      expect(res.json.results[2].hlc).toBe(epoch.hlc);
      expect(res.json.serverHlc > clamped).toBe(true);
      const logged = ((await s.repository.dump()).mutations as any[]).find(
        (m) => m.mutation_id === ahead.mutationId,
      );
      expect(logged.client_hlc).toBe(ahead.hlc);
      // A check-in for "next week" from a wrong clock is stored.
      const next = await s.push(a, [
        checkinCreate('2027-W10', { p1: 1, p4: 0, p6: 3 }, { hlc: hlcAt(T0 + 7 * DAY, NODE_A) }),
      ]);
      expect(next.json.results[0].status).toBe('applied');
    });

    it('answers concurrent pushes (written in one commit) each with its own results, in sequence order', async () => {
      const { s, a, b } = await twoDevices();
      const other = await s.enroll((await s.createProvider('Agency B', 'Bea')).providerId);
      const batches = Array.from({ length: 9 }, () => [noteCreate(), noteCreate()]);
      const devices = [a, b, other];
      const answers = await Promise.all(batches.map((batch, i) => s.push(devices[i % 3]!, batch)));
      answers.forEach((res, i) => {
        expect(res.json.results.map((r: any) => [r.mutationId, r.status])).toEqual(
          batches[i]!.map((m) => [m.mutationId, 'applied']),
        );
      });
      const seqs = (devices: number[]) =>
        answers
          .filter((_, i) => devices.includes(i % 3))
          .flatMap((res) => res.json.results.map((r: any) => r.serverSeq))
          .sort((x: number, y: number) => x - y);
      expect(seqs([0, 1])).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      expect(seqs([2])).toEqual([1, 2, 3, 4, 5, 6]);
      expect((await s.pullAll(b)).rows).toHaveLength(12);
    });

    it('answers the server clock at or above every stored HLC even when the server clock is behind', async () => {
      const { s, a } = await twoDevices();
      s.state.now = T0 - 7 * DAY;
      const m = noteCreate({ hlc: hlcAt(T0, NODE_A) });
      const res = await s.push(a, [m]);
      expect(res.json.warnings).toHaveLength(1);
      s.state.now = T0 + DAY;
      const res2 = await s.push(a, [noteCreate({ hlc: hlcAt(T0 + DAY - 1000, NODE_A) })]);
      expect(res2.json.warnings).toEqual([]);
      expect(res2.json.serverHlc >= res2.json.results[0].hlc).toBe(true);
    });
  });

  /** A value nested `depth` levels (objects and arrays alternating). */
  function nested(depth: number, leaf: unknown = 'x'): unknown {
    const text = `${'{"a":['.repeat(Math.ceil(depth / 2))}${JSON.stringify(leaf)}${']}'.repeat(Math.ceil(depth / 2))}`;
    return JSON.parse(text);
  }

  describe('POST /api/v1/sync/push: hostile input', () => {
    it('rejects a value nested deeper than 32 levels as its own mutation, never a 5xx, and stores the others', async () => {
      const { s, a } = await twoDevices();
      const ok1 = noteCreate();
      const ok2 = noteCreate();
      const deep = noteCreate({}, { extra: nested(5000) });
      const deeper = update('observations', ok1.id, 0, { extra: nested(100_000) });
      const shallow = noteCreate({}, { extra: nested(20) });
      const res = await s.push(a, [ok1, deep, deeper, ok2, shallow]);
      expect(res.status).toBe(200);
      expect(res.json.results.map((r: any) => r.status)).toEqual([
        'applied',
        'rejected',
        'rejected',
        'applied',
        'applied',
      ]);
      expect(res.json.results[1]).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ path: 'data', message: 'nested deeper than 32 levels' }],
      });
      // The quarantine keeps the deep payload itself, and the replay answers from it.
      const again = await s.push(a, [deep]);
      expect(again.json.results[0]).toMatchObject({
        status: 'duplicate',
        original: { status: 'rejected' },
      });
    });

    it('rejects an HLC of the right shape that is no real instant (month 99), and stores nothing', async () => {
      const { s, a } = await twoDevices();
      const bad = noteCreate({ hlc: '2026-99-45T25:61:00.000Z-0000-aaaaaaaaaaaaaaaa' });
      const res = await s.push(a, [bad]);
      expect(res.json.results[0]).toMatchObject({
        status: 'rejected',
        code: 'VALIDATION_FAILED',
        details: [{ path: 'hlc' }],
      });
      expect((await s.pullAll(a)).rows).toEqual([]);
    });

    it('keeps __proto__, constructor and other prototype-named keys as own data through create, merge and pull', async () => {
      const { s, a, b } = await twoDevices();
      const data = JSON.parse(
        '{"childIds":["c1"],"observedAt":"2026-11-26T06:05:00-06:00","text":"t","__proto__":{"polluted":1},"constructor":"c","toString":"s"}',
      );
      const m = noteCreate({ data });
      expect((await s.push(a, [m])).json.results[0].status).toBe('applied');
      const edit = update(
        'observations',
        m.id,
        1,
        JSON.parse('{"__proto__":{"polluted":2},"hasOwnProperty":"h"}'),
      );
      expect((await s.push(a, [edit])).json.results[0].status).toBe('applied');
      const concurrent = update('observations', m.id, 1, JSON.parse('{"valueOf":"v"}'));
      const merged = (await s.push(b, [concurrent])).json.results[0];
      expect(merged.status).toBe('merged');
      const { rows } = await s.pullAll(b);
      const own = Object.keys(rows[0].data).sort();
      expect(own).toEqual([
        '__proto__',
        'childIds',
        'constructor',
        'hasOwnProperty',
        'observedAt',
        'text',
        'toString',
        'valueOf',
      ]);
      expect(Object.getOwnPropertyDescriptor(rows[0].data, '__proto__')!.value).toEqual({
        polluted: 2,
      });
      expect(({} as any).polluted).toBeUndefined();
    });

    it('rejects a baseVersion above the stored version and leaves the record as it was', async () => {
      const { s, a } = await twoDevices();
      const m = noteCreate();
      await s.push(a, [m]);
      const res = await s.push(a, [update('observations', m.id, 7, { text: 'from the future' })]);
      expect(res.json.results[0]).toMatchObject({
        status: 'rejected',
        code: 'VALIDATION_FAILED',
        details: [{ path: 'baseVersion' }],
      });
      const fresh = await s.push(a, [update('observations', 'never-stored', 1, { text: 'x' })]);
      expect(fresh.json.results[0]).toMatchObject({
        status: 'rejected',
        code: 'VALIDATION_FAILED',
      });
      const { rows } = await s.pullAll(a);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ version: 1, data: { text: m.data.text } });
    });

    it('keeps one clock per provider: one provider 9 minutes ahead never moves another provider’s serverHlc', async () => {
      const s = await makeServer();
      const p1 = await s.createProvider('Agency A', 'One');
      const p2 = await s.createProvider('Agency A', 'Two');
      const a = await s.enroll(p1.providerId);
      const b = await s.enroll(p2.providerId);
      const ahead = hlcAt(T0 + 9 * 60 * 1000);
      const r1 = await s.push(a, [noteCreate({ hlc: ahead })]);
      expect(r1.json.serverHlc > ahead).toBe(true);
      const r2 = await s.push(b, [noteCreate()]);
      expect(r2.json.serverHlc < hlcAt(T0 + 1000)).toBe(true);
      expect((await s.pull(b)).json.serverHlc < hlcAt(T0 + 1000)).toBe(true);
    });

    it('answers 429 RATE_LIMITED with Retry-After for a device over its push budget, and writes nothing', async () => {
      const s = await makeServer({
        deps: { pushBudget: { requestsPerMinute: 3, bytesPerHour: 1024 * 1024 } },
      });
      const p = await s.createProvider();
      const a = await s.enroll(p.providerId);
      const b = await s.enroll(p.providerId);
      for (let i = 0; i < 3; i++) expect((await s.push(a, [noteCreate()])).status).toBe(200);
      const before = await s.repository.dump();
      const over = await s.push(a, [noteCreate()]);
      expect(over.status).toBe(429);
      expect(over.json.error.code).toBe('RATE_LIMITED');
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await s.repository.dump()).records).toEqual(before.records);
      expect((await s.push(b, [noteCreate()])).status).toBe(200); // another device has its own budget
      s.state.now += 61_000;
      expect((await s.push(a, [noteCreate()])).status).toBe(200);
      // Bytes: a 1 MiB hour fills with 64 KiB pushes.
      const big = () => noteCreate({}, { extra: 'x'.repeat(60 * 1024) });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) {
        s.state.now += 21_000;
        statuses.push((await s.push(b, [big()])).status);
      }
      expect(statuses).toContain(429);
      expect(statuses.slice(0, 10).every((x) => x === 200)).toBe(true);
    });
  });
});

// SQLite only: these reach into the SQLite file itself, or cap its size (a PostgreSQL quota is the
// database's own business).
describe('SQLite only', () => {
  it('merges a concurrent edit of a stored record whose data nests 20,000 levels deep (stored before the bound)', async () => {
    const file = `${(await import('node:os')).tmpdir()}/naptime-deep-${process.pid}-${Date.now()}.sqlite`;
    const first = makeServer({ file });
    const p = await first.createProvider();
    const a = await first.enroll(p.providerId, 'phone');
    const m = noteCreate();
    await first.push(a, [m]);
    await first.push(a, [update('observations', m.id, 1, { text: 'second' })]);
    await first.repository.close();
    // Write the deep field straight into the row, as an older server accepted it.
    const { default: Database } = await import('better-sqlite3');
    const raw = new Database(file);
    const deepJson = `${'['.repeat(20_000)}1${']'.repeat(20_000)}`;
    raw.prepare("UPDATE records SET data = json_set(data, '$.legacy', 0) WHERE id = ?").run(m.id);
    raw
      .prepare('UPDATE records SET data = replace(data, \'"legacy":0\', ?) WHERE id = ?')
      .run(`"legacy":${deepJson}`, m.id);
    raw.close();
    const s = makeServer({ file });
    const res = await s.push(a, [
      update('observations', m.id, 1, { nextStep: 'from the other tablet' }),
    ]);
    expect(res.status).toBe(200);
    expect(res.json.results[0]).toMatchObject({ status: 'merged', version: 3 });
    expect(res.json.results[0].record.data.nextStep).toBe('from the other tablet');
    const conflicting = await s.push(a, [
      update('observations', m.id, 1, { text: 'third' }, { hlc: hlcAt(T0 + 1000) }),
    ]);
    expect(conflicting.status).toBe(200);
    expect(conflicting.json.results[0].status).toBe('conflict');
    const { rows } = await s.pullAll(a);
    expect(stringifyJson(rows[0].data.legacy)).toBe(deepJson);
    await s.repository.close();
  });

  it('never lets a stored HLC that is no real instant (stored before the check) win a field', async () => {
    const file = `${(await import('node:os')).tmpdir()}/naptime-hlc-${process.pid}-${Date.now()}.sqlite`;
    const first = makeServer({ file });
    const p = await first.createProvider();
    const a = await first.enroll(p.providerId, 'phone');
    const m = noteCreate();
    await first.push(a, [m]);
    await first.push(a, [update('observations', m.id, 1, { text: 'stored' })]);
    await first.repository.close();
    const { default: Database } = await import('better-sqlite3');
    const raw = new Database(file);
    raw
      .prepare('UPDATE records SET hlc = ? WHERE id = ?')
      .run('2026-99-01T00:00:00.000Z-0000-aaaaaaaaaaaaaaaa', m.id);
    raw.close();
    const s = makeServer({ file });
    const res = await s.push(a, [
      update('observations', m.id, 1, { text: 'incoming' }, { hlc: hlcAt(T0 + 1000) }),
    ]);
    expect(res.json.results[0]).toMatchObject({
      status: 'conflict',
      record: { data: { text: 'incoming' } },
    });
    expect(res.json.results[0].hlc).toBe(hlcAt(T0 + 1000));
    await s.repository.close();
  });

  it('answers 503 STORAGE_FULL with Retry-After when the disk is full, logs it plainly and writes nothing', async () => {
    const lines: string[] = [];
    const logger = {
      info() {},
      warn() {},
      error: (msg: string, f?: object) => lines.push(`${msg} ${JSON.stringify(f)}`),
    };
    const s = makeServer({ sqlite: { maxPageCount: 60 }, deps: { logger } });
    const p = await s.createProvider();
    const a = await s.enroll(p.providerId);
    let res;
    for (let i = 0; i < 40; i++) {
      const before = await s.repository.dump();
      res = await s.push(
        a,
        Array.from({ length: 5 }, () => noteCreate({}, { extra: 'y'.repeat(8000) })),
      );
      if (res.status !== 200) {
        expect(await s.repository.dump()).toEqual(before);
        break;
      }
    }
    expect(res!.status, lines.join('\n')).toBe(503);
    expect(res!.json.error.code).toBe('STORAGE_FULL');
    expect(Number(res!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(lines.some((l) => l.startsWith('storage full'))).toBe(true);
  });
});

describe('PostgreSQL only', () => {
  const postgres = BACKENDS.find((b) => b.name === 'postgresql')!;

  it('answers 503 STORAGE_FULL at the MAX_DB_MB quota (pg_database_size), logs it plainly and writes nothing', async () => {
    const lines: string[] = [];
    const logger = {
      info() {},
      warn() {},
      error: (msg: string, f?: object) => lines.push(`${msg} ${JSON.stringify(f)}`),
    };
    const db = postgres.database();
    const roomy = makeServer({ repository: await db.open({ maxDbBytes: 2 ** 40 }) });
    const p = await roomy.createProvider();
    const a = await roomy.enroll(p.providerId);
    expect((await roomy.push(a, [noteCreate()])).json.results[0].status).toBe('applied');
    const { rows } = await roomy.pullAll(a);
    expect(rows).toHaveLength(1);

    // The same database under a quota it already passes: every push is refused, nothing written.
    const full = makeServer({ repository: await db.open({ maxDbBytes: 1 }), deps: { logger } });
    const before = await full.repository.dump();
    const res = await full.push(a, [noteCreate(), noteCreate()]);
    expect(res.status, lines.join('\n')).toBe(503);
    expect(res.json.error.code).toBe('STORAGE_FULL');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(lines.some((l) => l.startsWith('storage full'))).toBe(true);
    expect(await full.repository.dump()).toEqual(before);
    // Pulls still answer: the quota stops growth, not reading.
    expect((await full.pull(a)).status).toBe(200);
  });
});
