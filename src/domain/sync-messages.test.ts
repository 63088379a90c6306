import { describe, expect, it } from 'vitest';
import {
  EnrollRequestSchema,
  EnrollResponseSchema,
  MutationResultSchema,
  MutationSchema,
  PullRequestSchema,
  PullResponseSchema,
  PushRequestSchema,
  PushResponseSchema,
} from './sync-messages';

const HLC = '2026-11-26T19:05:00.000Z-0000-0123456789abcdef';
const SERVER_HLC = '2026-11-26T19:05:01.000Z-0003-fedcba9876543210';

const create = {
  mutationId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  deviceSeq: 1042,
  table: 'observations',
  op: 'create',
  id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
  baseVersion: 0,
  hlc: HLC,
  schemaVersion: 1,
  createdAt: '2026-11-26T13:05:00-06:00',
  deleted: 0,
  data: { childIds: ['c1'], observedAt: '2026-11-26T13:05:00-06:00', text: 'Climbed the step' },
};
const update = {
  mutationId: 'm-update',
  deviceSeq: 1043,
  table: 'checkins',
  op: 'update',
  id: 'checkin-2026-W05',
  baseVersion: 3,
  hlc: HLC,
  schemaVersion: 1,
  data: { p3: 4, p5: null },
};
const del = {
  mutationId: 'm-delete',
  table: 'observations',
  op: 'delete',
  id: create.id,
  baseVersion: 2,
  hlc: HLC,
  schemaVersion: 1,
  deleted: 1,
};

const record = {
  table: 'checkins',
  id: 'checkin-2026-W05',
  version: 4,
  serverSeq: 17,
  hlc: SERVER_HLC,
  deviceId: 'dev-1',
  deleted: 0,
  schemaVersion: 1,
  createdAt: '2026-02-02T09:00:00-06:00',
  updatedAt: '2026-11-26T13:05:01-06:00',
  data: { week: '2026-W05', p3: 4 },
};
const written = { version: 4, serverSeq: 17, hlc: SERVER_HLC };
const applied = { mutationId: 'm-1', status: 'applied', ...written };
const rejected = {
  mutationId: 'm-5',
  status: 'rejected',
  code: 'VALIDATION_FAILED',
  message: 'The record is not valid.',
  details: [{ path: 'text', message: 'required' }],
  quarantineId: 'q-1',
};

/** The paths of the issues of a failed parse ('' for the root). */
function failedPaths(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[] }[] };
}): string[] {
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => i.path.map(String).join('.'));
}

describe('PushRequestSchema', () => {
  const body = { protocol: 1, deviceId: 'dev-1', clientHlc: HLC, mutations: [create, update] };

  it('accepts a push body and keeps every mutation whole, unknown fields included', () => {
    const parsed = PushRequestSchema.parse({ ...body, extra: true });
    expect(parsed.mutations).toEqual([create, update]);
    expect(parsed).toMatchObject({ extra: true });
  });

  it('leaves every other problem of a mutation to that mutation', () => {
    const odd = { mutationId: 'm-odd', op: 'explode', hlc: 'yesterday' };
    expect(PushRequestSchema.parse({ ...body, mutations: [odd] }).mutations).toEqual([odd]);
    expect(PushRequestSchema.safeParse({ ...body, mutations: [] }).success).toBe(true);
    expect(PushRequestSchema.safeParse({ ...body, clientHlc: null }).success).toBe(true);
  });

  it('refuses a body that is not an object', () => {
    for (const notObject of [null, 'push', 42, [body], true]) {
      expect(PushRequestSchema.safeParse(notObject).success, JSON.stringify(notObject)).toBe(false);
    }
  });

  it('refuses a body without protocol, deviceId or a mutations array', () => {
    const { protocol: _p, ...noProtocol } = body;
    const { deviceId: _d, ...noDevice } = body;
    const { mutations: _m, ...noMutations } = body;
    expect(failedPaths(PushRequestSchema.safeParse(noProtocol))).toEqual(['protocol']);
    expect(failedPaths(PushRequestSchema.safeParse(noDevice))).toEqual(['deviceId']);
    expect(failedPaths(PushRequestSchema.safeParse(noMutations))).toEqual(['mutations']);
    expect(failedPaths(PushRequestSchema.safeParse({ ...body, mutations: { 0: create } }))).toEqual(
      ['mutations'],
    );
    expect(failedPaths(PushRequestSchema.safeParse({ ...body, protocol: '1' }))).toEqual([
      'protocol',
    ]);
  });

  it('refuses a mutation that is not an object with a string mutationId', () => {
    expect(
      failedPaths(PushRequestSchema.safeParse({ ...body, mutations: [create, null] })),
    ).toEqual(['mutations.1']);
    expect(failedPaths(PushRequestSchema.safeParse({ ...body, mutations: ['m-1'] }))).toEqual([
      'mutations.0',
    ]);
    expect(
      failedPaths(
        PushRequestSchema.safeParse({ ...body, mutations: [{ ...update, mutationId: 7 }] }),
      ),
    ).toEqual(['mutations.0.mutationId']);
    const { mutationId: _id, ...noId } = update;
    expect(failedPaths(PushRequestSchema.safeParse({ ...body, mutations: [noId] }))).toEqual([
      'mutations.0.mutationId',
    ]);
  });
});

describe('MutationSchema', () => {
  it('accepts a create, an update and a delete as SYNC.md shows them', () => {
    expect(MutationSchema.parse(create)).toEqual(create);
    expect(MutationSchema.parse(update)).toEqual(update);
    expect(MutationSchema.parse(del)).toEqual(del);
    expect(MutationSchema.safeParse({ ...update, deleted: 0, data: {} }).success).toBe(true);
  });

  it('requires createdAt, deleted and data on a create', () => {
    const { createdAt: _c, deleted: _d, data: _data, ...bare } = create;
    expect(failedPaths(MutationSchema.safeParse(bare))).toEqual(['createdAt', 'deleted', 'data']);
    expect(failedPaths(MutationSchema.safeParse({ ...create, createdAt: null }))).toEqual([
      'createdAt',
    ]);
    expect(failedPaths(MutationSchema.safeParse({ ...create, deleted: null }))).toEqual([
      'deleted',
    ]);
    expect(
      failedPaths(MutationSchema.safeParse({ ...create, createdAt: '2026-11-26T13:05:00' })),
    ).toEqual(['createdAt']);
    expect(MutationSchema.safeParse({ ...create, deleted: 1 }).success).toBe(true);
  });

  it('refuses data on a delete, and takes deleted only as 0 or 1', () => {
    expect(failedPaths(MutationSchema.safeParse({ ...del, data: { text: 'x' } }))).toEqual([
      'data',
    ]);
    expect(MutationSchema.safeParse({ ...del, data: {} }).success).toBe(true);
    expect(MutationSchema.safeParse({ ...del, data: null }).success).toBe(true);
    expect(failedPaths(MutationSchema.safeParse({ ...del, deleted: true }))).toEqual(['deleted']);
    expect(failedPaths(MutationSchema.safeParse({ ...del, deleted: 2 }))).toEqual(['deleted']);
  });

  it('requires a well-formed hlc', () => {
    for (const hlc of [
      '',
      '2026-11-26T19:05:00Z',
      '2026-11-26T19:05:00.000Z-0000-0123456789ABCDEF',
      HLC.slice(0, -1),
    ]) {
      expect(failedPaths(MutationSchema.safeParse({ ...update, hlc })), hlc).toEqual(['hlc']);
    }
  });

  it('requires a whole baseVersion of at least 0', () => {
    expect(MutationSchema.safeParse({ ...update, baseVersion: 0 }).success).toBe(true);
    expect(failedPaths(MutationSchema.safeParse({ ...update, baseVersion: -1 }))).toEqual([
      'baseVersion',
    ]);
    expect(failedPaths(MutationSchema.safeParse({ ...update, baseVersion: 1.5 }))).toEqual([
      'baseVersion',
    ]);
    expect(failedPaths(MutationSchema.safeParse({ ...update, baseVersion: null }))).toEqual([
      'baseVersion',
    ]);
  });

  it('refuses an unknown op, a missing id and a schemaVersion below 1', () => {
    expect(failedPaths(MutationSchema.safeParse({ ...update, op: 'upsert' }))).toEqual(['op']);
    expect(failedPaths(MutationSchema.safeParse({ ...update, id: '' }))).toEqual(['id']);
    expect(failedPaths(MutationSchema.safeParse({ ...update, schemaVersion: 0 }))).toEqual([
      'schemaVersion',
    ]);
    expect(failedPaths(MutationSchema.safeParse({ ...update, data: ['p3'] }))).toEqual(['data']);
  });

  it('keeps fields it does not know', () => {
    expect(MutationSchema.parse({ ...update, changedFields: ['p3', 'p5'] })).toMatchObject({
      changedFields: ['p3', 'p5'],
    });
  });
});

describe('MutationResultSchema', () => {
  it('parses an applied result', () => {
    expect(MutationResultSchema.parse(applied)).toEqual(applied);
    expect(failedPaths(MutationResultSchema.safeParse({ ...applied, hlc: 'later' }))).toEqual([
      'hlc',
    ]);
  });

  it('parses a merged result only with its full record', () => {
    const merged = { mutationId: 'm-2', status: 'merged', ...written, record };
    expect(MutationResultSchema.parse(merged)).toEqual(merged);
    expect(failedPaths(MutationResultSchema.safeParse({ ...merged, record: undefined }))).toEqual([
      'record',
    ]);
    expect(
      failedPaths(
        MutationResultSchema.safeParse({ ...merged, record: { ...record, deleted: false } }),
      ),
    ).toEqual(['record.deleted']);
  });

  it('parses a conflict result with its record, conflict id and conflict record', () => {
    const conflictRecord = {
      ...record,
      table: 'conflicts',
      id: 'cf-1',
      version: 1,
      data: { kind: 'fields' },
    };
    const conflict = {
      mutationId: 'm-3',
      status: 'conflict',
      ...written,
      record,
      conflictId: 'cf-1',
      conflict: conflictRecord,
    };
    expect(MutationResultSchema.parse(conflict)).toEqual(conflict);
    expect(
      failedPaths(MutationResultSchema.safeParse({ ...conflict, conflictId: undefined })),
    ).toEqual(['conflictId']);
  });

  it('parses a duplicate with the original result it stands for', () => {
    const duplicate = { mutationId: 'm-1', status: 'duplicate', original: applied };
    expect(MutationResultSchema.parse(duplicate)).toEqual(duplicate);
    expect(MutationResultSchema.parse({ ...duplicate, original: rejected })).toEqual({
      ...duplicate,
      original: rejected,
    });
    expect(
      failedPaths(MutationResultSchema.safeParse({ mutationId: 'm-1', status: 'duplicate' })),
    ).toEqual(['original']);
    // A duplicate never wraps another duplicate: the stored result is always terminal.
    expect(MutationResultSchema.safeParse({ ...duplicate, original: duplicate }).success).toBe(
      false,
    );
  });

  it('parses a rejected result with one of the four codes', () => {
    expect(MutationResultSchema.parse(rejected)).toEqual(rejected);
    for (const code of ['FORBIDDEN', 'UNKNOWN_TABLE', 'RECORD_TOO_LARGE']) {
      expect(MutationResultSchema.safeParse({ ...rejected, code }).success).toBe(true);
    }
    expect(
      failedPaths(MutationResultSchema.safeParse({ ...rejected, code: 'BAD_REQUEST' })),
    ).toEqual(['code']);
    expect(
      failedPaths(MutationResultSchema.safeParse({ ...rejected, quarantineId: undefined })),
    ).toEqual(['quarantineId']);
  });

  it('refuses an unknown status', () => {
    expect(MutationResultSchema.safeParse({ ...applied, status: 'pending' }).success).toBe(false);
  });

  it('is read inside a push response with the server hlc and clock warnings', () => {
    const response = {
      results: [applied, rejected],
      serverHlc: SERVER_HLC,
      warnings: [
        {
          code: 'CLOCK_AHEAD',
          mutationId: 'm-1',
          clientHlc: '2026-12-03T19:05:00.000Z-0000-0123456789abcdef',
          hlc: SERVER_HLC,
        },
      ],
    };
    expect(PushResponseSchema.parse(response)).toEqual(response);
    expect(
      failedPaths(
        PushResponseSchema.safeParse({
          ...response,
          warnings: [{ ...response.warnings[0], code: 'SLOW' }],
        }),
      ),
    ).toEqual(['warnings.0.code']);
  });
});

describe('PullRequestSchema', () => {
  const pull = { protocol: 1, deviceId: 'dev-1', cursor: null, limit: 500 };

  it('takes a null cursor or a string one, and an optional limit', () => {
    expect(PullRequestSchema.parse(pull)).toEqual(pull);
    expect(PullRequestSchema.parse({ ...pull, cursor: 'opaque.signed' }).cursor).toBe(
      'opaque.signed',
    );
    expect(
      PullRequestSchema.safeParse({ protocol: 1, deviceId: 'dev-1', cursor: 'c' }).success,
    ).toBe(true);
  });

  it('refuses a cursor that is neither null nor a string', () => {
    for (const cursor of [undefined, 5, {}, ['c'], true]) {
      expect(failedPaths(PullRequestSchema.safeParse({ ...pull, cursor })), String(cursor)).toEqual(
        ['cursor'],
      );
    }
  });

  it('refuses a body without protocol or deviceId, or that is not an object', () => {
    expect(failedPaths(PullRequestSchema.safeParse({ deviceId: 'dev-1', cursor: null }))).toEqual([
      'protocol',
    ]);
    expect(failedPaths(PullRequestSchema.safeParse({ protocol: 1, cursor: null }))).toEqual([
      'deviceId',
    ]);
    expect(PullRequestSchema.safeParse('pull').success).toBe(false);
    expect(PullRequestSchema.safeParse(null).success).toBe(false);
  });
});

describe('PullResponseSchema', () => {
  it('parses a page of changes', () => {
    const page = {
      changes: [record, { ...record, id: 'checkin-2026-W06', deleted: 1 }],
      cursor: 'c2',
      hasMore: true,
      serverHlc: SERVER_HLC,
    };
    expect(PullResponseSchema.parse(page)).toEqual(page);
    expect(
      PullResponseSchema.safeParse({
        changes: [],
        cursor: 'c3',
        hasMore: false,
        serverHlc: SERVER_HLC,
      }).success,
    ).toBe(true);
  });

  it('parses a reset', () => {
    expect(PullResponseSchema.parse({ reset: true })).toEqual({ reset: true });
    expect(PullResponseSchema.safeParse({ reset: false }).success).toBe(false);
  });

  it('refuses a page missing its cursor or with a malformed row', () => {
    expect(
      PullResponseSchema.safeParse({ changes: [], hasMore: false, serverHlc: SERVER_HLC }).success,
    ).toBe(false);
    expect(
      PullResponseSchema.safeParse({
        changes: [{ ...record, version: -1 }],
        cursor: 'c',
        hasMore: false,
        serverHlc: SERVER_HLC,
      }).success,
    ).toBe(false);
    expect(
      PullResponseSchema.safeParse({
        changes: [{ ...record, hlc: 'x' }],
        cursor: 'c',
        hasMore: false,
        serverHlc: SERVER_HLC,
      }).success,
    ).toBe(false);
  });
});

describe('EnrollRequestSchema', () => {
  it('takes a code and a device name, trimming the name', () => {
    expect(
      EnrollRequestSchema.parse({ code: 'ABCD-EFGHJK', deviceName: '  Kitchen tablet ' }),
    ).toEqual({
      code: 'ABCD-EFGHJK',
      deviceName: 'Kitchen tablet',
    });
  });

  it('refuses an empty code, a blank name or a name over 100 characters', () => {
    expect(failedPaths(EnrollRequestSchema.safeParse({ code: '', deviceName: 'Tablet' }))).toEqual([
      'code',
    ]);
    expect(
      failedPaths(EnrollRequestSchema.safeParse({ code: 'ABCD-EFGHJK', deviceName: '   ' })),
    ).toEqual(['deviceName']);
    expect(
      failedPaths(
        EnrollRequestSchema.safeParse({ code: 'ABCD-EFGHJK', deviceName: 'x'.repeat(101) }),
      ),
    ).toEqual(['deviceName']);
    expect(failedPaths(EnrollRequestSchema.safeParse({ deviceName: 'Tablet' }))).toEqual(['code']);
  });
});

describe('EnrollResponseSchema', () => {
  const response = {
    deviceId: 'dev-1',
    deviceToken: 'tok',
    providerId: 'prov-1',
    providerName: 'Rosa',
    agencyId: 'ag-1',
    agencyName: 'Early Head Start North',
    serverHlc: SERVER_HLC,
  };

  it('parses the enrollment answer', () => {
    expect(EnrollResponseSchema.parse(response)).toEqual(response);
  });

  it('refuses an answer missing the token or with a malformed server hlc', () => {
    const { deviceToken: _t, ...noToken } = response;
    expect(failedPaths(EnrollResponseSchema.safeParse(noToken))).toEqual(['deviceToken']);
    expect(failedPaths(EnrollResponseSchema.safeParse({ ...response, serverHlc: 'now' }))).toEqual([
      'serverHlc',
    ]);
  });
});
