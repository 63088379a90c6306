import { describe, expect, it } from 'vitest';
import { countUnsynced, eraseDevice } from './erase';
import { ensureDeviceMeta } from './meta';
import { useTestDbs } from './testing';
import { dumpDevice, fillDevice } from './testing-data';

const open = useTestDbs();

describe('countUnsynced', () => {
  it('counts each record not on the server once: waiting entries, rejected and conflicted ones', async () => {
    const db = await open();
    expect(await countUnsynced(db)).toBe(0);
    const ids = await fillDevice(db);
    // 7 pending records (the conflict record is the server's and synced).
    expect(await countUnsynced(db)).toBe(7);
    await db.outbox.where('[table+recordId]').equals(['children', ids.ana]).delete();
    await db.children.update(ids.ana, { version: 1, syncStatus: 'synced' });
    await db.children.update(ids.jose, { syncStatus: 'rejected' });
    await db.outbox.where('[table+recordId]').equals(['children', ids.jose]).delete();
    expect(await countUnsynced(db)).toBe(6);
  });
});

describe('eraseDevice', () => {
  it('leaves every table empty, and the next start is a fresh first run with a new node id', async () => {
    const db = await open();
    await fillDevice(db);
    const before = await ensureDeviceMeta(db);
    expect(await eraseDevice(db)).toEqual({ ok: true });
    const after = await dumpDevice(db);
    expect(Object.keys(after).sort()).toEqual([
      'checkins',
      'children',
      'conflicts',
      'drafts',
      'events',
      'meta',
      'observations',
      'outbox',
      'pdsa',
      'settings',
      'sharing',
      'staff-checkins',
      'ta-contacts',
    ]);
    for (const [table, rows] of Object.entries(after)) expect(rows, table).toEqual([]);
    expect((await ensureDeviceMeta(db)).nodeId).not.toBe(before.nodeId);
  });
});
