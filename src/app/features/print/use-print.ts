/** Live reads behind the printable summaries. `undefined` means loading. */
import type { StoredRecord } from '../../../domain/envelope';
import type { CheckinData, PdsaData } from '../../../domain/records';
import { isCycleInMonth, isWeekInMonth } from '../../../domain/summary-range';
import { listAllRecords } from '../../../storage/read';
import { useDb } from '../../db';
import { useLiveQuery } from '../../ui/use-live-query';

/** The check-ins of `month` (`YYYY-MM`), by week, and the PDSA cycles running in it, by start. */
export function useMonthSummary(month: string) {
  const db = useDb();
  return useLiveQuery(async () => {
    const [checkins, cycles] = await Promise.all([
      listAllRecords(db, 'checkins'),
      listAllRecords(db, 'pdsa'),
    ]);
    const live = <D>(items: typeof checkins | typeof cycles) =>
      items.flatMap((i) =>
        i.ok && i.record.deleted === 0 ? [i.record as unknown as StoredRecord<D>] : [],
      );
    return {
      checkins: live<CheckinData>(checkins)
        .filter((c) => isWeekInMonth(c.data.week, month))
        .sort((a, b) => a.data.week.localeCompare(b.data.week)),
      cycles: live<PdsaData>(cycles)
        .filter((c) => isCycleInMonth(c.data, month))
        .sort(
          (a, b) => a.data.startDate.localeCompare(b.data.startDate) || a.data.cycle - b.data.cycle,
        ),
    };
  }, [month]);
}
