/**
 * Browser-side helper of the "Needs your attention" test: bundled with esbuild (iife) and injected
 * into the app's page, it connects the app's own database to the test server and runs the app's own
 * sync client (`createSyncClient` with the browser's environment, `src/sync/browser.ts`) when the
 * test says so. Until the app starts the client itself after "Connect to my agency", this is how
 * the page syncs; everything it writes goes through the storage functions.
 */
import { toLocalDateTime } from '../../src/domain/dates';
import { NaptimeDb } from '../../src/storage/db';
import { applyPullPage } from '../../src/storage/pull-apply';
import { newRecordId, saveChild, saveObservation, saveRecord } from '../../src/storage/write';
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

const HLC_OTHER = '2026-11-30T15:00:00.000Z-0000-00000000000000bb';

/**
 * One conflict of each other kind, as a pull brings them (`applyPullPage`): a child's name and
 * birth month, a check-in whose other answers do not fit this one (an invalid merge), a PDSA plan,
 * and a note deleted on the other device while edited here.
 */
async function seedConflicts(week: string): Promise<void> {
  db ??= new NaptimeDb();
  const must = <T extends { ok: boolean }>(r: T): T & { ok: true } => {
    if (!r.ok) throw new Error(`seed save failed: ${JSON.stringify(r)}`);
    return r as T & { ok: true };
  };
  const ana = must(await saveChild(db, { name: 'Ana', birthMonth: '2024-05' })).record.id;
  const checkin = must(
    await saveRecord(db, 'checkins', `checkin-${week}`, {
      week,
      p1: 3,
      p2: 4,
      p4: 3,
      p5: 3,
      p6: 4,
    }),
  ).record.id;
  const pdsa = must(
    await saveRecord(db, 'pdsa', newRecordId(), {
      changeIdeaId: 'nap-notes',
      changeIdea: 'Write one note at nap time',
      cycle: 1,
      purpose: 'test',
      driver: 'observe',
      objective: 'One note a day.',
      questions: [],
      plan: { what: 'A note while they fall asleep', who: 'Me' },
      startDate: '2026-11-30',
    }),
  ).record.id;
  const note = must(
    await saveObservation(db, {
      childIds: [ana],
      observedAt: toLocalDateTime(new Date()),
      text: 'Ana pointed at the bird and said “pío”.',
      area: 'language',
    }),
  ).record.id;
  const conflict = (id: string, data: Record<string, unknown>) => ({
    table: 'conflicts',
    id,
    version: 1,
    serverSeq: 100,
    hlc: HLC_OTHER,
    deviceId: null,
    deleted: 0 as const,
    schemaVersion: 1,
    createdAt: '2026-11-30T09:00:00-06:00',
    updatedAt: '2026-11-30T09:00:00-06:00',
    data: {
      baseVersion: 1,
      resultVersion: 2,
      winner: 'stored',
      incoming: { deviceId: 'other-device', hlc: HLC_OTHER, mutationId: `m-${id}` },
      stored: { deviceId: null, hlc: HLC_OTHER },
      resolvedAt: null,
      resolution: null,
      ...data,
    },
  });
  await applyPullPage(
    db,
    {
      cursor: 'seeded',
      serverHlc: HLC_OTHER,
      changes: [
        conflict('c-child', {
          table: 'children',
          recordId: ana,
          kind: 'fields',
          fields: ['name', 'birthMonth'],
          winning: { name: 'Ana', birthMonth: '2024-05' },
          losing: { name: 'Ana Sofía', birthMonth: '2024-04' },
        }),
        conflict('c-checkin', {
          table: 'checkins',
          recordId: checkin,
          kind: 'invalid-merge',
          fields: ['p4'],
          winning: { p4: 3 },
          losing: { p4: 2 },
        }),
        conflict('c-pdsa', {
          table: 'pdsa',
          recordId: pdsa,
          kind: 'fields',
          fields: ['plan'],
          winning: { plan: { what: 'A note while they fall asleep', who: 'Me' } },
          losing: { plan: { what: 'A note right after nap', who: 'Me', when: 'Every day at 2' } },
        }),
        conflict('c-delete', {
          table: 'observations',
          recordId: note,
          kind: 'delete-edit',
          fields: [],
          winning: { deleted: 0 },
          losing: { deleted: 1 },
        }),
      ],
    },
    Date.now(),
  );
}

/**
 * A note the server refused that this build cannot read (its text a number, a field from a newer
 * build), written as a row the way a newer build or the push response would have left it.
 */
async function seedUnreadableRejected(): Promise<string> {
  db ??= new NaptimeDb();
  const id = newRecordId();
  const now = toLocalDateTime(new Date());
  await db.observations.put({
    id,
    data: { text: 42, observedAt: now, mood: 'sunny' },
    schemaVersion: 1,
    hlc: '2026-01-29T19:05:00.000Z-0000-00000000000000aa',
    deviceId: 'device-a',
    createdAt: now,
    updatedAt: now,
    deleted: 0,
    version: 0,
    serverSeq: null,
    syncStatus: 'rejected',
    syncError: {
      code: 'VALIDATION_FAILED',
      message: 'text: expected string',
      details: [{ path: 'data.text', message: 'wrong-type' }],
    },
  } as never);
  return id;
}

const api = { connect, sync, ids, seedConflicts, seedUnreadableRejected };
/** What the test calls through `page.evaluate`. */
export type AttentionSeed = typeof api;

if (typeof window !== 'undefined')
  (window as unknown as { naptimeAttention: AttentionSeed }).naptimeAttention = api;
