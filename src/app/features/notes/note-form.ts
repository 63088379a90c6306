/**
 * The note form's values and how they become an observation's data. Pure: the form, its draft and
 * its tests share it. A draft is these values as JSON, so an interrupted note comes back exactly.
 */
import type { StoredRecord } from '../../../domain/envelope';
import {
  resolveObservedAt,
  toDateTimeLocalInput,
  type WhenChoice,
} from '../../../domain/observed-at';
import { AREAS, DURING, WITH, type ObservationData } from '../../../domain/records';

export type Area = (typeof AREAS)[number];
export type During = (typeof DURING)[number];
export type WithWhom = (typeof WITH)[number];

export interface NoteFormValues {
  id: string;
  childIds: string[];
  text: string;
  /** `keep` leaves an edited note's time exactly as it was written. */
  when: WhenChoice | 'keep';
  customWhen: string;
  keptObservedAt: string | null;
  keptApprox: string | null;
  area: Area | null;
  during: During | null;
  with: WithWhom[];
  nextStep: string;
  /** The day her idea was marked tried: kept through an edit, cleared with the idea. */
  keptTriedOn?: string | null;
}

/** A blank note with its id already made (the draft and the record share it). */
export function emptyNoteForm(id: string, childIds: string[] = []): NoteFormValues {
  return {
    id,
    childIds,
    text: '',
    when: 'now',
    customWhen: '',
    keptObservedAt: null,
    keptApprox: null,
    area: null,
    during: null,
    with: [],
    nextStep: '',
    keptTriedOn: null,
  };
}

/** The form for editing a saved note. */
export function noteFormFromRecord(record: StoredRecord<ObservationData>): NoteFormValues {
  const d = record.data;
  return {
    id: record.id,
    childIds: [...d.childIds],
    text: d.text,
    when: 'keep',
    customWhen: toDateTimeLocalInput(d.observedAt),
    keptObservedAt: d.observedAt,
    keptApprox: d.observedAtApprox ?? null,
    area: d.area ?? null,
    during: d.during ?? null,
    with: [...(d.with ?? [])],
    nextStep: d.nextStep ?? '',
    keptTriedOn: d.nextStepTriedOn ?? null,
  };
}

/** True when the form holds something she typed or chose (worth a draft, worth a warning). */
export function hasContent(v: NoteFormValues): boolean {
  return (
    v.text.trim() !== '' ||
    v.nextStep.trim() !== '' ||
    v.area !== null ||
    v.during !== null ||
    v.with.length > 0
  );
}

/** Parses a draft read back from storage; anything unexpected gives null (and the form starts blank). */
export function noteFormFromDraft(value: unknown): NoteFormValues | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Partial<NoteFormValues>;
  if (typeof v.id !== 'string' || typeof v.text !== 'string' || !Array.isArray(v.childIds))
    return null;
  return { ...emptyNoteForm(v.id), ...v } as NoteFormValues;
}

/**
 * The observation data the form describes, unvalidated (storage validates it and answers with
 * field issues). `now` places the one-tap times; an edited note keeps its time unless she changed it.
 */
export function noteDataFromForm(v: NoteFormValues, now: Date): Record<string, unknown> {
  const when =
    v.when === 'keep' && v.keptObservedAt
      ? { observedAt: v.keptObservedAt, observedAtApprox: v.keptApprox }
      : resolveObservedAt(v.when === 'keep' ? 'now' : v.when, now, v.customWhen);
  return {
    childIds: v.childIds,
    // A time she picked that cannot be read is reported on the "when" field, never replaced by now.
    observedAt: when?.observedAt ?? '',
    observedAtApprox: when?.observedAtApprox ?? null,
    text: v.text,
    area: v.area,
    during: v.during,
    with: v.with.length ? v.with : null,
    nextStep: v.nextStep.trim() ? v.nextStep : null,
    nextStepTriedOn: v.nextStep.trim() ? (v.keptTriedOn ?? null) : null,
  };
}
