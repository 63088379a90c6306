/**
 * The terms of the Progress screen's charts (what `measureProgress` returns and takes), and the
 * thresholds it reads them with (RUNCHART.md §6). The rules themselves are in `progress.ts`.
 */
import type { MeasureSeries } from './measures';
import type { PdsaData } from './records';
import type { RuleSet, RunChartAnalysis, RunChartPoint } from './run-chart';
import type { Evidence } from './run-chart/evidence';
import type { SinceReading } from './run-chart/readings';
import type { MeasureId } from './tables';

/** Weeks of data a phase needs before it is read: the weeks that set its median (RUNCHART.md §6). */
export const MIN_POINTS = 12;
/** Weeks in the frozen baseline median of each phase (RUNCHART.md §1.5). */
export const BASELINE_WEEKS = 12;
/** The widest gap, in weeks, between a cycle's start and the first point of a signal it is named with. */
export const PDSA_WINDOW_WEEKS = 4;
/** The latest weeks of data whose median is compared with her goal. */
export const GOAL_WEEKS = 6;

export type MedianMode = 'baseline' | 'all';
export type Claim = 'change' | 'maybe' | 'none';
export type { Evidence };

/** Her chart preferences (kept in settings); `goals` holds the optional goal of each measure. */
export interface ChartPreferences {
  rules: RuleSet;
  medianMode: Record<MeasureId, MedianMode>;
  goals?: Partial<Record<MeasureId, number | null>>;
}

/** The fields of a PDSA cycle the charts use. */
export type PdsaCycleInput = Pick<
  PdsaData,
  'startDate' | 'startsPhase' | 'changeIdea' | 'cycle' | 'measure'
> & {
  id?: string;
  changeIdeaId?: string;
};

/** A PDSA cycle on a chart: drawn at `index`, the position of its start week. */
export interface PdsaMark {
  id: string | null;
  index: number;
  week: string;
  startDate: string;
  cycle: number;
  changeIdea: string;
  /** The short label drawn on the chart: the idea's letter and the cycle number ("B2"). */
  label: string;
  measure: MeasureId | null;
  /** True when it starts a phase on its measure's chart. */
  startsPhase: boolean;
}

/** The median line of one phase, and whether it is still provisional. */
export interface MedianLine {
  phase: number;
  start: number;
  end: number;
  value: number | null;
  /** True while the baseline has fewer weeks of data than it needs. */
  isProvisional: boolean;
  /** Weeks of data in the baseline so far (at most `need`). */
  have: number;
  /** Weeks the baseline needs (12), or `null` with the median of all weeks. */
  need: number | null;
}

export type SignalKind =
  'shift' | 'long-run' | 'trend' | 'too-few-runs' | 'too-many-runs' | 'few-crossings';

/** A newer phase that has too few weeks to read yet (the phase before it is read meanwhile). */
export interface NewPhase {
  start: number;
  /** The cycle of this measure that started it (`null` if none is on the chart). */
  mark: PdsaMark | null;
  have: number;
  need: number;
}

/** What is common to the outcomes that read a phase. */
export interface PhaseOutcome {
  phase: number;
  /** The phase's statistic (run-chart/evidence.ts), or `null` before it has weeks to count. */
  evidence: Evidence | null;
  /** Set when the phase read is not the latest one. */
  newPhase: NewPhase | null;
}

/** The cycle credited, and how many weeks before what is told it started. */
export type PdsaCredit = { mark: PdsaMark; weeksBefore: number } | null;

/** The one thing the sentence under a chart says; `claim` is how strongly. */
export type Outcome =
  | { kind: 'no-data'; claim: 'none' }
  | { kind: 'not-enough'; claim: 'none'; have: number; need: number }
  | ({ kind: 'no-signal'; claim: 'none' } & PhaseOutcome)
  | ({
      kind: 'change';
      claim: 'change';
      direction: 'up' | 'down';
      start: number;
      end: number;
      pdsa: PdsaCredit;
    } & PhaseOutcome)
  | ({
      kind: SignalKind;
      claim: 'maybe';
      /** `up` above the median or rising; `null` for runs and crossings. */
      direction: 'up' | 'down' | null;
      /** First and last point of the pattern (the whole phase for runs and crossings). */
      start: number;
      end: number;
      /** Weeks of data in a shift, long run or trend; `null` for runs and crossings. */
      length: number | null;
      pdsa: PdsaCredit;
    } & PhaseOutcome);

/** One cycle's answer: the weeks before and since its start, and how strongly they differ. */
export interface CycleReading extends SinceReading {
  id: string | null;
  mark: PdsaMark;
}

/** Her goal for a measure: a dashed line, and `reached` when her latest weeks' median meets it. */
export interface GoalLine {
  value: number;
  reached: boolean;
}

/** Everything one chart shows. */
export interface MeasureProgress {
  measure: MeasureId;
  weeks: string[];
  points: RunChartPoint[];
  current: MeasureSeries['current'];
  /** The current week's value (a percent for a proportion), drawn hollow and never analysed. */
  currentValue: number | null;
  rules: RuleSet;
  medianMode: MedianMode;
  phaseStarts: number[];
  analysis: RunChartAnalysis;
  medians: MedianLine[];
  /** This measure's cycles whose start week is on the chart (the current week is `weeks.length`). */
  cycles: PdsaMark[];
  /** Other cycles on the chart's weeks (another measure, or none): context, never credited. */
  otherCycles: PdsaMark[];
  outcome: Outcome;
  cycleReadings: CycleReading[];
  goal: GoalLine | null;
}
