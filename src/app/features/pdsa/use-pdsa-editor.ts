/**
 * The PDSA worksheet being filled: loads the saved cycle, a pre-filled next cycle (`afterId`) or a
 * blank first cycle, or her unfinished draft of any of them; autosaves every change as a draft
 * (debounced, and at once on `pagehide`, on hiding the app and before an update), exactly like the
 * note form; saves and deletes through storage. The draft is removed only by the transaction that
 * saves the cycle.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { toCalendarDate } from '../../../domain/dates';
import type { StoredRecord } from '../../../domain/envelope';
import { nextCyclePrefill } from '../../../domain/pdsa';
import type { PdsaData } from '../../../domain/records';
import { deleteDraft, loadDraft } from '../../../storage/drafts';
import { getRecord } from '../../../storage/read';
import { newRecordId, saveRecord } from '../../../storage/write';
import { useDraftAutosaver } from '../../ui/use-draft-autosaver';
import type { NaptimeDb } from '../../../storage/db';
import { useDb } from '../../db';
import { emptyPdsaForm, hasContent, pdsaDataFromForm, pdsaFormFromData, pdsaFormFromDraft, pdsaFormFromRecord, type PdsaFormValues } from './pdsa-form';
import { pdsaIssueMessages, type PdsaErrors } from './pdsa-issues';
import { readPdsaCycles } from './use-pdsa';

/** Where loading the worksheet is. */
export type EditorState = 'loading' | 'ready' | 'missing' | 'unreadable';
/** What a save gave: the committed cycle, or why it was not saved. */
export type SaveOutcome =
  | { ok: true; record: StoredRecord<PdsaData> }
  | { ok: false; reason: 'invalid' | 'storage-full' | 'storage-error' };

/** The draft key of a worksheet: one per saved cycle, one per "next cycle after", one for a new idea. */
export function pdsaDraftKey(editId: string | undefined, afterId: string | undefined): string {
  return editId ? `pdsa:${editId}` : afterId ? `pdsa:next:${afterId}` : 'pdsa:new';
}

/** Which error paths a change of the worksheet's `key` may fix. */
const PATH_OF: Partial<Record<keyof PdsaFormValues, string>> = {
  asPlanned: 'do.asPlanned',
  whatHappened: 'do.whatHappened',
  surprises: 'do.surprises',
};

async function initialValues(db: NaptimeDb, editId: string | undefined, afterId: string | undefined): Promise<PdsaFormValues | EditorState> {
  const today = toCalendarDate(new Date());
  if (editId) {
    const item = await getRecord(db, 'pdsa', editId);
    if (!item || (item.ok && item.record.deleted === 1)) return 'missing';
    return item.ok ? pdsaFormFromRecord(item.record as StoredRecord<PdsaData>) : 'unreadable';
  }
  if (afterId) {
    const last = await getRecord(db, 'pdsa', afterId);
    if (last?.ok && last.record.deleted !== 1) {
      const siblings = (await readPdsaCycles(db)).cycles.map((c) => c.data);
      return pdsaFormFromData(newRecordId(), nextCyclePrefill(last.record.data as PdsaData, today, siblings));
    }
  }
  return emptyPdsaForm(newRecordId(), newRecordId(), today);
}

/** State and actions of the worksheet for a new idea, a next cycle (`afterId`) or a saved cycle (`editId`). */
export function usePdsaEditor(editId: string | undefined, afterId: string | undefined) {
  const db = useDb();
  const draftKey = pdsaDraftKey(editId, afterId);
  const [state, setState] = useState<EditorState>('loading');
  const [values, setValues] = useState<PdsaFormValues | null>(null);
  const [isRestored, setRestored] = useState(false);
  const [errors, setErrors] = useState<PdsaErrors>({});
  const [isSaving, setSaving] = useState(false);
  const [isChanged, setChanged] = useState(false);
  const valuesRef = useRef<PdsaFormValues | null>(null);
  const autosaver = useDraftAutosaver(draftKey);

  useEffect(() => {
    let isCurrent = true;
    setState('loading');
    (async () => {
      const draft = pdsaFormFromDraft(await loadDraft(db, draftKey));
      const loaded = await initialValues(db, editId, afterId);
      if (!isCurrent) return;
      if (typeof loaded === 'string') return setState(loaded);
      const initial = draft ?? loaded;
      valuesRef.current = initial;
      setValues(initial);
      setRestored(draft !== null);
      setErrors({});
      setChanged(false);
      setState('ready');
    })();
    return () => {
      isCurrent = false;
    };
  }, [draftKey]);

  const change = (patch: Partial<PdsaFormValues>) => {
    const next = { ...valuesRef.current!, ...patch };
    valuesRef.current = next;
    setValues(next);
    setChanged(true);
    const touched = (Object.keys(patch) as (keyof PdsaFormValues)[]).map((k) => PATH_OF[k] ?? k);
    const isFixed = (path: string) => touched.some((p) => path === p || path.startsWith(`${p}.`));
    if (Object.keys(errors).some(isFixed)) setErrors(Object.fromEntries(Object.entries(errors).filter(([p]) => !isFixed(p))));
    if (editId || afterId || hasContent(next)) autosaver.update(next as unknown as Record<string, unknown>);
    else {
      autosaver.cancel();
      void deleteDraft(db, draftKey);
    }
  };

  const save = async (): Promise<SaveOutcome> => {
    const current = valuesRef.current!;
    setSaving(true);
    // The pending draft write must not land after the save removed the draft.
    await autosaver.stop();
    const result = await saveRecord(db, 'pdsa', current.id, pdsaDataFromForm(current), { draftKey });
    setSaving(false);
    if (result.ok) {
      setErrors({});
      return { ok: true, record: result.record as StoredRecord<PdsaData> };
    }
    // Not saved: everything she wrote stays in the worksheet and in the draft.
    autosaver.update(current as unknown as Record<string, unknown>);
    setErrors(result.reason === 'invalid' ? pdsaIssueMessages(result.issues, current) : {});
    return { ok: false, reason: result.reason };
  };

  const discard = () => autosaver.discard();
  const remove = () => autosaver.deleteRecord('pdsa', editId!);

  /** True when leaving would throw away something she wrote that is not saved as the cycle. */
  const hasUnsavedWork = values !== null && (editId || afterId ? isChanged || isRestored : hasContent(values));

  return { state, values, isRestored, errors, isSaving, hasUnsavedWork, change, save, discard, remove };
}
