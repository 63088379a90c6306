/**
 * A real conflict, end to end in Node: two devices of one provider against the in-process server
 * (SYNC.md §3 step 4, §5), settled through storage's `resolveConflict`, synced like any change.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeServer } from '../server/test-support';
import {
  countNeedingAttention,
  listOpenConflicts,
  listRecordIdsNeedingAttention,
} from '../storage/attention';
import { resolveConflict } from '../storage/conflicts';
import { getRecord } from '../storage/read';
import { saveObservation } from '../storage/write';
import { appFetch, connectedDevice, VirtualTime, type TestDevice } from './sim/harness';

const note = (text: string, over: Record<string, unknown> = {}) => ({
  childIds: ['child-1'],
  observedAt: '2026-11-26T09:05:00-06:00',
  text,
  ...over,
});

const devices: TestDevice[] = [];
afterEach(() => {
  for (const d of devices.splice(0)) d.close();
});

async function twoDevices() {
  const server = makeServer();
  const { providerId } = await server.createProvider();
  const time = new VirtualTime();
  const fetch = appFetch(() => server.app);
  const one = async () => {
    const d = await connectedDevice(time, fetch, await server.enroll(providerId));
    devices.push(d);
    return d;
  };
  return { time, a: await one(), b: await one() };
}

/** A note on both devices, then its text changed on each while they were apart. */
async function editedOnBoth() {
  const s = await twoDevices();
  const saved = await saveObservation(s.a.db, note('Ana stacked blocks'));
  if (!saved.ok) throw new Error('fixture');
  const id = saved.record.id;
  await s.a.client.syncNow();
  await s.b.client.syncNow();
  s.time.now += 60_000;
  await saveObservation(s.a.db, { id, ...note('Ana stacked four blocks'), area: 'cognition' });
  s.time.now += 60_000;
  await saveObservation(s.b.db, { id, ...note('Ana stacked five blocks and counted') });
  await s.a.client.syncNow(); // applied
  await s.b.client.syncNow(); // conflict: B's text wins by HLC, A's is set aside
  await s.a.client.syncNow(); // A pulls the merged note and the conflict record
  return { ...s, id };
}

const textOn = async (d: TestDevice, id: string) => {
  const r = await getRecord(d.db, 'observations', id);
  return r?.ok ? { text: r.record.data.text, area: r.record.data.area } : null;
};

describe('a note edited on two devices while apart', () => {
  it('merges the fields only one side changed and shows the conflict on both devices', async () => {
    const { a, b, id } = await editedOnBoth();
    expect(await textOn(a, id)).toEqual({
      text: 'Ana stacked five blocks and counted',
      area: 'cognition',
    });
    expect(await textOn(b, id)).toEqual(await textOn(a, id));
    for (const d of [a, b]) {
      const [open] = await listOpenConflicts(d.db);
      expect(open?.conflict.data).toMatchObject({
        recordId: id,
        fields: ['text'],
        winning: { text: 'Ana stacked five blocks and counted' },
        losing: { text: 'Ana stacked four blocks' },
      });
      expect(await listRecordIdsNeedingAttention(d.db, 'observations')).toEqual(new Set([id]));
    }
  });

  it('"Use the other" on one device reaches the other, and the conflict closes on both', async () => {
    const { a, b, id } = await editedOnBoth();
    const [open] = await listOpenConflicts(a.db);
    expect(await resolveConflict(a.db, open!.conflict.id, 'used-other')).toEqual({ ok: true });
    await a.client.syncNow();
    await b.client.syncNow();
    for (const d of [a, b]) {
      expect(await textOn(d, id)).toEqual({ text: 'Ana stacked four blocks', area: 'cognition' });
      expect(await countNeedingAttention(d.db)).toEqual({ conflicts: 0, rejected: 0 });
      expect(await d.db.outbox.count()).toBe(0);
      const conflict = await d.db.conflicts.get(open!.conflict.id);
      expect(conflict?.data).toMatchObject({ resolution: 'used-other' });
      // Nothing lost: the text set aside is still in the (resolved) conflict record.
      expect(conflict?.data).toMatchObject({
        losing: { text: 'Ana stacked four blocks' },
        winning: { text: 'Ana stacked five blocks and counted' },
      });
    }
  });

  it('"Keep this" closes it on both devices without changing the note', async () => {
    const { a, b, id } = await editedOnBoth();
    const [open] = await listOpenConflicts(b.db);
    expect(await resolveConflict(b.db, open!.conflict.id, 'kept')).toEqual({ ok: true });
    await b.client.syncNow();
    await a.client.syncNow();
    for (const d of [a, b]) {
      expect(await textOn(d, id)).toEqual({
        text: 'Ana stacked five blocks and counted',
        area: 'cognition',
      });
      expect(await listOpenConflicts(d.db)).toEqual([]);
      const r = await getRecord(d.db, 'observations', id);
      expect(r?.ok && r.record.syncStatus).not.toBe('pending');
    }
  });
});
