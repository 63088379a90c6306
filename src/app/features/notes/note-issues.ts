/** Turns storage's field issues into messages next to the note's fields, in her language. */
import type { FieldIssue } from '../../../domain/records';
import type { MessageKey } from '../../i18n/en';
import { t } from '../../i18n/i18n';

export type NoteField = 'childIds' | 'text' | 'observedAt' | 'nextStep' | 'other';

const FIELDS: readonly NoteField[] = ['childIds', 'text', 'observedAt', 'nextStep'];

const MESSAGES: Record<string, MessageKey> = {
  'childIds:required': 'error.childIds.required',
  'childIds:too-many': 'error.childIds.tooMany',
  'text:required': 'error.text.required',
  'text:too-long': 'error.text.tooLong',
  'nextStep:too-long': 'error.nextStep.tooLong',
};

/** The first message per field ("other" collects anything the form has no field for). */
export function noteIssueMessages(
  issues: readonly FieldIssue[],
): Partial<Record<NoteField, string>> {
  const out: Partial<Record<NoteField, string>> = {};
  for (const issue of issues) {
    const top = issue.path.split('.')[0] ?? '';
    const field = (FIELDS as readonly string[]).includes(top) ? (top as NoteField) : 'other';
    if (out[field]) continue;
    const key =
      MESSAGES[`${field}:${issue.message}`] ??
      (field === 'observedAt' ? 'error.observedAt' : 'error.invalid');
    out[field] = t(key);
  }
  return out;
}
