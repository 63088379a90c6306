/**
 * Live reads and writes behind Progress: her notes, check-ins, PDSA cycles, first
 * use and chart preferences, turned into six charts by the domain (`weeklyMeasures`, `progressOf`).
 * `undefined` means loading.
 */
import { useLiveQuery } from '../../ui/use-live-query';
import { useMemo } from 'preact/hooks';
import type { StoredRecord } from '../../../domain/envelope';
import { weeklyMeasures } from '../../../domain/measures';
import {
  progressOf,
  type MeasureProgress,
  type MedianMode,
  type PdsaCycleInput,
} from '../../../domain/progress';
import type { CheckinData, ObservationData, PdsaData } from '../../../domain/records';
import type { MeasureId } from '../../../domain/tables';
import { META_KEYS, getMeta } from '../../../storage/meta';
import { listAllRecords, type ReadItem } from '../../../storage/read';
import { getSettings, saveSettings, type Settings } from '../../../storage/settings';
import type { NaptimeDb } from '../../../storage/db';
import { useDb } from '../../db';

function readable<D>(items: ReadItem<D>[]): StoredRecord<D>[] {
  return items.flatMap((i) => (i.ok ? [i.record] : []));
}

/** The six charts and the settings they were drawn with. */
export function useProgress(): { charts: MeasureProgress[]; settings: Settings } | undefined {
  const db = useDb();
  const data = useLiveQuery(async () => {
    const [observations, checkins, pdsa, firstUseAt, settings] = await Promise.all([
      listAllRecords(db, 'observations'),
      listAllRecords(db, 'checkins'),
      listAllRecords(db, 'pdsa'),
      getMeta(db, META_KEYS.firstUseAt),
      getSettings(db),
    ]);
    return { observations, checkins, pdsa, firstUseAt, settings };
  }, []);
  return useMemo(() => {
    if (!data) return undefined;
    const measures = weeklyMeasures({
      observations: readable(data.observations) as StoredRecord<ObservationData>[],
      checkins: readable(data.checkins) as StoredRecord<CheckinData>[],
      firstUseAt: typeof data.firstUseAt === 'string' ? data.firstUseAt : null,
      today: new Date(),
    });
    const cycles: PdsaCycleInput[] = (readable(data.pdsa) as StoredRecord<PdsaData>[])
      .filter((r) => r.deleted !== 1)
      .map((r) => ({ ...r.data, id: r.id }));
    const { chartRules, medianMode, goals } = data.settings;
    return {
      charts: progressOf(measures, cycles, { rules: chartRules, medianMode, goals }),
      settings: data.settings,
    };
  }, [data]);
}

/** Saves where one chart's median comes from; the other charts keep theirs. */
export function saveMedianMode(
  db: NaptimeDb,
  settings: Settings,
  measure: MeasureId,
  mode: MedianMode,
) {
  return saveSettings(db, { medianMode: { ...settings.medianMode, [measure]: mode } });
}

/** Saves one chart's goal (`null` removes it); the other charts keep theirs. */
export function saveGoal(
  db: NaptimeDb,
  settings: Settings,
  measure: MeasureId,
  goal: number | null,
) {
  const goals = { ...settings.goals };
  if (goal === null) delete goals[measure];
  else goals[measure] = goal;
  return saveSettings(db, { goals });
}
