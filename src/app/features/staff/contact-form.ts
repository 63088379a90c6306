/**
 * The TA contact form's rules (DESIGN.md "Agency staff"): one entry per contact, a group session
 * counting its group size; a provider picked from her list, or typed when the list is not on this
 * device yet (or she is not on it). Pure: the page holds the state, storage checks the schema.
 */
import {
  MAX_GROUP_SIZE,
  type TaContactData,
  type TaContactKind,
} from '../../../domain/agency-records';
import type { FieldIssue } from '../../../domain/records';
import type { StaffProvider } from '../../../storage/staff';
import type { MessageKey } from '../../i18n/en';

/** The picker's value for "someone not on the list". */
export const TYPED_PROVIDER = '__typed';

/** What the form holds. */
export interface ContactForm {
  kind: TaContactKind;
  /** A provider id from her list, `TYPED_PROVIDER`, or '' when nothing is chosen. */
  providerChoice: string;
  typedName: string;
  date: string;
  groupSize: number | null;
  observation: boolean;
  planning: boolean;
  qiData: boolean;
  note: string;
}

/** A new contact: a visit today. */
export function emptyContactForm(today: string): ContactForm {
  return {
    kind: 'visit',
    providerChoice: '',
    typedName: '',
    date: today,
    groupSize: null,
    observation: false,
    planning: false,
    qiData: false,
    note: '',
  };
}

/** A stored contact as the form shows it. */
export function contactFormOf(data: TaContactData): ContactForm {
  return {
    kind: data.kind,
    providerChoice: data.providerId ?? (data.providerName ? TYPED_PROVIDER : ''),
    typedName: data.providerId ? '' : (data.providerName ?? ''),
    date: data.date,
    groupSize: data.groupSize ?? null,
    observation: data.observation,
    planning: data.planning,
    qiData: data.qiData,
    note: data.note ?? '',
  };
}

/**
 * Whether the form offers her list: not before it reached the device, nor while it is empty (no
 * provider assigned yet), unless the contact being edited names a provider of the list.
 */
export function showsList(
  providers: readonly StaffProvider[] | null,
  form: Pick<ContactForm, 'providerChoice'>,
): providers is readonly StaffProvider[] {
  if (providers === null) return false;
  return (
    providers.length > 0 || (form.providerChoice !== '' && form.providerChoice !== TYPED_PROVIDER)
  );
}

/**
 * The record to save: the chosen provider's id with her name as the list gave it, or the typed
 * name alone; no provider and no size where they do not apply. Unknown fields of `stored` are kept.
 */
export function contactDataOf(
  form: ContactForm,
  providers: readonly StaffProvider[] | null,
  stored?: TaContactData,
): TaContactData {
  const isGroup = form.kind === 'group';
  const typed = form.providerChoice === TYPED_PROVIDER || !showsList(providers, form);
  const picked = typed ? undefined : providers.find((p) => p.providerId === form.providerChoice);
  // A stored provider who is no longer on the list keeps her id and name.
  const keptId = !typed && !picked && form.providerChoice ? form.providerChoice : null;
  const providerId = isGroup ? null : (picked?.providerId ?? keptId);
  const providerName = isGroup
    ? null
    : typed
      ? form.typedName.trim() || null
      : (picked?.name ?? (keptId ? (stored?.providerName ?? null) : null));
  return {
    ...stored,
    kind: form.kind,
    providerId,
    providerName,
    date: form.date,
    groupSize: isGroup ? form.groupSize : null,
    observation: form.observation,
    planning: form.planning,
    qiData: form.qiData,
    note: form.note.trim() || null,
  };
}

/** Problems the schema does not know: a date after today. */
export function formIssues(form: ContactForm, today: string): FieldIssue[] {
  return form.date > today ? [{ path: 'date', message: 'future' }] : [];
}

/** Her words for the issue on `path`, or null when there is none. */
export function contactIssueKey(issues: readonly FieldIssue[], path: string): MessageKey | null {
  const issue = issues.find((i) => i.path === path);
  if (!issue) return null;
  if (path === 'providerId') return 'staff.error.providerRequired';
  if (path === 'providerName')
    return issue.message === 'too-long' ? 'staff.error.tooLong' : 'staff.error.providerRequired';
  if (path === 'date') return 'staff.error.date';
  if (path === 'groupSize')
    return issue.message === 'required' ? 'staff.error.required' : 'staff.error.range';
  if (path === 'note') return 'staff.error.tooLong';
  return 'staff.error.required';
}

/** The allowed group sizes. */
export const GROUP_SIZE = { min: 1, max: MAX_GROUP_SIZE } as const;
