import { describe, expect, it } from 'vitest';
import { toLocalDateTime } from '../domain/dates';
import { HlcSchema, type HlcState } from '../domain/hlc';
import type { NaptimeDb } from './db';
import { getMeta, setMeta } from './meta';
import { testClock, useTestDbs } from './testing';
import {
  deleteRecord,
  newRecordId,
  restoreRecord,
  saveChild,
  saveObservation,
  saveRecord,
} from './write';

const open = useTestDbs();
/** The default test clock's instant, written the way this machine's zone writes it. */
const STAMP = toLocalDateTime(new Date('2026-01-29T19:05:00Z'));

const note = (over: Record<string, unknown> = {}) => ({
  childIds: ['child-1'],
  observedAt: '2026-01-29T13:05:00-06:00',
  text: 'Stacked four blocks and said "big tower".',
  ...over,
});

async function outbox(db: NaptimeDb) {
  return db.outbox.orderBy('seq').toArray();
}

/** Pretends the sync client sent the record's entries and the server accepted it at `version`. */
async function markAccepted(
  db: NaptimeDb,
  table: 'observations' | 'children',
  id: string,
  version: number,
) {
  await db.outbox.where('[table+recordId]').equals([table, id]).delete();
  await db[table].update(id, { version, serverSeq: version, syncStatus: 'synced' });
}

async function markInFlight(db: NaptimeDb, id: string) {
  const [entry] = await db.outbox.where('[table+recordId]').equals(['observations', id]).toArray();
  await db.outbox.put({ ...entry!, state: 'inflight', attempts: 1, payload: { frozen: true } });
}

describe('saveRecord', () => {
  it('creates a record with its envelope, one create entry and the clock, all in step', async () => {
    const db = await open();
    const id = newRecordId();
    const result = await saveRecord(db, 'observations', id, note());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const record = result.record;
    expect(record).toMatchObject({
      id,
      deviceId: null,
      createdAt: STAMP,
      updatedAt: STAMP,
      deleted: 0,
      version: 0,
      serverSeq: null,
      syncStatus: 'pending',
      schemaVersion: 1,
    });
    expect(HlcSchema.safeParse(record.hlc).success).toBe(true);
    expect(await db.observations.get(id)).toMatchObject({ id, hlc: record.hlc, data: note() });
    const entries = await outbox(db);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      table: 'observations',
      recordId: id,
      op: 'create',
      baseVersion: 0,
      changedFields: ['childIds', 'observedAt', 'text'],
      hlc: record.hlc,
      state: 'pending',
      attempts: 0,
    });
    expect(entries[0]!.mutationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    const clock = (await getMeta(db, 'hlc')) as HlcState;
    expect(clock.millis).toBe(Date.parse('2026-01-29T19:05:00Z'));
  });

  it('writes nothing at all when the data is invalid, and says which fields are wrong', async () => {
    const db = await open();
    const result = await saveRecord(
      db,
      'observations',
      newRecordId(),
      note({ text: '   ', childIds: [] }),
    );
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    if (result.ok || result.reason !== 'invalid') return;
    expect(result.issues.map((i) => i.path).sort()).toEqual(['childIds', 'text']);
    expect(await db.observations.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await getMeta(db, 'hlc')).toBeUndefined();
  });

  it('stamps the device id once the device is enrolled', async () => {
    const db = await open();
    await setMeta(db, 'deviceId', 'dev-42');
    const result = await saveRecord(db, 'observations', newRecordId(), note());
    expect(result.ok && result.record.deviceId).toBe('dev-42');
  });

  it('commits record, outbox entry and clock together or not at all', async () => {
    const db = await open();
    const id = newRecordId();
    await saveRecord(db, 'observations', id, note());
    const before = {
      row: await db.observations.get(id),
      clock: await getMeta(db, 'hlc'),
      outbox: await outbox(db),
    };

    db.outbox.hook('creating', () => {
      throw new Error('disk on fire');
    });
    db.outbox.hook('updating', () => {
      throw new Error('disk on fire');
    });
    const other = await saveRecord(db, 'observations', newRecordId(), note({ text: 'another' }));
    const edit = await saveRecord(db, 'observations', id, note({ text: 'edited' }));

    expect(other).toMatchObject({ ok: false, reason: 'storage-error' });
    expect(edit).toMatchObject({ ok: false, reason: 'storage-error' });
    expect(await db.observations.count()).toBe(1);
    expect(await db.observations.get(id)).toEqual(before.row);
    expect(await getMeta(db, 'hlc')).toEqual(before.clock);
    expect(await outbox(db)).toEqual(before.outbox);
  });

  it('reports a full disk during the transaction as storage-full, and writes nothing', async () => {
    const db = await open();
    db.observations.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const result = await saveRecord(db, 'observations', newRecordId(), note());
    expect(result).toMatchObject({ ok: false, reason: 'storage-full' });
    expect(await db.outbox.count()).toBe(0);
    expect(await getMeta(db, 'hlc')).toBeUndefined();
  });

  it('keeps the clock moving forward when the device clock is set back', async () => {
    const clock = testClock('2026-03-01T10:00:00.000Z');
    const db = await open(clock);
    const first = await saveRecord(db, 'observations', newRecordId(), note());
    clock.set('2025-01-01T00:00:00.000Z');
    const second = await saveRecord(db, 'observations', newRecordId(), note());
    const third = await saveRecord(db, 'observations', newRecordId(), note());
    if (!first.ok || !second.ok || !third.ok) throw new Error('saves failed');
    expect(second.record.hlc > first.record.hlc).toBe(true);
    expect(third.record.hlc > second.record.hlc).toBe(true);
    expect(((await getMeta(db, 'hlc')) as HlcState).millis).toBe(
      Date.parse('2026-03-01T10:00:00.000Z'),
    );
  });

  it('deletes the draft in the same transaction, and keeps it when the save is refused', async () => {
    const db = await open();
    await db.drafts.put({
      key: 'note:new',
      value: { text: 'half' },
      updatedAt: '2026-01-29T13:00:00-06:00',
    });
    await saveRecord(db, 'observations', newRecordId(), note({ text: '' }), {
      draftKey: 'note:new',
    });
    expect(await db.drafts.get('note:new')).toBeDefined();
    await saveRecord(db, 'observations', newRecordId(), note(), { draftKey: 'note:new' });
    expect(await db.drafts.get('note:new')).toBeUndefined();
  });

  it('never overwrites a stored row it cannot read', async () => {
    const db = await open();
    await db.observations.put({ id: 'broken-1', data: {} } as never);
    const result = await saveRecord(db, 'observations', 'broken-1', note());
    expect(result).toMatchObject({ ok: false, reason: 'storage-error' });
    expect(await db.observations.get('broken-1')).toEqual({ id: 'broken-1', data: {} });
  });
});

describe('saveRecord, other tables', () => {
  it('writes a weekly check-in under checkin-<week>, and refuses another id', async () => {
    const db = await open();
    const data = { week: '2026-W05', p1: 3, p2: 4, p3: 1, p4: 2, p5: 1, p6: 4 };
    expect(await saveRecord(db, 'checkins', 'checkin-2026-W05', data)).toMatchObject({ ok: true });
    expect(await saveRecord(db, 'checkins', 'checkin-2026-W06', data)).toMatchObject({
      ok: false,
      reason: 'invalid',
      issues: [{ path: 'id', message: 'checkin-id-mismatch' }],
    });
    expect(await db.checkins.count()).toBe(1);
  });
});

describe('saveRecord, updates', () => {
  it('keeps fields this build does not know, clears known ones left out, and lists what changed', async () => {
    const db = await open();
    const id = newRecordId();
    await saveRecord(db, 'observations', id, note({ area: 'language' }));
    await db.observations.update(id, { 'data.mood': 'sunny' });
    await markAccepted(db, 'observations', id, 3);

    const result = await saveRecord(db, 'observations', id, note({ text: 'Now five blocks.' }));
    expect(result.ok).toBe(true);
    const row = await db.observations.get(id);
    expect(row?.data).toEqual({ ...note({ text: 'Now five blocks.' }), mood: 'sunny' });
    expect(row).toMatchObject({
      version: 3,
      serverSeq: 3,
      syncStatus: 'pending',
      createdAt: STAMP,
    });
    expect(await outbox(db)).toMatchObject([
      { op: 'update', baseVersion: 3, changedFields: ['area', 'text'] },
    ]);
  });

  it('writes nothing when nothing changed (null and absent are the same)', async () => {
    const db = await open();
    const id = newRecordId();
    const first = await saveRecord(db, 'observations', id, note());
    await markAccepted(db, 'observations', id, 1);
    const again = await saveRecord(
      db,
      'observations',
      id,
      note({ area: null, nextStep: undefined }),
    );
    expect(again.ok && first.ok && again.record.hlc).toBe(first.ok && first.record.hlc);
    expect(await db.outbox.count()).toBe(0);
  });

  it('sends every field again after the server rejected the record', async () => {
    const db = await open();
    const id = newRecordId();
    await saveRecord(db, 'observations', id, note({ during: 'play' }));
    await markAccepted(db, 'observations', id, 2);
    await db.observations.update(id, {
      syncStatus: 'rejected',
      syncError: { code: 'VALIDATION_FAILED', message: 'x' },
    });
    await saveRecord(db, 'observations', id, note({ during: 'play', text: 'fixed' }));
    const row = await db.observations.get(id);
    expect(row?.syncStatus).toBe('pending');
    expect(row?.syncError).toBeUndefined();
    expect(await outbox(db)).toMatchObject([
      {
        op: 'update',
        baseVersion: 2,
        changedFields: ['childIds', 'deleted', 'during', 'observedAt', 'text'],
      },
    ]);
  });
});

describe('outbox coalescing', () => {
  it('folds edits of a never-sent create into it, with the union of fields and the newest clock', async () => {
    const clock = testClock();
    const db = await open(clock);
    const id = newRecordId();
    await saveRecord(db, 'observations', id, note());
    clock.advance(1000);
    await saveRecord(db, 'observations', id, note({ area: 'cognition' }));
    clock.advance(1000);
    const last = await saveRecord(
      db,
      'observations',
      id,
      note({ area: 'cognition', nextStep: 'Offer cups' }),
    );
    const entries = await outbox(db);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      op: 'create',
      baseVersion: 0,
      changedFields: ['area', 'childIds', 'nextStep', 'observedAt', 'text'],
      hlc: last.ok ? last.record.hlc : '',
    });
  });

  it('folds edits of a never-sent update into it', async () => {
    const db = await open();
    const id = newRecordId();
    await saveRecord(db, 'observations', id, note());
    await markAccepted(db, 'observations', id, 1);
    await saveRecord(db, 'observations', id, note({ text: 'a' }));
    await saveRecord(db, 'observations', id, note({ text: 'b', during: 'meal' }));
    expect(await outbox(db)).toMatchObject([
      { op: 'update', baseVersion: 1, changedFields: ['during', 'text'] },
    ]);
  });

  it('chains a new entry (baseVersion null) after one in flight, and leaves the one in flight untouched', async () => {
    const db = await open();
    const id = newRecordId();
    await saveRecord(db, 'observations', id, note());
    await markAccepted(db, 'observations', id, 1);
    await saveRecord(db, 'observations', id, note({ text: 'a' }));
    await markInFlight(db, id);
    const inFlight = (await outbox(db))[0];

    await saveRecord(db, 'observations', id, note({ text: 'b' }));
    await saveRecord(db, 'observations', id, note({ text: 'b', area: 'language' }));
    const entries = await outbox(db);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toEqual(inFlight);
    expect(entries[1]).toMatchObject({
      op: 'update',
      baseVersion: null,
      changedFields: ['area', 'text'],
      attempts: 0,
    });
    expect(entries[1]!.mutationId).not.toBe(inFlight!.mutationId);
  });

  it('keeps a record the server never accepted a create, even behind a create in flight', async () => {
    const db = await open();
    const id = newRecordId();
    await saveRecord(db, 'observations', id, note());
    await markInFlight(db, id);
    await saveRecord(db, 'observations', id, note({ text: 'more' }));
    expect((await outbox(db))[1]).toMatchObject({
      op: 'create',
      baseVersion: null,
      changedFields: ['childIds', 'observedAt', 'text'],
    });
  });
});

describe('deleteRecord and restoreRecord', () => {
  it('soft-deletes an accepted record (data kept, op delete) and restores it', async () => {
    const db = await open();
    const id = newRecordId();
    await saveRecord(db, 'observations', id, note());
    await markAccepted(db, 'observations', id, 4);

    const deleted = await deleteRecord(db, 'observations', id);
    expect(deleted.ok && deleted.record).toMatchObject({
      deleted: 1,
      data: note(),
      syncStatus: 'pending',
    });
    expect(await outbox(db)).toMatchObject([
      { op: 'delete', baseVersion: 4, changedFields: ['deleted'] },
    ]);

    const restored = await restoreRecord(db, 'observations', id);
    expect(restored.ok && restored.record).toMatchObject({ deleted: 0, data: note() });
    expect(await outbox(db)).toMatchObject([
      { op: 'update', baseVersion: 4, changedFields: ['deleted'] },
    ]);
  });

  it('keeps an unsent edit when a delete is folded into it (an update carrying both)', async () => {
    const db = await open();
    const id = newRecordId();
    await saveRecord(db, 'observations', id, note());
    await markAccepted(db, 'observations', id, 1);
    await saveRecord(db, 'observations', id, note({ text: 'edited' }));
    await deleteRecord(db, 'observations', id);
    expect(await outbox(db)).toMatchObject([{ op: 'update', changedFields: ['deleted', 'text'] }]);
  });

  it('leaves a never-accepted record a create, now with deleted 1', async () => {
    const db = await open();
    const id = newRecordId();
    await saveRecord(db, 'observations', id, note());
    await deleteRecord(db, 'observations', id);
    expect(await db.observations.get(id)).toMatchObject({ deleted: 1, version: 0, data: note() });
    expect(await outbox(db)).toMatchObject([{ op: 'create', baseVersion: 0 }]);
  });

  it('answers not-found for a record that does not exist', async () => {
    const db = await open();
    expect(await deleteRecord(db, 'children', 'nobody')).toEqual({
      ok: false,
      reason: 'invalid',
      issues: [{ path: 'id', message: 'not-found' }],
    });
  });
});

describe('saveChild and saveObservation', () => {
  it('adds a child with a new id, a trimmed name, active by default', async () => {
    const db = await open();
    const result = await saveChild(db, { name: '  Mía ', birthMonth: '2025-03' });
    expect(result.ok && result.record.data).toEqual({
      name: 'Mía',
      birthMonth: '2025-03',
      active: true,
    });
    expect(result.ok && result.record.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('deactivates a child without losing the birth month, and clears it only when asked', async () => {
    const db = await open();
    const created = await saveChild(db, { name: 'Leo', birthMonth: '2024-11' });
    const id = created.ok ? created.record.id : '';
    await saveChild(db, { id, name: 'Leo', active: false });
    expect((await db.children.get(id))?.data).toEqual({
      name: 'Leo',
      birthMonth: '2024-11',
      active: false,
    });
    await saveChild(db, { id, name: 'Leo', birthMonth: '' });
    expect((await db.children.get(id))?.data).toEqual({ name: 'Leo', active: false });
  });

  it('refuses a child without a name', async () => {
    const db = await open();
    expect(await saveChild(db, { name: '   ' })).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('stores a blank "idea to try next" as none', async () => {
    const db = await open();
    const result = await saveObservation(db, { ...note(), nextStep: '  ' });
    expect(result.ok && result.record.data).toEqual(note());
  });
});
