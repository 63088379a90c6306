/**
 * Turns storage's field issues on a `pdsa` record into messages next to the worksheet's fields, in
 * her language. Keys are field paths as the worksheet names them (`plan.what`, `questions.2.result`,
 * with the question's row on screen, not its place in the stored list).
 */
import type { FieldIssue } from '../../../domain/records';
import type { MessageKey } from '../../i18n/en';
import { t } from '../../i18n/i18n';
import { keptQuestionRows, type PdsaFormValues } from './pdsa-form';

/** Paths the worksheet has a place for; anything else is reported as `other`. */
const SHOWN =
  /^(changeIdea|purpose|driver|objective|questions(\.\d+\.(question|prediction|result))?|plan\.(what|who|when|where)|measure|startDate|do\.(asPlanned|whatHappened|surprises)|learned|act|nextStep)$/;

const BY_FIELD: Record<string, MessageKey> = {
  changeIdea: 'pdsa.error.changeIdea',
  purpose: 'pdsa.error.purpose',
  driver: 'pdsa.error.driver',
  measure: 'pdsa.error.measure',
  startDate: 'pdsa.error.startDate',
  act: 'pdsa.error.act',
  questions: 'pdsa.error.tooManyQuestions',
};

/** The worksheet's errors by path, the first message of each ("other" collects the rest). */
export type PdsaErrors = Record<string, string>;

/** The first message per worksheet field for `issues` of the data made from `form`. */
export function pdsaIssueMessages(issues: readonly FieldIssue[], form: PdsaFormValues): PdsaErrors {
  const rows = keptQuestionRows(form);
  const out: PdsaErrors = {};
  for (const issue of issues) {
    const parts = issue.path.split('.');
    if (parts[0] === 'questions' && parts.length > 1)
      parts[1] = String(rows[Number(parts[1])] ?? parts[1]);
    const path = parts.join('.');
    const field = SHOWN.test(path) ? path : 'other';
    if (out[field]) continue;
    const key: MessageKey =
      issue.message === 'too-long'
        ? field === 'changeIdea'
          ? 'pdsa.error.changeIdeaLong'
          : 'pdsa.error.tooLong'
        : (BY_FIELD[field] ?? 'error.invalid');
    out[field] = t(key);
  }
  return out;
}
