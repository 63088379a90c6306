import { describe, expect, it } from 'vitest';
import { OutboxEntrySchema, StoredRecordSchema, SyncErrorSchema } from './envelope';

const HLC = '2026-01-29T19:05:00.000Z-0000-0123456789abcdef';

const stored = {
  id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  data: {
    childIds: ['c1'],
    observedAt: '2026-01-29T13:05:00-06:00',
    text: 'Poured water into the cup',
  },
  schemaVersion: 1,
  hlc: HLC,
  deviceId: null,
  createdAt: '2026-01-29T13:06:12-06:00',
  updatedAt: '2026-01-29T13:06:12-06:00',
  deleted: 0,
  version: 0,
  serverSeq: null,
  syncStatus: 'pending',
};

const entry = {
  seq: 12,
  mutationId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60',
  table: 'observations',
  recordId: stored.id,
  op: 'create',
  baseVersion: 0,
  changedFields: ['childIds', 'observedAt', 'text'],
  hlc: HLC,
  state: 'pending',
  attempts: 0,
};

/** The top-level paths of the issues of a failed parse. */
function failedPaths(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[] }[] };
}): string[] {
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => i.path.map(String).join('.'));
}

describe('StoredRecordSchema', () => {
  it('accepts a record never sent and one the server has accepted', () => {
    expect(StoredRecordSchema.parse(stored)).toEqual(stored);
    const synced = {
      ...stored,
      deviceId: 'dev-1',
      version: 3,
      serverSeq: 41,
      syncStatus: 'synced',
      deleted: 1,
    };
    expect(StoredRecordSchema.parse(synced)).toEqual(synced);
  });

  it('accepts a rejected record with the reason the server gave', () => {
    const syncError = {
      code: 'VALIDATION_FAILED',
      message: 'not valid',
      details: [{ path: 'text', message: 'required' }],
    };
    const rejected = { ...stored, syncStatus: 'rejected', syncError };
    expect(StoredRecordSchema.parse(rejected)).toEqual(rejected);
    expect(StoredRecordSchema.safeParse({ ...stored, syncError: null }).success).toBe(true);
    expect(
      SyncErrorSchema.safeParse({ code: 'FORBIDDEN', message: 'no', details: null }).success,
    ).toBe(true);
    expect(
      failedPaths(StoredRecordSchema.safeParse({ ...stored, syncError: { code: 'X' } })),
    ).toEqual(['syncError.message']);
  });

  it('takes deleted only as 0 or 1 and syncStatus only from its four values', () => {
    expect(failedPaths(StoredRecordSchema.safeParse({ ...stored, deleted: false }))).toEqual([
      'deleted',
    ]);
    expect(failedPaths(StoredRecordSchema.safeParse({ ...stored, deleted: 2 }))).toEqual([
      'deleted',
    ]);
    for (const syncStatus of ['pending', 'synced', 'rejected', 'conflict']) {
      expect(StoredRecordSchema.safeParse({ ...stored, syncStatus }).success).toBe(true);
    }
    expect(
      failedPaths(StoredRecordSchema.safeParse({ ...stored, syncStatus: 'inflight' })),
    ).toEqual(['syncStatus']);
  });

  it('needs dates with an offset, a well-formed hlc and whole versions', () => {
    expect(
      failedPaths(StoredRecordSchema.safeParse({ ...stored, createdAt: '2026-01-29T13:06:12' })),
    ).toEqual(['createdAt']);
    expect(
      failedPaths(StoredRecordSchema.safeParse({ ...stored, updatedAt: 1769713572000 })),
    ).toEqual(['updatedAt']);
    expect(
      failedPaths(StoredRecordSchema.safeParse({ ...stored, hlc: '2026-01-29T19:05:00.000Z' })),
    ).toEqual(['hlc']);
    expect(failedPaths(StoredRecordSchema.safeParse({ ...stored, version: -1 }))).toEqual([
      'version',
    ]);
    expect(failedPaths(StoredRecordSchema.safeParse({ ...stored, serverSeq: 2.5 }))).toEqual([
      'serverSeq',
    ]);
    expect(failedPaths(StoredRecordSchema.safeParse({ ...stored, schemaVersion: 0 }))).toEqual([
      'schemaVersion',
    ]);
  });

  it('needs an id, data as an object and deviceId present (null before enrollment)', () => {
    const { deviceId: _d, ...noDevice } = stored;
    expect(failedPaths(StoredRecordSchema.safeParse(noDevice))).toEqual(['deviceId']);
    expect(failedPaths(StoredRecordSchema.safeParse({ ...stored, id: '' }))).toEqual(['id']);
    expect(failedPaths(StoredRecordSchema.safeParse({ ...stored, data: 'text' }))).toEqual([
      'data',
    ]);
    expect(failedPaths(StoredRecordSchema.safeParse({ ...stored, data: null }))).toEqual(['data']);
  });

  it('keeps fields it does not know, in the envelope and in data', () => {
    const future = { ...stored, pinned: true, data: { ...stored.data, mood: 'happy' } };
    expect(StoredRecordSchema.parse(future)).toEqual(future);
  });
});

describe('OutboxEntrySchema', () => {
  it('accepts an entry waiting to be sent, and one in flight with its frozen payload', () => {
    expect(OutboxEntrySchema.parse(entry)).toEqual(entry);
    const inflight = {
      ...entry,
      state: 'inflight',
      inflightUntil: 1769713662000,
      attempts: 2,
      payload: { mutationId: entry.mutationId },
    };
    expect(OutboxEntrySchema.parse(inflight)).toEqual(inflight);
  });

  it('lets IndexedDB assign seq, so an entry may come without one', () => {
    const { seq: _seq, ...unsaved } = entry;
    expect(OutboxEntrySchema.parse(unsaved)).toEqual(unsaved);
    expect(failedPaths(OutboxEntrySchema.safeParse({ ...entry, seq: 0 }))).toEqual(['seq']);
  });

  it('takes a null baseVersion while its predecessor is in flight, never a negative one', () => {
    expect(OutboxEntrySchema.safeParse({ ...entry, op: 'update', baseVersion: null }).success).toBe(
      true,
    );
    expect(failedPaths(OutboxEntrySchema.safeParse({ ...entry, baseVersion: -1 }))).toEqual([
      'baseVersion',
    ]);
    const { baseVersion: _b, ...noBase } = entry;
    expect(failedPaths(OutboxEntrySchema.safeParse(noBase))).toEqual(['baseVersion']);
  });

  it('takes table, op and state only from their lists', () => {
    for (const table of ['children', 'observations', 'checkins', 'pdsa', 'conflicts']) {
      expect(OutboxEntrySchema.safeParse({ ...entry, table }).success).toBe(true);
    }
    expect(failedPaths(OutboxEntrySchema.safeParse({ ...entry, table: 'drafts' }))).toEqual([
      'table',
    ]);
    expect(failedPaths(OutboxEntrySchema.safeParse({ ...entry, op: 'upsert' }))).toEqual(['op']);
    expect(failedPaths(OutboxEntrySchema.safeParse({ ...entry, state: 'done' }))).toEqual([
      'state',
    ]);
  });

  it('needs a mutation id, a record id, a well-formed hlc, changed fields and a whole attempt count', () => {
    expect(failedPaths(OutboxEntrySchema.safeParse({ ...entry, mutationId: '' }))).toEqual([
      'mutationId',
    ]);
    expect(failedPaths(OutboxEntrySchema.safeParse({ ...entry, recordId: '' }))).toEqual([
      'recordId',
    ]);
    expect(failedPaths(OutboxEntrySchema.safeParse({ ...entry, hlc: 'now' }))).toEqual(['hlc']);
    expect(failedPaths(OutboxEntrySchema.safeParse({ ...entry, changedFields: 'text' }))).toEqual([
      'changedFields',
    ]);
    expect(failedPaths(OutboxEntrySchema.safeParse({ ...entry, attempts: -1 }))).toEqual([
      'attempts',
    ]);
    expect(failedPaths(OutboxEntrySchema.safeParse({ ...entry, attempts: 0.5 }))).toEqual([
      'attempts',
    ]);
  });

  it('keeps fields it does not know', () => {
    expect(OutboxEntrySchema.parse({ ...entry, lastError: 'offline' })).toEqual({
      ...entry,
      lastError: 'offline',
    });
  });
});
