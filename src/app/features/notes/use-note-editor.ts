/**
 * The note being written, through the one form editor (ui/use-record-editor.ts): the saved note or
 * her unfinished draft, autosaved as she types; save, discard and delete with Undo. Field errors
 * follow her as she fixes them.
 */
import { useState } from 'preact/hooks';
import type { ObservationData } from '../../../domain/records';
import { getRecord } from '../../../storage/read';
import { newRecordId, saveRecord } from '../../../storage/write';
import { useRecordEditor } from '../../ui/use-record-editor';
import {
  emptyNoteForm,
  hasContent,
  noteDataFromForm,
  noteFormFromDraft,
  noteFormFromRecord,
  type NoteFormValues,
} from './note-form';
import { noteIssueMessages, type NoteField } from './note-issues';

export type { EditorState } from '../../ui/use-record-editor';

/** State and actions of the note form for a new note (`editId` undefined) or an existing one. */
export function useNoteEditor(editId: string | undefined, preselectedChildId?: string) {
  const [errors, setErrors] = useState<Partial<Record<NoteField, string>>>({});
  const editor = useRecordEditor<NoteFormValues, ObservationData>({
    draftKey: editId ? `note:${editId}` : 'note:new',
    table: 'observations',
    readDraft: noteFormFromDraft,
    load: async (db) => {
      if (!editId)
        return {
          values: emptyNoteForm(newRecordId(), preselectedChildId ? [preselectedChildId] : []),
          context: undefined,
        };
      const item = await getRecord(db, 'observations', editId);
      if (!item) return 'missing';
      if (!item.ok) return 'unreadable';
      return { values: noteFormFromRecord(item.record), context: undefined };
    },
    isWorthADraft: (v) => editId !== undefined || hasContent(v) || v.childIds.length > 0,
    save: (db, v, options) =>
      saveRecord(db, 'observations', v.id, noteDataFromForm(v, new Date()), options),
    idOf: (v) => v.id,
  });

  const change = (patch: Partial<NoteFormValues>) => {
    editor.change(patch);
    const touched = Object.keys(patch).map((k) =>
      k === 'when' || k === 'customWhen' ? 'observedAt' : k,
    );
    if (touched.some((k) => k in errors)) {
      setErrors(Object.fromEntries(Object.entries(errors).filter(([k]) => !touched.includes(k))));
    }
  };

  const save = async () => {
    const outcome = await editor.save();
    setErrors(outcome.ok || outcome.reason !== 'invalid' ? {} : noteIssueMessages(outcome.issues));
    return outcome;
  };

  return { ...editor, errors, change, save, remove: () => editor.remove('note.deleted') };
}
