import { describe, expect, it } from 'vitest';
import type { MutationResult } from '../domain/sync-messages';
import type { ConflictData } from '../domain/records';
import {
  countNeedingAttention,
  discardRejected,
  listOpenConflicts,
  listRecordIdsNeedingAttention,
  listRejected,
} from './attention';
import { resolveConflict, withLosingValues } from './conflicts';
import type { NaptimeDb } from './db';
import { exportRow } from './export';
import { applyPullPage } from './pull-apply';
import { applyPushResults } from './push-apply';
import { takeBatch } from './push-batch';
import { getRecord } from './read';
import { useTestDbs } from './testing';
import { saveObservation, saveRecord } from './write';

const open = useTestDbs();
const HLC_A = '2026-01-29T19:05:00.000Z-0000-00000000000000aa';
const HLC_B = '2026-01-29T19:06:00.000Z-0000-00000000000000bb';
const HLC_S = '2026-01-29T19:07:00.000Z-0000-00000000000000cc';

const note = (text: string, over: Record<string, unknown> = {}) => ({
  childIds: ['child-1'],
  observedAt: '2026-01-29T13:05:00-06:00',
  text,
  ...over,
});

const serverRow = (table: string, id: string, version: number, data: Record<string, unknown>) => ({
  table,
  id,
  version,
  serverSeq: version,
  hlc: HLC_S,
  deviceId: 'device-b',
  deleted: 0 as const,
  schemaVersion: 1,
  createdAt: '2026-01-29T13:05:00-06:00',
  updatedAt: '2026-01-29T13:07:00-06:00',
  data,
});

/** Sends the outbox as the sync client would and applies `answer` for each entry. */
async function push(db: NaptimeDb, answer: (mutationId: string) => MutationResult) {
  const batch = await takeBatch(db, {
    maxCount: 100,
    maxBytes: 1e6,
    now: 0,
    leaseMs: 90_000,
    inflight: 'all',
  });
  await applyPushResults(
    db,
    { results: batch.items.map((i) => answer(i.mutationId)), serverHlc: HLC_S },
    0,
  );
}

/**
 * A note saved here and accepted (version 1), then edited here while another device changed the
 * same field: the server keeps the other device's text and answers `conflict` (SYNC.md §3 step 4).
 */
async function noteInConflict(db: NaptimeDb, extra: Partial<ConflictData> = {}) {
  const saved = await saveObservation(db, note('Ana stacked four blocks'));
  if (!saved.ok) throw new Error('fixture');
  const id = saved.record.id;
  await push(db, (mutationId) => ({
    mutationId,
    status: 'applied',
    version: 1,
    serverSeq: 1,
    hlc: HLC_A,
  }));
  await saveObservation(db, { id, ...note('Ana stacked five blocks, counting') });
  const conflict: ConflictData = {
    table: 'observations',
    recordId: id,
    kind: 'fields',
    fields: ['text'],
    winning: { text: 'Ana stacked five blocks' },
    losing: { text: 'Ana stacked five blocks, counting' },
    winner: 'stored',
    baseVersion: 1,
    resultVersion: 3,
    incoming: { deviceId: null, hlc: HLC_B, mutationId: 'm' },
    stored: { deviceId: 'device-b', hlc: HLC_S },
    resolvedAt: null,
    resolution: null,
    ...extra,
  };
  const conflictId = 'conflict-1';
  await push(db, (mutationId) => ({
    mutationId,
    status: 'conflict',
    version: 3,
    serverSeq: 3,
    hlc: HLC_S,
    record: serverRow('observations', id, 3, note(String(conflict.winning.text ?? 'x'))),
    conflictId,
    conflict: serverRow('conflicts', conflictId, 1, conflict),
  }));
  return { id, conflictId };
}

describe('open conflicts', () => {
  it('lists a conflict the push answered with the record it is about, and counts it', async () => {
    const db = await open();
    const { id, conflictId } = await noteInConflict(db);
    const list = await listOpenConflicts(db);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      table: 'observations',
      conflict: { id: conflictId, data: { losing: { text: 'Ana stacked five blocks, counting' } } },
      record: { ok: true, record: { id, data: { text: 'Ana stacked five blocks' } } },
    });
    expect(await listRecordIdsNeedingAttention(db, 'observations')).toEqual(new Set([id]));
    expect(await listRecordIdsNeedingAttention(db, 'children')).toEqual(new Set());
    expect(await countNeedingAttention(db)).toEqual({ conflicts: 1, rejected: 0 });
  });

  it('still needs her after a pull replaced the record (the pull says synced)', async () => {
    const db = await open();
    const { id } = await noteInConflict(db);
    await applyPullPage(
      db,
      {
        changes: [serverRow('observations', id, 4, note('Ana stacked five blocks'))],
        cursor: 'c',
        serverHlc: HLC_S,
      },
      0,
    );
    expect((await getRecord(db, 'observations', id))?.ok).toBe(true);
    expect(await listRecordIdsNeedingAttention(db, 'observations')).toEqual(new Set([id]));
  });

  it('lists a conflict that arrived by pull even when the record is not on this device', async () => {
    const db = await open();
    const data = {
      table: 'children',
      recordId: 'child-x',
      kind: 'fields',
      fields: ['name'],
      winning: { name: 'Mia' },
      losing: { name: 'Mía' },
      winner: 'incoming',
      baseVersion: 1,
      resultVersion: 2,
      incoming: { deviceId: 'a', hlc: HLC_A, mutationId: 'm1' },
      stored: { deviceId: 'b', hlc: HLC_B },
      resolvedAt: null,
      resolution: null,
    };
    await applyPullPage(
      db,
      { changes: [serverRow('conflicts', 'c-pulled', 1, data)], cursor: 'c', serverHlc: HLC_S },
      0,
    );
    const [only] = await listOpenConflicts(db);
    expect(only).toMatchObject({ table: 'children', record: null });
    expect(await resolveConflict(db, 'c-pulled', 'used-other')).toEqual({
      ok: false,
      reason: 'record-missing',
    });
    expect((await listOpenConflicts(db)).length).toBe(1);
  });
});

describe('resolveConflict', () => {
  it('"Keep this" marks the conflict kept, queues only the resolution, and the record stays', async () => {
    const db = await open();
    const { id, conflictId } = await noteInConflict(db);
    expect(await resolveConflict(db, conflictId, 'kept')).toEqual({ ok: true });
    expect(await listOpenConflicts(db)).toEqual([]);
    expect(await countNeedingAttention(db)).toEqual({ conflicts: 0, rejected: 0 });
    const entries = await db.outbox.toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      table: 'conflicts',
      recordId: conflictId,
      op: 'update',
      baseVersion: 1,
      changedFields: ['resolution', 'resolvedAt'],
    });
    const record = await getRecord(db, 'observations', id);
    expect(record?.ok && record.record.data.text).toBe('Ana stacked five blocks');
    expect(await resolveConflict(db, conflictId, 'kept')).toEqual({
      ok: false,
      reason: 'already-resolved',
    });
  });

  it('"Use the other" edits the record with the losing values and resolves, both queued', async () => {
    const db = await open();
    const { id, conflictId } = await noteInConflict(db);
    expect(await resolveConflict(db, conflictId, 'used-other')).toEqual({ ok: true });
    const record = await getRecord(db, 'observations', id);
    expect(record?.ok && record.record).toMatchObject({
      syncStatus: 'pending',
      data: { text: 'Ana stacked five blocks, counting' },
    });
    const entries = await db.outbox.orderBy('seq').toArray();
    expect(entries.map((e) => [e.table, e.op, e.changedFields])).toEqual([
      ['observations', 'update', ['text']],
      ['conflicts', 'update', ['resolution', 'resolvedAt']],
    ]);
    const conflict = await db.conflicts.get(conflictId);
    expect(conflict?.data).toMatchObject({ resolution: 'used-other' });
  });

  it('"Use the other" of a delete concurrent with an edit deletes the record (kept, restorable)', async () => {
    const db = await open();
    const { id, conflictId } = await noteInConflict(db, {
      kind: 'delete-edit',
      fields: [],
      winning: { deleted: 0 },
      losing: { deleted: 1 },
    });
    expect(await resolveConflict(db, conflictId, 'used-other')).toEqual({ ok: true });
    const record = await getRecord(db, 'observations', id);
    expect(record?.ok && record.record).toMatchObject({ deleted: 1 });
    expect(record?.ok && record.record.data.text).toBeTruthy();
  });

  it('gives back the issues and changes nothing when the other values do not fit the record', async () => {
    const db = await open();
    const checkin = await saveRecord(db, 'checkins', 'checkin-2026-W05', {
      week: '2026-W05',
      p4: 3,
      p5: 3,
    });
    expect(checkin.ok).toBe(true);
    const conflict: ConflictData = {
      table: 'checkins',
      recordId: 'checkin-2026-W05',
      kind: 'invalid-merge',
      fields: ['p4'],
      winning: { p4: 3 },
      losing: { p4: 2 },
      winner: 'stored',
      baseVersion: 1,
      resultVersion: 2,
      incoming: { deviceId: null, hlc: HLC_B, mutationId: 'm' },
      stored: { deviceId: 'device-b', hlc: HLC_S },
      resolvedAt: null,
      resolution: null,
    };
    await applyPullPage(
      db,
      {
        changes: [serverRow('conflicts', 'c-invalid', 1, conflict)],
        cursor: 'c',
        serverHlc: HLC_S,
      },
      0,
    );
    const before = await db.outbox.count();
    const result = await resolveConflict(db, 'c-invalid', 'used-other');
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(result.ok === false && 'issues' in result && result.issues).toContainEqual({
      path: 'p5',
      message: 'p5-above-p4',
    });
    expect(await db.outbox.count()).toBe(before);
    expect((await listOpenConflicts(db)).length).toBe(1);
    const kept = await getRecord(db, 'checkins', 'checkin-2026-W05');
    expect(kept?.ok && kept.record.data).toMatchObject({ p4: 3, p5: 3 });
  });

  it('answers not-found for an unknown conflict', async () => {
    const db = await open();
    expect(await resolveConflict(db, 'nope', 'kept')).toEqual({ ok: false, reason: 'not-found' });
  });
});

describe('withLosingValues', () => {
  it('lays the losing values over the data, clears a null, and reads `deleted` as the flag', () => {
    expect(
      withLosingValues({ text: 'a', area: 'language' }, 0, { text: 'b', area: null, deleted: 1 }),
    ).toEqual({ data: { text: 'b' }, deleted: 1 });
  });
});

describe('listRejected', () => {
  it('lists records the server refused with their reason, and counts them', async () => {
    const db = await open();
    const saved = await saveObservation(db, note('Too long, say'));
    if (!saved.ok) throw new Error('fixture');
    await push(db, (mutationId) => ({
      mutationId,
      status: 'rejected',
      code: 'VALIDATION_FAILED',
      message: 'text: too-long',
      details: [{ path: 'text', message: 'too-long' }],
      quarantineId: 'q1',
    }));
    const rejected = await listRejected(db);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({
      table: 'observations',
      record: {
        id: saved.record.id,
        syncStatus: 'rejected',
        syncError: { code: 'VALIDATION_FAILED', details: [{ path: 'text', message: 'too-long' }] },
      },
    });
    expect(await countNeedingAttention(db)).toEqual({ conflicts: 0, rejected: 1 });
    // Saved again (fixed): pending, no longer listed.
    await saveObservation(db, { id: saved.record.id, ...note('Shorter now') });
    expect(await listRejected(db)).toEqual([]);
  });
});

describe('a record not accepted that this build cannot read', () => {
  const unreadable = {
    id: 'note-from-a-newer-build',
    data: { childIds: ['child-1'], text: 42, mood: 'sunny' },
    schemaVersion: 1,
    hlc: HLC_A,
    deviceId: 'device-a',
    createdAt: '2026-01-29T13:05:00-06:00',
    updatedAt: '2026-01-29T13:05:00-06:00',
    deleted: 0,
    version: 0,
    serverSeq: null,
    syncStatus: 'rejected',
    syncError: {
      code: 'VALIDATION_FAILED',
      message: 'bad',
      details: [{ path: 'data.text', message: 'wrong-type' }],
    },
  };

  it('is listed as not readable, with its raw fields and reason, and leaves only once discarded', async () => {
    const db = await open();
    await db.synced('observations').put(unreadable as never);
    const [item] = await listRejected(db);
    expect(item).toMatchObject({ table: 'observations', isReadable: false });
    expect(item!.record.data).toEqual(unreadable.data);
    expect(item!.record.syncError?.code).toBe('VALIDATION_FAILED');

    const copy = await exportRow(db, 'observations', unreadable.id);
    expect(copy?.tables.observations).toEqual([unreadable]);
    expect(copy?.unreadable.observations).toEqual([unreadable.id]);
    expect(copy?.tables.children).toEqual([]);

    expect(await discardRejected(db, 'observations', unreadable.id)).toEqual({ ok: true });
    expect(await listRejected(db)).toEqual([]);
    expect(await db.synced('observations').get(unreadable.id)).toBeUndefined();
    expect(await countNeedingAttention(db)).toEqual({ conflicts: 0, rejected: 0 });
  });

  it('is never discarded once it is not rejected any more, or while a change of it waits', async () => {
    const db = await open();
    const saved = await saveObservation(db, note('a readable note'));
    if (!saved.ok) throw new Error('save failed');
    expect(await discardRejected(db, 'observations', saved.record.id)).toEqual({
      ok: false,
      reason: 'changed',
    });
    expect(await getRecord(db, 'observations', saved.record.id)).toMatchObject({ ok: true });
    await db.synced('observations').put({ ...unreadable, id: saved.record.id } as never);
    // Its outbox entry still waits: discarding would lose a change about to be sent.
    expect(await discardRejected(db, 'observations', saved.record.id)).toEqual({
      ok: false,
      reason: 'changed',
    });
    expect(await discardRejected(db, 'observations', 'not-there')).toEqual({
      ok: false,
      reason: 'changed',
    });
  });

  it('is listed as readable when it parses (its form opens it)', async () => {
    const db = await open();
    const saved = await saveObservation(db, note('fine'));
    if (!saved.ok) throw new Error('save failed');
    await db.synced('observations').update(saved.record.id, { syncStatus: 'rejected' } as never);
    expect((await listRejected(db))[0]).toMatchObject({ isReadable: true });
  });
});
