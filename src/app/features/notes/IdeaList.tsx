import type { JSX } from 'preact';
import type { Idea } from '../../../domain/ideas';
import { useDb } from '../../db';
import { t, tn } from '../../i18n/i18n';
import { dayName } from './note-when';
import { setIdeaTried } from './use-ideas';

interface Props {
  ideas: readonly Idea[];
  childNames: Map<string, string>;
  /** Where the note opens back to. */
  from: string;
  /** False on Home, where an idea leaves the list once tried. */
  showsChildren?: boolean;
}

/**
 * Ideas to try next she can act on: the words (open the note), whose and which day, "I tried it",
 * and "Plan a PDSA cycle" with the idea pre-filled (DESIGN.md 1, 5).
 */
export function IdeaList({ ideas, childNames, from, showsChildren = true }: Props): JSX.Element {
  const db = useDb();
  return (
    <ul class="idea-list">
      {ideas.map((idea) => {
        const names = idea.childIds
          .map((id) => childNames.get(id) ?? t('note.unknownChild'))
          .join(', ');
        const note = `/notes/${encodeURIComponent(idea.noteId)}?from=${encodeURIComponent(from)}`;
        const pdsa = `/pdsa/new?idea=${encodeURIComponent(idea.text)}`;
        const repeats = idea.noteIds.length - 1;
        return (
          <li key={idea.noteId} class={`idea${idea.triedOn ? ' is-tried' : ''}`}>
            <a class="idea-text" id={`idea-${idea.noteId}`} href={note}>
              {idea.text}
            </a>
            <span class="idea-meta">
              {showsChildren ? t('ideas.of', { names, day: dayName(idea.day) }) : dayName(idea.day)}
              {repeats > 0 && ` · ${tn('ideas.alsoOn', repeats)}`}
            </span>
            {idea.triedOn && (
              <span class="tag status-done">
                {t('ideas.triedOn', { day: dayName(idea.triedOn) })}
              </span>
            )}
            <span class="idea-actions">
              <button
                type="button"
                class="button small"
                aria-describedby={`idea-${idea.noteId}`}
                onClick={() => void setIdeaTried(db, idea, !idea.triedOn)}
              >
                {t(idea.triedOn ? 'ideas.undoTried' : 'ideas.markTried')}
              </button>
              <a class="button small" href={pdsa} aria-describedby={`idea-${idea.noteId}`}>
                {t('ideas.startPdsa')}
              </a>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
