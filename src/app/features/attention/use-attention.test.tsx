// @vitest-environment happy-dom
import { cleanup, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConflictData } from '../../../domain/records';
import { resolveConflict } from '../../../storage/conflicts';
import { applyPullPage } from '../../../storage/pull-apply';
import { saveConnection } from '../../../storage/sync-state';
import { useTestDbs } from '../../../storage/testing';
import { saveObservation } from '../../../storage/write';
import { renderWithDb } from '../../testing';
import { recordState, useAttentionCount, useRecordState, useRecordStates } from './use-attention';

const openDb = useTestDbs();
afterEach(() => cleanup());

const HLC = '2026-01-29T19:07:00.000Z-0000-00000000000000cc';
const pulledConflict = (id: string, recordId: string) => {
  const data: ConflictData = {
    table: 'observations',
    recordId,
    kind: 'fields',
    fields: ['text'],
    winning: { text: 'mine' },
    losing: { text: 'theirs' },
    winner: 'incoming',
    baseVersion: 0,
    resultVersion: 1,
    incoming: { deviceId: 'a', hlc: HLC, mutationId: 'm' },
    stored: { deviceId: 'b', hlc: HLC },
    resolvedAt: null,
    resolution: null,
  };
  return {
    table: 'conflicts',
    id,
    version: 1,
    serverSeq: 9,
    hlc: HLC,
    deviceId: null,
    deleted: 0 as const,
    schemaVersion: 1,
    createdAt: '2026-01-29T13:07:00-06:00',
    updatedAt: '2026-01-29T13:07:00-06:00',
    data,
  };
};

describe('recordState', () => {
  it('is null before the device is connected, then says where the record is', () => {
    const none = new Set<string>();
    expect(recordState({ id: 'n', syncStatus: 'pending' }, none, false)).toBeNull();
    expect(recordState({ id: 'n', syncStatus: 'rejected' }, none, false)).toBeNull();
    expect(recordState({ id: 'n', syncStatus: 'pending' }, none, true)).toBe('pending');
    expect(recordState({ id: 'n', syncStatus: 'synced' }, none, true)).toBe('synced');
    expect(recordState({ id: 'n', syncStatus: 'rejected' }, new Set(['n']), true)).toBe('rejected');
    expect(recordState({ id: 'n', syncStatus: 'synced' }, new Set(['n']), true)).toBe('attention');
    // Settled: the record still says `conflict`, but nothing is open about it any more.
    expect(recordState({ id: 'n', syncStatus: 'conflict' }, none, true)).toBe('synced');
  });
});

describe('the attention hooks', () => {
  it('show no state until connected, then follow conflicts as they arrive and are settled', async () => {
    const db = await openDb();
    const saved = await saveObservation(db, {
      childIds: ['c1'],
      observedAt: '2026-01-29T13:05:00-06:00',
      text: 'mine',
    });
    if (!saved.ok) throw new Error('fixture');
    const id = saved.record.id;
    const states = renderWithDb(db, () => useRecordStates('observations'));
    const one = renderWithDb(db, () => useRecordState('observations', id));
    const count = renderWithDb(db, () => useAttentionCount());
    await waitFor(() => expect(states.result.current).toBeTypeOf('function'));
    expect(states.result.current!(saved.record)).toBeNull();
    await waitFor(() => expect(count.result.current).toBe(0));

    await saveConnection(db, { deviceId: 'a', deviceToken: 't', providerId: 'p' });
    await waitFor(() => expect(one.result.current?.state).toBe('pending'));

    await applyPullPage(
      db,
      { changes: [pulledConflict('c-1', id)], cursor: 'c', serverHlc: HLC },
      Date.parse('2026-01-29T19:08:00Z'),
    );
    await waitFor(() => expect(one.result.current?.state).toBe('attention'));
    await waitFor(() => expect(count.result.current).toBe(1));
    expect(states.result.current!(saved.record)).toBe('attention');

    expect(await resolveConflict(db, 'c-1', 'kept')).toEqual({ ok: true });
    await waitFor(() => expect(count.result.current).toBe(0));
    await waitFor(() => expect(one.result.current?.state).toBe('pending'));
  });
});
