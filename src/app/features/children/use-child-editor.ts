/**
 * A child being added or edited, through the one form editor (ui/use-record-editor.ts): the saved
 * child or her unfinished draft, autosaved as she types; save, discard and delete with Undo.
 */
import { useState } from 'preact/hooks';
import type { ChildData } from '../../../domain/records';
import { getRecord } from '../../../storage/read';
import { newRecordId, saveChild } from '../../../storage/write';
import { t } from '../../i18n/i18n';
import { useRecordEditor } from '../../ui/use-record-editor';

/** What the children form holds: the birth month as two choices, either both set or neither. */
export interface ChildFormValues {
  id: string;
  name: string;
  month: string;
  year: string;
  active: boolean;
}

/** The form's values of a saved child. */
export function childFormFromData(id: string, d: ChildData): ChildFormValues {
  const [year = '', month = ''] = (d.birthMonth ?? '').split('-');
  return { id, name: d.name, month, year, active: d.active };
}

/** A draft of the children form, or null when the value is not one. */
export function childFormFromDraft(value: unknown): ChildFormValues | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Partial<ChildFormValues>;
  if (typeof v.id !== 'string' || typeof v.name !== 'string') return null;
  const text = (x: unknown) => (typeof x === 'string' ? x : '');
  return {
    id: v.id,
    name: v.name,
    month: text(v.month),
    year: text(v.year),
    active: v.active !== false,
  };
}

/** Which field an error belongs to. */
export type ChildField = 'name' | 'birthMonth';

/** State and actions of the children form for a new child (`editId` undefined) or a saved one. */
export function useChildEditor(editId: string | undefined) {
  const [error, setError] = useState<{ field: ChildField; message: string } | null>(null);
  const editor = useRecordEditor<ChildFormValues, ChildData>({
    draftKey: editId ? `child:${editId}` : 'child:new',
    table: 'children',
    readDraft: childFormFromDraft,
    load: async (db) => {
      if (!editId)
        return {
          values: { id: newRecordId(), name: '', month: '', year: '', active: true },
          context: undefined,
        };
      const item = await getRecord(db, 'children', editId);
      if (!item || (item.ok && item.record.deleted === 1)) return 'missing';
      if (!item.ok) return 'unreadable';
      return { values: childFormFromData(editId, item.record.data), context: undefined };
    },
    isWorthADraft: (v) =>
      editId !== undefined || v.name.trim() !== '' || v.month !== '' || v.year !== '',
    save: (db, v, options) => {
      if ((v.month === '') !== (v.year === '')) {
        return Promise.resolve({
          ok: false,
          reason: 'invalid',
          issues: [{ path: 'birthMonth', message: 'incomplete' }],
        });
      }
      const birthMonth = v.month ? `${v.year}-${v.month}` : null;
      return saveChild(db, { id: v.id, name: v.name, birthMonth, active: v.active }, options);
    },
    idOf: (v) => v.id,
  });

  const change = (patch: Partial<ChildFormValues>) => {
    editor.change(patch);
    const touched = Object.keys(patch).map((k) =>
      k === 'month' || k === 'year' ? 'birthMonth' : k,
    );
    if (error && touched.includes(error.field)) setError(null);
  };

  const save = async () => {
    const outcome = await editor.save();
    if (!outcome.ok && outcome.reason === 'invalid') {
      const field: ChildField = outcome.issues[0]?.path.startsWith('birthMonth')
        ? 'birthMonth'
        : 'name';
      setError({ field, message: t(field === 'name' ? 'error.childName' : 'error.birthMonth') });
    } else setError(null);
    return outcome;
  };

  return { ...editor, error, change, save, remove: () => editor.remove('children.deleted') };
}
