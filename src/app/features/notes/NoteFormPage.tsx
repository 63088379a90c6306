import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { isoWeekOf } from '../../../domain/dates';
import { restoreRecord } from '../../../storage/write';
import { useDb } from '../../db';
import { t } from '../../i18n/i18n';
import { showToast } from '../../state';
import { hasContent } from './note-form';
import { NoteForm } from './NoteForm';
import { useNoteEditor } from './use-note-editor';

/** Writing a new note, or editing one: save, delete with undo, or put it aside as a draft. */
export function NoteFormPage(): JSX.Element {
  const db = useDb();
  const { params, query } = useRoute();
  const { route } = useLocation();
  const editId = params.id;
  const editor = useNoteEditor(editId, query.child);
  const [storageError, setStorageError] = useState<string | null>(null);
  const back = (week?: string) => route(query.from ?? (week ? `/notes?week=${week}` : '/notes'), true);

  if (editor.state === 'loading' || !editor.values) {
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
    if (outcome.reason !== 'invalid') setStorageError(t(outcome.reason === 'storage-full' ? 'error.storageFull' : 'error.storageError'));
    // Take her to the first thing to fix.
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"], .has-error input, .form-alert')?.focus());
  };

  const onCancel = async () => {
    if (!editId && hasContent(editor.values!) && !window.confirm(t('note.discardConfirm'))) return;
    await editor.discard();
    back();
  };

  const onDelete = async () => {
    const id = editId!;
    if (!(await editor.remove())) return setStorageError(t('error.storageError'));
    showToast('note.deleted', {
      durationMs: 10_000,
      action: { label: 'common.undo', run: () => void restoreRecord(db, 'observations', id) },
    });
    back();
  };

  return (
    <form class="page note-form" onSubmit={onSubmit} noValidate>
      <h1>{t(editId ? 'note.editTitle' : 'note.newTitle')}</h1>
      {editor.isRestored && <p class="notice">{t('note.restored')}</p>}
      {storageError && (
        <p class="form-alert" role="alert" tabIndex={-1}>
          {storageError}
        </p>
      )}
      {editor.errors.other && <p class="form-alert" role="alert">{editor.errors.other}</p>}
      <NoteForm values={editor.values} onChange={editor.change} errors={editor.errors} />
      <div class="form-actions">
        <button type="submit" class="button primary" disabled={editor.isSaving}>
          {t('note.save')}
        </button>
        <button type="button" class="button" onClick={() => void onCancel()}>
          {t(editId ? 'common.cancel' : 'note.discard')}
        </button>
        {editId && (
          <button type="button" class="button danger" onClick={() => void onDelete()}>
            {t('note.delete')}
          </button>
        )}
      </div>
    </form>
  );
}
