/**
 * A sliding-window counter per key (SYNC.md §7: 10 failed enrollment attempts per IP in 15 minutes
 * answer 429). In memory: a restart forgives, which is acceptable for a per-IP brake. The clock is
 * injected so that tests need no timers.
 */

export interface RateLimiter {
  /** Milliseconds until `key` may try again, or 0 when it is under the limit. */
  retryAfter(key: string): number;
  /** Counts one failure for `key`. */
  fail(key: string): void;
}

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
  return {
    retryAfter(key) {
      const list = live(key);
      if (list.length < max) return 0;
      return Math.max(1, list[list.length - max]! + windowMs - now());
    },
    fail(key) {
      const list = live(key);
      list.push(now());
      failures.set(key, list);
      // Bounded memory under a flood of distinct keys.
      if (failures.size > 100_000) failures.delete(failures.keys().next().value!);
    },
  };
}
