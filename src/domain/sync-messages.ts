/**
 * The messages of sync protocol v1 (SYNC.md §3, §6, §7, §8), shared by the device and the server so
 * that no check is written twice. Outer shapes decide 400 BAD_REQUEST; each mutation is then checked
 * on its own so that one bad record is one `rejected` result and never blocks the others.
 */
import { z } from 'zod/mini';
import { LocalDateTimeSchema } from './dates';
import { HlcSchema } from './hlc';
import { isJsonObject, MAX_JSON_DEPTH, nestsDeeperThan } from './json-bounds';

export const PROTOCOL_VERSION = 1;
export const MIN_PROTOCOL_VERSION = 1;

export const LIMITS = {
  pushBodyBytes: 1024 * 1024,
  pushMutations: 500,
  smallBodyBytes: 64 * 1024,
  recordDataBytes: 64 * 1024,
  pullDefault: 500,
  pullMax: 1000,
  pullPageBytes: 1024 * 1024,
  clockAheadMs: 10 * 60 * 1000,
  /** A request body that has not arrived in full after this long answers 408 (SYNC.md §8). */
  bodyTimeoutMs: 30 * 1000,
  maxJsonDepth: MAX_JSON_DEPTH,
} as const;

/**
 * The page size a pull asks for, clamped to 1..pullMax (SYNC.md §6). Choice: any value is accepted
 * and clamped, never a 400: a non-number or NaN is the default, +Infinity the maximum, -Infinity 1.
 */
export function clampPullLimit(limit: unknown): number {
  if (typeof limit !== 'number' || Number.isNaN(limit)) return LIMITS.pullDefault;
  return Math.min(LIMITS.pullMax, Math.max(1, Math.trunc(limit)));
}

/** Stable error codes of HTTP answers (SYNC.md §8). */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'DEVICE_REVOKED',
  'ENROLLMENT_CODE_INVALID',
  'NOT_FOUND',
  'PAYLOAD_TOO_LARGE',
  'UPGRADE_REQUIRED',
  'PROTOCOL_UNSUPPORTED',
  'RATE_LIMITED',
  'REQUEST_TIMEOUT',
  'STORAGE_FULL',
  // A token of the wrong kind, or a staff role a read route does not serve (SYNC.md §17).
  'FORBIDDEN',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorBodySchema = z.object({
  error: z.looseObject({
    code: z.string(),
    message: z.string(),
    retryAfterMs: z.optional(z.number()),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** Codes of a `rejected` mutation result. */
export const REJECT_CODES = [
  'VALIDATION_FAILED',
  'FORBIDDEN',
  'UNKNOWN_TABLE',
  'RECORD_TOO_LARGE',
] as const;
export type RejectCode = (typeof REJECT_CODES)[number];

/**
 * The outer push body: what decides 400 BAD_REQUEST. `clientHlc` is informational (the server
 * trusts only the mutations' HLCs), so any value is accepted and none is a reason for a 400.
 */
export const PushRequestSchema = z.looseObject({
  protocol: z.number(),
  deviceId: z.string(),
  clientHlc: z.optional(z.unknown()),
  mutations: z.array(z.looseObject({ mutationId: z.string() })),
});

const Deleted = z.union([z.literal(0), z.literal(1)]);

/**
 * A record's data: any JSON object, passed through as the very object parsed (zod would rebuild it
 * by assignment and silently drop an own `__proto__` key; SYNC.md §3 step 5 says fields are kept,
 * never stripped). The table's own schema checks the fields later.
 */
const DataSchema = z.custom<Record<string, unknown>>(isJsonObject, 'must be a JSON object');

/** One mutation, checked on its own (a failure is a `rejected VALIDATION_FAILED` result). */
export const MutationSchema = z
  .looseObject({
    mutationId: z.string().check(z.minLength(1), z.maxLength(100)),
    deviceSeq: z.nullish(z.number().check(z.int(), z.nonnegative())),
    table: z.string(),
    op: z.enum(['create', 'update', 'delete']),
    id: z.string().check(z.minLength(1), z.maxLength(100)),
    baseVersion: z.number().check(z.int(), z.nonnegative()),
    hlc: HlcSchema,
    schemaVersion: z.number().check(z.int(), z.gte(1)),
    createdAt: z.nullish(LocalDateTimeSchema),
    deleted: z.nullish(Deleted),
    data: z.nullish(DataSchema),
  })
  .check(
    z.superRefine((m, ctx) => {
      // The one depth bound of a mutation (SYNC.md §3 step 5), walked without recursion.
      if (nestsDeeperThan(m, MAX_JSON_DEPTH)) {
        ctx.addIssue({
          code: 'custom',
          path: ['data'],
          message: `nested deeper than ${MAX_JSON_DEPTH} levels`,
        });
      }
      if (m.op === 'create') {
        if (m.createdAt == null)
          ctx.addIssue({ code: 'custom', path: ['createdAt'], message: 'required on create' });
        if (m.deleted == null)
          ctx.addIssue({ code: 'custom', path: ['deleted'], message: 'required on create' });
        if (m.data == null)
          ctx.addIssue({ code: 'custom', path: ['data'], message: 'required on create' });
      }
      if (m.op === 'delete' && m.data != null && Object.keys(m.data).length > 0) {
        ctx.addIssue({ code: 'custom', path: ['data'], message: 'a delete carries no data' });
      }
    }),
  );
export type Mutation = z.infer<typeof MutationSchema>;

/** A record as the server stores and sends it (a pull row, a merged or conflict result). */
export const ServerRecordSchema = z.looseObject({
  table: z.string(),
  id: z.string(),
  version: z.number().check(z.int(), z.nonnegative()),
  serverSeq: z.number().check(z.int(), z.nonnegative()),
  hlc: HlcSchema,
  deviceId: z.nullable(z.string()),
  deleted: Deleted,
  schemaVersion: z.number().check(z.int(), z.gte(1)),
  createdAt: z.string(),
  updatedAt: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type ServerRecord = z.infer<typeof ServerRecordSchema>;

const Written = {
  version: z.number().check(z.int()),
  serverSeq: z.number().check(z.int()),
  hlc: HlcSchema,
};

export const AppliedResultSchema = z.looseObject({
  mutationId: z.string(),
  status: z.literal('applied'),
  ...Written,
});
export const MergedResultSchema = z.looseObject({
  mutationId: z.string(),
  status: z.literal('merged'),
  ...Written,
  record: ServerRecordSchema,
});
export const ConflictResultSchema = z.looseObject({
  mutationId: z.string(),
  status: z.literal('conflict'),
  ...Written,
  record: ServerRecordSchema,
  conflictId: z.string(),
  conflict: ServerRecordSchema,
});
export const RejectedResultSchema = z.looseObject({
  mutationId: z.string(),
  status: z.literal('rejected'),
  code: z.enum(REJECT_CODES),
  message: z.string(),
  details: z.array(z.object({ path: z.string(), message: z.string() })),
  quarantineId: z.string(),
});
const TerminalResultSchema = z.discriminatedUnion('status', [
  AppliedResultSchema,
  MergedResultSchema,
  ConflictResultSchema,
  RejectedResultSchema,
]);
export const DuplicateResultSchema = z.looseObject({
  mutationId: z.string(),
  status: z.literal('duplicate'),
  original: TerminalResultSchema,
});
export const MutationResultSchema = z.discriminatedUnion('status', [
  AppliedResultSchema,
  MergedResultSchema,
  ConflictResultSchema,
  RejectedResultSchema,
  DuplicateResultSchema,
]);
export type MutationResult = z.infer<typeof MutationResultSchema>;
export type TerminalResult = z.infer<typeof TerminalResultSchema>;

export const ClockWarningSchema = z.looseObject({
  code: z.literal('CLOCK_AHEAD'),
  mutationId: z.string(),
  clientHlc: z.string(),
  hlc: z.string(),
});
export type ClockWarning = z.infer<typeof ClockWarningSchema>;

export const PushResponseSchema = z.looseObject({
  results: z.array(MutationResultSchema),
  serverHlc: HlcSchema,
  warnings: z.array(ClockWarningSchema),
});
export type PushResponse = z.infer<typeof PushResponseSchema>;

/** The pull body: `limit` may be anything and is clamped (`clampPullLimit`), never a 400. */
export const PullRequestSchema = z.looseObject({
  protocol: z.number(),
  deviceId: z.string(),
  cursor: z.nullable(z.string()),
  limit: z.pipe(z.optional(z.unknown()), z.transform(clampPullLimit)),
});
/** What a device sends (`limit` optional). */
export type PullRequest = z.input<typeof PullRequestSchema>;

export const PullResponseSchema = z.union([
  z.looseObject({
    changes: z.array(ServerRecordSchema),
    cursor: z.string(),
    hasMore: z.boolean(),
    serverHlc: HlcSchema,
  }),
  z.looseObject({ reset: z.literal(true) }),
]);
export type PullResponse = z.infer<typeof PullResponseSchema>;

export const EnrollRequestSchema = z.looseObject({
  code: z.string().check(z.minLength(1), z.maxLength(64)),
  deviceName: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
});
export const EnrollResponseSchema = z.looseObject({
  deviceId: z.string(),
  deviceToken: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  serverHlc: HlcSchema,
});
export type EnrollResponse = z.infer<typeof EnrollResponseSchema>;

/**
 * `POST /api/v1/devices/enroll/check` (SYNC.md §7): whom a code connects to, without spending it.
 */
export const EnrollCheckRequestSchema = z.looseObject({
  code: z.string().check(z.minLength(1), z.maxLength(64)),
});
export const EnrollCheckResponseSchema = z.looseObject({
  providerName: z.string(),
  agencyName: z.string(),
});
export type EnrollCheckResponse = z.infer<typeof EnrollCheckResponseSchema>;

/** `POST /api/v1/devices/disconnect` (SYNC.md §7): the calling device's token is revoked. */
export const DisconnectResponseSchema = z.looseObject({ revoked: z.literal(true) });
export type DisconnectResponse = z.infer<typeof DisconnectResponseSchema>;
