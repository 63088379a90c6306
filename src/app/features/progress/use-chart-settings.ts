/**
 * Her chart preferences for Settings, apart from use-progress.ts so that Settings never loads the
 * run-chart analysis. `undefined` means loading.
 */
import { useLiveQuery } from '../../ui/use-live-query';
import type { RuleSet } from '../../../domain/run-chart';
import { getSettings, saveSettings, type Settings } from '../../../storage/settings';
import type { NaptimeDb } from '../../../storage/db';
import { useDb } from '../../db';

/** Her chart preferences, for Settings. */
export function useChartSettings(): Settings | undefined {
  const db = useDb();
  return useLiveQuery(() => getSettings(db), []);
}

/** Saves the rule set that reads every chart. */
export function saveChartRules(db: NaptimeDb, rules: RuleSet) {
  return saveSettings(db, { chartRules: rules });
}
