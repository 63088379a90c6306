/**
 * Test support (not imported by the app): a fresh fake-indexeddb per simulated device and an
 * injected clock, since fake timers hang fake-indexeddb (test/README.md).
 */
import { afterEach } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openNaptimeDb, type NaptimeDb } from './db';

/** A settable clock for `openNaptimeDb({ now })`. */
export interface TestClock {
  now: () => Date;
  set(iso: string): void;
  advance(ms: number): void;
}

/** A clock starting at `iso` that moves only when told. */
export function testClock(iso = '2026-01-29T19:05:00.000Z'): TestClock {
  let t = Date.parse(iso);
  return {
    now: () => new Date(t),
    set: (next) => {
      t = Date.parse(next);
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

/** Opens a database on its own fresh IndexedDB (one simulated device). Close it at the end. */
export function openTestDb(clock: TestClock = testClock()): Promise<NaptimeDb> {
  return openNaptimeDb({
    name: 'naptime-test',
    indexedDB: new IDBFactory(),
    IDBKeyRange,
    now: clock.now,
  });
}

/**
 * For a test file: registers an `afterEach` that closes every database the file's tests opened, and
 * returns the function that opens one (a fresh simulated device each time).
 */
export function useTestDbs(): (clock?: TestClock) => Promise<NaptimeDb> {
  const dbs: NaptimeDb[] = [];
  afterEach(() => {
    for (const db of dbs.splice(0)) db.close();
  });
  return async (clock = testClock()) => {
    const db = await openTestDb(clock);
    dbs.push(db);
    return db;
  };
}
