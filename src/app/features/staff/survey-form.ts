/**
 * The weekly staff survey S1–S6 (DESIGN.md "Agency staff"): pre-filled from the week's TA contact
 * log when she has not answered it (SYNC.md §15), her saved answer otherwise. S2–S4 are "of
 * those": not asked when S1 is 0, never above S1. Pure.
 */
import { surveyPrefill } from '../../../domain/agency/staff-measures';
import type { Barrier, StaffCheckinData, TaContactData } from '../../../domain/agency-records';
import type { FieldIssue } from '../../../domain/records';
import type { MessageKey } from '../../i18n/en';

export const COUNT_QUESTIONS = ['s1', 's2', 's3', 's4', 's5'] as const;
export type CountQuestion = (typeof COUNT_QUESTIONS)[number];
export const COUNT_MAX: Record<CountQuestion, number> = { s1: 60, s2: 60, s3: 60, s4: 60, s5: 10 };

/** What the form holds. */
export interface SurveyForm {
  week: string;
  s1: number | null;
  s2: number | null;
  s3: number | null;
  s4: number | null;
  s5: number | null;
  s6: Barrier[];
  s6Other: string;
  /** Where the numbers came from. */
  source: 'saved' | 'log';
  /** The log held more than the survey's ranges (the pre-fill was capped). */
  clamped: boolean;
}

/** The form of `week`: her saved answer, else the pre-fill from her log of that week. */
export function surveyFormOf(
  week: string,
  saved: StaffCheckinData | null,
  contacts: readonly TaContactData[],
): SurveyForm {
  if (saved)
    return {
      week,
      s1: saved.s1 ?? null,
      s2: saved.s2 ?? null,
      s3: saved.s3 ?? null,
      s4: saved.s4 ?? null,
      s5: saved.s5 ?? null,
      s6: saved.s6 ?? [],
      s6Other: saved.s6Other ?? '',
      source: 'saved',
      clamped: false,
    };
  const p = surveyPrefill(week, contacts);
  return { ...p, s6: [], s6Other: '', source: 'log' };
}

/** True when `q` is asked: S2–S4 only once S1 is above 0. */
export function isAsked(q: CountQuestion, form: Pick<SurveyForm, 's1'>): boolean {
  return q === 's1' || q === 's5' || form.s1 === null || form.s1 > 0;
}

/** The record to save; unasked answers are cleared, "other" text only with "other". */
export function surveyDataOf(form: SurveyForm, stored?: StaffCheckinData): StaffCheckinData {
  const asked = (q: CountQuestion) => (isAsked(q, form) ? form[q] : null);
  return {
    ...stored,
    week: form.week,
    s1: form.s1,
    s2: asked('s2'),
    s3: asked('s3'),
    s4: asked('s4'),
    s5: form.s5,
    s6: form.s6.length ? form.s6 : null,
    s6Other: form.s6.includes('other') ? form.s6Other.trim() || null : null,
  };
}

/** Her words for the issue on `q`, or null. */
export function surveyIssueKey(issues: readonly FieldIssue[], q: string): MessageKey | null {
  const issue = issues.find((i) => i.path === q);
  if (!issue) return null;
  if (issue.message === 'above-s1') return 'staff.error.aboveS1';
  if (issue.message === 'too-long') return 'staff.error.tooLong';
  return 'staff.error.range';
}
