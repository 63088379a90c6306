/**
 * Live reads and writes behind Progress: her notes, check-ins, PDSA cycles, first use and chart
 * preferences, turned into six charts by the domain (`weeklyMeasures`, `progressOfMeasure`). The
 * rows are read live as one snapshot (`readProgressRows`), then parsed in short chunks
 * (`parseProgressRows`) so that the page keeps answering while three years of rows are checked.
 * `undefined` means loading.
 */
import { useEffect, useState } from 'preact/hooks';
import { weeklyMeasures } from '../../../domain/measures';
import {
  progressOfMeasure,
  type MeasureProgress,
  type MedianMode,
  type PdsaCycleInput,
} from '../../../domain/progress';
import { MEASURE_IDS, type MeasureId } from '../../../domain/tables';
import {
  parseProgressRows,
  readProgressRows,
  type ProgressRecords,
} from '../../../storage/progress-read';
import { saveSettings, type Settings } from '../../../storage/settings';
import type { NaptimeDb } from '../../../storage/db';
import { useDb } from '../../db';
import { useLiveQuery } from '../../ui/use-live-query';

/** What the Progress screen shows: the six charts, their settings, and how many rows were left out. */
export interface ProgressView {
  charts: MeasureProgress[];
  settings: Settings;
  /** Saved rows that could not be read: in no chart, kept on the device. */
  unreadable: number;
}

/**
 * The six charts from parsed records, with `today` for the current week. `between` runs before each
 * chart's analysis: the hook hands the main thread back there, since three years' weekly measures
 * and six analyses in one task held an old tablet's page for a quarter second.
 */
export async function progressView(
  records: ProgressRecords,
  today: Date,
  between: () => Promise<void> = async () => {},
): Promise<ProgressView> {
  const measures = weeklyMeasures({
    observations: records.observations,
    checkins: records.checkins,
    firstUseAt: records.firstUseAt,
    today,
  });
  const cycles: PdsaCycleInput[] = records.pdsa.map((r) => ({ ...r.data, id: r.id }));
  const { chartRules, medianMode, goals } = records.settings;
  const charts: MeasureProgress[] = [];
  for (const m of MEASURE_IDS) {
    await between();
    charts.push(progressOfMeasure(measures, m, cycles, { rules: chartRules, medianMode, goals }));
  }
  return { charts, settings: records.settings, unreadable: records.unreadable.length };
}

const handBack = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The six charts and the settings they were drawn with. Parsing, the analysis and the first render
 * each get a task of their own: together they held an old tablet's page for two seconds.
 */
export function useProgress(): ProgressView | undefined {
  const db = useDb();
  const rows = useLiveQuery(() => readProgressRows(db), []);
  const [view, setView] = useState<ProgressView | undefined>(undefined);
  useEffect(() => {
    if (!rows) return;
    let isCurrent = true;
    void (async () => {
      const records = await parseProgressRows(rows);
      await handBack();
      if (!isCurrent) return;
      const next = await progressView(records, new Date(), handBack);
      await handBack();
      if (isCurrent) setView(next);
    })();
    return () => {
      isCurrent = false;
    };
  }, [rows]);
  return view;
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
