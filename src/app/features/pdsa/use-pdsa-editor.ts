/**
 * The PDSA worksheet being filled, through the one form editor (ui/use-record-editor.ts): the saved
 * cycle, a pre-filled next cycle (`afterId`) or a blank first cycle, or her unfinished draft of any
 * of them; autosaved as she types; save, discard and delete with Undo.
 */
import { useState } from 'preact/hooks';
import { toCalendarDate } from '../../../domain/dates';
import type { StoredRecord } from '../../../domain/envelope';
import { nextCyclePrefill } from '../../../domain/pdsa';
import type { PdsaData } from '../../../domain/records';
import { getRecord } from '../../../storage/read';
import { newRecordId, saveRecord } from '../../../storage/write';
import { useRecordEditor, type EditorState } from '../../ui/use-record-editor';
import type { NaptimeDb } from '../../../storage/db';
import {
  emptyPdsaForm,
  hasContent,
  pdsaDataFromForm,
  pdsaFormFromData,
  pdsaFormFromDraft,
  pdsaFormFromRecord,
  type PdsaFormValues,
} from './pdsa-form';
import { pdsaIssueMessages, type PdsaErrors } from './pdsa-issues';
import { readPdsaCycles } from './use-pdsa';

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

async function initialValues(
  db: NaptimeDb,
  editId: string | undefined,
  afterId: string | undefined,
): Promise<PdsaFormValues | Extract<EditorState, 'missing' | 'unreadable'>> {
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
      return pdsaFormFromData(
        newRecordId(),
        nextCyclePrefill(last.record.data as PdsaData, today, siblings),
      );
    }
  }
  return emptyPdsaForm(newRecordId(), newRecordId(), today);
}

/** State and actions of the worksheet for a new idea, a next cycle (`afterId`) or a saved cycle (`editId`). */
export function usePdsaEditor(editId: string | undefined, afterId: string | undefined) {
  const [errors, setErrors] = useState<PdsaErrors>({});
  const editor = useRecordEditor<PdsaFormValues, PdsaData>({
    draftKey: pdsaDraftKey(editId, afterId),
    table: 'pdsa',
    readDraft: pdsaFormFromDraft,
    load: async (db) => {
      const loaded = await initialValues(db, editId, afterId);
      return typeof loaded === 'string' ? loaded : { values: loaded, context: undefined };
    },
    isWorthADraft: (v) => editId !== undefined || afterId !== undefined || hasContent(v),
    save: (db, v, options) => saveRecord(db, 'pdsa', v.id, pdsaDataFromForm(v), options),
    idOf: (v) => v.id,
  });

  const change = (patch: Partial<PdsaFormValues>) => {
    editor.change(patch);
    const touched = (Object.keys(patch) as (keyof PdsaFormValues)[]).map((k) => PATH_OF[k] ?? k);
    const isFixed = (path: string) => touched.some((p) => path === p || path.startsWith(`${p}.`));
    if (Object.keys(errors).some(isFixed))
      setErrors(Object.fromEntries(Object.entries(errors).filter(([p]) => !isFixed(p))));
  };

  const save = async () => {
    const outcome = await editor.save();
    setErrors(
      outcome.ok || outcome.reason !== 'invalid'
        ? {}
        : pdsaIssueMessages(outcome.issues, outcome.values),
    );
    return outcome;
  };

  const { values, isChanged, isRestored } = editor;
  /** True when leaving would throw away something she wrote that is not saved as the cycle. */
  const hasUnsavedWork =
    values !== null && (editId || afterId ? isChanged || isRestored : hasContent(values));

  return {
    ...editor,
    errors,
    hasUnsavedWork,
    change,
    save,
    remove: () => editor.remove('pdsa.deleted'),
  };
}
