/**
 * What a child's page sums up (DESIGN.md 2, "A page per child"): her notes about the child by area
 * of development, and which areas have few notes lately (fewer than 2 in the last 4 weeks), so she
 * sees what to watch for before a parent conference or a coach's visit.
 */
import type { ObservationData } from './records';
import { AREAS } from './records';

export type Area = (typeof AREAS)[number];

/** "Lately" is the last 28 days, today included. */
export const RECENT_DAYS = 28;
/** An area with fewer notes than this lately is named "few notes lately". */
export const FEW_LATELY = 2;

/** One area's counts. */
export interface AreaCount {
  area: Area | null;
  total: number;
  recent: number;
}

function dayNumber(ymd: string): number {
  const [y, m, d] = ymd.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / 86_400_000;
}

/** True when a note's day is within the last `RECENT_DAYS` days up to `today` (`YYYY-MM-DD`). */
export function isRecent(observedAt: string, today: string): boolean {
  const age = dayNumber(today) - dayNumber(observedAt.slice(0, 10));
  return age >= 0 && age < RECENT_DAYS;
}

/** Counts per area in the order of `AREAS`, then notes with no area (only when there are some). */
export function countByArea(
  notes: readonly Pick<ObservationData, 'area' | 'observedAt'>[],
  today: string,
): AreaCount[] {
  const counts: AreaCount[] = [...AREAS, null].map((area) => ({ area, total: 0, recent: 0 }));
  for (const n of notes) {
    const row = counts[n.area ? AREAS.indexOf(n.area) : AREAS.length]!;
    row.total += 1;
    if (isRecent(n.observedAt, today)) row.recent += 1;
  }
  return counts.filter((c) => c.area !== null || c.total > 0);
}

/** The areas with fewer than `FEW_LATELY` notes in the last four weeks. */
export function fewLately(counts: readonly AreaCount[]): Area[] {
  return counts.flatMap((c) => (c.area !== null && c.recent < FEW_LATELY ? [c.area] : []));
}
