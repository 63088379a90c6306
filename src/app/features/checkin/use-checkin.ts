/**
 * Live reads of a week's check-in for Home's card, apart from the check-in editor so the first
 * screen does not load the form's code. `undefined` means loading.
 */
import { isoWeekOf } from '../../../domain/dates';
import { checkinId, type CheckinData } from '../../../domain/records';
import { META_KEYS, getMeta } from '../../../storage/meta';
import { getRecord } from '../../../storage/read';
import { useDb } from '../../db';
import { useLiveQuery } from '../../ui/use-live-query';

/** The saved check-in of `week`, `null` when there is none; `undefined` while loading. */
export function useCheckin(week: string) {
  const db = useDb();
  return useLiveQuery(async () => {
    const item = await getRecord(db, 'checkins', checkinId(week));
    return item?.ok && !item.record.deleted ? (item.record.data as CheckinData) : null;
  }, [week]);
}

/** The week she first opened Naptime on this device; `undefined` while loading. */
export function useFirstUseWeek() {
  const db = useDb();
  return useLiveQuery(async () => {
    const first = await getMeta(db, META_KEYS.firstUseAt);
    return typeof first === 'string' ? isoWeekOf(first) : null;
  }, []);
}
