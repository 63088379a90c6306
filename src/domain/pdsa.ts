/**
 * PDSA log rules (DESIGN.md 5 and the `pdsa` record): a change idea (a "ramp") holds numbered
 * cycles; a cycle's status is derived from what is filled, never stored; "Next cycle" pre-fills
 * from the last one. Pure: the list, the worksheet, Home and the tests share it.
 *
 * Status, checked in this order (the first that holds wins):
 * - `done`: an Act is chosen (adopt, adapt or abandon).
 * - `studying`: Do is complete (carried out as planned answered AND "what happened" written), or
 *   anything of Study is written (a question's result or "what I learned"): what is left is to
 *   compare and decide.
 * - `doing`: anything of Do is filled (as planned answered, or "what happened" or surprises written).
 * - `planned`: nothing of Do, Study or Act yet, whatever the start date says. The calendar is left
 *   out on purpose: a new cycle starts today by default, and "derived from what is filled" keeps a
 *   freshly planned cycle from jumping to "doing" the moment it is saved.
 * Blank (whitespace-only) text counts as not filled.
 */
import type { PdsaData } from './records';

/** The four derived statuses, in the order a cycle goes through them. */
export const PDSA_STATUSES = ['planned', 'doing', 'studying', 'done'] as const;
export type PdsaStatus = (typeof PDSA_STATUSES)[number];

/** The parts of a cycle's data the status reads (a saved record's data, or a form's). */
export type PdsaStatusInput = Pick<PdsaData, 'questions' | 'do' | 'learned' | 'act'>;

const written = (s: string | null | undefined): boolean => typeof s === 'string' && s.trim() !== '';

/** True when something of Do is filled. */
export function isDoStarted(d: PdsaStatusInput): boolean {
  return d.do?.asPlanned != null || written(d.do?.whatHappened) || written(d.do?.surprises);
}

/** True when Do is complete: "carried out as planned?" answered and "what happened" written. */
export function isDoComplete(d: PdsaStatusInput): boolean {
  return d.do?.asPlanned != null && written(d.do?.whatHappened);
}

/** True when something of Study is written (a question's result, or what was learned). */
export function isStudyStarted(d: PdsaStatusInput): boolean {
  return written(d.learned) || d.questions.some((q) => written(q.result));
}

/** The cycle's status, derived from what is filled (rules in the module header). */
export function pdsaStatus(d: PdsaStatusInput): PdsaStatus {
  if (d.act != null) return 'done';
  if (isDoComplete(d) || isStudyStarted(d)) return 'studying';
  if (isDoStarted(d)) return 'doing';
  return 'planned';
}

/** A stored cycle as the rules need it (a `StoredRecord<PdsaData>` fits). */
export interface PdsaCycleRecord {
  id: string;
  data: PdsaData;
  deleted?: 0 | 1 | boolean | null;
}

/**
 * The next cycle's data, unsaved: same change idea, driver, measure and purpose; cycle number one
 * past the highest of the idea (`siblings` are its other cycles, so a cycle number never repeats);
 * the last Act's next step as the new objective; plan, questions, Do, Study and Act empty; it
 * starts on `today` (`YYYY-MM-DD`, injected) and does not start a chart phase.
 */
export function nextCyclePrefill(
  last: PdsaData,
  today: string,
  siblings: readonly PdsaData[] = [],
): PdsaData {
  const highest = Math.max(
    last.cycle,
    ...siblings.filter((s) => s.changeIdeaId === last.changeIdeaId).map((s) => s.cycle),
  );
  return {
    changeIdeaId: last.changeIdeaId,
    changeIdea: last.changeIdea,
    cycle: highest + 1,
    purpose: last.purpose,
    driver: last.driver,
    objective: last.nextStep?.trim() ?? '',
    questions: [],
    plan: {},
    measure: last.measure ?? null,
    startDate: today,
  };
}

/** One change idea with its cycles, in cycle order. */
export interface ChangeIdeaGroup<R extends PdsaCycleRecord = PdsaCycleRecord> {
  changeIdeaId: string;
  /** The words of its latest cycle (she may have reworded it). */
  changeIdea: string;
  cycles: R[];
}

const isLive = (r: PdsaCycleRecord) => r.deleted !== 1 && r.deleted !== true;

/** Cycle order: number, then start date, then id (UUIDv7 ids are in creation order). */
function compareCycles(a: PdsaCycleRecord, b: PdsaCycleRecord): number {
  return a.data.cycle - b.data.cycle || cmp(a.data.startDate, b.data.startDate) || cmp(a.id, b.id);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Deleted cycles left out, the rest grouped by `changeIdeaId`, each group in cycle order; the ideas
 * with the most recent start date first (then by name), so the idea she works on now leads.
 */
export function groupByChangeIdea<R extends PdsaCycleRecord>(
  records: readonly R[],
): ChangeIdeaGroup<R>[] {
  const byId = new Map<string, R[]>();
  for (const r of records.filter(isLive)) {
    const list = byId.get(r.data.changeIdeaId) ?? [];
    list.push(r);
    byId.set(r.data.changeIdeaId, list);
  }
  const groups = [...byId].map(([changeIdeaId, cycles]) => {
    cycles.sort(compareCycles);
    return { changeIdeaId, changeIdea: cycles.at(-1)!.data.changeIdea, cycles };
  });
  const latestStart = (g: ChangeIdeaGroup<R>) =>
    g.cycles.reduce((m, c) => (c.data.startDate > m ? c.data.startDate : m), '');
  return groups.sort(
    (a, b) => cmp(latestStart(b), latestStart(a)) || a.changeIdea.localeCompare(b.changeIdea),
  );
}

/**
 * The cycle in progress: of the cycles not deleted and not done, the latest (by start date, then
 * cycle number, then id); null when every cycle is done or there is none.
 */
export function cycleInProgress<R extends PdsaCycleRecord>(records: readonly R[]): R | null {
  const open = records.filter((r) => isLive(r) && pdsaStatus(r.data) !== 'done');
  const latest = (a: R, b: R) =>
    cmp(a.data.startDate, b.data.startDate) || a.data.cycle - b.data.cycle || cmp(a.id, b.id);
  return open.reduce<R | null>(
    (best, r) => (best === null || latest(r, best) > 0 ? r : best),
    null,
  );
}
