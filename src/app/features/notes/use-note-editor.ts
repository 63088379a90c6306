/**
 * The note being written: loads the saved note or her unfinished draft, autosaves every change as a
 * draft (debounced, and at once on `pagehide`, on hiding the app and before an update), and saves or
 * deletes through storage. The draft is removed only by the transaction that saves the note.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { deleteDraft, loadDraft } from '../../../storage/drafts';
import { getRecord } from '../../../storage/read';
import { newRecordId, saveRecord } from '../../../storage/write';
import type { ObservationData } from '../../../domain/records';
import type { StoredRecord } from '../../../domain/envelope';
import { useDraftAutosaver } from '../../ui/use-draft-autosaver';
import { useDb } from '../../db';
import { emptyNoteForm, hasContent, noteDataFromForm, noteFormFromDraft, noteFormFromRecord, type NoteFormValues } from './note-form';
import { noteIssueMessages, type NoteField } from './note-issues';

export type EditorState = 'loading' | 'ready' | 'missing' | 'unreadable';
export type SaveOutcome =
  | { ok: true; record: StoredRecord<ObservationData> }
  | { ok: false; reason: 'invalid' | 'storage-full' | 'storage-error' };

/** State and actions of the note form for a new note (`editId` undefined) or an existing one. */
export function useNoteEditor(editId: string | undefined, preselectedChildId?: string) {
  const db = useDb();
  const draftKey = editId ? `note:${editId}` : 'note:new';
  const [state, setState] = useState<EditorState>('loading');
  const [values, setValues] = useState<NoteFormValues | null>(null);
  const [isRestored, setRestored] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<NoteField, string>>>({});
  const [isSaving, setSaving] = useState(false);
  const valuesRef = useRef<NoteFormValues | null>(null);
  const autosaver = useDraftAutosaver(draftKey);

  useEffect(() => {
    let isCurrent = true;
    (async () => {
      const draft = noteFormFromDraft(await loadDraft(db, draftKey));
      let initial: NoteFormValues | null = draft;
      if (editId) {
        const item = await getRecord(db, 'observations', editId);
        if (!item) return isCurrent && setState('missing');
        if (!item.ok) return isCurrent && setState('unreadable');
        initial ??= noteFormFromRecord(item.record as StoredRecord<ObservationData>);
      }
      initial ??= emptyNoteForm(newRecordId(), preselectedChildId ? [preselectedChildId] : []);
      if (!isCurrent) return;
      valuesRef.current = initial;
      setValues(initial);
      setRestored(draft !== null);
      setState('ready');
    })();
    return () => {
      isCurrent = false;
    };
  }, [draftKey]);

  const change = (patch: Partial<NoteFormValues>) => {
    const next = { ...valuesRef.current!, ...patch };
    valuesRef.current = next;
    setValues(next);
    const touched = Object.keys(patch).map((k) => (k === 'when' || k === 'customWhen' ? 'observedAt' : k));
    if (touched.some((k) => k in errors)) {
      setErrors(Object.fromEntries(Object.entries(errors).filter(([k]) => !touched.includes(k))));
    }
    if (editId || hasContent(next) || next.childIds.length > 0) autosaver.update(next as unknown as Record<string, unknown>);
    else {
      autosaver.cancel();
      void deleteDraft(db, draftKey);
    }
  };

  const save = async (now: Date = new Date()): Promise<SaveOutcome> => {
    const current = valuesRef.current!;
    setSaving(true);
    // The pending draft write must not land after the save removed the draft.
    await autosaver.stop();
    const result = await saveRecord(db, 'observations', current.id, noteDataFromForm(current, now), { draftKey });
    setSaving(false);
    if (result.ok) {
      setErrors({});
      return { ok: true, record: result.record as StoredRecord<ObservationData> };
    }
    // Not saved: her text stays in the form and in the draft.
    autosaver.update(current as unknown as Record<string, unknown>);
    setErrors(result.reason === 'invalid' ? noteIssueMessages(result.issues) : {});
    return { ok: false, reason: result.reason };
  };

  const discard = () => autosaver.discard();
  const remove = () => autosaver.deleteRecord('observations', editId!);

  return { state, values, isRestored, errors, isSaving, change, save, discard, remove };
}
