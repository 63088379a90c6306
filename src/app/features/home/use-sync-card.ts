/** Live reads behind Home's sync card. `undefined` means loading. */
import { useEffect, useState } from 'preact/hooks';
import { getConnection, getLastSyncTimes, getSyncCounts } from '../../../storage/sync-state';
import { useDb } from '../../db';
import { isOnline, syncStatus } from '../../state';
import { useLiveQuery } from '../../ui/use-live-query';
import { syncCardView, type SyncCardView } from './sync-card';

/** The clock, moving every `everyMs` so "Synced 3 minutes ago" stays true while Home is open. */
function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

/** What the card shows, from storage (true without the sync client) and the client's state. */
export function useSyncCard(): SyncCardView | undefined {
  const db = useDb();
  const now = useNow(30_000);
  const stored = useLiveQuery(async () => {
    const [connection, counts, times] = await Promise.all([
      getConnection(db),
      getSyncCounts(db),
      getLastSyncTimes(db),
    ]);
    return { isConnected: connection !== null, counts, lastSyncAt: times.lastPullAt };
  }, []);
  if (!stored) return undefined;
  return syncCardView({
    isConnected: stored.isConnected,
    state: syncStatus.value?.state ?? null,
    isOnline: isOnline.value,
    waiting: stored.counts.waiting,
    oldestWaitingAt: stored.counts.oldestWaitingAt,
    lastSyncAt: stored.lastSyncAt,
    now: Math.max(now, Date.now()),
  });
}
