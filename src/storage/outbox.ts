/**
 * The outbox side of a local write (SYNC.md §2). Runs inside the caller's rw transaction, which
 * also writes the record and the clock, so the three commit together or not at all.
 *
 * - An entry never sent (`attempts == 0`, `state: 'pending'`, no frozen payload) absorbs later edits
 *   of the same record: its `changedFields` become the union, its `hlc` the newest.
 * - Otherwise (the last entry is in flight or was sent before) a new entry is chained after it with
 *   `baseVersion: null`; the sync client fills it in when the predecessor is acknowledged (§4).
 * - A record whose `version` is 0 (never accepted) is always a `create`: the sync client sends all
 *   its data with `createdAt` and `deleted`, so a note deleted before its first sync still arrives.
 * - Otherwise the op is `delete` when the only change is `deleted` becoming 1 (sent with no data),
 *   else `update`; `changedFields` then lists data fields plus `deleted` when the flag changed. An
 *   edit folded together with a delete stays an `update` carrying both, so the edit is not lost.
 */
import { v7 as uuidv7 } from 'uuid';
import type { OutboxOp } from '../domain/envelope';
import type { Hlc } from '../domain/hlc';
import type { DeviceTable } from '../domain/tables';
import { DELETED_FIELD, unionFields } from './changes';
import type { NaptimeDb, OutboxRow, RecordRow } from './db';

/** The op an entry for `record` must carry, given every field it has to send. */
export function outboxOp(
  record: Pick<RecordRow, 'version' | 'deleted'>,
  fields: readonly string[],
): OutboxOp {
  if (record.version === 0) return 'create';
  if (record.deleted === 1 && fields.length === 1 && fields[0] === DELETED_FIELD) return 'delete';
  return 'update';
}

/** True when an entry has never been offered to the server, so it may still change. */
export function isNeverSent(entry: OutboxRow): boolean {
  return entry.attempts === 0 && entry.state === 'pending' && entry.payload == null;
}

/** Adds or coalesces the outbox entry for one record change. Call inside an rw transaction. */
export async function queueChange(
  db: NaptimeDb,
  table: DeviceTable,
  record: RecordRow,
  fields: readonly string[],
  hlc: Hlc,
): Promise<void> {
  const entries = await db.outbox
    .where('[table+recordId]')
    .equals([table, record.id])
    .sortBy('seq');
  const last = entries.at(-1);
  if (last && isNeverSent(last)) {
    const changed = unionFields(last.changedFields, fields);
    await db.outbox.put({ ...last, op: outboxOp(record, changed), changedFields: changed, hlc });
    return;
  }
  const changed = unionFields([], fields);
  await db.outbox.add({
    mutationId: uuidv7(),
    table,
    recordId: record.id,
    op: outboxOp(record, changed),
    baseVersion: last ? null : record.version,
    changedFields: changed,
    hlc,
    state: 'pending',
    attempts: 0,
  });
}
