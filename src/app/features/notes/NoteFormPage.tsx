import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { isoWeekOf } from '../../../domain/dates';
import { t } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/en';
import { showToast } from '../../state';
import { FormActions, focusFirstProblem } from '../../ui/FormActions';
import { ReadFailed } from '../../ui/ReadFailed';
import { storageFailureKey } from '../../ui/storage-words';
import { hasContent } from './note-form';
import { RecordSyncNotice } from '../attention/RecordSyncNotice';
import { NoteForm } from './NoteForm';
import { useNoteEditor } from './use-note-editor';

/** Writing a new note, or editing one: save, delete with undo, or put it aside as a draft. */
export function NoteFormPage(): JSX.Element {
  const { params, query } = useRoute();
  const { route, url } = useLocation();
  const editId = params.id;
  const editor = useNoteEditor(editId, query.child);
  const [storageError, setStorageError] = useState<MessageKey | null>(null);
  const back = (week?: string) =>
    route(query.from ?? (week ? `/notes?week=${week}` : '/notes'), true);

  if (editor.state !== 'ready' || !editor.values) {
    if (editor.state === 'failed') return <ReadFailed onRetry={editor.retry} />;
    if (editor.state === 'missing' || editor.state === 'unreadable') {
      return (
        <section class="page">
          <h1>{t(editor.state === 'missing' ? 'note.missing' : 'common.unreadable')}</h1>
          <a href="/notes">{t('notes.title')}</a>
        </section>
      );
    }
    return <p class="page hint">{t('common.loading')}</p>;
  }

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    setStorageError(null);
    const outcome = await editor.save();
    if (outcome.ok) {
      showToast('saved.here');
      back(isoWeekOf(outcome.record.data.observedAt));
      return;
    }
    if (outcome.reason !== 'invalid') setStorageError(storageFailureKey(outcome.reason));
    focusFirstProblem();
  };

  const discard = async () => {
    const problem = await editor.discard(() => route(url));
    if (problem) return setStorageError(problem);
    back();
  };

  const onDelete = async () => {
    const problem = await editor.remove();
    if (problem) return setStorageError(problem);
    back();
  };

  return (
    <form class="page note-form" onSubmit={onSubmit} noValidate>
      <h1>{t(editId ? 'note.editTitle' : 'note.newTitle')}</h1>
      <RecordSyncNotice table="observations" id={editId} />
      {editor.isRestored && <p class="notice">{t('note.restored')}</p>}
      {storageError && (
        <p class="form-alert" role="alert" tabIndex={-1}>
          {t(storageError)}
        </p>
      )}
      {editor.draftProblem && (
        <p class="form-alert" role="alert">
          {t(editor.draftProblem)}
        </p>
      )}
      {editor.errors.other && (
        <p class="form-alert" role="alert">
          {editor.errors.other}
        </p>
      )}
      <NoteForm values={editor.values} onChange={editor.change} errors={editor.errors} />
      <FormActions
        saveLabel={t('note.save')}
        isSaving={editor.isSaving}
        cancelLabel={t(editId ? 'common.cancel' : 'note.discard')}
        onCancel={discard}
        hasUnsavedWork={!editId && hasContent(editor.values)}
        discardQuestion={t('note.discardConfirm')}
        deleteLabel={editId ? t('note.delete') : undefined}
        onDelete={onDelete}
      />
    </form>
  );
}
