/**
 * The sync status the screens read (SYNC.md §9), as a subscribe/getSnapshot store (the shape of
 * `useSyncExternalStore`; `src/sync` never holds a Preact signal, src/README.md 5). Snapshots are
 * immutable: a new object on every change, the same object otherwise.
 */

/** Why sync stopped until something changes (SYNC.md §8). */
export type StopReason =
  'unauthenticated' | 'revoked' | 'upgrade-required' | 'bad-request' | 'not-connected';

/** Why a run waits before the next try. */
export type WaitReason = 'backoff' | 'rate-limited' | 'server-busy' | 'server-outdated';

/** What the device is doing about sync. */
export type SyncState =
  | { kind: 'idle' }
  | { kind: 'syncing' }
  | { kind: 'offline' }
  | { kind: 'waiting'; until: number; reason: WaitReason; code?: string }
  | { kind: 'stopped'; reason: StopReason; message?: string };

/** Everything the status screen shows. */
export interface SyncSnapshot {
  state: SyncState;
  lastPushAt: number | null;
  lastPullAt: number | null;
  waiting: number;
  oldestWaitingAt: number | null;
  rejected: number;
  conflicted: number;
}

/** A store of snapshots. */
export interface SyncStatusStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): SyncSnapshot;
}

/** The writable side, kept inside the client. */
export interface SyncStatusWriter extends SyncStatusStore {
  update(patch: Partial<SyncSnapshot>): void;
}

/** Makes a store starting idle with nothing known. */
export function createStatusStore(): SyncStatusWriter {
  let snapshot: SyncSnapshot = {
    state: { kind: 'idle' },
    lastPushAt: null,
    lastPullAt: null,
    waiting: 0,
    oldestWaitingAt: null,
    rejected: 0,
    conflicted: 0,
  };
  const listeners = new Set<() => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    update(patch) {
      const next = { ...snapshot, ...patch };
      const changed = (Object.keys(patch) as (keyof SyncSnapshot)[]).some(
        (k) => JSON.stringify(next[k]) !== JSON.stringify(snapshot[k]),
      );
      if (!changed) return;
      snapshot = next;
      for (const listener of [...listeners]) listener();
    },
  };
}
