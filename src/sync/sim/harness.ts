/**
 * Test support for the sync client (not imported by the app): a virtual clock with timers, an
 * in-memory lock per device, and a device (its own IndexedDB factory, SYNC.md §2 test/README.md)
 * whose client talks to a real server app through `app.fetch` — no sockets, no fake timers.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openNaptimeDb, type NaptimeDb } from '../../storage/db';
import { saveConnection } from '../../storage/sync-state';
import { createSyncClient, type SyncClient } from '../client';
import type { SyncDeps, SyncLock } from '../deps';

/** Virtual time shared by every simulated device; timers fire only when `advance` is called. */
export class VirtualTime {
  now = Date.parse('2026-11-26T12:00:00.000Z');
  private seq = 0;
  private timers = new Map<number, { at: number; order: number; fn: () => void }>();

  setTimeout = (fn: () => void, ms: number): number => {
    const id = ++this.seq;
    this.timers.set(id, { at: this.now + Math.max(0, ms), order: id, fn });
    return id;
  };

  clearTimeout = (handle: unknown): void => {
    this.timers.delete(handle as number);
  };

  /** The time of the next timer, or null. */
  nextAt(): number | null {
    let best: number | null = null;
    for (const t of this.timers.values()) if (best === null || t.at < best) best = t.at;
    return best;
  }

  /** Moves time forward by `ms`, firing due timers in order; returns how many fired. */
  advance(ms: number): number {
    const end = this.now + ms;
    let fired = 0;
    for (;;) {
      let next: [number, { at: number; order: number; fn: () => void }] | null = null;
      for (const entry of this.timers) {
        if (entry[1].at > end) continue;
        if (
          !next ||
          entry[1].at < next[1].at ||
          (entry[1].at === next[1].at && entry[1].order < next[1].order)
        )
          next = entry;
      }
      if (!next) break;
      this.timers.delete(next[0]);
      this.now = Math.max(this.now, next[1].at);
      next[1].fn();
      fired += 1;
    }
    this.now = end;
    return fired;
  }
}

/** A lock shared by the tabs of one device; counts how many holders overlap (SYNC.md §11.7). */
export function memoryLock(): SyncLock & { maxHolders: number } {
  let tail: Promise<unknown> = Promise.resolve();
  const lock = (async <T>(_name: string, fn: (held: boolean) => Promise<T>): Promise<T> => {
    const previous = tail;
    let release!: () => void;
    tail = new Promise<void>((ok) => (release = ok));
    await previous;
    try {
      return await fn(true);
    } finally {
      release();
    }
  }) as SyncLock & { maxHolders: number };
  lock.maxHolders = 0;
  return lock;
}

/** Something that answers HTTP like the server app (`app.fetch`). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** A fetch to an in-process app: `app.request` with a Request, never a socket. */
export function appFetch(
  getApp: () => { request: (input: Request) => Response | Promise<Response> },
): FetchLike {
  return async (url, init) => {
    const { signal: _signal, ...rest } = init;
    return getApp().request(new Request(`http://naptime.test${url}`, rest));
  };
}

/** gzip for Node tests through the platform's CompressionStream. */
export async function nodeGzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Dependencies for a test client on virtual time. */
export function testDeps(
  time: VirtualTime,
  fetch: FetchLike,
  over: Partial<SyncDeps> = {},
): SyncDeps {
  return {
    baseUrl: '',
    fetch,
    lock: memoryLock(),
    isOnline: () => true,
    now: () => time.now,
    setTimeout: time.setTimeout,
    clearTimeout: time.clearTimeout,
    random: () => 0.5,
    ...over,
  };
}

/** A simulated device: its own IndexedDB factory, database and connection. */
export interface TestDevice {
  factory: IDBFactory;
  db: NaptimeDb;
  client: SyncClient;
  close(): void;
}

/** Opens a database on `factory` whose clock is `now()` (plus a skew). */
export function openDeviceDb(factory: IDBFactory, now: () => number): Promise<NaptimeDb> {
  return openNaptimeDb({
    name: 'naptime',
    indexedDB: factory,
    IDBKeyRange,
    now: () => new Date(now()),
  });
}

/** A connected device with a client that is not started (tests call `syncNow`). */
export async function connectedDevice(
  time: VirtualTime,
  fetch: FetchLike,
  enrolled: { deviceId: string; token: string; providerId: string },
  over: Partial<SyncDeps> = {},
): Promise<TestDevice> {
  const factory = new IDBFactory();
  const db = await openDeviceDb(factory, () => time.now);
  await saveConnection(db, {
    deviceId: enrolled.deviceId,
    deviceToken: enrolled.token,
    providerId: enrolled.providerId,
  });
  const client = createSyncClient(db, testDeps(time, fetch, over));
  return {
    factory,
    db,
    client,
    close() {
      client.stop();
      db.close();
    },
  };
}
