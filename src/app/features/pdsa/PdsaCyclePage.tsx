import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { pdsaStatus } from '../../../domain/pdsa';
import { toCalendarDate } from '../../../domain/dates';
import { dayInWords } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { FormActions, focusFirstProblem } from '../../ui/FormActions';
import { ReadFailed } from '../../ui/ReadFailed';
import { storageFailureKey } from '../../ui/storage-words';
import { showToast } from '../../state';
import { partProgress, statusInputOf, type PartName, type PdsaFormValues } from './pdsa-form';
import { PdsaWorksheet } from './PdsaWorksheet';
import { statusWord } from './pdsa-words';
import { useIdeaPrefill } from './use-idea-prefill';
import { usePdsaEditor } from './use-pdsa-editor';
import { RecordSyncNotice } from '../attention/RecordSyncNotice';

/** The part she most likely came back for: Plan for a new cycle, else the first one not yet filled. */
function partsToOpen(v: PdsaFormValues, isNew: boolean): PartName[] {
  if (isNew) return ['plan'];
  const p = partProgress(v);
  if (p.do !== 'filled') return ['do'];
  return p.study !== 'filled' ? ['study'] : ['act'];
}

/** A cycle's worksheet (`/pdsa/new`, `/pdsa/new?after=<id>` or `?idea=<text>` pre-filled, `/pdsa/:id`): fill, save, delete, go on to the next cycle. */
export function PdsaCyclePage(): JSX.Element {
  const { params, query } = useRoute();
  const { route, url } = useLocation();
  const editId = params.id;
  const editor = usePdsaEditor(editId, editId ? undefined : query.after);
  useIdeaPrefill(editor, editId || query.after ? undefined : query.idea);
  const [alert, setAlert] = useState<string | null>(null);

  if (editor.state !== 'ready' || !editor.values) {
    if (editor.state === 'failed') return <ReadFailed onRetry={editor.retry} />;
    if (editor.state === 'missing' || editor.state === 'unreadable') {
      return (
        <section class="page">
          <h1>{t(editor.state === 'missing' ? 'pdsa.missing' : 'common.unreadable')}</h1>
          <a href="/pdsa">{t('pdsa.title')}</a>
        </section>
      );
    }
    return <p class="page hint">{t('common.loading')}</p>;
  }
  const values = editor.values;
  const status = pdsaStatus(statusInputOf(values));

  const save = async (): Promise<boolean> => {
    setAlert(null);
    const outcome = await editor.save();
    if (outcome.ok) return true;
    setAlert(
      t(outcome.reason === 'invalid' ? 'pdsa.error.fixBelow' : storageFailureKey(outcome.reason)),
    );
    focusFirstProblem();
    return false;
  };

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (!(await save())) return;
    showToast('saved.here');
    route('/pdsa', true);
  };

  const onNextCycle = async () => {
    if (!(await save())) return;
    showToast('saved.here');
    route(`/pdsa/new?after=${encodeURIComponent(values.id)}`);
  };

  const discard = async () => {
    const problem = await editor.discard(() => route(url));
    if (problem) return setAlert(t(problem));
    route('/pdsa', true);
  };

  const onDelete = async () => {
    const problem = await editor.remove();
    if (problem) return setAlert(t(problem));
    route('/pdsa', true);
  };

  return (
    <form class="page pdsa-page" onSubmit={onSubmit} noValidate>
      <h1>
        {values.cycle === 1 && !editId
          ? t('pdsa.newTitle')
          : t('pdsa.cycleTitle', { n: values.cycle })}
      </h1>
      {values.changeIdea.trim() && <p class="pdsa-idea-name">{values.changeIdea}</p>}
      <p class={`pdsa-status is-${status}`} aria-live="polite">
        {t('pdsa.statusNow', { status: statusWord(status) })}
      </p>
      {values.endDate &&
        values.endDate < toCalendarDate(new Date()) &&
        partProgress(values).study !== 'filled' && (
          <p class="notice study-nudge">
            {t('pdsa.studyNudge', { date: dayInWords(values.endDate) })}
          </p>
        )}
      <RecordSyncNotice table="pdsa" id={editId} />
      {editor.isRestored && <p class="notice">{t('pdsa.restored')}</p>}
      {alert && (
        <p class="form-alert" role="alert" tabIndex={-1}>
          {alert}
        </p>
      )}
      {editor.errors.other && <p class="form-alert">{editor.errors.other}</p>}
      {editor.draftProblem && (
        <p class="form-alert" role="alert">
          {t(editor.draftProblem)}
        </p>
      )}
      <PdsaWorksheet
        key={values.id}
        values={values}
        onChange={editor.change}
        errors={editor.errors}
        initiallyOpen={partsToOpen(values, !editId)}
      />
      <FormActions
        saveLabel={t('pdsa.save')}
        isSaving={editor.isSaving}
        cancelLabel={t(editId ? 'common.cancel' : 'pdsa.discard')}
        onCancel={discard}
        hasUnsavedWork={editor.hasUnsavedWork}
        discardQuestion={t('pdsa.discardConfirm')}
        deleteLabel={editId ? t('pdsa.delete') : undefined}
        onDelete={onDelete}
      >
        {editId && status === 'done' && (
          <button
            type="button"
            class="button"
            disabled={editor.isSaving}
            onClick={() => void onNextCycle()}
          >
            {t('pdsa.nextCycle')}
          </button>
        )}
      </FormActions>
    </form>
  );
}
