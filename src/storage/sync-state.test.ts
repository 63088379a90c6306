import { describe, expect, it } from 'vitest';
import { HlcStateSchema } from '../domain/hlc';
import { getMeta, META_KEYS } from './meta';
import {
  getConnection,
  getCursor,
  getLastSyncTimes,
  getSyncCounts,
  receiveHlc,
  saveConnection,
  SYNC_META_KEYS,
} from './sync-state';
import { testClock, useTestDbs } from './testing';
import { saveObservation } from './write';

const open = useTestDbs();
const note = (text: string) => ({
  childIds: ['child-1'],
  observedAt: '2026-11-26T09:05:00-06:00',
  text,
});
const connection = { deviceId: 'dev-1', deviceToken: 'token-1', providerId: 'prov-1' };

describe('the connection', () => {
  it('is null until saved, then kept with the device id; a new connection pulls from the start', async () => {
    const db = await open();
    expect(await getConnection(db)).toBeNull();
    await db.meta.put({ key: SYNC_META_KEYS.cursor, value: 'cursor-of-another-server' });
    await saveConnection(db, connection);
    expect(await getConnection(db)).toEqual(connection);
    expect(await getMeta(db, META_KEYS.deviceId)).toBe('dev-1');
    expect(await getCursor(db)).toBeNull();
  });

  it('is null when what is stored lacks the device id or token', async () => {
    const db = await open();
    await db.meta.put({ key: SYNC_META_KEYS.connection, value: { deviceId: 'dev-1' } });
    expect(await getConnection(db)).toBeNull();
  });
});

describe('getLastSyncTimes', () => {
  it('is null for a push or pull that never happened, and the saved epoch ms otherwise', async () => {
    const db = await open();
    expect(await getLastSyncTimes(db)).toEqual({ lastPushAt: null, lastPullAt: null });
    await db.meta.put({ key: SYNC_META_KEYS.lastPushAt, value: 1_795_000_000_000 });
    await db.meta.put({ key: SYNC_META_KEYS.lastPullAt, value: 'garbage' });
    expect(await getLastSyncTimes(db)).toEqual({ lastPushAt: 1_795_000_000_000, lastPullAt: null });
  });
});

describe('getSyncCounts', () => {
  it('counts what waits (and since when), rejected records and unresolved conflicts', async () => {
    const clock = testClock('2026-11-26T12:00:00.000Z');
    const db = await open(clock);
    const first = await saveObservation(db, note('Stacked blocks'));
    clock.advance(60_000);
    await saveObservation(db, note('Named the cup'));
    const rejected = await saveObservation(db, note('Too long, say'));
    if (!first.ok || !rejected.ok) throw new Error('save failed');
    await db.observations.update(rejected.record.id, { syncStatus: 'rejected' });
    const conflict = (id: string, resolvedAt: string | null) => ({
      id,
      data: { recordId: first.record.id, resolvedAt },
      schemaVersion: 1,
      hlc: first.record.hlc,
      deviceId: null,
      createdAt: first.record.createdAt,
      updatedAt: first.record.updatedAt,
      deleted: 0 as const,
      version: 1,
      serverSeq: 1,
      syncStatus: 'synced' as const,
    });
    await db.conflicts.bulkPut([
      conflict('c-open', null),
      conflict('c-done', '2026-11-26T13:00:00-06:00'),
    ]);
    expect(await getSyncCounts(db)).toEqual({
      waiting: 3,
      oldestWaitingAt: Date.parse('2026-11-26T12:00:00.000Z'),
      rejected: 1,
      conflicted: 1,
    });
  });

  it('shows nothing waiting on a fresh device', async () => {
    const db = await open();
    expect(await getSyncCounts(db)).toEqual({
      waiting: 0,
      oldestWaitingAt: null,
      rejected: 0,
      conflicted: 0,
    });
  });
});

describe('receiveHlc', () => {
  it('moves the device clock past the server clock it received', async () => {
    const db = await open(testClock('2026-11-26T12:00:00.000Z'));
    await saveObservation(db, note('Gives the device a clock'));
    const remote = '2026-11-26T12:30:00.000Z-0003-00000000000000ee';
    await db.transaction('rw', db.meta, () =>
      receiveHlc(db, remote, Date.parse('2026-11-26T12:00:01.000Z')),
    );
    const state = HlcStateSchema.parse(await getMeta(db, META_KEYS.hlc));
    expect(state.millis).toBe(Date.parse('2026-11-26T12:30:00.000Z'));
    expect(state.counter).toBeGreaterThan(3);
  });

  it('leaves a device that never wrote without a clock (its first write makes one)', async () => {
    const db = await open();
    const remote = '2026-11-26T12:30:00.000Z-0003-00000000000000ee';
    await db.transaction('rw', db.meta, () =>
      receiveHlc(db, remote, Date.parse('2026-11-26T12:00:01.000Z')),
    );
    expect(await getMeta(db, META_KEYS.hlc)).toBeUndefined();
  });
});
