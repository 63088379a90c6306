import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { NaptimeDb } from './db';
import { openTestDb } from './testing';
import { newRecordId, saveRecord } from './write';

const dbs: NaptimeDb[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

describe('NaptimeDb', () => {
  it('has the stores and indexes sync and the lists need', async () => {
    const db = await openTestDb();
    dbs.push(db);
    const indexes = (name: string) => db.table(name).schema.indexes.map((i) => i.name);
    for (const table of ['children', 'observations', 'checkins', 'pdsa', 'conflicts']) {
      expect(db.table(table).schema.primKey.keyPath).toBe('id');
      expect(indexes(table)).toEqual(expect.arrayContaining(['syncStatus', 'deleted']));
    }
    expect(indexes('observations')).toEqual(
      expect.arrayContaining(['data.observedAt', 'data.childIds', '[deleted+week+observedMs]']),
    );
    expect(db.observations.schema.idxByName['data.childIds']?.multi).toBe(true);
    expect(db.outbox.schema.primKey).toMatchObject({ name: 'seq', auto: true });
    expect(db.outbox.schema.idxByName.mutationId?.unique).toBe(true);
    expect(indexes('outbox')).toEqual(expect.arrayContaining(['[table+recordId]', 'state']));
    for (const table of ['drafts', 'meta', 'settings'])
      expect(db.table(table).schema.primKey.keyPath).toBe('key');
  });

  it('opens every write transaction with strict durability', async () => {
    const db = new NaptimeDb({ name: 'durability', indexedDB: new IDBFactory(), IDBKeyRange });
    const seen: unknown[] = [];
    // Sits above Dexie's IndexedDB adapter, which hands these options to IDBDatabase.transaction.
    db.use({
      stack: 'dbcore',
      name: 'spy',
      create: (down) => ({
        ...down,
        transaction: (stores, mode, options) => {
          if (mode === 'readwrite') seen.push(options?.durability);
          return down.transaction(stores, mode, options);
        },
      }),
    });
    await db.open();
    dbs.push(db);
    await saveRecord(db, 'observations', newRecordId(), {
      childIds: ['c1'],
      observedAt: '2026-01-29T13:05:00-06:00',
      text: 'x',
    });
    expect(seen).toEqual(['strict']);
  });
});
