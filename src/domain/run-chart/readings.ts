/**
 * Readings of an analysed chart (RUNCHART.md §6): which phase can be read, the evidence of change in
 * it (statistic 1 against a frozen baseline, statistic 2 against the median of all weeks, see
 * evidence.ts), and the comparison of the weeks since a given week with the weeks before it.
 */
import { CHANGE_LEVEL, longestRunEvidence, sideCountEvidence, type Evidence } from './evidence';
import { median } from './median';
import type { PhaseResult, RunChartAnalysis } from './types';

/** At or below this chance (and above CHANGE_LEVEL) a comparison "may" show a change. */
export const MAYBE_LEVEL = 0.25;
/** Weeks of data before a start week that a comparison needs (half the 12-week baseline). */
export const MIN_WEEKS_BEFORE = 6;

/** The latest phase with enough weeks to read (`enoughData`), or `null`. */
export function readablePhase(analysis: RunChartAnalysis): PhaseResult | null {
  return [...analysis.phases].reverse().find((p) => p.enoughData) ?? null;
}

const valuesOf = (analysis: RunChartAnalysis) => analysis.points.map((p) => p.value);

/** Input index of the `k`-th (1-based) week of data of `phase`, or `null` when it has fewer. */
function kthObservation(analysis: RunChartAnalysis, phase: PhaseResult, k: number): number | null {
  let seen = 0;
  for (let i = phase.start; i <= phase.end; i++) {
    if (analysis.points[i]!.value !== null && ++seen === k) return i;
  }
  return null;
}

/**
 * The evidence of change in `phase`: with a frozen baseline of `baselineWeeks`, the weeks after it
 * counted against its median; with the median of all weeks, the phase's longest run.
 */
export function phaseEvidence(
  analysis: RunChartAnalysis,
  phase: PhaseResult,
  baselineWeeks: number | null,
): Evidence | null {
  if (phase.median === null) return null;
  const values = valuesOf(analysis);
  if (baselineWeeks === null)
    return longestRunEvidence(values, phase.median, phase.start, phase.end);
  const last = kthObservation(analysis, phase, baselineWeeks);
  if (last === null || last >= phase.end) return null;
  return sideCountEvidence(values, phase.median, baselineWeeks, last + 1, phase.end);
}

/** The weeks since `start` against the weeks before it, in their phases. */
export interface SinceReading {
  /** Weeks of data from the start of the phase before `start` up to the week before it. */
  before: number;
  /** Weeks of data from `start` to the end of its phase. */
  since: number;
  /** The median of the weeks before (the line the weeks since are counted against). */
  line: number | null;
  evidence: Evidence | null;
  claim: 'change' | 'maybe' | 'none';
}

/**
 * Compares the weeks from `start` to the end of its phase with the weeks of the phase that holds the
 * week before `start`, from that phase's start (statistic 1, with those weeks as the reference).
 * `claim` is `none` while there are fewer than MIN_WEEKS_BEFORE weeks before or no week since.
 */
export function sinceReading(analysis: RunChartAnalysis, start: number): SinceReading {
  const none = { before: 0, since: 0, line: null, evidence: null, claim: 'none' as const };
  if (start < 1 || start > analysis.n) return none;
  const phaseOf = (i: number) => analysis.phases.find((p) => p.start <= i && i <= p.end)!;
  const values = valuesOf(analysis);
  const beforeValues = values
    .slice(phaseOf(start - 1).start, start)
    .filter((v): v is number => v !== null);
  const sinceEnd = start < analysis.n ? phaseOf(start).end : start - 1;
  const since = values.slice(start, sinceEnd + 1).filter((v) => v !== null).length;
  const line = median(beforeValues);
  const reading = {
    before: beforeValues.length,
    since,
    line,
    evidence: null,
    claim: 'none' as const,
  };
  if (line === null || beforeValues.length < MIN_WEEKS_BEFORE || since === 0) return reading;
  const evidence = sideCountEvidence(
    values,
    line,
    beforeValues.length,
    start,
    sinceEnd,
    'since-cycle',
  );
  if (!evidence) return reading;
  const claim =
    evidence.chance <= CHANGE_LEVEL ? 'change' : evidence.chance <= MAYBE_LEVEL ? 'maybe' : 'none';
  return { ...reading, evidence, claim };
}
