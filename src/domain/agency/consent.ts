/**
 * The consent filter (SYNC.md §14): from a provider's `sharing` record and her records, exactly what
 * her agency's staff may read — nothing, her weekly numbers, or her numbers and PDSA cycles. Every
 * shared field is copied one by one from an allow-list, never by spreading a record, so a field a
 * record carries that is not on the list (loose schemas keep unknown fields) never leaves. Never note
 * text, ideas' text, child names or ids, birth months, or the days of her notes.
 */
import { isLocalDateTime, isoWeekOf } from '../dates';
import type { StoredRecord } from '../envelope';
import { liveData } from './live';
import { pdsaStatus, type PdsaStatus } from '../pdsa';
import { CheckinDataSchema, PdsaDataSchema, type CheckinData, type PdsaData } from '../records';
import {
  SharingDataSchema,
  SHARING_ID,
  type SharingData,
  type SharingLevel,
} from '../agency-records';
import type { MeasureId } from '../tables';

/** One week of her shared numbers. */
export interface SharedWeek {
  week: string;
  notes: number;
  notesWithIdea: number;
  /** Her check-in answers, or all null when she has no check-in for the week. */
  checkin: {
    p1: number | null;
    p2: number | null;
    p3: number | null;
    p4: number | null;
    p5: number | null;
    p6: number | null;
  } | null;
}

/** One PDSA cycle as shared at `numbers-and-pdsa`: title, dates, status, Study and Act. */
export interface SharedCycle {
  id: string;
  changeIdeaId: string;
  changeIdea: string;
  cycle: number;
  startDate: string;
  endDate: string | null;
  status: PdsaStatus;
  measure: MeasureId | null;
  startsPhase: boolean;
  /** Study: what was learned, and each question's result. */
  learned: string | null;
  results: string[];
  /** Act. */
  act: PdsaData['act'] | null;
  nextStep: string | null;
}

/** What staff may read of one provider; `null` from `sharedView` means nothing at all. */
export interface SharedProvider {
  level: Exclude<SharingLevel, 'nothing'>;
  firstUseAt: string | null;
  /** Weeks with a note or a check-in, oldest first. */
  weeks: SharedWeek[];
  /** The latest week with a check-in ("last check-in: 3 weeks ago"). */
  lastCheckinWeek: string | null;
  /** Her cycles, only at `numbers-and-pdsa` (empty otherwise). */
  cycles: SharedCycle[];
}

/** Her records as the server (or a test) holds them. */
export interface ProviderRecords {
  sharing: StoredRecord<unknown> | null | undefined;
  observations: readonly StoredRecord<unknown>[];
  checkins: readonly StoredRecord<unknown>[];
  pdsa: readonly StoredRecord<unknown>[];
}

/** Her current choice: `nothing` unless a live, valid `sharing` record says otherwise. */
export function sharingOf(record: StoredRecord<unknown> | null | undefined): SharingData {
  if (!record || record.deleted === 1 || record.id !== SHARING_ID) return { level: 'nothing' };
  const parsed = SharingDataSchema.safeParse(record.data);
  return parsed.success ? parsed.data : { level: 'nothing' };
}

const noteWeeks = new Map<string, string>();

/** The week of a note's date-time, its day's week remembered: a read covers every provider's notes. */
function weekOfNote(observedAt: unknown): string | null {
  if (typeof observedAt !== 'string' || !isLocalDateTime(observedAt)) return null;
  const day = observedAt.slice(0, 10);
  let week = noteWeeks.get(day);
  if (week === undefined) {
    week = isoWeekOf(day);
    if (noteWeeks.size > 50_000) noteWeeks.clear();
    noteWeeks.set(day, week);
  }
  return week;
}

/**
 * A note as the counts read it: its week and whether it has an idea, and nothing else of it (the
 * server validated the note when it was pushed). A note without a readable date counts nowhere.
 */
function readNote(
  data: unknown,
): { success: true; data: { week: string; hasIdea: boolean } } | { success: false } {
  if (typeof data !== 'object' || data === null) return { success: false };
  const { observedAt, nextStep } = data as Record<string, unknown>;
  const week = weekOfNote(observedAt);
  if (week === null) return { success: false };
  return {
    success: true,
    data: { week, hasIdea: typeof nextStep === 'string' && nextStep.trim() !== '' },
  };
}

const orNull = <T>(v: T | null | undefined): T | null => v ?? null;

function weekOf(map: Map<string, SharedWeek>, week: string): SharedWeek {
  let w = map.get(week);
  if (!w) map.set(week, (w = { week, notes: 0, notesWithIdea: 0, checkin: null }));
  return w;
}

function sharedCheckin(c: CheckinData): NonNullable<SharedWeek['checkin']> {
  return {
    p1: orNull(c.p1),
    p2: orNull(c.p2),
    p3: orNull(c.p3),
    p4: orNull(c.p4),
    p5: orNull(c.p5),
    p6: orNull(c.p6),
  };
}

function sharedCycle(id: string, c: PdsaData): SharedCycle {
  return {
    id,
    changeIdeaId: c.changeIdeaId,
    changeIdea: c.changeIdea,
    cycle: c.cycle,
    startDate: c.startDate,
    endDate: orNull(c.endDate),
    status: pdsaStatus(c),
    measure: orNull(c.measure),
    startsPhase: c.startsPhase === true,
    learned: orNull(c.learned),
    results: c.questions.map((q) => q.result).filter((r): r is string => typeof r === 'string'),
    act: orNull(c.act),
    nextStep: orNull(c.nextStep),
  };
}

/** Exactly what staff may read of her under her current choice; `null` when she shares nothing. */
export function sharedView(records: ProviderRecords): SharedProvider | null {
  const sharing = sharingOf(records.sharing);
  if (sharing.level === 'nothing') return null;
  const weeks = new Map<string, SharedWeek>();
  for (const { data } of liveData(records.observations, readNote)) {
    const w = weekOf(weeks, data.week);
    w.notes++;
    if (data.hasIdea) w.notesWithIdea++;
  }
  let lastCheckinWeek: string | null = null;
  for (const { id, data } of liveData(records.checkins, (d) => CheckinDataSchema.safeParse(d))) {
    if (id !== `checkin-${data.week}`) continue;
    weekOf(weeks, data.week).checkin = sharedCheckin(data);
    if (lastCheckinWeek === null || data.week > lastCheckinWeek) lastCheckinWeek = data.week;
  }
  const cycles =
    sharing.level === 'numbers-and-pdsa'
      ? liveData(records.pdsa, (d) => PdsaDataSchema.safeParse(d))
          .map(({ id, data }) => sharedCycle(id, data))
          .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0))
      : [];
  return {
    level: sharing.level,
    firstUseAt: orNull(sharing.firstUseAt),
    weeks: [...weeks.values()].sort((a, b) => (a.week < b.week ? -1 : 1)),
    lastCheckinWeek,
    cycles,
  };
}
