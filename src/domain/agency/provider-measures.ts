/**
 * The providers' pooled measures (SYNC.md §15): each sharing provider's weekly parts of every measure
 * of DESIGN.md (`notes`, `notes-with-idea`, `p2`, `p3`, `p5-of-p4` — the pilot's Chart 2 — and `p6`),
 * read from her consent-filtered view only. Note counts run from the week of her `firstUseAt` (or
 * her first note) to the axis' end, a week without notes a real 0; a check-in measure has a part only
 * in weeks she answered it. Pure.
 */
import { isoWeekOf } from '../dates';
import type { MeasureId } from '../tables';
import type { SharedProvider } from './consent';
import type { Contribution } from './pool';
import type { PooledKind } from './suppression';

/** How each provider measure pools. */
export const PROVIDER_MEASURE_KINDS: Readonly<Record<MeasureId, PooledKind>> = {
  notes: 'mean',
  'notes-with-idea': 'mean',
  p2: 'mean',
  p3: 'mean',
  'p5-of-p4': 'percent',
  p6: 'mean',
};

/** A sharing provider as a roll-up sees her: her ids and her consent-filtered view. */
export interface SharingProvider {
  providerId: string;
  agencyId: string;
  view: SharedProvider;
}

function notesStart(view: SharedProvider): string | null {
  if (view.firstUseAt) return isoWeekOf(view.firstUseAt);
  return view.weeks.find((w) => w.notes > 0)?.week ?? null;
}

/** Her weekly parts of `measure` within `weeks` (the chart's axis, oldest first). */
export function providerContributions(
  provider: SharingProvider,
  measure: MeasureId,
  weeks: readonly string[],
): Contribution[] {
  const { providerId: personId, agencyId: groupId, view } = provider;
  const part = (week: string, numerator: number, denominator: number): Contribution => ({
    personId,
    groupId,
    week,
    numerator,
    denominator,
  });
  if (measure === 'notes' || measure === 'notes-with-idea') {
    const start = notesStart(view);
    if (start === null) return [];
    const counts = new Map(
      view.weeks.map((w) => [w.week, measure === 'notes' ? w.notes : w.notesWithIdea]),
    );
    return weeks.filter((w) => w >= start).map((w) => part(w, counts.get(w) ?? 0, 1));
  }
  const out: Contribution[] = [];
  for (const w of view.weeks) {
    const c = w.checkin;
    if (!c) continue;
    if (measure === 'p5-of-p4') {
      if (c.p4 !== null && (c.p5 !== null || c.p4 === 0)) out.push(part(w.week, c.p5 ?? 0, c.p4));
    } else {
      const v = c[measure];
      if (v !== null) out.push(part(w.week, v, 1));
    }
  }
  return out;
}

/** Every provider's parts of `measure`. */
export function allProviderContributions(
  providers: readonly SharingProvider[],
  measure: MeasureId,
  weeks: readonly string[],
): Contribution[] {
  const out: Contribution[] = [];
  for (const p of providers) for (const c of providerContributions(p, measure, weeks)) out.push(c);
  return out;
}
