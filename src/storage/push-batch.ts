/**
 * Taking a push batch from the outbox (SYNC.md §2, §3, §4), in ONE rw transaction: entries in `seq`
 * order, at most one per record (a chained successor waits for its predecessor's answer), as many
 * as fit in `maxBytes` and `maxCount`. An entry's payload is frozen at its first send and every
 * retry sends the same object, byte for byte (IndexedDB keeps key order). A record whose data is
 * over the server's limit can never be sent: it is marked `rejected` here and the queue goes on.
 */
import { LIMITS } from '../domain/sync-messages';
import { DEVICE_TABLES, type DeviceTable } from '../domain/tables';
import type { NaptimeDb, OutboxRow, RecordRow } from './db';
import { mutationOf, parseRecordRow, promoteNext, readRecordRow } from './outbox-chain';

/** One entry of a batch: what to send, and the entry it came from. */
export interface BatchItem {
  seq: number;
  mutationId: string;
  table: DeviceTable;
  recordId: string;
  payload: Record<string, unknown>;
  bytes: number;
}

/** Options of `takeBatch`. */
export interface TakeBatchOptions {
  maxCount: number;
  maxBytes: number;
  /** Epoch ms on the device's clock, for the lease. */
  now: number;
  /** How long an entry stays leased to this run where no lock protects it (SYNC.md §2: 90 s). */
  leaseMs: number;
  /**
   * `all`: the caller holds the cross-tab lock, so an entry left in flight belongs to a dead run
   * and is sent again (SYNC.md §9). `expired`: no lock; only entries whose lease ran out.
   */
  inflight: 'all' | 'expired';
}

/** What `takeBatch` did: the batch, and how many records it marked rejected as never sendable. */
export interface Batch {
  items: BatchItem[];
  bytes: number;
  rejectedLocally: number;
}

const encoder = new TextEncoder();
const byteLength = (value: unknown) => encoder.encode(JSON.stringify(value)).length;

/** Marks the record rejected with `code`/`message` locally, drops its entry; the next one sends all. */
export async function rejectLocally(
  db: NaptimeDb,
  entry: OutboxRow,
  code: string,
  message: string,
): Promise<void> {
  if (entry.seq !== undefined) await db.outbox.delete(entry.seq);
  const record = await readRecordRow(db, entry.table, entry.recordId);
  if (!record) return;
  const marked = {
    ...record,
    syncStatus: 'rejected' as const,
    syncError: { code, message, details: [] },
  };
  await db.synced(entry.table).put(marked);
  await promoteNext(db, marked, entry.table, true);
}

const keyOf = (table: DeviceTable, id: string) => `${table}\u0000${id}`;
const needsRecord = (e: OutboxRow) => !e.payload && e.baseVersion !== null;

/**
 * Takes and freezes the next batch (see the module header). Records are read in bulk, `maxCount`
 * entries ahead, and the frozen entries written in one bulk put: one request per entry, one after
 * another, cost a tablet seconds for a batch of 500.
 */
export function takeBatch(db: NaptimeDb, options: TakeBatchOptions): Promise<Batch> {
  const stores = DEVICE_TABLES.map((t) => db.synced(t));
  return db.transaction('rw', [db.outbox, ...stores], async () => {
    const entries = await db.outbox.orderBy('seq').toArray();
    const taken = new Set<string>();
    // The first entry of each record that may go now (a chained successor waits for its answer).
    const firsts: (OutboxRow & { seq: number })[] = [];
    for (const entry of entries) {
      const key = keyOf(entry.table, entry.recordId);
      const isFirstOfRecord = !taken.has(key);
      taken.add(key);
      if (!isFirstOfRecord || entry.seq === undefined) continue;
      if (
        entry.state === 'inflight' &&
        options.inflight === 'expired' &&
        (entry.inflightUntil ?? 0) > options.now
      )
        continue;
      firsts.push({ ...entry, seq: entry.seq });
    }
    const records = new Map<string, RecordRow | undefined>();
    const prefetch = async (from: number) => {
      const ahead = firsts.slice(from, from + Math.max(1, options.maxCount)).filter(needsRecord);
      for (const table of DEVICE_TABLES) {
        const ids = ahead.filter((e) => e.table === table).map((e) => e.recordId);
        if (ids.length === 0) continue;
        const rows = await db.synced(table).bulkGet(ids);
        ids.forEach((id, i) => records.set(keyOf(table, id), parseRecordRow(rows[i])));
      }
    };
    const items: BatchItem[] = [];
    const frozen: OutboxRow[] = [];
    let bytes = 0;
    let rejectedLocally = 0;
    for (let i = 0; i < firsts.length; i++) {
      const entry = firsts[i]!;
      let payload = entry.payload ?? null;
      if (!payload) {
        if (entry.baseVersion === null) continue;
        const key = keyOf(entry.table, entry.recordId);
        if (!records.has(key)) await prefetch(i);
        const record = records.get(key);
        if (!record) continue; // unreadable: kept for a newer build, never sent as something else
        if (byteLength(record.data) > LIMITS.recordDataBytes) {
          await rejectLocally(
            db,
            entry,
            'RECORD_TOO_LARGE',
            `The record is larger than ${LIMITS.recordDataBytes} bytes.`,
          );
          rejectedLocally += 1;
          continue;
        }
        payload = mutationOf(entry, record);
      }
      const size = byteLength(payload);
      if (items.length > 0 && (items.length >= options.maxCount || bytes + size > options.maxBytes))
        break;
      frozen.push({
        ...entry,
        payload,
        state: 'inflight',
        attempts: entry.attempts + 1,
        inflightUntil: options.now + options.leaseMs,
      });
      items.push({
        seq: entry.seq,
        mutationId: entry.mutationId,
        table: entry.table,
        recordId: entry.recordId,
        payload,
        bytes: size,
      });
      bytes += size;
    }
    if (frozen.length) await db.outbox.bulkPut(frozen);
    return { items, bytes, rejectedLocally };
  });
}

/** Puts the entries of a batch that got no answer back to `pending`, payload kept (one transaction). */
export function releaseBatch(db: NaptimeDb, seqs: readonly number[]): Promise<void> {
  return db.transaction('rw', db.outbox, async () => {
    for (const seq of seqs) {
      const entry = await db.outbox.get(seq);
      if (entry) await db.outbox.put({ ...entry, state: 'pending', inflightUntil: null });
    }
  });
}

/** Marks the record of entry `seq` rejected locally (a one-mutation batch that can never be sent). */
export function rejectEntryLocally(
  db: NaptimeDb,
  seq: number,
  code: string,
  message: string,
): Promise<boolean> {
  const stores = DEVICE_TABLES.map((t) => db.synced(t));
  return db.transaction('rw', [db.outbox, ...stores], async () => {
    const entry = await db.outbox.get(seq);
    if (!entry) return false;
    await rejectLocally(db, entry, code, message);
    return true;
  });
}
