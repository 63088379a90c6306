/**
 * Sliding-window counters per key, in memory (a restart forgives, which is acceptable for a brake).
 * The clock is injected so that tests need no timers.
 *
 * - Enrollment (SYNC.md §7): 10 failed attempts per IP in 15 minutes answer 429. An attempt is
 *   counted the moment it starts, before the handler's first `await`, and taken back when it
 *   succeeds: counting only after the code was checked let many wrong codes sent at once all be
 *   checked before the first failure was counted.
 * - Push budget (SYNC.md §8): per device, requests per minute and bytes (after decompression) per
 *   hour, so that one device cannot fill the shared disk. Sizes come from the environment
 *   (main.ts).
 */

export interface RateLimiter {
  /** Milliseconds until `key` may try again, or 0 when it is under the limit. */
  retryAfter(key: string): number;
  /** Counts one failure for `key`. */
  fail(key: string): void;
  /**
   * Starts an attempt: when under the limit it is counted now (as a failure until `forgive()`), and
   * `retryAfterMs` is 0; over the limit nothing is counted and `retryAfterMs` says how long to
   * wait.
   */
  attempt(key: string): { retryAfterMs: number; forgive(): void };
}

const MAX_KEYS = 100_000;

/** A limiter allowing `max` failures per `windowMs` per key. */
export function createRateLimiter(max: number, windowMs: number, now: () => number): RateLimiter {
  const failures = new Map<string, number[]>();
  function live(key: string): number[] {
    const t = now();
    const list = (failures.get(key) ?? []).filter((at) => at > t - windowMs);
    if (list.length) failures.set(key, list);
    else failures.delete(key);
    return list;
  }
  function retryAfter(key: string): number {
    const list = live(key);
    if (list.length < max) return 0;
    return Math.max(1, list[list.length - max]! + windowMs - now());
  }
  function fail(key: string): number {
    const list = live(key);
    const at = now();
    list.push(at);
    failures.set(key, list);
    // Bounded memory under a flood of distinct keys.
    if (failures.size > MAX_KEYS) failures.delete(failures.keys().next().value!);
    return at;
  }
  return {
    retryAfter,
    fail(key) {
      fail(key);
    },
    attempt(key) {
      const wait = retryAfter(key);
      if (wait > 0) return { retryAfterMs: wait, forgive() {} };
      const at = fail(key);
      let forgiven = false;
      return {
        retryAfterMs: 0,
        forgive() {
          if (forgiven) return;
          forgiven = true;
          const list = failures.get(key);
          const i = list ? list.lastIndexOf(at) : -1;
          if (i >= 0) list!.splice(i, 1);
        },
      };
    },
  };
}

/** Sizes of the per-device push budget. */
export interface PushBudgetSizes {
  requestsPerMinute: number;
  bytesPerHour: number;
}

/**
 * Generous defaults: a device syncing as SYNC.md §9 says, and the benches, never come near them.
 */
export const DEFAULT_PUSH_BUDGET: PushBudgetSizes = {
  requestsPerMinute: 600,
  bytesPerHour: 512 * 1024 * 1024,
};

/** Amounts spent per key in a sliding window; `spend` answers 0 or the milliseconds to wait. */
function createWindowBudget(max: number, windowMs: number, now: () => number) {
  const spent = new Map<string, [number, number][]>();
  return (key: string, amount: number): number => {
    const t = now();
    const list = (spent.get(key) ?? []).filter(([at]) => at > t - windowMs);
    let total = list.reduce((n, [, a]) => n + a, 0);
    if (total + amount > max && list.length) {
      // Wait until enough of the window has passed for this amount to fit.
      for (const [at, a] of list) {
        total -= a;
        if (total + amount <= max) return Math.max(1, at + windowMs - t);
      }
      return Math.max(1, list[list.length - 1]![0] + windowMs - t);
    }
    list.push([t, amount]);
    spent.set(key, list);
    if (spent.size > MAX_KEYS) spent.delete(spent.keys().next().value!);
    return 0;
  };
}

/** The per-device push budget: a request is charged before its body is read, its bytes after. */
export function createPushBudget(sizes: PushBudgetSizes, now: () => number) {
  const requests = createWindowBudget(sizes.requestsPerMinute, 60_000, now);
  const bytes = createWindowBudget(sizes.bytesPerHour, 3_600_000, now);
  return {
    /** Milliseconds to wait, or 0 (and the request is counted). */
    request: (deviceId: string) => requests(deviceId, 1),
    /** Milliseconds to wait, or 0 (and the bytes are counted). */
    bytes: (deviceId: string, n: number) => bytes(deviceId, n),
  };
}
export type PushBudget = ReturnType<typeof createPushBudget>;
