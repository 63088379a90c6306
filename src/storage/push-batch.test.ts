import { describe, expect, it } from 'vitest';
import type { NaptimeDb } from './db';
import { getRecord } from './read';
import { releaseBatch, rejectEntryLocally, takeBatch, type TakeBatchOptions } from './push-batch';
import { useTestDbs } from './testing';
import { saveObservation } from './write';

const open = useTestDbs();
const NOW = Date.parse('2026-11-26T12:00:00.000Z');
const opts = (over: Partial<TakeBatchOptions> = {}): TakeBatchOptions => ({
  maxCount: 500,
  maxBytes: 1_000_000,
  now: NOW,
  leaseMs: 90_000,
  inflight: 'all',
  ...over,
});
const note = (text: string) => ({
  childIds: ['child-1'],
  observedAt: '2026-11-26T09:05:00-06:00',
  text,
});

async function saved(db: NaptimeDb, text: string, id?: string): Promise<string> {
  const res = await saveObservation(db, { ...(id ? { id } : {}), ...note(text) });
  if (!res.ok) throw new Error('save failed');
  return res.record.id;
}

describe('takeBatch', () => {
  it('takes entries in seq order and freezes each payload in flight with its lease', async () => {
    const db = await open();
    const a = await saved(db, 'Stacked three blocks');
    const b = await saved(db, 'Named the red cup');
    const batch = await takeBatch(db, opts());
    expect(batch.items.map((i) => [i.recordId, i.payload.op, i.payload.baseVersion])).toEqual([
      [a, 'create', 0],
      [b, 'create', 0],
    ]);
    expect(batch.items[0]!.payload.data).toEqual(note('Stacked three blocks'));
    const rows = await db.outbox.orderBy('seq').toArray();
    expect(rows.map((r) => [r.state, r.attempts, r.inflightUntil])).toEqual([
      ['inflight', 1, NOW + 90_000],
      ['inflight', 1, NOW + 90_000],
    ]);
    expect(rows[0]!.payload).toEqual(batch.items[0]!.payload);
    expect(batch.bytes).toBe(batch.items[0]!.bytes + batch.items[1]!.bytes);
  });

  it('re-sends a frozen payload byte for byte and keeps a later edit for a chained entry', async () => {
    const db = await open();
    const id = await saved(db, 'Stacked three blocks');
    const first = await takeBatch(db, opts());
    await saved(db, 'Stacked FOUR blocks', id);
    const again = await takeBatch(db, opts());
    expect(again.items).toHaveLength(1);
    expect(JSON.stringify(again.items[0]!.payload)).toBe(JSON.stringify(first.items[0]!.payload));
    const entries = await db.outbox.orderBy('seq').toArray();
    expect(entries.map((e) => [e.state, e.baseVersion, e.payload ?? null])).toEqual([
      ['inflight', 0, first.items[0]!.payload],
      ['pending', null, null],
    ]);
  });

  it('stops at maxCount and at maxBytes, but always takes at least one entry', async () => {
    const db = await open();
    for (const t of ['one', 'two', 'three']) await saved(db, t);
    expect((await takeBatch(db, opts({ maxCount: 2 }))).items).toHaveLength(2);
    const db2 = await open();
    for (const t of ['one', 'two']) await saved(db2, t);
    expect((await takeBatch(db2, opts({ maxBytes: 10 }))).items).toHaveLength(1);
  });

  it('without the lock, leaves an entry whose lease is running and takes one whose lease ran out', async () => {
    const db = await open();
    await saved(db, 'Climbed the step');
    await takeBatch(db, opts());
    expect((await takeBatch(db, opts({ inflight: 'expired', now: NOW + 1000 }))).items).toEqual([]);
    const late = await takeBatch(db, opts({ inflight: 'expired', now: NOW + 90_001 }));
    expect(late.items).toHaveLength(1);
    expect((await db.outbox.toArray())[0]!.attempts).toBe(2);
    // Holding the lock proves the old owner is gone: everything in flight goes again.
    expect((await takeBatch(db, opts({ now: NOW + 90_002 }))).items).toHaveLength(1);
  });

  it('marks a record over the data limit rejected locally and sends the ones behind it', async () => {
    const db = await open();
    const big = await saved(db, 'big');
    // A record an older build stored, over 64 KiB of data: it can never be sent.
    await db.observations.update(big, { 'data.extra': 'x'.repeat(70_000) } as never);
    const small = await saved(db, 'Counted to four');
    const batch = await takeBatch(db, opts());
    expect(batch.rejectedLocally).toBe(1);
    expect(batch.items.map((i) => i.recordId)).toEqual([small]);
    const rec = await getRecord(db, 'observations', big);
    expect(rec?.ok && rec.record).toMatchObject({
      syncStatus: 'rejected',
      syncError: { code: 'RECORD_TOO_LARGE' },
    });
    expect(rec?.ok && rec.record.data.text).toBe('big');
  });
});

describe('releaseBatch and rejectEntryLocally', () => {
  it('puts entries that got no answer back to pending with their payload kept', async () => {
    const db = await open();
    await saved(db, 'Said "más agua"');
    const batch = await takeBatch(db, opts());
    await releaseBatch(db, [batch.items[0]!.seq]);
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ state: 'pending', inflightUntil: null, attempts: 1 });
    expect(entry!.payload).toEqual(batch.items[0]!.payload);
  });

  it('marks the record of one entry rejected with the reason and drops the entry', async () => {
    const db = await open();
    const id = await saved(db, 'Shared the red truck');
    const batch = await takeBatch(db, opts());
    const why = 'Sending it timed out three times.';
    expect(await rejectEntryLocally(db, batch.items[0]!.seq, 'SEND_TIMEOUT', why)).toBe(true);
    expect(await db.outbox.count()).toBe(0);
    const rec = await getRecord(db, 'observations', id);
    expect(rec?.ok && rec.record).toMatchObject({
      syncStatus: 'rejected',
      syncError: { code: 'SEND_TIMEOUT', message: why },
      data: note('Shared the red truck'),
    });
    expect(await rejectEntryLocally(db, batch.items[0]!.seq, 'SEND_TIMEOUT', why)).toBe(false);
  });
});
