/**
 * Device settings, local only (DESIGN.md "Records": language and chart preferences). Each setting is
 * one row of `settings`; a missing or unreadable value falls back to its default, so an old or
 * damaged row never stops the app from starting. Chart preferences (DESIGN.md 6): the rule set that
 * reads the run charts, and per measure whether the median comes from the baseline or all weeks, and
 * her optional goal (a goal outside the measure's range is refused on save and dropped on read).
 */
import type { RuleSet } from '../domain/run-chart';
import { MEASURE_IDS, type MeasureId } from '../domain/tables';
import type { NaptimeDb } from './db';
import { toStorageFailure, type StorageFailure } from './errors';

/** The languages of the app's catalogues. */
export const SETTING_LANGUAGES = ['en', 'es'] as const;
/** The rule sets a provider can choose for her charts (RUNCHART.md §2, §3). */
export const CHART_RULES = ['ihi', 'anhoej'] as const satisfies readonly RuleSet[];
/** Where a chart's median comes from: the first 12 weeks of the phase (frozen), or all its weeks. */
export const MEDIAN_MODES = ['baseline', 'all'] as const;
export type MedianMode = (typeof MEDIAN_MODES)[number];

/** Her settings. `language: null` means "follow the browser's languages". */
export interface Settings {
  language: (typeof SETTING_LANGUAGES)[number] | null;
  chartRules: RuleSet;
  medianMode: Record<MeasureId, MedianMode>;
  /** Her optional goal per measure, set on that measure's card (a dashed line on its chart). */
  goals: Partial<Record<MeasureId, number>>;
}

/** The values a goal may take on each chart (its axis: days of a week, a percent, the 1–5 answer). */
export const GOAL_RANGE: Record<MeasureId, { min: number; max: number }> = {
  notes: { min: 0, max: 200 },
  'notes-with-idea': { min: 0, max: 200 },
  p2: { min: 0, max: 7 },
  p3: { min: 0, max: 20 },
  'p5-of-p4': { min: 0, max: 100 },
  p6: { min: 1, max: 5 },
};

const isGoal = (m: MeasureId, v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= GOAL_RANGE[m].min && v <= GOAL_RANGE[m].max;

/** Every measure with the baseline median. */
const BASELINE_EVERYWHERE = Object.fromEntries(MEASURE_IDS.map((m) => [m, 'baseline'])) as Record<
  MeasureId,
  MedianMode
>;

/** The settings of a device where nothing has been chosen yet. */
export const DEFAULT_SETTINGS: Settings = {
  language: null,
  chartRules: 'ihi',
  medianMode: BASELINE_EVERYWHERE,
  goals: {},
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isMedianMode = (v: unknown): v is MedianMode =>
  (MEDIAN_MODES as readonly unknown[]).includes(v);

/** What a save accepts: every value exactly of its type (a median mode for every measure). */
const CHECKS: { [K in keyof Settings]: (value: unknown) => value is Settings[K] } = {
  language: (v): v is Settings['language'] =>
    v === null || (SETTING_LANGUAGES as readonly unknown[]).includes(v),
  chartRules: (v): v is RuleSet => (CHART_RULES as readonly unknown[]).includes(v),
  medianMode: (v): v is Settings['medianMode'] =>
    isObject(v) &&
    Object.keys(v).every((k) => (MEASURE_IDS as readonly string[]).includes(k)) &&
    MEASURE_IDS.every((m) => isMedianMode(v[m])),
  goals: (v): v is Settings['goals'] =>
    isObject(v) &&
    Object.entries(v).every(
      ([k, g]) => (MEASURE_IDS as readonly string[]).includes(k) && isGoal(k as MeasureId, g),
    ),
};

/**
 * How a stored value is read back: as it is when valid, else `undefined` (the default applies). The
 * median modes are read one measure at a time, so a row written before a measure existed, or with
 * one damaged entry, keeps the choices that are still good.
 */
const READERS: { [K in keyof Settings]: (value: unknown) => Settings[K] | undefined } = {
  language: (v) => (CHECKS.language(v) ? v : undefined),
  chartRules: (v) => (CHECKS.chartRules(v) ? v : undefined),
  medianMode: (v) =>
    isObject(v)
      ? (Object.fromEntries(
          MEASURE_IDS.map((m) => [m, isMedianMode(v[m]) ? v[m] : 'baseline']),
        ) as Record<MeasureId, MedianMode>)
      : undefined,
  goals: (v) =>
    isObject(v)
      ? Object.fromEntries(MEASURE_IDS.filter((m) => isGoal(m, v[m])).map((m) => [m, v[m]]))
      : undefined,
};

const KEYS = Object.keys(CHECKS) as (keyof Settings)[];

/** The current settings, each one its stored value when valid, else its default. */
export async function getSettings(db: NaptimeDb): Promise<Settings> {
  const rows = await db.settings.bulkGet(KEYS);
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    medianMode: { ...DEFAULT_SETTINGS.medianMode },
    goals: {},
  };
  KEYS.forEach((key, i) => {
    const value = rows[i] ? READERS[key](rows[i]!.value) : undefined;
    if (value !== undefined) (settings as unknown as Record<string, unknown>)[key] = value;
  });
  return settings;
}

/** Stores the settings named in `patch` (an invalid value is refused, nothing written). */
export async function saveSettings(
  db: NaptimeDb,
  patch: Partial<Settings>,
): Promise<
  { ok: true; settings: Settings } | { ok: false; reason: 'invalid'; key: string } | StorageFailure
> {
  const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as [
    keyof Settings,
    unknown,
  ][];
  const bad = entries.find(([key, value]) => !Object.hasOwn(CHECKS, key) || !CHECKS[key](value));
  if (bad) return { ok: false, reason: 'invalid', key: bad[0] };
  try {
    await db.settings.bulkPut(entries.map(([key, value]) => ({ key, value })));
    return { ok: true, settings: await getSettings(db) };
  } catch (error) {
    return toStorageFailure(error);
  }
}
