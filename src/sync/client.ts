/**
 * The sync client (SYNC.md §8, §9): when to run, one run at a time, what a failure means.
 * - Runs at start, 2 s after a write (debounced), on `online`, on becoming visible, every 60 s while
 *   visible, and from a watchdog that keeps pushing while the outbox is not empty, so a failed upload
 *   is retried without waiting for the next edit.
 * - One run at a time across tabs: the injected lock. Holding it proves the previous owner is gone,
 *   so the run sends again every entry left in flight; without it only expired leases (90 s).
 * - Failures: 5xx, network errors and timeouts back off with full jitter (1 s base, doubling, 5 min
 *   cap, forever, reset after a success); 429/503 wait for Retry-After; 401, 403 and 426 stop and
 *   keep the outbox; PROTOCOL_UNSUPPORTED retries daily; the same 400 three times pauses pushing.
 */
import type { NaptimeDb } from '../storage/db';
import { getConnection, getLastSyncTimes, getSyncCounts } from '../storage/sync-state';
import { SYNC_TIMING, backoffDelay, type SyncDeps, type TimerHandle } from './deps';
import { newEngineState, runOnce, type RunFailure, type RunResult } from './engine';
import { createStatusStore, type SyncState, type SyncStatusStore } from './status';

/** The client the app holds. */
export interface SyncClient {
  status: SyncStatusStore;
  /** Starts a run now (or right after the current one) and resolves when it is over. */
  syncNow(): Promise<void>;
  /** Tells the client a record changed here (a run follows after the 2 s debounce). */
  notifyWrite(): void;
  /** Resolves when no run is going on. */
  idle(): Promise<void>;
  /** Stops every timer and subscription; a run in progress finishes. */
  stop(): void;
}

/** The lock every tab of one device shares. */
export const SYNC_LOCK_NAME = 'naptime-sync';

/** Creates the client; nothing runs until `start()` of the returned object is called. */
export function createSyncClient(db: NaptimeDb, deps: SyncDeps): SyncClient & { start(): void } {
  const status = createStatusStore();
  const engine = newEngineState();
  const timers = new Map<string, TimerHandle>();
  const unsubscribe: (() => void)[] = [];
  let running: Promise<void> | null = null;
  let again = false;
  let failures = 0;
  let stopped = false;
  let halted: SyncState | null = null;

  function schedule(name: string, ms: number, fn: () => void): void {
    cancel(name);
    timers.set(
      name,
      deps.setTimeout(
        () => {
          timers.delete(name);
          if (!stopped) fn();
        },
        Math.max(0, ms),
      ),
    );
  }
  function cancel(name: string): void {
    const handle = timers.get(name);
    if (handle !== undefined) deps.clearTimeout(handle);
    timers.delete(name);
  }

  let listeners = 0;
  async function refreshCounts(): Promise<void> {
    // Only read when a screen is listening: the counts cost a read transaction over every table.
    if (listeners === 0) return;
    const [counts, times] = await Promise.all([getSyncCounts(db), getLastSyncTimes(db)]);
    status.update({ ...counts, oldestWaitingAt: counts.oldestWaitingAt, ...times });
  }

  function failureState(failure: RunFailure): { state: SyncState; retryMs: number | null } {
    const backoff = () => backoffDelay(failures - 1, deps.random);
    if (failure.kind !== 'http')
      return { state: { kind: 'waiting', until: 0, reason: 'backoff' }, retryMs: backoff() };
    const { status: code, retryAfterMs } = failure;
    if (code === 401)
      return {
        state: { kind: 'stopped', reason: 'unauthenticated', message: failure.message },
        retryMs: null,
      };
    if (code === 403)
      return {
        state: { kind: 'stopped', reason: 'revoked', message: failure.message },
        retryMs: null,
      };
    if (code === 426)
      return {
        state: { kind: 'stopped', reason: 'upgrade-required', message: failure.message },
        retryMs: null,
      };
    if (failure.code === 'PROTOCOL_UNSUPPORTED') {
      return {
        state: { kind: 'waiting', until: 0, reason: 'server-outdated' },
        retryMs: SYNC_TIMING.serverOutdatedRetryMs,
      };
    }
    if (code === 429 || code === 503) {
      const wait = Math.max(retryAfterMs ?? 0, backoff());
      return {
        state: {
          kind: 'waiting',
          until: 0,
          reason: code === 429 ? 'rate-limited' : 'server-busy',
          code: failure.code,
        },
        retryMs: wait,
      };
    }
    if (code === 400) {
      const same = engine.badRequests?.message === failure.message;
      engine.badRequests = {
        message: failure.message,
        count: same ? engine.badRequests!.count + 1 : 1,
      };
      if (engine.badRequests.count >= 3) engine.pushPaused = true;
    }
    return {
      state: { kind: 'waiting', until: 0, reason: 'backoff', code: failure.code },
      retryMs: backoff(),
    };
  }

  async function afterRun(result: RunResult | null): Promise<void> {
    await refreshCounts();
    const waiting = await db.outbox.count();
    if (result === null) return;
    if (result.ok) {
      failures = 0;
      status.update({
        state: engine.pushPaused ? { kind: 'stopped', reason: 'bad-request' } : { kind: 'idle' },
      });
      // The watchdog: while anything waits, look again soon (entries leased by another tab, more
      // batches than one run sends, writes made during the run).
      if (waiting > 0 && !engine.pushPaused)
        schedule('watchdog', SYNC_TIMING.watchdogMs, () => void syncNow());
      else cancel('watchdog');
      return;
    }
    failures += 1;
    const { state, retryMs } = failureState(result.failure);
    if (retryMs === null) {
      halted = state;
      status.update({ state });
      cancel('watchdog');
      return;
    }
    const until = deps.now() + retryMs;
    status.update({ state: state.kind === 'waiting' ? { ...state, until } : state });
    schedule('watchdog', retryMs, () => void syncNow());
  }

  async function runLocked(): Promise<void> {
    if (halted) return;
    const conn = await getConnection(db);
    if (!conn) {
      status.update({ state: { kind: 'stopped', reason: 'not-connected' } });
      return;
    }
    if (!deps.isOnline()) {
      status.update({ state: { kind: 'offline' } });
      await refreshCounts();
      return;
    }
    const lock =
      deps.mutant === 'no-lock'
        ? <T>(_: string, fn: (held: boolean) => Promise<T>) => fn(true)
        : deps.lock;
    let result: RunResult | null = null;
    try {
      result = await lock(SYNC_LOCK_NAME, async (held) => {
        status.update({ state: { kind: 'syncing' } });
        return runOnce(db, deps, conn, engine, held);
      });
    } catch (error) {
      result = {
        ok: false,
        failure: {
          kind: 'network',
          message: error instanceof Error ? error.message : String(error),
        },
        outcomes: {} as never,
      };
    }
    await afterRun(result);
  }

  function syncNow(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await runLocked();
        } while (again && !stopped);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  function everyMinute(): void {
    const visible = deps.isVisible?.() ?? true;
    if (!visible) return;
    schedule('interval', SYNC_TIMING.visibleIntervalMs, () => {
      void syncNow();
      everyMinute();
    });
  }

  const watched: SyncStatusStore = {
    subscribe(listener) {
      listeners += 1;
      const off = status.subscribe(listener);
      if (listeners === 1) void refreshCounts().catch(() => undefined);
      return () => {
        listeners -= 1;
        off();
      };
    },
    getSnapshot: status.getSnapshot,
  };

  return {
    status: watched,
    syncNow,
    notifyWrite() {
      void refreshCounts().catch(() => undefined);
      // Only a change never sent starts a run: the client's own outbox writes fire this event too.
      schedule('debounce', SYNC_TIMING.debounceMs, () => {
        void db.outbox
          .filter((e) => e.attempts === 0)
          .count()
          .then((n) => (n > 0 ? syncNow() : undefined));
      });
    },
    idle: async () => {
      while (running) await running;
    },
    start() {
      if (deps.onWrite) unsubscribe.push(deps.onWrite(() => this.notifyWrite()));
      if (deps.onOnline) unsubscribe.push(deps.onOnline(() => void syncNow()));
      if (deps.onVisibilityChange) {
        unsubscribe.push(
          deps.onVisibilityChange((visible) => {
            if (!visible) return cancel('interval');
            void syncNow();
            everyMinute();
          }),
        );
      }
      everyMinute();
      void getLastSyncTimes(db)
        .then((times) => status.update(times))
        .catch(() => undefined);
      void syncNow();
    },
    stop() {
      stopped = true;
      for (const name of [...timers.keys()]) cancel(name);
      for (const off of unsubscribe.splice(0)) off();
    },
  };
}
