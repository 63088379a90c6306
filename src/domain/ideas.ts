/**
 * Her "ideas to try next" as a list she can act on (DESIGN.md 1, 2): each idea once (the same
 * words written in several notes are one idea, its newest note first), with the children and day it
 * came from, and whether she has marked it tried (`nextStepTriedOn` on any of its notes).
 */
import type { StoredRecord } from './envelope';
import type { ObservationData } from './records';

/** One idea as Home and a child's page show it. */
export interface Idea {
  text: string;
  /** The newest note that holds it (opened from the list, marked tried with the others). */
  noteId: string;
  /** Every note that holds the same words, newest first. */
  noteIds: string[];
  childIds: string[];
  /** `YYYY-MM-DD` of the newest note's `observedAt`. */
  day: string;
  /** The day she marked it tried, or null while it is open. */
  triedOn: string | null;
}

/** The words that make two ideas the same: case, spacing and a final full stop do not count. */
export function ideaKey(text: string): string {
  return text
    .trim()
    .toLocaleLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.!。]+$/, '');
}

/** The ideas of `notes` (any order), each once, newest first; notes without an idea are skipped. */
export function collectIdeas(notes: readonly StoredRecord<ObservationData>[]): Idea[] {
  const sorted = [...notes].sort(
    (a, b) => Date.parse(b.data.observedAt) - Date.parse(a.data.observedAt),
  );
  const byKey = new Map<string, Idea>();
  for (const note of sorted) {
    const text = note.data.nextStep?.trim();
    if (!text) continue;
    const key = ideaKey(text);
    const idea = byKey.get(key);
    const triedOn = note.data.nextStepTriedOn ?? null;
    if (!idea) {
      byKey.set(key, {
        text,
        noteId: note.id,
        noteIds: [note.id],
        childIds: [...note.data.childIds],
        day: note.data.observedAt.slice(0, 10),
        triedOn,
      });
      continue;
    }
    idea.noteIds.push(note.id);
    for (const id of note.data.childIds) if (!idea.childIds.includes(id)) idea.childIds.push(id);
    if (triedOn && (!idea.triedOn || triedOn > idea.triedOn)) idea.triedOn = triedOn;
  }
  return [...byKey.values()];
}
