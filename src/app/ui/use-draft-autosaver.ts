/**
 * A form's draft autosaver (storage/drafts.ts), flushed at once whenever the page may go away: on
 * `pagehide`, when the app is hidden, before an update is applied (`naptime:flush-drafts`), and when
 * the form leaves the screen (the draft is kept: she comes back to it).
 */
import { useEffect, useMemo } from 'preact/hooks';
import { createDraftAutosaver, type DraftAutosaver } from '../../storage/drafts';
import { db } from '../db';

/** The autosaver of the draft `draftKey`, flushed on every way out of the page. */
export function useDraftAutosaver(draftKey: string): DraftAutosaver {
  const autosaver = useMemo(() => createDraftAutosaver(db, draftKey, { delayMs: 400 }), [draftKey]);
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
