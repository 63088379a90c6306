/**
 * The PDSA worksheet's values and how they become a `pdsa` record's data. Pure: the worksheet, its
 * draft and its tests share it. A draft is these values as JSON, so a half-filled worksheet comes
 * back exactly after a reload.
 */
import type { StoredRecord } from '../../../domain/envelope';
import type { PdsaStatusInput } from '../../../domain/pdsa';
import type { MeasureId } from '../../../domain/tables';
import { PDSA_ACTS, PDSA_DRIVERS, PDSA_PURPOSES, type PdsaData } from '../../../domain/records';

/** What a cycle will do (collect, develop, test, implement). */
export type Purpose = (typeof PDSA_PURPOSES)[number];
/** The driver a cycle serves. */
export type Driver = (typeof PDSA_DRIVERS)[number];
/** Adopt, adapt or abandon. */
export type Act = (typeof PDSA_ACTS)[number];

/** At most this many questions (DESIGN.md `pdsa`). */
export const MAX_QUESTIONS = 10;

/** One question row as typed: every text may be blank. */
export interface QuestionValues {
  question: string;
  prediction: string;
  result: string;
}

/** The whole worksheet as typed (texts as strings, choices null until made); its draft is this as JSON. */
export interface PdsaFormValues {
  id: string;
  changeIdeaId: string;
  changeIdea: string;
  cycle: number;
  purpose: Purpose | null;
  driver: Driver | null;
  objective: string;
  questions: QuestionValues[];
  plan: { what: string; who: string; when: string; where: string };
  measure: MeasureId | null;
  startDate: string;
  /** Kept as stored: the worksheet does not ask for it. */
  endDate: string | null;
  asPlanned: boolean | null;
  whatHappened: string;
  surprises: string;
  learned: string;
  act: Act | null;
  nextStep: string;
  startsPhase: boolean;
}

const EMPTY_QUESTION: QuestionValues = { question: '', prediction: '', result: '' };

/** A blank question row. */
export function emptyQuestion(): QuestionValues {
  return { ...EMPTY_QUESTION };
}

/** A new change idea's first cycle, its record id and idea id already made; starts `today`. */
export function emptyPdsaForm(id: string, changeIdeaId: string, today: string): PdsaFormValues {
  return {
    id,
    changeIdeaId,
    changeIdea: '',
    cycle: 1,
    purpose: null,
    driver: null,
    objective: '',
    questions: [emptyQuestion()],
    plan: { what: '', who: '', when: '', where: '' },
    measure: null,
    startDate: today,
    endDate: null,
    asPlanned: null,
    whatHappened: '',
    surprises: '',
    learned: '',
    act: null,
    nextStep: '',
    startsPhase: false,
  };
}

const s = (v: string | null | undefined) => v ?? '';

/** The worksheet for data (a saved cycle's, or a pre-filled next cycle's) under record `id`. */
export function pdsaFormFromData(id: string, d: PdsaData): PdsaFormValues {
  const questions = d.questions.map((q) => ({
    question: s(q.question),
    prediction: s(q.prediction),
    result: s(q.result),
  }));
  return {
    id,
    changeIdeaId: d.changeIdeaId,
    changeIdea: d.changeIdea,
    cycle: d.cycle,
    purpose: d.purpose,
    driver: d.driver,
    objective: d.objective,
    questions: questions.length ? questions : [emptyQuestion()],
    plan: {
      what: s(d.plan.what),
      who: s(d.plan.who),
      when: s(d.plan.when),
      where: s(d.plan.where),
    },
    measure: d.measure ?? null,
    startDate: d.startDate,
    endDate: d.endDate ?? null,
    asPlanned: d.do?.asPlanned ?? null,
    whatHappened: s(d.do?.whatHappened),
    surprises: s(d.do?.surprises),
    learned: s(d.learned),
    act: d.act ?? null,
    nextStep: s(d.nextStep),
    startsPhase: d.startsPhase === true,
  };
}

/** The worksheet for editing a saved cycle. */
export function pdsaFormFromRecord(record: StoredRecord<PdsaData>): PdsaFormValues {
  return pdsaFormFromData(record.id, record.data);
}

/** Parses a draft read back from storage; anything unexpected gives null (the worksheet starts over). */
export function pdsaFormFromDraft(value: unknown): PdsaFormValues | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Partial<PdsaFormValues>;
  if (
    typeof v.id !== 'string' ||
    typeof v.changeIdeaId !== 'string' ||
    typeof v.changeIdea !== 'string'
  )
    return null;
  if (
    !Array.isArray(v.questions) ||
    !v.plan ||
    typeof v.plan !== 'object' ||
    typeof v.startDate !== 'string'
  )
    return null;
  const base = emptyPdsaForm(v.id, v.changeIdeaId, v.startDate);
  return {
    ...base,
    ...v,
    plan: { ...base.plan, ...v.plan },
    questions: v.questions.map((q) => ({ ...EMPTY_QUESTION, ...q })),
  };
}

const blank = (v: string) => v.trim() === '';
const orNull = (v: string) => (blank(v) ? null : v);

/** The worksheet rows of the questions that are stored (rows left wholly blank are not). */
export function keptQuestionRows(v: PdsaFormValues): number[] {
  return v.questions.flatMap((q, i) =>
    !blank(q.question) || !blank(q.prediction) || !blank(q.result) ? [i] : [],
  );
}

/** True when the worksheet holds something she typed or chose beyond what it started with. */
export function hasContent(v: PdsaFormValues): boolean {
  const texts = [
    v.changeIdea,
    v.objective,
    v.whatHappened,
    v.surprises,
    v.learned,
    v.nextStep,
    ...Object.values(v.plan),
  ];
  const asked = v.questions.some(
    (q) => !blank(q.question) || !blank(q.prediction) || !blank(q.result),
  );
  return (
    texts.some((t) => !blank(t)) ||
    asked ||
    v.purpose !== null ||
    v.driver !== null ||
    v.act !== null ||
    v.asPlanned !== null
  );
}

/**
 * The `pdsa` data the worksheet describes, unvalidated (storage validates it and answers with field
 * issues). Blank texts are stored as none; a question row left wholly blank is dropped.
 */
export function pdsaDataFromForm(v: PdsaFormValues): Record<string, unknown> {
  const questions = keptQuestionRows(v)
    .map((i) => v.questions[i]!)
    .map((q) => ({
      question: orNull(q.question),
      prediction: orNull(q.prediction),
      result: orNull(q.result),
    }));
  const plan = {
    what: orNull(v.plan.what),
    who: orNull(v.plan.who),
    when: orNull(v.plan.when),
    where: orNull(v.plan.where),
  };
  const done = {
    asPlanned: v.asPlanned,
    whatHappened: orNull(v.whatHappened),
    surprises: orNull(v.surprises),
  };
  const hasDo = Object.values(done).some((x) => x !== null);
  return {
    changeIdeaId: v.changeIdeaId,
    changeIdea: v.changeIdea,
    cycle: v.cycle,
    purpose: v.purpose,
    driver: v.driver,
    objective: v.objective.trim() === '' ? '' : v.objective,
    questions,
    plan,
    measure: v.measure,
    startDate: v.startDate,
    endDate: v.endDate,
    do: hasDo ? done : null,
    learned: orNull(v.learned),
    act: v.act,
    nextStep: orNull(v.nextStep),
    startsPhase: v.startsPhase ? true : null,
  };
}

/** What the status rules read, straight from the worksheet (so the status shown follows her typing). */
export function statusInputOf(v: PdsaFormValues): PdsaStatusInput {
  const d = pdsaDataFromForm(v);
  return {
    questions: d.questions as PdsaStatusInput['questions'],
    do: d.do as PdsaStatusInput['do'],
    learned: d.learned as string | null,
    act: v.act,
  };
}

/** How far one part of the worksheet is filled. */
export type PartProgress = 'empty' | 'started' | 'filled';
/** The four parts of a cycle. */
export type PartName = 'plan' | 'do' | 'study' | 'act';

/**
 * Each part's progress, for the worksheet's headings: Plan is filled with the change idea, what it
 * will do, the driver, the objective and what she will do; Do with "as planned" and what happened;
 * Study with what she learned; Act with the choice.
 */
export function partProgress(v: PdsaFormValues): Record<PartName, PartProgress> {
  const planNeeds =
    [v.changeIdea, v.objective, v.plan.what].every((x) => !blank(x)) &&
    v.purpose !== null &&
    v.driver !== null;
  const planAny = hasContent({
    ...v,
    whatHappened: '',
    surprises: '',
    learned: '',
    nextStep: '',
    act: null,
    asPlanned: null,
    questions: v.questions.map((q) => ({ ...q, result: '' })),
  });
  const doAny = v.asPlanned !== null || !blank(v.whatHappened) || !blank(v.surprises);
  const studyAny = !blank(v.learned) || v.questions.some((q) => !blank(q.result));
  const level = (filled: boolean, any: boolean): PartProgress =>
    filled ? 'filled' : any ? 'started' : 'empty';
  return {
    plan: level(planNeeds, planAny),
    do: level(v.asPlanned !== null && !blank(v.whatHappened), doAny),
    study: level(!blank(v.learned), studyAny),
    act: level(v.act !== null, !blank(v.nextStep)),
  };
}
