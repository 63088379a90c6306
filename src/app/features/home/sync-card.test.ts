import { describe, expect, it } from 'vitest';
import { syncCardView, UNSENT_WARNING_MS, type SyncCardInput } from './sync-card';

const NOW = Date.parse('2026-12-02T15:00:00Z');
const MIN = 60_000;
const input = (over: Partial<SyncCardInput> = {}): SyncCardInput => ({
  isConnected: true,
  state: { kind: 'idle' },
  isOnline: true,
  waiting: 0,
  oldestWaitingAt: null,
  lastSyncAt: NOW - 3 * MIN,
  now: NOW,
  ...over,
});

describe('Home’s sync card', () => {
  it('says "Saved on this device only" and offers to connect while not connected', () => {
    const view = syncCardView(
      input({ isConnected: false, state: null, waiting: 4, oldestWaitingAt: NOW - 5 * 86_400_000 }),
    );
    expect(view.headline).toEqual({ key: 'sync.savedHereOnly' });
    expect(view.note).toEqual({ plural: 'home.waiting', count: 4 });
    expect(view).toMatchObject({
      tone: 'calm',
      offerConnect: true,
      canSyncNow: false,
      warning: null,
      waiting: null,
    });
  });

  it('says when it last synced, in minutes, hours or days', () => {
    expect(syncCardView(input()).headline).toEqual({ plural: 'sync.minutesAgo', count: 3 });
    expect(syncCardView(input({ lastSyncAt: NOW - 20_000 })).headline).toEqual({
      key: 'sync.justNow',
    });
    expect(syncCardView(input({ lastSyncAt: NOW - 125 * MIN })).headline).toEqual({
      plural: 'sync.hoursAgo',
      count: 2,
    });
    expect(syncCardView(input({ lastSyncAt: NOW - 50 * 60 * MIN })).headline).toEqual({
      plural: 'sync.daysAgo',
      count: 2,
    });
    expect(syncCardView(input({ lastSyncAt: null })).headline).toEqual({ key: 'sync.notYet' });
    expect(syncCardView(input()).canSyncNow).toBe(true);
  });

  it('counts the changes waiting and the age of the oldest, and warns after 48 hours', () => {
    const threeDays = syncCardView(input({ waiting: 5, oldestWaitingAt: NOW - 3 * 86_400_000 }));
    expect(threeDays.waiting).toEqual({ count: 5, oldest: { plural: 'sync.age.days', count: 3 } });
    expect(threeDays.warning).toEqual({ key: 'sync.warnOld' });
    const justUnder = syncCardView(
      input({ waiting: 1, oldestWaitingAt: NOW - UNSENT_WARNING_MS + MIN }),
    );
    expect(justUnder.waiting?.oldest).toEqual({ plural: 'sync.age.days', count: 1 });
    expect(justUnder.warning).toBeNull();
  });

  it('reads calm while offline or while the server is out of reach', () => {
    for (const view of [
      syncCardView(input({ isOnline: false, waiting: 2, oldestWaitingAt: NOW - MIN })),
      syncCardView(input({ state: { kind: 'offline' } })),
    ]) {
      expect(view.headline).toEqual({ key: 'shell.offline' });
      expect(view.tone).toBe('calm');
      expect(view.canSyncNow).toBe(true);
    }
    const retry = syncCardView(
      input({ state: { kind: 'waiting', until: NOW + 5000, reason: 'backoff' } }),
    );
    expect(retry).toMatchObject({ headline: { key: 'sync.retrying' }, tone: 'calm' });
    const old = syncCardView(
      input({ state: { kind: 'waiting', until: 0, reason: 'server-outdated' } }),
    );
    expect(old.headline).toEqual({ key: 'sync.serverOutdated' });
  });

  it('stops and offers the export when the device’s access was removed', () => {
    for (const reason of ['revoked', 'unauthenticated'] as const) {
      const view = syncCardView(
        input({ state: { kind: 'stopped', reason }, waiting: 2, oldestWaitingAt: NOW - MIN }),
      );
      expect(view).toMatchObject({ tone: 'stopped', offerExport: true, canSyncNow: false });
      expect(view.headline).toEqual({ key: `sync.stopped.${reason}` });
      expect(view.waiting?.count).toBe(2);
    }
    expect(
      syncCardView(input({ state: { kind: 'stopped', reason: 'upgrade-required' } })),
    ).toMatchObject({
      headline: { key: 'sync.stopped.upgrade' },
      offerExport: false,
    });
  });

  it('shows a run in progress', () => {
    expect(syncCardView(input({ state: { kind: 'syncing' } }))).toMatchObject({
      headline: { key: 'sync.syncing' },
      isSyncing: true,
    });
  });
});
