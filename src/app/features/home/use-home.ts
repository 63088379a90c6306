/** Live reads behind Home. `undefined` means loading. */
import { useLiveQuery } from '../../ui/use-live-query';
import { loadDraft } from '../../../storage/drafts';
import { useDb } from '../../db';
import { noteFormFromDraft } from '../notes/note-form';

/** Her unfinished new note, if one is waiting. */
export function useUnfinishedNote() {
  const db = useDb();
  return useLiveQuery(async () => noteFormFromDraft(await loadDraft(db, 'note:new')), []);
}
