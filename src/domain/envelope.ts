/**
 * The sync envelope every synced record carries on the device (SYNC.md §2), and the outbox entry
 * written in the same transaction as each record change.
 */
import { z } from 'zod/mini';
import { LocalDateTimeSchema } from './dates';
import { HlcSchema } from './hlc';
import { DEVICE_TABLES } from './tables';

export const SYNC_STATUSES = ['pending', 'synced', 'rejected', 'conflict'] as const;
export type SyncStatus = (typeof SYNC_STATUSES)[number];

/** Why the server (or the device itself) refused a record; shown to her beside the record. */
export const SyncErrorSchema = z.looseObject({
  code: z.string(),
  message: z.string(),
  details: z.nullish(z.array(z.looseObject({ path: z.string(), message: z.string() }))),
});

const ENVELOPE_SHAPE = {
  id: z.string().check(z.minLength(1)),
  schemaVersion: z.number().check(z.int(), z.gte(1)),
  hlc: HlcSchema,
  deviceId: z.nullable(z.string()),
  createdAt: LocalDateTimeSchema,
  updatedAt: LocalDateTimeSchema,
  deleted: z.union([z.literal(0), z.literal(1)]),
  version: z.number().check(z.int(), z.nonnegative()),
  serverSeq: z.nullable(z.number().check(z.int(), z.nonnegative())),
  syncStatus: z.enum(SYNC_STATUSES),
  syncError: z.nullish(SyncErrorSchema),
};

/** A synced record as the device stores it: the envelope, with `data` checked per table elsewhere. */
export const StoredRecordSchema = z.looseObject({
  ...ENVELOPE_SHAPE,
  data: z.record(z.string(), z.unknown()),
});

/** The envelope's fields (typed without the loose index signature, which would hide them). */
export type Envelope = z.infer<z.ZodMiniObject<typeof ENVELOPE_SHAPE>>;
export type StoredRecord<D = Record<string, unknown>> = Envelope & { data: D };

export const OUTBOX_OPS = ['create', 'update', 'delete'] as const;
export type OutboxOp = (typeof OUTBOX_OPS)[number];

/** One waiting change (SYNC.md §2). `seq` is assigned by IndexedDB and sent as `deviceSeq`. */
export const OutboxEntrySchema = z.looseObject({
  seq: z.optional(z.number().check(z.int(), z.positive())),
  mutationId: z.string().check(z.minLength(1)),
  table: z.enum(DEVICE_TABLES),
  recordId: z.string().check(z.minLength(1)),
  op: z.enum(OUTBOX_OPS),
  /** Null while a predecessor for the same record is still in flight (filled when it is acknowledged). */
  baseVersion: z.nullable(z.number().check(z.int(), z.nonnegative())),
  changedFields: z.array(z.string()),
  hlc: HlcSchema,
  state: z.enum(['pending', 'inflight']),
  inflightUntil: z.nullish(z.number()),
  attempts: z.number().check(z.int(), z.nonnegative()),
  payload: z.nullish(z.record(z.string(), z.unknown())),
});
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;
