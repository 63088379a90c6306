/**
 * PDSA cycles on a chart (RUNCHART.md §6): where each is drawn, its short label (the idea's letter and
 * the cycle number, "B2", the same on every chart), the phases a measure's cycles start, and the cycle a
 * signal is credited to (the most recent one that started 0–4 weeks before it).
 */
import { isoWeekOf, weekMonday } from './dates';
import {
  PDSA_WINDOW_WEEKS,
  type PdsaCredit,
  type PdsaCycleInput,
  type PdsaMark,
} from './progress-types';
import type { MeasureId } from './tables';

/** Whole weeks from ISO week `from` to ISO week `to` (negative when `to` is earlier). */
export function weeksFrom(from: string, to: string): number {
  const day = (week: string) => {
    const [y, m, d] = weekMonday(week).split('-').map(Number);
    return Date.UTC(y!, m! - 1, d!) / 86_400_000;
  };
  return Math.round((day(to) - day(from)) / 7);
}

const byStart = (a: PdsaCycleInput, b: PdsaCycleInput) =>
  a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.cycle - b.cycle;

/** A, B, …, Z, AA, AB, …: the letter of the n-th change idea (0-based). */
function letter(n: number): string {
  const one = String.fromCharCode(65 + (n % 26));
  return n < 26 ? one : letter(Math.floor(n / 26) - 1) + one;
}

/** One letter per change idea, in the order of each idea's first cycle (the same on every chart). */
export function ideaLetters(cycles: readonly PdsaCycleInput[]): Map<string, string> {
  const letters = new Map<string, string>();
  for (const c of [...cycles].sort(byStart)) {
    const key = c.changeIdeaId ?? c.changeIdea;
    if (!letters.has(key)) letters.set(key, letter(letters.size));
  }
  return letters;
}

/** Every cycle as a mark on a chart whose first week is `firstWeek`, oldest start first. */
export function marksOf(cycles: readonly PdsaCycleInput[], firstWeek: string): PdsaMark[] {
  const letters = ideaLetters(cycles);
  return [...cycles].sort(byStart).map((c) => {
    const week = isoWeekOf(c.startDate);
    return {
      id: c.id ?? null,
      index: weeksFrom(firstWeek, week),
      week,
      startDate: c.startDate,
      cycle: c.cycle,
      changeIdea: c.changeIdea,
      label: `${letters.get(c.changeIdeaId ?? c.changeIdea)}${c.cycle}`,
      measure: c.measure ?? null,
      startsPhase: c.startsPhase === true && c.measure != null,
    };
  });
}

/** The phase starts (indices into the series) of `measure`'s cycles marked `startsPhase`; others ignored. */
export function phaseStartsOf(
  cycles: readonly PdsaCycleInput[],
  weeks: readonly string[],
  measure: MeasureId,
): number[] {
  if (weeks.length === 0) return [];
  const starts = marksOf(cycles, weeks[0]!)
    .filter((m) => m.measure === measure && m.startsPhase && m.index > 0 && m.index < weeks.length)
    .map((m) => m.index);
  return [...new Set(starts)].sort((a, b) => a - b);
}

/** The most recent cycle that started 0–4 weeks before `index` (by start date, then cycle number). */
export function cycleBefore(marks: readonly PdsaMark[], index: number): PdsaCredit {
  let found: PdsaMark | null = null;
  for (const m of marks) {
    const before = index - m.index;
    if (before >= 0 && before <= PDSA_WINDOW_WEEKS) found = m; // marks are sorted oldest first
  }
  return found ? { mark: found, weeksBefore: index - found.index } : null;
}
