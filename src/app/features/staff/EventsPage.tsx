import type { JSX } from 'preact';
import './staff.css';
import { useState } from 'preact/hooks';
import { EVENT_KINDS, type EventData } from '../../../domain/agency-records';
import { toCalendarDate } from '../../../domain/dates';
import type { FieldIssue } from '../../../domain/records';
import { deleteEvent, saveEvent } from '../../../storage/staff';
import { useDb } from '../../db';
import { dayInWords } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { showToast, staffProfile } from '../../state';
import { Field } from '../../ui/Field';
import { storageFailureKey } from '../../ui/storage-words';
import { useEvents } from './use-staff';

type EventKind = EventData['kind'];

/**
 * A manager's events of the collaborative (SYNC.md §12: scope `agency:<id>`, pushed by managers
 * only), drawn on her agency's pooled charts: add one (date, kind, title), see and delete them.
 */
export function EventsPage(): JSX.Element {
  const db = useDb();
  const events = useEvents();
  const today = toCalendarDate(new Date());
  const [form, setForm] = useState({
    date: today,
    kind: 'learning-session' as EventKind,
    title: '',
  });
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const isManager = staffProfile.value?.role === 'manager';
  const error = (path: string) => {
    const issue = issues.find((i) => i.path === path);
    if (!issue) return null;
    return issue.message === 'too-long' ? t('staff.error.tooLong') : t('staff.error.required');
  };

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    setFailure(null);
    const result = await saveEvent(db, form);
    if (result.ok) {
      setForm({ ...form, title: '' });
      setIssues([]);
      return showToast('staff.events.added');
    }
    if (result.reason === 'invalid') {
      setIssues(result.issues);
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
    } else setFailure(t(storageFailureKey(result.reason)));
  };

  return (
    <section class="page staff-events">
      <h1>{t('staff.events.title')}</h1>
      <p class="hint">{t('staff.events.intro')}</p>
      {!isManager ? (
        <p class="notice">{t('staff.events.managersOnly')}</p>
      ) : (
        <form class="card" onSubmit={onSubmit} noValidate>
          {failure && (
            <p class="form-alert" role="alert">
              {failure}
            </p>
          )}
          <Field id="event-date" label={t('staff.events.date')} error={error('date')}>
            {(control) => (
              <input
                {...control}
                type="date"
                value={form.date}
                onInput={(e) => setForm({ ...form, date: e.currentTarget.value })}
              />
            )}
          </Field>
          <Field id="event-kind" label={t('staff.events.kind')}>
            {(control) => (
              <select
                {...control}
                value={form.kind}
                onChange={(e) => setForm({ ...form, kind: e.currentTarget.value as EventKind })}
              >
                {EVENT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`staff.events.kind.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="event-title" label={t('staff.events.eventTitle')} error={error('title')}>
            {(control) => (
              <input
                {...control}
                type="text"
                maxLength={200}
                value={form.title}
                onInput={(e) => setForm({ ...form, title: e.currentTarget.value })}
              />
            )}
          </Field>
          <div class="form-actions">
            <button type="submit" class="button primary">
              {t('staff.events.add')}
            </button>
          </div>
        </form>
      )}
      {events === undefined ? (
        <p class="hint">{t('common.loading')}</p>
      ) : events.length === 0 ? (
        <p class="hint">{t('staff.events.none')}</p>
      ) : (
        <ul class="card-list">
          {events.map((ev) => (
            <li key={ev.id} class="card event-row">
              <div>
                <strong>{ev.data.title}</strong>
                <span class="hint">
                  {' '}
                  · {t(`staff.events.kind.${ev.data.kind}`)} · {dayInWords(ev.data.date)}
                </span>
              </div>
              {isManager && (
                <button
                  type="button"
                  class="button quiet danger"
                  onClick={() => void deleteEvent(db, ev.id)}
                >
                  {t('staff.events.delete', { title: ev.data.title })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
