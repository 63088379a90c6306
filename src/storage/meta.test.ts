import { afterEach, describe, expect, it } from 'vitest';
import { toLocalDateTime } from '../domain/dates';
import type { NaptimeDb } from './db';
import { ensureDeviceMeta, getMeta, setMeta } from './meta';
import { openTestDb, testClock } from './testing';

const dbs: NaptimeDb[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

describe('ensureDeviceMeta', () => {
  it('creates the node id, clock and first use once, and returns the same facts afterwards', async () => {
    const clock = testClock('2026-01-29T19:05:00.000Z');
    const db = await openTestDb(clock);
    dbs.push(db);
    const [a, b] = await Promise.all([ensureDeviceMeta(db), ensureDeviceMeta(db)]);
    expect(b).toEqual(a);
    expect(a.nodeId).toMatch(/^[0-9a-f]{16}$/);
    expect(a.hlc).toEqual({ millis: 0, counter: 0, nodeId: a.nodeId });
    expect(a.deviceId).toBeNull();
    expect(a.firstUseAt).toBe(toLocalDateTime(new Date('2026-01-29T19:05:00.000Z')));

    clock.advance(86_400_000);
    await setMeta(db, 'deviceId', 'dev-1');
    const later = await ensureDeviceMeta(db);
    expect(later).toEqual({ ...a, deviceId: 'dev-1' });
  });

  it('gives each device (each IndexedDB) its own node id', async () => {
    const one = await openTestDb();
    const two = await openTestDb();
    dbs.push(one, two);
    expect((await ensureDeviceMeta(one)).nodeId).not.toBe((await ensureDeviceMeta(two)).nodeId);
  });
});

describe('getMeta and setMeta', () => {
  it('store any value under a key, undefined when missing', async () => {
    const db = await openTestDb();
    dbs.push(db);
    expect(await getMeta(db, 'cursor')).toBeUndefined();
    await setMeta(db, 'cursor', { at: 'abc' });
    expect(await getMeta(db, 'cursor')).toEqual({ at: 'abc' });
  });
});
