import { describe, expect, it } from 'vitest';
import type { ServerRecord } from '../domain/sync-messages';
import type { NaptimeDb, OutboxRow, RecordRow } from './db';
import { entriesOf, mutationOf, promoteNext, readRecordRow, toLocalRecord } from './outbox-chain';
import { useTestDbs } from './testing';
import { saveObservation } from './write';

const open = useTestDbs();
const note = (text: string, over: Record<string, unknown> = {}) => ({
  childIds: ['child-1'],
  observedAt: '2026-11-26T09:05:00-06:00',
  text,
  ...over,
});

/**
 * A note with a second entry chained behind one in flight (then answered). `acceptedAsCreate`: the
 * first entry was the create; else the note was already on the server and the first was an update.
 */
async function chained(db: NaptimeDb, acceptedAsCreate: boolean) {
  const res = await saveObservation(db, note('Stacked three blocks'));
  if (!res.ok) throw new Error('save failed');
  const id = res.record.id;
  if (!acceptedAsCreate) {
    await db.outbox.clear();
    await db.observations.update(id, { version: 1, serverSeq: 1, syncStatus: 'synced' });
    await saveObservation(db, { id, ...note('Stacked four blocks') });
  }
  const [first] = await entriesOf(db, 'observations', id);
  await db.outbox.put({ ...first!, state: 'inflight', attempts: 1, payload: { frozen: true } });
  await saveObservation(db, { id, ...note('Stacked FOUR blocks', { area: 'cognition' }) });
  await db.outbox.delete(first!.seq!); // the predecessor was answered
  const version = acceptedAsCreate ? 1 : 2;
  await db.observations.update(id, { version, serverSeq: version });
  return { id, version, record: (await readRecordRow(db, 'observations', id))! };
}

const inTx = (db: NaptimeDb, fn: () => Promise<void>) =>
  db.transaction('rw', [db.outbox, db.observations], fn);

describe('promoteNext', () => {
  it('gives the chained entry the version the device now holds, sending only what it changed', async () => {
    const db = await open();
    const { id, record } = await chained(db, false);
    await inTx(db, () => promoteNext(db, record, 'observations', false));
    const [next] = await entriesOf(db, 'observations', id);
    expect(next).toMatchObject({ baseVersion: 2, op: 'update', changedFields: ['area', 'text'] });
  });

  it('turns a create chained behind an accepted create into an update of every field', async () => {
    const db = await open();
    const { id, record } = await chained(db, true);
    await inTx(db, () => promoteNext(db, record, 'observations', false));
    const [next] = await entriesOf(db, 'observations', id);
    expect(next!.op).toBe('update');
    expect(next!.changedFields).toEqual(
      expect.arrayContaining(['area', 'childIds', 'deleted', 'observedAt', 'text', 'with']),
    );
  });

  it('with sendAll, lists every field the schema knows plus deleted, on the version given', async () => {
    const db = await open();
    const { id, record } = await chained(db, false);
    await inTx(db, () => promoteNext(db, record, 'observations', true));
    const [next] = await entriesOf(db, 'observations', id);
    expect(next!.baseVersion).toBe(2);
    expect(next!.changedFields).toEqual(
      expect.arrayContaining(['area', 'during', 'nextStep', 'text', 'with', 'deleted']),
    );
  });

  it('leaves a frozen entry alone', async () => {
    const db = await open();
    const { id, record } = await chained(db, false);
    const [next] = await entriesOf(db, 'observations', id);
    await db.outbox.put({ ...next!, payload: { frozen: true } });
    await inTx(db, () => promoteNext(db, record, 'observations', true));
    expect((await entriesOf(db, 'observations', id))[0]).toMatchObject({ baseVersion: null });
  });
});

describe('mutationOf', () => {
  const record: RecordRow = {
    id: 'n1',
    data: note('Climbed the step', { area: 'motor-physical' }),
    schemaVersion: 1,
    hlc: '2026-11-26T12:00:00.000Z-0000-00000000000000aa',
    deviceId: 'dev-1',
    createdAt: '2026-11-26T06:00:00-06:00',
    updatedAt: '2026-11-26T06:00:00-06:00',
    deleted: 0,
    version: 3,
    serverSeq: 3,
    syncStatus: 'pending',
  };
  const entry = (over: Partial<OutboxRow>): OutboxRow => ({
    seq: 7,
    mutationId: 'm-1',
    table: 'observations',
    recordId: 'n1',
    op: 'update',
    baseVersion: 3,
    changedFields: ['text'],
    hlc: record.hlc,
    state: 'pending',
    attempts: 0,
    ...over,
  });

  it('sends a create with all its data, createdAt and deleted, on version 0', () => {
    expect(mutationOf(entry({ op: 'create', baseVersion: 0 }), { ...record, version: 0 })).toEqual({
      mutationId: 'm-1',
      deviceSeq: 7,
      table: 'observations',
      op: 'create',
      id: 'n1',
      baseVersion: 0,
      hlc: record.hlc,
      schemaVersion: 1,
      createdAt: record.createdAt,
      deleted: 0,
      data: record.data,
    });
  });

  it('sends an update with only its changed fields, a cleared one as null, and deleted when listed', () => {
    const m = mutationOf(entry({ changedFields: ['deleted', 'nextStep', 'text'] }), record);
    expect(m).toMatchObject({
      op: 'update',
      baseVersion: 3,
      data: { nextStep: null, text: 'Climbed the step' },
      deleted: 0,
    });
  });

  it('sends a delete with no data', () => {
    const m = mutationOf(entry({ op: 'delete', changedFields: ['deleted'] }), {
      ...record,
      deleted: 1,
    });
    expect(m).toMatchObject({ op: 'delete', deleted: 1 });
    expect(m).not.toHaveProperty('data');
  });
});

describe('toLocalRecord', () => {
  const server: ServerRecord = {
    table: 'observations',
    id: 'n1',
    version: 4,
    serverSeq: 9,
    hlc: '2026-11-26T18:00:00.000Z-0000-00000000000000bb',
    deviceId: 'dev-2',
    deleted: 0,
    schemaVersion: 1,
    createdAt: '2026-11-26T06:00:00-06:00',
    updatedAt: '2026-11-26T18:00:00.000Z',
    data: note('Named the red cup'),
  };

  it('stores a server row as synced with its version, sequence and times', () => {
    const local = toLocalRecord(server, undefined);
    expect(local).toMatchObject({ version: 4, serverSeq: 9, syncStatus: 'synced', deleted: 0 });
    expect(local.createdAt).toBe('2026-11-26T06:00:00-06:00');
    expect(local.updatedAt).toBe('2026-11-26T18:00:00.000Z');
  });

  it('falls back to the time of its HLC when the server sends no usable updatedAt', () => {
    const local = toLocalRecord({ ...server, updatedAt: 'not a time', createdAt: '' }, undefined);
    expect(Date.parse(local.updatedAt)).toBe(Date.parse('2026-11-26T18:00:00.000Z'));
    expect(local.createdAt).toBe(local.updatedAt);
  });

  it('keeps the createdAt this device already knows', () => {
    const mine = { ...toLocalRecord(server, undefined), createdAt: '2026-11-25T07:00:00-06:00' };
    expect(toLocalRecord(server, mine).createdAt).toBe('2026-11-25T07:00:00-06:00');
  });
});
