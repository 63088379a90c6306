import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import type { MessageKey } from '../../i18n/en';
import { dateFormat, t } from '../../i18n/i18n';
import { showToast } from '../../state';
import { Field } from '../../ui/Field';
import { RecordSyncNotice } from '../attention/RecordSyncNotice';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormActions } from '../../ui/FormActions';
import { ReadFailed } from '../../ui/ReadFailed';
import { storageFailureKey } from '../../ui/storage-words';
import { useChildEditor } from './use-child-editor';

const YEARS_BACK = 13;

/** Add a child, or edit one (name, birth month, still in her care); her unfinished form is kept as a draft. */
export function ChildFormPage(): JSX.Element {
  const { params, query } = useRoute();
  const { route } = useLocation();
  const id = params.id;
  const editor = useChildEditor(id);
  const [alert, setAlert] = useState<MessageKey | null>(null);
  const [isAskingDelete, setAskingDelete] = useState(false);

  if (editor.state === 'failed') return <ReadFailed onRetry={editor.retry} />;
  if (editor.state === 'missing') return <p class="page">{t('children.missing')}</p>;
  if (editor.state === 'unreadable') return <p class="page">{t('common.unreadable')}</p>;
  if (editor.state !== 'ready' || !editor.values)
    return <p class="page hint">{t('common.loading')}</p>;
  const values = editor.values;
  const savedName = values.name.trim() || t('children.title');
  const error = editor.error;

  const set = editor.change;
  const back = () => route(query.from ?? '/children', true);
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    setAlert(null);
    const outcome = await editor.save();
    if (outcome.ok) {
      showToast('saved.here');
      return back();
    }
    if (outcome.reason !== 'invalid') setAlert(storageFailureKey(outcome.reason));
  };
  const onDelete = async () => {
    setAskingDelete(false);
    const problem = await editor.remove();
    if (problem) return setAlert(problem);
    back();
  };
  const onCancel = async () => {
    const problem = await editor.discard();
    if (problem) return setAlert(problem);
    back();
  };

  const thisYear = new Date().getFullYear();
  const monthNames = Array.from({ length: 12 }, (_, i) =>
    dateFormat({ month: 'long' }).format(new Date(2024, i, 15)),
  );
  return (
    <form class="page" onSubmit={onSubmit} noValidate>
      <h1>{t(id ? 'children.editTitle' : 'children.newTitle')}</h1>
      <RecordSyncNotice table="children" id={id} />
      {alert && (
        <p class="form-alert" role="alert">
          {t(alert)}
        </p>
      )}
      {editor.draftProblem && (
        <p class="form-alert" role="alert">
          {t(editor.draftProblem)}
        </p>
      )}
      <Field
        id="child-name"
        label={t('children.name')}
        hint={t('children.nameHint')}
        error={error?.field === 'name' ? error.message : null}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            value={values.name}
            maxLength={60}
            autoComplete="off"
            onInput={(e) => set({ name: e.currentTarget.value })}
          />
        )}
      </Field>
      <fieldset class="field-group">
        <legend>{t('children.birthMonth')}</legend>
        <p class="hint">{t('children.birthMonthHint')}</p>
        <div class="row">
          <Field id="child-month" label={t('children.month')}>
            {(control) => (
              <select
                {...control}
                value={values.month}
                onChange={(e) => set({ month: e.currentTarget.value })}
              >
                <option value="">{t('children.notSet')}</option>
                {monthNames.map((name, i) => (
                  <option key={name} value={String(i + 1).padStart(2, '0')}>
                    {name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="child-year" label={t('children.year')}>
            {(control) => (
              <select
                {...control}
                value={values.year}
                onChange={(e) => set({ year: e.currentTarget.value })}
              >
                <option value="">{t('children.notSet')}</option>
                {Array.from({ length: YEARS_BACK }, (_, i) => String(thisYear - i)).map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {error?.field === 'birthMonth' && <p class="field-error">{error.message}</p>}
      </fieldset>
      <label class="check">
        <input
          type="checkbox"
          checked={values.active}
          onChange={(e) => set({ active: e.currentTarget.checked })}
        />
        <span>{t('children.active')}</span>
      </label>
      <p class="hint">{t('children.activeHint')}</p>
      <FormActions
        saveLabel={t('children.save')}
        cancelLabel={t('common.cancel')}
        onCancel={onCancel}
        deleteLabel={id ? t('children.delete') : undefined}
        onDelete={() => setAskingDelete(true)}
      />
      {isAskingDelete && (
        <ConfirmDialog
          title={t('children.deleteTitle', { name: savedName })}
          body={t('children.deleteWarning', { name: savedName })}
          confirmLabel={t('children.deleteConfirm', { name: savedName })}
          cancelLabel={t('common.cancel')}
          isDanger
          onConfirm={() => void onDelete()}
          onCancel={() => setAskingDelete(false)}
        />
      )}
    </form>
  );
}
