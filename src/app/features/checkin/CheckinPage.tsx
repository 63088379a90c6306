import type { JSX } from 'preact';
import { useLocation, useRoute } from 'preact-iso';
import {
  CHECKIN_QUESTIONS,
  isAsked,
  QUESTION_RULES,
  type CheckinQuestion,
} from '../../../domain/checkin';
import { addWeeks, isIsoWeek, isoWeekOf, toCalendarDate } from '../../../domain/dates';
import type { FieldIssue } from '../../../domain/records';
import { weekName } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { showToast } from '../../state';
import { ChipGroup } from '../../ui/ChipGroup';
import { FormActions, focusFirstProblem } from '../../ui/FormActions';
import { ReadFailed } from '../../ui/ReadFailed';
import { Stepper } from '../../ui/Stepper';
import { storageFailureKey } from '../../ui/storage-words';
import { checkinId } from '../../../domain/records';
import { AttentionLink } from '../attention/AttentionLink';
import { RecordSyncNotice } from '../attention/RecordSyncNotice';
import { SyncBadge } from '../attention/SyncBadge';
import { useRecordState } from '../attention/use-attention';
import { useCheckinEditor } from './use-checkin-editor';

const EASE = ['1', '2', '3', '4', '5'] as const;

function issueText(q: CheckinQuestion, issues: FieldIssue[], p4: number | null): string | null {
  const issue = issues.find((i) => i.path === q);
  if (!issue) return null;
  if (issue.message === 'p5-above-p4') return t('checkin.error.p5AboveP4', { p4: p4 ?? 0 });
  if (issue.message === 'required') return t('checkin.error.required');
  const { min, max } = QUESTION_RULES[q];
  return t('checkin.error.range', { min, max });
}

/** One week's check-in: six short questions, large steppers, the rules said next to each answer. */
export function CheckinPage(): JSX.Element {
  const { params, query } = useRoute();
  const { route } = useLocation();
  const thisWeek = isoWeekOf(toCalendarDate(new Date()));
  const week =
    params.week && isIsoWeek(params.week) && params.week <= thisWeek ? params.week : thisWeek;
  const editor = useCheckinEditor(week);
  const sync = useRecordState('checkins', checkinId(week));
  const a = editor.answers;
  // A past week's questions say "that week".
  const isPast = week < thisWeek;
  const hintOf = (q: CheckinQuestion): string | undefined => {
    if (q === 'p1' && editor.toddlers !== null)
      return t('checkin.p1Hint', { count: editor.toddlers });
    if (q !== 'p2' || editor.days === null) return undefined;
    return t(isPast ? 'checkin.p2HintPast' : 'checkin.p2Hint', { count: editor.days });
  };

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (await editor.save()) {
      showToast('saved.here');
      route(query.from ?? '/', true);
    } else focusFirstProblem();
  };

  return (
    <form class="page checkin" onSubmit={onSubmit} noValidate>
      <h1>{t('checkin.title')}</h1>
      <AttentionLink />
      <div class="week-nav">
        <button
          type="button"
          class="button"
          aria-label={t('week.previous')}
          onClick={() => route(`/checkin/${addWeeks(week, -1)}`, true)}
        >
          ‹
        </button>
        <h2 aria-live="polite">{weekName(week)}</h2>
        <button
          type="button"
          class="button"
          aria-label={t('week.next')}
          disabled={week >= thisWeek}
          onClick={() => route(`/checkin/${addWeeks(week, 1)}`, true)}
        >
          ›
        </button>
      </div>
      {editor.state === 'failed' ? (
        <ReadFailed onRetry={editor.retry} />
      ) : !a ? (
        <p class="hint">{t('common.loading')}</p>
      ) : (
        <>
          <RecordSyncNotice table="checkins" id={checkinId(week)} />
          {sync?.state && sync.state !== 'rejected' && sync.state !== 'attention' && (
            <SyncBadge state={sync.state} />
          )}
          <p class="hint">
            {editor.isSaved
              ? t(isPast ? 'checkin.editingPast' : 'checkin.editing')
              : t(isPast ? 'checkin.introPast' : 'checkin.intro', {
                  count: CHECKIN_QUESTIONS.filter((q) => isAsked(q, a)).length,
                })}
          </p>
          {editor.failure && (
            <p class="form-alert" role="alert" tabIndex={-1}>
              {t(storageFailureKey(editor.failure))}
            </p>
          )}
          {editor.draftProblem && (
            <p class="form-alert" role="alert">
              {t(editor.draftProblem)}
            </p>
          )}
          {CHECKIN_QUESTIONS.filter((q) => q !== 'p6' && isAsked(q, a)).map((q) => (
            <Stepper
              key={q}
              id={`checkin-${q}`}
              label={q === 'p1' && isPast ? t('checkin.p1Past') : t(`checkin.${q}`)}
              hint={hintOf(q)}
              value={a[q]}
              min={QUESTION_RULES[q].min}
              max={q === 'p5' && a.p4 !== null ? Math.max(a.p4, 0) : QUESTION_RULES[q].max}
              onChange={(value) => editor.change({ [q]: value })}
              error={issueText(q, editor.issues, a.p4)}
            />
          ))}
          <ChipGroup
            legend={t(isPast ? 'checkin.p6Past' : 'checkin.p6')}
            name="p6"
            options={EASE.map((v) => ({ value: v, label: `${v} · ${t(`checkin.ease${v}`)}` }))}
            value={a.p6 === null ? [] : [String(a.p6) as (typeof EASE)[number]]}
            onChange={(v) => editor.change({ p6: v[0] ? Number(v[0]) : null })}
            error={issueText('p6', editor.issues, a.p4)}
          />
          <FormActions saveLabel={t('checkin.save')} />
        </>
      )}
    </form>
  );
}
