/**
 * Browser-side helper of the "Needs your attention" test: bundled with esbuild (iife) and injected
 * into the app's page, it connects the app's own database to the test server and runs the app's own
 * sync client (`createSyncClient` with the browser's environment, `src/sync/browser.ts`) when the
 * test says so. Until the app starts the client itself after "Connect to my agency", this is how
 * the page syncs; everything it writes goes through the storage functions.
 */
import { NaptimeDb } from '../../src/storage/db';
import { saveConnection, type SyncConnection } from '../../src/storage/sync-state';
import { browserDeps } from '../../src/sync/browser';
import { createSyncClient, type SyncClient } from '../../src/sync/client';

let db: NaptimeDb | null = null;
let client: SyncClient | null = null;

/** Saves the connection (as enrolment does) and makes the page's sync client. */
async function connect(connection: SyncConnection): Promise<void> {
  db ??= new NaptimeDb();
  await saveConnection(db, connection);
  client = createSyncClient(db, browserDeps(''));
}

/** One sync run (push, then pull); resolves with what the client says about itself. */
async function sync(): Promise<{ state: string; waiting: number }> {
  if (!client || !db) throw new Error('connect first');
  await client.syncNow();
  return { state: client.status.getSnapshot().state.kind, waiting: await db.outbox.count() };
}

/** The ids of the children and notes in the page's database, by name and text. */
async function ids(): Promise<{ children: Record<string, string>; notes: Record<string, string> }> {
  db ??= new NaptimeDb();
  const children = Object.fromEntries(
    (await db.children.toArray()).map((r) => [String(r.data.name), r.id]),
  );
  const notes = Object.fromEntries(
    (await db.observations.toArray()).map((r) => [String(r.data.text), r.id]),
  );
  return { children, notes };
}

const api = { connect, sync, ids };
/** What the test calls through `page.evaluate`. */
export type AttentionSeed = typeof api;

if (typeof window !== 'undefined')
  (window as unknown as { naptimeAttention: AttentionSeed }).naptimeAttention = api;
