/**
 * The one sync client of the app (SYNC.md §9), started once the device is connected. The client
 * and its code are loaded with a dynamic import after the first paint, so the first screen does
 * not grow (DESIGN.md "Architecture"). Its status store becomes the `syncStatus` signal here, its
 * only writer (src/README.md 5).
 */
import type { NaptimeDb } from '../storage/db';
import type { SyncClient } from '../sync/client';
import type { EnrollDeps } from '../sync/enroll';
import type { SyncSnapshot } from '../sync/status';
import { syncStatus } from './state';

let client: SyncClient | null = null;
let unsubscribe: (() => void) | null = null;
let starting: Promise<void> | null = null;

/** The base URL for requests: '' for the page's own origin, so nothing depends on CORS there. */
export function baseUrlFor(serverUrl: string | undefined): string {
  if (!serverUrl) return '';
  return serverUrl === window.location.origin ? '' : serverUrl.replace(/\/+$/, '');
}

/** The browser's environment for enrollment requests to `serverUrl`. */
export async function enrollDeps(serverUrl: string): Promise<EnrollDeps> {
  const { browserDeps } = await import('./sync-start');
  return browserDeps(baseUrlFor(serverUrl));
}

/** Stops the running client, if any; the status goes back to "no client". */
export function stopSync(): void {
  client?.stop();
  unsubscribe?.();
  client = null;
  unsubscribe = null;
  syncStatus.value = null;
}

/**
 * Starts (or restarts) the client when the device is connected; does nothing otherwise. Also
 * revokes tokens left from a disconnect made while the server could not be reached.
 */
export function startSyncIfConnected(db: NaptimeDb): Promise<void> {
  const run = async () => {
    const { startSync, browserDeps, revokeLeftovers, getConnection } = await import('./sync-start');
    void revokeLeftovers(db, (url) => browserDeps(baseUrlFor(url))).catch(() => undefined);
    const conn = await getConnection(db);
    stopSync();
    if (!conn) return;
    const next = startSync(db, browserDeps(baseUrlFor(conn.serverUrl)));
    client = next;
    unsubscribe = next.status.subscribe(() => {
      if (client === next) syncStatus.value = next.status.getSnapshot();
    });
    syncStatus.value = next.status.getSnapshot();
  };
  // One start at a time: a second call waits for the first, then starts again.
  const previous = starting ?? Promise.resolve();
  const mine = previous.then(run, run).finally(() => {
    if (starting === mine) starting = null;
  });
  starting = mine;
  return mine;
}

/** "Sync now": a run right away; resolves when it is over (at once when no client runs). */
export async function syncNow(): Promise<void> {
  await starting;
  await client?.syncNow();
}

/** The running client's last status, once any run in progress is over (for "hand this tablet on"). */
export async function settledStatus(): Promise<SyncSnapshot | null> {
  await starting;
  if (!client) return null;
  await client.idle();
  return client.status.getSnapshot();
}
