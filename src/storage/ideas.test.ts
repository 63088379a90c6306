import { describe, expect, it } from 'vitest';
import { markIdeaTried } from './ideas';
import { testClock, useTestDbs } from './testing';
import { saveObservation } from './write';

const open = useTestDbs();
const note = (nextStep: string | null) => ({
  childIds: ['c1'],
  observedAt: '2026-01-29T13:05:00-06:00',
  text: 'Poured water.',
  nextStep,
});

describe('markIdeaTried', () => {
  it('marks every note of an idea tried today, queues the change, and opens it again', async () => {
    const db = await open(testClock('2026-02-02T15:00:00.000Z'));
    const a = await saveObservation(db, note('Offer two cups'));
    const b = await saveObservation(db, note('offer two cups'));
    if (!a.ok || !b.ok) throw new Error('not saved');
    await db.outbox.clear();
    expect(await markIdeaTried(db, [a.record.id, b.record.id], true)).toBe(true);
    const stored = await db.observations.bulkGet([a.record.id, b.record.id]);
    expect(stored.map((r) => r?.data.nextStepTriedOn)).toEqual(['2026-02-02', '2026-02-02']);
    expect((await db.outbox.toArray()).map((e) => e.recordId).sort()).toEqual(
      [a.record.id, b.record.id].sort(),
    );
    await markIdeaTried(db, [a.record.id], false);
    expect((await db.observations.get(a.record.id))?.data.nextStepTriedOn).toBeUndefined();
  });

  it('keeps the first day when an idea already marked is marked again, and skips notes without one', async () => {
    const clock = testClock('2026-02-02T15:00:00.000Z');
    const db = await open(clock);
    const a = await saveObservation(db, note('Sing at clean-up'));
    const c = await saveObservation(db, note(null));
    if (!a.ok || !c.ok) throw new Error('not saved');
    await markIdeaTried(db, [a.record.id, c.record.id], true);
    clock.advance(3 * 86_400_000);
    await markIdeaTried(db, [a.record.id], true);
    expect((await db.observations.get(a.record.id))?.data.nextStepTriedOn).toBe('2026-02-02');
    expect((await db.observations.get(c.record.id))?.data.nextStepTriedOn).toBeUndefined();
  });
});
