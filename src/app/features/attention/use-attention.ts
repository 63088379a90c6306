/**
 * Live reads behind "Needs your attention" and each record's sync state (SYNC.md §9). `undefined`
 * means loading. Before the device is connected there is no sync state to show: everything is
 * simply saved on this device, so the states are null.
 */
import type { SyncStatus } from '../../../domain/envelope';
import {
  countNeedingAttention,
  listOpenConflicts,
  listRecordIdsNeedingAttention,
  listRejected,
  type RecordTable,
} from '../../../storage/attention';
import { getMeta, META_KEYS } from '../../../storage/meta';
import { getRecord } from '../../../storage/read';
import { getConnection } from '../../../storage/sync-state';
import { useDb } from '../../db';
import { useLiveQuery } from '../../ui/use-live-query';

/** Where a record is, as she sees it beside the record. */
export type RecordState = 'pending' | 'synced' | 'rejected' | 'attention';

/** The state of one record: null before the device is connected (see the module header). */
export function recordState(
  record: { id: string; syncStatus: SyncStatus },
  attentionIds: ReadonlySet<string>,
  isConnected: boolean,
): RecordState | null {
  if (!isConnected) return null;
  if (record.syncStatus === 'rejected') return 'rejected';
  if (attentionIds.has(record.id)) return 'attention';
  // `conflict` with no open conflict record left: settled, the record is as the server has it.
  return record.syncStatus === 'pending' ? 'pending' : 'synced';
}

/** True once this device is connected to her agency. */
export function useIsConnected(): boolean | undefined {
  const db = useDb();
  return useLiveQuery(async () => (await getConnection(db)) !== null, []);
}

/** This device's id from enrollment (null before), to tell her which change was made here. */
export function useDeviceId(): string | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const id = await getMeta(db, META_KEYS.deviceId);
    return typeof id === 'string' ? id : null;
  }, []);
}

/** How many things need her: open conflicts plus records not accepted. */
export function useAttentionCount(): number | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const { conflicts, rejected } = await countNeedingAttention(db);
    return conflicts + rejected;
  }, []);
}

/** Open conflicts with their records, newest first. */
export function useOpenConflicts() {
  const db = useDb();
  return useLiveQuery(() => listOpenConflicts(db), []);
}

/** Records not accepted, newest change first. */
export function useRejected() {
  const db = useDb();
  return useLiveQuery(() => listRejected(db), []);
}

/**
 * The state of each record of `table` where it is listed: a function of the record, or undefined
 * while loading. One read of the few conflict records, whatever the length of the list.
 */
export function useRecordStates(
  table: RecordTable,
): ((record: { id: string; syncStatus: SyncStatus }) => RecordState | null) | undefined {
  const db = useDb();
  const isConnected = useIsConnected();
  const ids = useLiveQuery(() => listRecordIdsNeedingAttention(db, table), [table]);
  if (isConnected === undefined || ids === undefined) return undefined;
  return (record) => recordState(record, ids, isConnected);
}

/** One record's state and its stored row (for its form and the check-in card); undefined while loading. */
export function useRecordState(table: RecordTable, id: string | undefined) {
  const db = useDb();
  const states = useRecordStates(table);
  const record = useLiveQuery(
    async () => (id ? await getRecord(db, table, id) : null),
    [table, id],
  );
  if (!states || record === undefined) return undefined;
  if (!record?.ok) return { state: null, record: null };
  return { state: states(record.record), record: record.record };
}
