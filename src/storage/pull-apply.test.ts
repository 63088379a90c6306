import { describe, expect, it } from 'vitest';
import type { ServerRecord } from '../domain/sync-messages';
import type { NaptimeDb } from './db';
import { getMeta } from './meta';
import { applyPullPage, beginRepair, finishRepair, isRepairing } from './pull-apply';
import { getRecord } from './read';
import { getCursor, SYNC_META_KEYS } from './sync-state';
import { testClock, useTestDbs } from './testing';
import { saveObservation } from './write';

const openDb = useTestDbs();
const NOW = Date.parse('2026-11-26T12:00:00.000Z');
/** A device whose saves are stamped on 26 November: after OLD_HLC, before NEW_HLC. */
const open = () => openDb(testClock('2026-11-26T12:00:00.000Z'));
const OLD_HLC = '2026-11-20T12:00:00.000Z-0000-00000000000000ee';
const NEW_HLC = '2026-12-20T12:00:00.000Z-0000-00000000000000ee';
const note = (text: string) => ({
  childIds: ['child-1'],
  observedAt: '2026-11-26T09:05:00-06:00',
  text,
});

function row(id: string, version: number, text: string, hlc = OLD_HLC): ServerRecord {
  return {
    table: 'observations',
    id,
    version,
    serverSeq: version,
    hlc,
    deviceId: 'other-device',
    deleted: 0,
    schemaVersion: 1,
    createdAt: '2026-11-26T06:00:00-06:00',
    updatedAt: '2026-11-26T12:00:00.000Z',
    data: note(text),
  };
}
const page = (changes: ServerRecord[], cursor = 'c1') => ({
  changes,
  cursor,
  serverHlc: OLD_HLC,
});

async function text(db: NaptimeDb, id: string) {
  const rec = await getRecord(db, 'observations', id);
  return rec?.ok ? [rec.record.data.text, rec.record.version, rec.record.syncStatus] : null;
}

/** A note saved here and accepted by the server as `version` (nothing waiting). */
async function syncedNote(db: NaptimeDb, words: string, version = 1): Promise<string> {
  const res = await saveObservation(db, note(words));
  if (!res.ok) throw new Error('save failed');
  await db.outbox.clear();
  await db.observations.update(res.record.id, {
    version,
    serverSeq: version,
    syncStatus: 'synced',
  });
  return res.record.id;
}

describe('applyPullPage', () => {
  it('saves a page with its cursor and the pull time, new records as synced', async () => {
    const db = await open();
    expect(await applyPullPage(db, page([row('n1', 1, 'Stacked blocks')], 'cursor-1'), NOW)).toBe(
      1,
    );
    expect(await text(db, 'n1')).toEqual(['Stacked blocks', 1, 'synced']);
    expect(await getCursor(db)).toBe('cursor-1');
    expect(await getMeta(db, SYNC_META_KEYS.lastPullAt)).toBe(NOW);
  });

  it('replaces a record only with a higher version', async () => {
    const db = await open();
    const id = await syncedNote(db, 'Mine at version 2', 2);
    expect(await applyPullPage(db, page([row(id, 2, 'Same version')]), NOW)).toBe(0);
    expect(await applyPullPage(db, page([row(id, 1, 'Older')]), NOW)).toBe(0);
    expect(await text(db, id)).toEqual(['Mine at version 2', 2, 'synced']);
    await applyPullPage(db, page([row(id, 3, 'Newer')]), NOW);
    expect(await text(db, id)).toEqual(['Newer', 3, 'synced']);
  });

  it('leaves alone a record with an edit waiting in the outbox, and one marked rejected', async () => {
    const db = await open();
    const waiting = await syncedNote(db, 'Waiting edit');
    const rejected = await syncedNote(db, 'Rejected here');
    await saveObservation(db, { id: waiting, ...note('Waiting edit, changed') });
    await db.observations.update(rejected, { syncStatus: 'rejected' });
    await applyPullPage(db, page([row(waiting, 5, 'Theirs'), row(rejected, 5, 'Theirs')]), NOW);
    expect(await text(db, waiting)).toEqual(['Waiting edit, changed', 1, 'pending']);
    expect(await text(db, rejected)).toEqual(['Rejected here', 1, 'rejected']);
  });

  it('skips a row of a table this build does not know, and still saves the cursor', async () => {
    const db = await open();
    const future = { ...row('x1', 1, 'from a newer build'), table: 'menus' };
    expect(await applyPullPage(db, page([future], 'cursor-2'), NOW)).toBe(0);
    expect(await getCursor(db)).toBe('cursor-2');
  });
});

describe('repair after reset', () => {
  it('forgets the cursor, and takes a lower version from a restored server', async () => {
    const db = await open();
    const id = await syncedNote(db, 'Synced before the backup', 4);
    await db.meta.put({ key: SYNC_META_KEYS.cursor, value: 'old-cursor' });
    await beginRepair(db);
    expect(await getCursor(db)).toBeNull();
    expect(await isRepairing(db)).toBe(true);
    // The local HLC (26 November) is older than the restored row's: the server's row wins.
    await applyPullPage(db, page([row(id, 2, 'As the backup has it', NEW_HLC)]), NOW);
    expect(await text(db, id)).toEqual(['As the backup has it', 2, 'synced']);
    expect(await finishRepair(db)).toBe(0);
    expect(await isRepairing(db)).toBe(false);
  });

  it('sends again what the server lacks as a create, and what it holds older as an update of every field', async () => {
    const db = await open();
    const lacking = await syncedNote(db, 'Synced after the backup', 3);
    const newer = await syncedNote(db, 'Edited after the backup', 5);
    await beginRepair(db);
    await applyPullPage(db, page([row(newer, 2, 'Before the edit', OLD_HLC)], 'end'), NOW);
    expect(await text(db, newer)).toEqual(['Edited after the backup', 5, 'synced']);
    expect(await finishRepair(db)).toBe(2);
    const entries = await db.outbox.orderBy('seq').toArray();
    expect(entries.map((e) => [e.recordId, e.op, e.baseVersion, e.state])).toEqual([
      [lacking, 'create', 0, 'pending'],
      [newer, 'update', 2, 'pending'],
    ]);
    expect(entries[1]!.changedFields).toEqual(expect.arrayContaining(['text', 'deleted']));
    expect(await text(db, lacking)).toEqual(['Synced after the backup', 0, 'pending']);
    expect(await isRepairing(db)).toBe(false);
  });

  it('does nothing when no repair is in progress', async () => {
    const db = await open();
    await syncedNote(db, 'Nothing to repair');
    expect(await finishRepair(db)).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});
