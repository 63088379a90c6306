import type { JSX } from 'preact';
import './staff.css';
import { useLocation, useRoute } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { TA_CONTACT_KINDS, type TaContactData } from '../../../domain/agency-records';
import { toCalendarDate } from '../../../domain/dates';
import type { FieldIssue } from '../../../domain/records';
import { deleteTaContact, restoreTaContact, saveTaContact } from '../../../storage/staff';
import { useDb } from '../../db';
import { t } from '../../i18n/i18n';
import { showToast } from '../../state';
import { ChipGroup } from '../../ui/ChipGroup';
import { Field } from '../../ui/Field';
import { Stepper } from '../../ui/Stepper';
import { storageFailureKey } from '../../ui/storage-words';
import {
  contactDataOf,
  contactFormOf,
  contactIssueKey,
  emptyContactForm,
  formIssues,
  GROUP_SIZE,
  type ContactForm,
} from './contact-form';
import { ProviderField } from './ProviderField';
import { useStaffProviders, useTaContact } from './use-staff';

const TOPICS = ['observation', 'planning', 'qiData'] as const;

/** One TA contact, new (`/staff/log/new`) or to edit (`/staff/log/:id`): a quick entry. */
export function ContactFormPage(): JSX.Element {
  const db = useDb();
  const { params, query } = useRoute();
  const { route } = useLocation();
  const id = params.id;
  const stored = useTaContact(id);
  const providers = useStaffProviders();
  const today = toCalendarDate(new Date());
  const [form, setForm] = useState<ContactForm | null>(id ? null : emptyContactForm(today));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (id && stored?.ok && form === null) setForm(contactFormOf(stored.record.data));
  }, [id, stored]);
  const back = query.from ?? '/staff/log';

  if (id && stored === null)
    return (
      <section class="page">
        <h1>{t('staff.contact.editTitle')}</h1>
        <p class="notice">{t('staff.contact.notFound')}</p>
      </section>
    );
  if (!form || providers === undefined)
    return (
      <section class="page">
        <p class="hint">{t('common.loading')}</p>
      </section>
    );

  const change = (next: Partial<ContactForm>) => {
    setForm({ ...form, ...next });
    // A field's problem goes once she changes it (the provider's two controls share theirs).
    const paths = Object.keys(next).flatMap((k) =>
      k === 'providerChoice' || k === 'typedName' || k === 'kind'
        ? ['providerId', 'providerName']
        : [k],
    );
    setIssues((list) => list.filter((i) => !paths.includes(i.path)));
  };
  const storedData = stored?.ok ? (stored.record.data as TaContactData) : undefined;
  const error = (path: string) => {
    const key = contactIssueKey(issues, path);
    return key ? t(key, { min: GROUP_SIZE.min, max: GROUP_SIZE.max }) : null;
  };
  const focusFirstError = () =>
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>('[aria-invalid="true"], .has-error input')?.focus(),
    );

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    setFailure(null);
    const own = formIssues(form, today);
    if (own.length) {
      setIssues(own);
      return focusFirstError();
    }
    const data = contactDataOf(form, providers, storedData);
    const result = await saveTaContact(db, id ? { ...data, id } : data);
    if (result.ok) {
      showToast('saved.here');
      return route(back, true);
    }
    if (result.reason === 'invalid') {
      setIssues(result.issues);
      return focusFirstError();
    }
    setFailure(t(storageFailureKey(result.reason)));
  };

  const onDelete = async () => {
    if (!id) return;
    const result = await deleteTaContact(db, id);
    if (!result.ok) return setFailure(t('error.storageError'));
    showToast('staff.contact.deleted', {
      durationMs: 10_000,
      action: { label: 'common.undo', run: () => void restoreTaContact(db, id) },
    });
    route(back, true);
  };

  const isGroup = form.kind === 'group';
  return (
    <form class="page staff-contact" onSubmit={onSubmit} noValidate>
      <h1>{t(id ? 'staff.contact.editTitle' : 'staff.contact.newTitle')}</h1>
      {failure && (
        <p class="form-alert" role="alert">
          {failure}
        </p>
      )}
      <ChipGroup
        legend={t('staff.contact.kind')}
        name="kind"
        options={TA_CONTACT_KINDS.map((k) => ({ value: k, label: t(`staff.contact.kind.${k}`) }))}
        value={[form.kind]}
        onChange={(v) => v[0] && change({ kind: v[0] })}
      />
      {isGroup ? (
        <Stepper
          id="contact-group-size"
          label={t('staff.contact.groupSize')}
          hint={t('staff.contact.groupHint')}
          value={form.groupSize}
          min={GROUP_SIZE.min}
          max={GROUP_SIZE.max}
          onChange={(groupSize) => change({ groupSize })}
          error={error('groupSize')}
        />
      ) : (
        <ProviderField
          form={form}
          providers={providers}
          storedName={storedData?.providerName ?? null}
          onChange={change}
          error={error('providerId') ?? error('providerName')}
        />
      )}
      <Field id="contact-date" label={t('staff.contact.date')} error={error('date')}>
        {(control) => (
          <input
            {...control}
            type="date"
            max={today}
            required
            value={form.date}
            onInput={(e) => change({ date: e.currentTarget.value })}
          />
        )}
      </Field>
      <fieldset class="checks">
        <legend>{t('staff.contact.talked')}</legend>
        {TOPICS.map((topic) => (
          <label key={topic} class="check">
            <input
              type="checkbox"
              checked={form[topic]}
              onChange={(e) => change({ [topic]: e.currentTarget.checked })}
            />
            <span>{t(`staff.contact.${topic}`)}</span>
          </label>
        ))}
      </fieldset>
      <Field id="contact-note" label={t('staff.contact.note')} error={error('note')}>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={1000}
            value={form.note}
            onInput={(e) => change({ note: e.currentTarget.value })}
          />
        )}
      </Field>
      <div class="form-actions">
        <button type="submit" class="button primary">
          {t('staff.contact.save')}
        </button>
        {id && (
          <button type="button" class="button danger" onClick={() => void onDelete()}>
            {t('staff.contact.delete')}
          </button>
        )}
      </div>
    </form>
  );
}
