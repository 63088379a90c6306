import { describe, expect, it } from 'vitest';
import { validateRecord } from '../domain/records';
import type { MutationResult, ServerRecord, TerminalResult } from '../domain/sync-messages';
import type { SyncedTable } from '../domain/tables';
import type { NaptimeDb } from './db';
import { getMeta } from './meta';
import { takeBatch } from './push-batch';
import { applyPushResults } from './push-apply';
import { getRecord } from './read';
import { SYNC_META_KEYS } from './sync-state';
import { useTestDbs } from './testing';
import { saveObservation, saveRecord } from './write';

const open = useTestDbs();
const NOW = Date.parse('2026-11-26T12:00:00.000Z');
const SERVER_HLC = '2026-11-26T12:00:05.000Z-0000-00000000000000ee';
const note = (text: string, over: Record<string, unknown> = {}) => ({
  childIds: ['child-1'],
  observedAt: '2026-11-26T09:05:00-06:00',
  text,
  ...over,
});

/** Freezes the next batch, as a push would, and returns its mutation ids. */
async function send(db: NaptimeDb): Promise<string[]> {
  const batch = await takeBatch(db, {
    maxCount: 500,
    maxBytes: 1_000_000,
    now: NOW,
    leaseMs: 90_000,
    inflight: 'all',
  });
  return batch.items.map((i) => i.mutationId);
}

function serverRecord(
  table: SyncedTable,
  id: string,
  version: number,
  data: Record<string, unknown>,
): ServerRecord {
  return {
    table,
    id,
    version,
    serverSeq: version + 10,
    hlc: SERVER_HLC,
    deviceId: 'other-device',
    deleted: 0,
    schemaVersion: 1,
    createdAt: '2026-11-26T06:00:00-06:00',
    updatedAt: '2026-11-26T12:00:05.000Z',
    data,
  };
}

const answer = (results: MutationResult[]) => ({ results, serverHlc: SERVER_HLC });
const applied = (mutationId: string, version: number): TerminalResult => ({
  mutationId,
  status: 'applied',
  version,
  serverSeq: version + 10,
  hlc: SERVER_HLC,
});

async function noteId(db: NaptimeDb, text: string): Promise<string> {
  const res = await saveObservation(db, note(text));
  if (!res.ok) throw new Error('save failed');
  return res.record.id;
}

/** A note the server accepted as version 1. */
async function syncedNote(db: NaptimeDb, text: string): Promise<string> {
  const id = await noteId(db, text);
  await applyPushResults(db, answer([applied((await send(db))[0]!, 1)]), NOW);
  return id;
}

describe('applyPushResults', () => {
  it('drops an applied entry, adopts the version and stamps the push time, in one go', async () => {
    const db = await open();
    const id = await noteId(db, 'Stacked three blocks');
    const [m] = await send(db);
    const counts = await applyPushResults(db, answer([applied(m!, 1)]), NOW + 500);
    expect(counts).toMatchObject({ applied: 1, rejected: 0 });
    expect(await db.outbox.count()).toBe(0);
    const rec = await getRecord(db, 'observations', id);
    expect(rec?.ok && rec.record).toMatchObject({
      version: 1,
      serverSeq: 11,
      hlc: SERVER_HLC,
      syncStatus: 'synced',
    });
    expect(await getMeta(db, SYNC_META_KEYS.lastPushAt)).toBe(NOW + 500);
  });

  it('handles a duplicate as its original and ignores an answer for an entry already applied', async () => {
    const db = await open();
    const id = await noteId(db, 'Named the red cup');
    const [m] = await send(db);
    const dup: MutationResult = { mutationId: m!, status: 'duplicate', original: applied(m!, 1) };
    expect(await applyPushResults(db, answer([dup]), NOW)).toMatchObject({ duplicate: 1 });
    expect(await applyPushResults(db, answer([applied(m!, 1)]), NOW)).toMatchObject({ applied: 0 });
    const rec = await getRecord(db, 'observations', id);
    expect(rec?.ok && rec.record).toMatchObject({ version: 1, syncStatus: 'synced' });
  });

  it('never lowers the version held here when an older stored answer comes back', async () => {
    const db = await open();
    const id = await noteId(db, 'Climbed the step');
    const [m] = await send(db);
    await db.observations.update(id, { version: 5, serverSeq: 15 }); // pulled since, in effect
    await applyPushResults(db, answer([applied(m!, 1)]), NOW);
    const rec = await getRecord(db, 'observations', id);
    expect(rec?.ok && rec.record.version).toBe(5);
  });

  it('gives a chained edit the new version as its base once its predecessor is answered', async () => {
    const db = await open();
    const id = await syncedNote(db, 'Counted to three');
    await saveObservation(db, { id, ...note('Counted to four') });
    const [m] = await send(db);
    await saveObservation(db, { id, ...note('Counted to five') });
    await applyPushResults(db, answer([applied(m!, 2)]), NOW);
    const [next] = await db.outbox.toArray();
    expect(next).toMatchObject({ op: 'update', baseVersion: 2, changedFields: ['text'] });
    const rec = await getRecord(db, 'observations', id);
    expect(rec?.ok && rec.record).toMatchObject({
      version: 2,
      syncStatus: 'pending',
      data: { text: 'Counted to five' },
    });
  });

  it('adopts a merged record and lays the edit still waiting here over it again', async () => {
    const db = await open();
    const id = await syncedNote(db, 'Shared a truck');
    await saveObservation(db, { id, ...note('Shared the truck') });
    const [m] = await send(db);
    await saveObservation(db, { id, ...note('Shared the red truck') });
    // Another tablet set the area meanwhile: the server's merge holds both.
    const server = serverRecord(
      'observations',
      id,
      3,
      note('Shared the truck', { area: 'language' }),
    );
    await applyPushResults(
      db,
      answer([
        {
          mutationId: m!,
          status: 'merged',
          version: 3,
          serverSeq: 13,
          hlc: SERVER_HLC,
          record: server,
        },
      ]),
      NOW,
    );
    const rec = await getRecord(db, 'observations', id);
    expect(rec?.ok && rec.record).toMatchObject({
      version: 3,
      syncStatus: 'pending',
      data: { text: 'Shared the red truck', area: 'language' },
    });
    expect((await db.outbox.toArray())[0]).toMatchObject({
      baseVersion: 3,
      changedFields: ['text'],
    });
  });

  it('keeps her check-in whole when the waiting edit and the merged record are invalid together', async () => {
    const db = await open();
    const id = 'checkin-2026-W46';
    const week = { week: '2026-W46', p1: 4, p4: 20, p6: 3 };
    await saveRecord(db, 'checkins', id, week);
    await applyPushResults(db, answer([applied((await send(db))[0]!, 1)]), NOW);
    await saveRecord(db, 'checkins', id, { ...week, p1: 5 });
    const [m] = await send(db);
    // While her P1 is in flight she answers P5 = 20 (valid: P4 is 20 here).
    expect((await saveRecord(db, 'checkins', id, { ...week, p1: 5, p5: 20 })).ok).toBe(true);
    // Another tablet had lowered P4 to 8: her P5 cannot lie over that record.
    const server = serverRecord('checkins', id, 3, { ...week, p1: 5, p4: 8 });
    await applyPushResults(
      db,
      answer([
        {
          mutationId: m!,
          status: 'merged',
          version: 3,
          serverSeq: 13,
          hlc: SERVER_HLC,
          record: server,
        },
      ]),
      NOW,
    );
    const rec = await getRecord(db, 'checkins', id);
    expect(rec?.ok && rec.record).toMatchObject({
      version: 1,
      syncStatus: 'pending',
      data: { ...week, p1: 5, p5: 20 },
    });
    expect(rec?.ok && validateRecord('checkins', id, rec.record.data).ok).toBe(true);
    // The waiting entry sends every field on the version she edited: the server merges it.
    const [next] = await send(db).then(() => db.outbox.toArray());
    expect(next!.payload).toMatchObject({
      op: 'update',
      baseVersion: 1,
      data: { ...week, p1: 5, p5: 20 },
      deleted: 0,
    });
  });

  it('stores the conflict record of a conflict answer and marks the record for her attention', async () => {
    const db = await open();
    const id = await noteId(db, 'Poured water');
    const [m] = await send(db);
    const server = serverRecord('observations', id, 2, note('Poured the water'));
    const conflict = serverRecord('conflicts', 'conflict-1', 1, {
      table: 'observations',
      recordId: id,
      kind: 'fields',
      fields: ['text'],
      winning: { text: 'Poured the water' },
      losing: { text: 'Poured water' },
      winner: 'stored',
      baseVersion: 0,
      resultVersion: 2,
      incoming: { deviceId: 'this-device', hlc: SERVER_HLC, mutationId: m! },
      stored: { deviceId: 'other-device', hlc: SERVER_HLC },
      resolvedAt: null,
      resolution: null,
    });
    await applyPushResults(
      db,
      answer([
        {
          mutationId: m!,
          status: 'conflict',
          version: 2,
          serverSeq: 12,
          hlc: SERVER_HLC,
          record: server,
          conflictId: 'conflict-1',
          conflict,
        },
      ]),
      NOW,
    );
    const rec = await getRecord(db, 'observations', id);
    expect(rec?.ok && rec.record).toMatchObject({ version: 2, syncStatus: 'conflict' });
    const stored = await getRecord(db, 'conflicts', 'conflict-1');
    expect(stored?.ok && stored.record.data).toMatchObject({ recordId: id, kind: 'fields' });
  });

  it('keeps a rejected record as she typed it, flagged, and sends all its fields at the next save', async () => {
    const db = await open();
    const id = await noteId(db, 'Said agua');
    const [m] = await send(db);
    const details = [{ path: 'text', message: 'too-long' }];
    await applyPushResults(
      db,
      answer([
        {
          mutationId: m!,
          status: 'rejected',
          code: 'VALIDATION_FAILED',
          message: 'The record did not pass validation.',
          details,
          quarantineId: 'q-1',
        },
      ]),
      NOW,
    );
    const rec = await getRecord(db, 'observations', id);
    expect(rec?.ok && rec.record).toMatchObject({
      version: 0,
      syncStatus: 'rejected',
      syncError: { code: 'VALIDATION_FAILED', details },
      data: { text: 'Said agua' },
    });
    expect(await db.outbox.count()).toBe(0);
    await saveObservation(db, { id, ...note('Said "agua"') });
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({
      op: 'create',
      changedFields: ['childIds', 'observedAt', 'text'],
    });
  });
});
