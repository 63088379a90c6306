/**
 * The weekly check-in (DESIGN.md 4, questions P1-P6): which questions are asked, which answers the
 * form requires, and the P2 pre-fill. The record schema (records.ts) holds the range and cross-field
 * rules; this module adds what only the form needs, so the two never disagree.
 */
import { weekDays } from './dates';
import {
  CheckinDataSchema,
  toFieldIssues,
  type CheckinData,
  type FieldIssue,
  type ObservationData,
} from './records';

export const CHECKIN_QUESTIONS = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'] as const;
export type CheckinQuestion = (typeof CHECKIN_QUESTIONS)[number];

/** Range and requirement of each question, as the form shows it. */
export const QUESTION_RULES: Record<
  CheckinQuestion,
  { min: number; max: number; isRequired: boolean }
> = {
  p1: { min: 0, max: 12, isRequired: true },
  p2: { min: 0, max: 7, isRequired: false },
  p3: { min: 0, max: 20, isRequired: false },
  p4: { min: 0, max: 20, isRequired: true },
  p5: { min: 0, max: 20, isRequired: false },
  p6: { min: 1, max: 5, isRequired: true },
};

export type CheckinAnswers = Record<CheckinQuestion, number | null>;

/** Skip logic: P2-P3 are not asked when P1 is 0; P5 is not asked when P4 is 0. */
export function isAsked(question: CheckinQuestion, answers: CheckinAnswers): boolean {
  if (question === 'p2' || question === 'p3') return answers.p1 !== 0;
  if (question === 'p5') return answers.p4 !== 0;
  return true;
}

/**
 * The record data of a week's answers: questions not asked are saved as null. The form keeps the
 * hidden answers meanwhile, so turning P1 back from 0 brings them back.
 */
export function checkinData(week: string, answers: CheckinAnswers): CheckinData {
  const data: Record<string, unknown> = { week };
  for (const q of CHECKIN_QUESTIONS) data[q] = isAsked(q, answers) ? answers[q] : null;
  return data as CheckinData;
}

/** Every problem with the answers, by question, with stable keys: the schema's rules plus `required`. */
export function checkinIssues(week: string, answers: CheckinAnswers): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const q of CHECKIN_QUESTIONS) {
    if (QUESTION_RULES[q].isRequired && answers[q] == null)
      issues.push({ path: q, message: 'required' });
  }
  const parsed = CheckinDataSchema.safeParse(checkinData(week, answers));
  if (!parsed.success)
    issues.push(
      ...toFieldIssues(parsed.error).filter((i) => !issues.some((j) => j.path === i.path)),
    );
  return issues;
}

/**
 * P2's pre-fill: how many days of `week` have at least one note (not deleted). A note's day is the
 * calendar date written in its own `observedAt`, whatever the device's time zone now.
 */
export function daysWithNotes(
  notes: readonly { deleted?: number; data: Pick<ObservationData, 'observedAt'> }[],
  week: string,
): number {
  const days = new Set(weekDays(week));
  const seen = new Set<string>();
  for (const n of notes) {
    const day = n.data.observedAt.slice(0, 10);
    if (!n.deleted && days.has(day)) seen.add(day);
  }
  return seen.size;
}

/** Answers from a saved check-in (or all empty). */
export function answersOf(data: Partial<CheckinData> | null | undefined): CheckinAnswers {
  const a = {} as CheckinAnswers;
  for (const q of CHECKIN_QUESTIONS)
    a[q] = typeof data?.[q] === 'number' ? (data[q] as number) : null;
  return a;
}
