/**
 * A form's draft autosaver (storage/drafts.ts), flushed at once whenever the page may go away: on
 * `pagehide`, when the app is hidden, before an update is applied (`naptime:flush-drafts`), and when
 * the form leaves the screen (the draft is kept: she comes back to it).
 */
import { useEffect, useMemo } from 'preact/hooks';
import type { SyncedTable } from '../../domain/tables';
import { createDraftAutosaver, deleteDraft, whenDraftsSettled, type DraftAutosaver } from '../../storage/drafts';
import { deleteRecord } from '../../storage/write';
import { useDb } from '../db';

/** A form's autosaver, plus the ways a form ends its draft. */
export interface FormDraft extends DraftAutosaver {
  /** Stops autosaving and waits for any draft write under way, so none lands after what comes next. */
  stop(): Promise<void>;
  /** Throws the draft away. */
  discard(): Promise<void>;
  /** Soft-deletes the record the form edits, then its draft; false when the delete failed. */
  deleteRecord(table: SyncedTable, id: string): Promise<boolean>;
}

/** The autosaver of the draft `draftKey`, flushed on every way out of the page. */
export function useDraftAutosaver(draftKey: string): FormDraft {
  const db = useDb();
  const autosaver = useMemo((): FormDraft => {
    const saver = createDraftAutosaver(db, draftKey, { delayMs: 400 });
    const stop = async () => {
      saver.cancel();
      await whenDraftsSettled();
    };
    return {
      ...saver,
      stop,
      discard: async () => {
        await stop();
        await deleteDraft(db, draftKey);
      },
      deleteRecord: async (table, id) => {
        await stop();
        const result = await deleteRecord(db, table, id);
        if (result.ok) await deleteDraft(db, draftKey);
        return result.ok;
      },
    };
  }, [draftKey]);
  useEffect(() => {
    const flush = () => void autosaver.flush();
    const onHide = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    window.addEventListener('naptime:flush-drafts', flush);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('naptime:flush-drafts', flush);
      document.removeEventListener('visibilitychange', onHide);
      flush();
    };
  }, [autosaver]);
  return autosaver;
}
