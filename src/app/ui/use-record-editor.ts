/**
 * The one form editor of the app (notes, check-in, PDSA, children): loads her unfinished draft or
 * the record, autosaves every change as a draft (storage/drafts.ts; flushed at once on `pagehide`,
 * when the app is hidden, before an update is applied and when the form leaves the screen), saves
 * through storage in the transaction that removes the draft, discards, and deletes with Undo.
 * Every storage result that can fail comes back as words for her (ui/storage-words.ts).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { StoredRecord } from '../../domain/envelope';
import type { FieldIssue } from '../../domain/records';
import type { SyncedTable } from '../../domain/tables';
import type { NaptimeDb } from '../../storage/db';
import {
  createDraftAutosaver,
  deleteDraft,
  loadDraft,
  saveDraft,
  whenDraftsSettled,
  type DraftReader,
} from '../../storage/drafts';
import type { StorageFailure } from '../../storage/errors';
import {
  deleteRecord,
  restoreRecord,
  type SaveOptions,
  type SaveResult,
} from '../../storage/write';
import { useDb } from '../db';
import type { MessageKey } from '../i18n/en';
import { showToast } from '../state';
import { draftFailureKey, storageFailureKey } from './storage-words';

/** Where loading the form is: `failed` when storage could not be read (she can retry). */
export type EditorState = 'loading' | 'ready' | 'missing' | 'unreadable' | 'failed';

/** What a save gave: the committed record, or why it was not saved. */
export type EditorSaveOutcome<R, V> =
  | { ok: true; record: R }
  | { ok: false; reason: 'invalid'; issues: FieldIssue[]; values: V }
  | { ok: false; reason: StorageFailure['reason'] };

/** What a form tells the editor about itself. */
export interface RecordEditorSpec<V extends object, D, C = undefined> {
  /** The draft of this form (one per record, and one per kind of new record). */
  draftKey: string;
  /** The table the record lives in (for delete and undo). */
  table: SyncedTable;
  /** The values when there is no draft, with what else the form shows; or why there is nothing to edit. */
  load: (db: NaptimeDb) => Promise<{ values: V; context: C } | 'missing' | 'unreadable'>;
  /** Reads a stored draft back as values, or null when it is not one of this form's. */
  readDraft: DraftReader<V>;
  /** Writes the record in the transaction that removes the draft (`options.draftKey`). */
  save: (db: NaptimeDb, values: V, options: SaveOptions) => Promise<SaveResult<D>>;
  /** False when the values hold nothing worth keeping: the draft is then removed. Default: true. */
  isWorthADraft?: (values: V) => boolean;
  /** The id of the record the values describe. */
  idOf: (values: V) => string;
}

/** A form's draft writer, flushed on every way out of the page. */
function useAutosaver<V extends object>(
  db: NaptimeDb,
  draftKey: string,
  onError: (f: StorageFailure) => void,
) {
  const saver = useMemo(
    () => createDraftAutosaver<V>(db, draftKey, { delayMs: 0, onError }),
    [db, draftKey],
  );
  useEffect(() => {
    const flush = () => void saver.flush();
    const onHide = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    window.addEventListener('naptime:flush-drafts', flush);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('naptime:flush-drafts', flush);
      document.removeEventListener('visibilitychange', onHide);
      // Leaving the form keeps the draft: she comes back to it.
      flush();
    };
  }, [saver]);
  return saver;
}

/** State and actions of one form over one record (see the header). */
export function useRecordEditor<V extends object, D, C = undefined>(
  spec: RecordEditorSpec<V, D, C>,
) {
  const db = useDb();
  const { draftKey } = spec;
  const [state, setState] = useState<EditorState>('loading');
  const [values, setValues] = useState<V | null>(null);
  const [context, setContext] = useState<C | undefined>(undefined);
  const [isRestored, setRestored] = useState(false);
  const [isChanged, setChanged] = useState(false);
  const [isSaving, setSaving] = useState(false);
  /** Words for her when keeping the draft failed (her text is still on screen). */
  const [draftProblem, setDraftProblem] = useState<MessageKey | null>(null);
  const [attempt, setAttempt] = useState(0);
  const valuesRef = useRef<V | null>(null);
  const isChangedRef = useRef(false);
  const isRestoredRef = useRef(false);
  isChangedRef.current = isChanged;
  isRestoredRef.current = isRestored;
  const specRef = useRef(spec);
  specRef.current = spec;
  const saver = useAutosaver<V>(db, draftKey, (failure) =>
    setDraftProblem(draftFailureKey(failure.reason)),
  );

  useEffect(() => {
    let isCurrent = true;
    setState('loading');
    (async () => {
      const [draft, loaded] = await Promise.all([
        loadDraft(db, draftKey, specRef.current.readDraft),
        specRef.current.load(db),
      ]);
      if (!isCurrent) return;
      if (typeof loaded === 'string') return setState(loaded);
      const initial = draft ?? loaded.values;
      valuesRef.current = initial;
      setValues(initial);
      setContext(() => loaded.context);
      setRestored(draft !== null);
      setChanged(false);
      setDraftProblem(null);
      setState('ready');
    })().catch((error: unknown) => {
      console.error('the form could not be read', error);
      if (isCurrent) setState('failed');
    });
    return () => {
      isCurrent = false;
    };
  }, [db, draftKey, attempt]);

  /** Stops autosaving and waits for any draft write under way, so none lands after what comes next. */
  const stop = async () => {
    saver.cancel();
    await whenDraftsSettled();
  };

  const keepDraft = (next: V) => {
    if (specRef.current.isWorthADraft?.(next) ?? true) return saver.update(next);
    saver.cancel();
    void deleteDraft(db, draftKey).then((r) => !r.ok && setDraftProblem(draftFailureKey(r.reason)));
  };

  const change = (patch: Partial<V>) => {
    const next = { ...valuesRef.current!, ...patch };
    valuesRef.current = next;
    setValues(next);
    setChanged(true);
    isChangedRef.current = true;
    keepDraft(next);
  };

  const save = async (): Promise<EditorSaveOutcome<StoredRecord<D>, V>> => {
    const current = valuesRef.current!;
    setSaving(true);
    // The pending draft write must not land after the save removed the draft.
    await stop();
    const result = await specRef.current.save(db, current, { draftKey });
    setSaving(false);
    if (result.ok) {
      setChanged(false);
      setRestored(false);
      return { ok: true, record: result.record };
    }
    // Not saved: everything she wrote stays in the form and in the draft.
    saver.update(current);
    return result.reason === 'invalid'
      ? { ok: false, reason: 'invalid', issues: result.issues, values: current }
      : { ok: false, reason: result.reason };
  };

  /**
   * Throws the draft away; the words for her when storage refused, else null. With `reopen`, what
   * she wrote is offered back for ten seconds: Undo keeps it as the draft again and reopens the form.
   */
  const discard = async (reopen?: () => void): Promise<MessageKey | null> => {
    const kept = valuesRef.current;
    await stop();
    const result = await deleteDraft(db, draftKey);
    if (!result.ok) return storageFailureKey(result.reason);
    if (reopen && kept && (isChangedRef.current || isRestoredRef.current)) {
      const run = async () => {
        const back = await saveDraft(db, draftKey, kept);
        if (back.ok) reopen();
        else showToast(storageFailureKey(back.reason));
      };
      showToast('discard.done', {
        durationMs: 10_000,
        action: { label: 'common.undo', run: () => void run() },
      });
    }
    return null;
  };

  /**
   * Soft-deletes the record, then its draft, and offers Undo for ten seconds with `deletedMessage`;
   * a failed Undo says so. Returns the words of a failed delete, or null.
   */
  const remove = async (deletedMessage: MessageKey): Promise<MessageKey | null> => {
    const { table } = specRef.current;
    const id = specRef.current.idOf(valuesRef.current!);
    await stop();
    const result = await deleteRecord(db, table, id);
    if (!result.ok)
      return result.reason === 'invalid' ? 'error.storageError' : storageFailureKey(result.reason);
    await deleteDraft(db, draftKey);
    showToast(deletedMessage, {
      durationMs: 10_000,
      action: { label: 'common.undo', run: () => void undo(db, table, id) },
    });
    return null;
  };

  return {
    state,
    values,
    context,
    isRestored,
    isChanged,
    isSaving,
    draftProblem,
    change,
    save,
    discard,
    remove,
    retry: () => setAttempt((n) => n + 1),
  };
}

/** Undo of a delete: the record comes back, or she is told it did not. */
export async function undo(db: NaptimeDb, table: SyncedTable, id: string): Promise<boolean> {
  const result = await restoreRecord(db, table, id);
  showToast(result.ok ? 'deleted.restored' : 'error.restoreFailed');
  return result.ok;
}
