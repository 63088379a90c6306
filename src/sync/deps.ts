/**
 * Everything the sync client takes from its environment (SYNC.md §2, test/README.md): `fetch`, the
 * cross-tab lock, `isOnline()`, the clock, timers, randomness and gzip. Node tests pass their own;
 * `browser.ts` builds the browser's. Nothing in `src/sync` touches a global directly.
 */

/**
 * Runs `fn` while holding the lock `name` across tabs. `fn(true)` when the lock is held; `fn(false)`
 * when it could not be had (no locks API, or it timed out): the run then relies on the 90 s lease.
 */
export type SyncLock = <T>(name: string, fn: (held: boolean) => Promise<T>) => Promise<T>;

/** A timer handle, whatever the platform returns. */
export type TimerHandle = unknown;

/** The environment of one sync client. */
export interface SyncDeps {
  /** The server's origin, e.g. `https://naptime.agency.org` ('' for the app's own origin). */
  baseUrl: string;
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  lock: SyncLock;
  isOnline: () => boolean;
  /** Epoch ms on this device's clock (it may be wrong: nothing depends on it but backoff and leases). */
  now: () => number;
  setTimeout: (fn: () => void, ms: number) => TimerHandle;
  clearTimeout: (handle: TimerHandle) => void;
  /** Uniform in [0, 1), for the backoff's jitter. */
  random: () => number;
  /** gzip, where the platform has it (CompressionStream); pushes go uncompressed without it. */
  gzip?: (bytes: Uint8Array) => Promise<Uint8Array>;
  /** Subscriptions to what starts a run (SYNC.md §9); each returns its unsubscribe. */
  onWrite?: (cb: () => void) => () => void;
  onOnline?: (cb: () => void) => () => void;
  onVisibilityChange?: (cb: (visible: boolean) => void) => () => void;
  isVisible?: () => boolean;
  /** Test hook awaited at each await point of a run (the simulation kills tabs there). */
  checkpoint?: (where: string) => void | Promise<void>;
  /** Test only: a deliberately broken client, to prove the simulation catches it. */
  mutant?: SyncMutant;
}

/** The broken clients the simulation must catch (never set outside tests). */
export type SyncMutant =
  'drop-entry-before-send' | 'cursor-before-page' | 'no-inflight-resend' | 'no-lock';

/** Timings of SYNC.md §8 and §9. */
export const SYNC_TIMING = {
  debounceMs: 2000,
  visibleIntervalMs: 60_000,
  watchdogMs: 10_000,
  backoffBaseMs: 1000,
  backoffCapMs: 5 * 60_000,
  requestTimeoutMs: 30_000,
  leaseMs: 90_000,
  serverOutdatedRetryMs: 24 * 60 * 60_000,
} as const;

/** Full-jitter backoff: uniform in [0, min(cap, base · 2^attempt)). */
export function backoffDelay(attempt: number, random: () => number): number {
  const ceiling = Math.min(
    SYNC_TIMING.backoffCapMs,
    SYNC_TIMING.backoffBaseMs * 2 ** Math.min(attempt, 30),
  );
  return Math.floor(random() * ceiling);
}
