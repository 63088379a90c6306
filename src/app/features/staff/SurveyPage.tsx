import type { JSX } from 'preact';
import './staff.css';
import { useLocation, useRoute } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { BARRIERS, type StaffCheckinData } from '../../../domain/agency-records';
import { addWeeks, isIsoWeek, isoWeekOf, toCalendarDate } from '../../../domain/dates';
import type { FieldIssue } from '../../../domain/records';
import { saveStaffCheckin } from '../../../storage/staff';
import { useDb } from '../../db';
import { weekName } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { showToast } from '../../state';
import { ChipGroup } from '../../ui/ChipGroup';
import { Field } from '../../ui/Field';
import { Stepper } from '../../ui/Stepper';
import { storageFailureKey } from '../../ui/storage-words';
import {
  COUNT_MAX,
  COUNT_QUESTIONS,
  isAsked,
  surveyDataOf,
  surveyFormOf,
  surveyIssueKey,
  type SurveyForm,
} from './survey-form';
import { useStaffCheckin, useTaContacts } from './use-staff';

/** The weekly survey of one week (`/staff/survey/:week`, this week by default), pre-filled from her log. */
export function SurveyPage(): JSX.Element {
  const db = useDb();
  const { params } = useRoute();
  const { route } = useLocation();
  const thisWeek = isoWeekOf(toCalendarDate(new Date()));
  const week =
    params.week && isIsoWeek(params.week) && params.week <= thisWeek ? params.week : thisWeek;
  const saved = useStaffCheckin(week);
  const contacts = useTaContacts();
  const [form, setForm] = useState<SurveyForm | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const stored = saved?.ok ? (saved.record.data as StaffCheckinData) : null;
  useEffect(() => {
    if (saved === undefined || contacts === undefined || form?.week === week) return;
    const log = contacts.flatMap((c) => (c.ok ? [c.record.data] : []));
    setForm(surveyFormOf(week, saved?.ok && !saved.record.deleted ? stored : null, log));
    setIssues([]);
  }, [week, saved, contacts]);

  const change = (next: Partial<SurveyForm>) => {
    if (!form) return;
    setForm({ ...form, ...next });
    setIssues((list) => list.filter((i) => !(i.path in next)));
  };
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (!form) return;
    setFailure(null);
    const result = await saveStaffCheckin(db, surveyDataOf(form, stored ?? undefined));
    if (result.ok) {
      showToast('saved.here');
      return route('/staff', true);
    }
    if (result.reason === 'invalid') {
      setIssues(result.issues);
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>('.has-error input, [aria-invalid="true"]')?.focus(),
      );
    } else setFailure(t(storageFailureKey(result.reason)));
  };
  const isPast = week < thisWeek;
  const label = (q: (typeof COUNT_QUESTIONS)[number]) =>
    q === 's1' && isPast ? t('staff.survey.s1Past') : t(`staff.survey.${q}`);

  return (
    <form class="page staff-survey" onSubmit={onSubmit} noValidate>
      <h1>{t('staff.survey.title')}</h1>
      <div class="week-nav">
        <button
          type="button"
          class="button"
          aria-label={t('week.previous')}
          onClick={() => route(`/staff/survey/${addWeeks(week, -1)}`, true)}
        >
          ‹
        </button>
        <h2 aria-live="polite">{weekName(week)}</h2>
        <button
          type="button"
          class="button"
          aria-label={t('week.next')}
          disabled={week >= thisWeek}
          onClick={() => route(`/staff/survey/${addWeeks(week, 1)}`, true)}
        >
          ›
        </button>
      </div>
      {!form || form.week !== week ? (
        <p class="hint">{t('common.loading')}</p>
      ) : (
        <>
          <p class="hint">
            {t(form.source === 'saved' ? 'staff.survey.editing' : 'staff.survey.prefilled')}
          </p>
          {form.clamped && <p class="notice">{t('staff.survey.clamped')}</p>}
          {failure && (
            <p class="form-alert" role="alert">
              {failure}
            </p>
          )}
          {COUNT_QUESTIONS.filter((q) => isAsked(q, form)).map((q) => {
            const max = q !== 's1' && q !== 's5' && form.s1 !== null ? form.s1 : COUNT_MAX[q];
            const key = surveyIssueKey(issues, q);
            return (
              <Stepper
                key={q}
                id={`survey-${q}`}
                label={label(q)}
                value={form[q]}
                min={0}
                max={max}
                onChange={(value) => change({ [q]: value })}
                error={key ? t(key, { min: 0, max, s1: form.s1 ?? 0 }) : null}
              />
            );
          })}
          <ChipGroup
            legend={t('staff.survey.s6')}
            hint={t('staff.survey.s6Hint')}
            name="s6"
            isMultiple
            options={BARRIERS.map((b) => ({ value: b, label: t(`staff.barrier.${b}`) }))}
            value={form.s6}
            onChange={(s6) => change({ s6 })}
          />
          {form.s6.includes('other') && (
            <Field
              id="survey-s6-other"
              label={t('staff.survey.s6Other')}
              error={surveyIssueKey(issues, 's6Other') && t('staff.error.tooLong')}
            >
              {(control) => (
                <input
                  {...control}
                  type="text"
                  maxLength={200}
                  value={form.s6Other}
                  onInput={(e) => change({ s6Other: e.currentTarget.value })}
                />
              )}
            </Field>
          )}
          <div class="form-actions">
            <button type="submit" class="button primary">
              {t('staff.survey.save')}
            </button>
          </div>
        </>
      )}
    </form>
  );
}
