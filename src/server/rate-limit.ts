/**
 * Rate limits as sliding windows over a repository's `spendWindow` (repository.ts), so that every
 * server process sharing a database counts against one budget. The SQLite repository keeps its
 * windows in memory (`createMemoryWindows`: one process; a restart forgives, which is acceptable
 * for a brake); PostgreSQL keeps them in the database. The clock is injected so that tests need no
 * timers.
 *
 * - Enrollment (SYNC.md §7): 10 failed attempts per IP in 15 minutes answer 429. An attempt is
 *   charged the moment it starts, before the code is checked, and refunded when it succeeds:
 *   counting only after the code was checked let many wrong codes sent at once all be checked
 *   before the first failure was counted. The charge is atomic, so concurrent attempts never all
 *   slip under the limit.
 * - Push budget (SYNC.md §8): per device, requests per minute and bytes (after decompression) per
 *   hour, so that one device cannot fill the shared disk. Sizes come from the environment
 *   (main.ts).
 */
import type { Repository, WindowCharge } from './repository';

type Windows = Pick<Repository, 'spendWindow'>;

export interface RateLimiter {
  /**
   * Starts an attempt: when under the limit it is counted now (as a failure until `forgive()`), and
   * `retryAfterMs` is 0; over the limit nothing is counted and `retryAfterMs` says how long to
   * wait.
   */
  attempt(key: string): Promise<{ retryAfterMs: number; forgive(): Promise<void> }>;
}

const MAX_KEYS = 100_000;

/** Sliding windows in this process's memory (the SQLite repository's `spendWindow`). */
export function createMemoryWindows(): Windows['spendWindow'] {
  const spent = new Map<string, { at: number; amount: number }[]>();
  return async (key, amount, max, windowMs, t): Promise<WindowCharge> => {
    const list = (spent.get(key) ?? []).filter(({ at }) => at > t - windowMs);
    let total = list.reduce((n, e) => n + e.amount, 0);
    if (total + amount > max && list.length) {
      spent.set(key, list);
      // Wait until enough of the window has passed for this amount to fit.
      for (const e of list) {
        total -= e.amount;
        if (total + amount <= max)
          return { waitMs: Math.max(1, e.at + windowMs - t), refund: async () => undefined };
      }
      return {
        waitMs: Math.max(1, list[list.length - 1]!.at + windowMs - t),
        refund: async () => undefined,
      };
    }
    const entry = { at: t, amount };
    list.push(entry);
    spent.set(key, list);
    // Bounded memory under a flood of distinct keys.
    if (spent.size > MAX_KEYS) spent.delete(spent.keys().next().value!);
    return {
      waitMs: 0,
      async refund() {
        const current = spent.get(key);
        const i = current ? current.indexOf(entry) : -1;
        if (i >= 0) current!.splice(i, 1);
      },
    };
  };
}

/** A limiter allowing `max` failures per `windowMs` per key. */
export function createRateLimiter(
  windows: Windows,
  name: string,
  max: number,
  windowMs: number,
  now: () => number,
): RateLimiter {
  return {
    async attempt(key) {
      const charge = await windows.spendWindow(`${name}:${key}`, 1, max, windowMs, now());
      return { retryAfterMs: charge.waitMs, forgive: () => charge.refund() };
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

/** The per-device push budget: a request is charged before its body is read, its bytes after. */
export function createPushBudget(windows: Windows, sizes: PushBudgetSizes, now: () => number) {
  const spend = async (key: string, amount: number, max: number, windowMs: number) =>
    (await windows.spendWindow(key, amount, max, windowMs, now())).waitMs;
  return {
    /** Milliseconds to wait, or 0 (and the request is counted). */
    request: (deviceId: string) =>
      spend(`push-requests:${deviceId}`, 1, sizes.requestsPerMinute, 60_000),
    /** Milliseconds to wait, or 0 (and the bytes are counted). */
    bytes: (deviceId: string, n: number) =>
      spend(`push-bytes:${deviceId}`, n, sizes.bytesPerHour, 3_600_000),
  };
}
export type PushBudget = ReturnType<typeof createPushBudget>;
