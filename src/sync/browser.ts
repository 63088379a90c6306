/**
 * The entry point the app calls once the device is connected: `startSync(db)` builds the browser's
 * environment for the client (SYNC.md §2) and starts it. The browser's globals are read here only.
 * - Lock: `navigator.locks`, with a 10 s timeout to get it (Safari has shipped locks that were never
 *   released); without it, or when it times out, the run relies on the 90 s lease of entries.
 * - gzip: `CompressionStream` where the browser has it.
 * - Runs after a write: Dexie's `storagemutated` event (it also fires for writes of other tabs).
 */
import Dexie from 'dexie';
import type { NaptimeDb } from '../storage/db';
import { createSyncClient, type SyncClient } from './client';
import type { SyncDeps, SyncLock } from './deps';

const LOCK_WAIT_MS = 10_000;

/** `navigator.locks` with a timeout to acquire; `fn(false)` when it is missing or timed out. */
export function browserLock(locks: LockManager | undefined): SyncLock {
  return async (name, fn) => {
    if (!locks) return fn(false);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), LOCK_WAIT_MS);
    let started = false;
    try {
      return await locks.request(name, { signal: controller.signal }, async () => {
        started = true;
        clearTimeout(timer);
        return fn(true);
      });
    } catch (error) {
      if (started || (error as { name?: string }).name !== 'AbortError') throw error;
      return fn(false);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** gzip through CompressionStream, or undefined where the browser lacks it. */
export function browserGzip(): SyncDeps['gzip'] {
  if (typeof CompressionStream === 'undefined') return undefined;
  return async (bytes) => {
    const stream = new Blob([bytes as BlobPart])
      .stream()
      .pipeThrough(new CompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  };
}

/** The browser's environment for the client. */
export function browserDeps(baseUrl = ''): SyncDeps {
  return {
    baseUrl,
    fetch: (url, init) => fetch(url, init),
    lock: browserLock(typeof navigator !== 'undefined' ? navigator.locks : undefined),
    isOnline: () => (typeof navigator === 'undefined' ? true : navigator.onLine !== false),
    now: () => Date.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    random: () => Math.random(),
    gzip: browserGzip(),
    onWrite: (cb) => {
      const handler = (parts: Record<string, unknown>) => {
        if (Object.keys(parts).some((key) => key.includes('/outbox/'))) cb();
      };
      Dexie.on('storagemutated', handler);
      return () => Dexie.on('storagemutated').unsubscribe(handler);
    },
    onOnline: (cb) => {
      window.addEventListener('online', cb);
      return () => window.removeEventListener('online', cb);
    },
    onVisibilityChange: (cb) => {
      const handler = () => cb(document.visibilityState === 'visible');
      document.addEventListener('visibilitychange', handler);
      return () => document.removeEventListener('visibilitychange', handler);
    },
    isVisible: () => document.visibilityState === 'visible',
  };
}

/** Starts syncing `db` with the browser's environment (or `deps` given by a test) and returns the client. */
export function startSync(db: NaptimeDb, deps: SyncDeps = browserDeps()): SyncClient {
  const client = createSyncClient(db, deps);
  client.start();
  return client;
}
