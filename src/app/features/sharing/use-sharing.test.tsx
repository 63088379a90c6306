// @vitest-environment happy-dom
import { cleanup, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SHARING_ID } from '../../../domain/sharing';
import { saveConnection } from '../../../storage/sync-state';
import { useTestDbs } from '../../../storage/testing';
import { saveChild, saveObservation, saveRecord } from '../../../storage/write';
import { renderWithDb } from '../../testing';
import { saveSharing, useSharing } from './use-sharing';

const openDb = useTestDbs();
afterEach(() => cleanup());

const connect = (db: Parameters<typeof saveConnection>[0]) =>
  saveConnection(db, { deviceId: 'd1', deviceToken: 't', providerId: 'p1' });

describe('useSharing', () => {
  it('is off by default, and says she is not connected until she is', async () => {
    const db = await openDb();
    const { result } = renderWithDb(db, () => useSharing());
    await waitFor(() => expect(result.current).toBeDefined());
    expect(result.current).toMatchObject({ isConnected: false, level: 'nothing' });
    await connect(db);
    await waitFor(() => expect(result.current?.isConnected).toBe(true));
    expect(result.current?.examples.nothing).toBeNull();
  });

  it('builds each level’s example from her own records, by the consent filter: counts, never text or names', async () => {
    const db = await openDb();
    await connect(db);
    const child = await saveChild(db, { name: 'Mateo', birthMonth: '2024-09' });
    if (!child.ok) throw new Error('child');
    for (const nextStep of ['Offer big blocks', undefined])
      await saveObservation(db, {
        childIds: [child.record.id],
        observedAt: '2026-11-24T10:00:00-06:00',
        text: 'Mateo stacked four blocks',
        ...(nextStep ? { nextStep } : {}),
      });
    await saveRecord(db, 'checkins', 'checkin-2026-W48', { week: '2026-W48', p1: 3, p4: 2, p5: 1 });
    const { result } = renderWithDb(db, () => useSharing());
    await waitFor(() => expect(result.current?.examples.numbers?.weeks).toHaveLength(1));
    const numbers = result.current!.examples.numbers!;
    expect(numbers.weeks[0]).toMatchObject({ week: '2026-W48', notes: 2, notesWithIdea: 1 });
    expect(numbers.weeks[0]!.checkin).toMatchObject({ p1: 3, p4: 2, p5: 1, p2: null });
    expect(numbers.firstUseAt).toBe(result.current!.firstUseAt);
    expect(JSON.stringify(result.current!.examples)).not.toMatch(/Mateo|blocks|2024-09/);
  });

  it('saves her choice as the one sharing record, pending until the server has it', async () => {
    const db = await openDb();
    await connect(db);
    const { result } = renderWithDb(db, () => useSharing());
    await waitFor(() => expect(result.current).toBeDefined());
    const saved = await saveSharing(db, 'numbers', '2026-01-05T08:00:00-06:00');
    expect(saved.ok).toBe(true);
    await waitFor(() => expect(result.current?.level).toBe('numbers'));
    const row = await db.sharing.get(SHARING_ID);
    expect(row).toMatchObject({ syncStatus: 'pending', data: { level: 'numbers' } });
    expect((await db.outbox.toArray()).map((e) => [e.table, e.recordId])).toEqual([
      ['sharing', SHARING_ID],
    ]);
  });
});
