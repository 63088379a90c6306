/**
 * One week's check-in being filled, through the one form editor (ui/use-record-editor.ts): the
 * saved answers, or her unfinished draft, or empty answers with P2 pre-filled from the days of that
 * week that have a note. Every change is autosaved as a draft; saving writes the record
 * `checkin-<week>` (filling the same week again edits it).
 */
import { useEffect, useState } from 'preact/hooks';
import {
  answersOf,
  CHECKIN_QUESTIONS,
  checkinData,
  checkinIssues,
  daysWithNotes,
  type CheckinAnswers,
  type CheckinQuestion,
} from '../../../domain/checkin';
import { checkinId, type CheckinData, type FieldIssue } from '../../../domain/records';
import { getRecord, listChildren, listObservationsOfWeek } from '../../../storage/read';
import { ageBand } from '../../../domain/children';
import { saveRecord } from '../../../storage/write';
import { useRecordEditor } from '../../ui/use-record-editor';
import type { NaptimeDb } from '../../../storage/db';

export { useCheckin, useFirstUseWeek } from './use-checkin';

async function notedDays(db: NaptimeDb, week: string): Promise<number> {
  const notes = (await listObservationsOfWeek(db, week)).flatMap((i) => (i.ok ? [i.record] : []));
  return daysWithNotes(notes, week);
}

/** A draft of the check-in: its answers (older drafts kept them under `answers`). */
export function answersFromDraft(value: unknown): CheckinAnswers | null {
  if (!value || typeof value !== 'object') return null;
  const inner = 'answers' in value ? (value as { answers: unknown }).answers : value;
  if (!inner || typeof inner !== 'object' || !CHECKIN_QUESTIONS.some((q) => q in inner))
    return null;
  return answersOf(inner as Partial<CheckinData>);
}

/** State and actions of the check-in form of `week`. */
export function useCheckinEditor(week: string) {
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [hasTriedToSave, setTriedToSave] = useState(false);
  const [failure, setFailure] = useState<'storage-full' | 'storage-error' | null>(null);
  useEffect(() => {
    setIssues([]);
    setTriedToSave(false);
    setFailure(null);
  }, [week]);
  const editor = useRecordEditor<
    CheckinAnswers,
    CheckinData,
    { days: number; isSaved: boolean; toddlers: number | null }
  >({
    draftKey: `checkin:${week}`,
    table: 'checkins',
    readDraft: answersFromDraft,
    load: async (db) => {
      const [saved, days, roster] = await Promise.all([
        getRecord(db, 'checkins', checkinId(week)),
        notedDays(db, week),
        listChildren(db),
      ]);
      const savedData = saved?.ok && !saved.record.deleted ? saved.record.data : null;
      // P1 starts from her roster's active toddlers (none on the roster: left for her to answer).
      const toddlers = roster.filter(
        (i) => i.ok && ageBand(i.record.data.birthMonth, db.now()) === 'toddler',
      ).length;
      const values = savedData
        ? answersOf(savedData)
        : { ...answersOf(null), p1: toddlers || null, p2: days };
      return {
        values,
        context: {
          days,
          isSaved: savedData !== null,
          toddlers: savedData ? null : toddlers || null,
        },
      };
    },
    save: async (db, answers, options) => {
      const found = checkinIssues(week, answers);
      if (found.length) return { ok: false, reason: 'invalid', issues: found };
      return saveRecord(db, 'checkins', checkinId(week), checkinData(week, answers), options);
    },
    idOf: () => checkinId(week),
  });

  const change = (patch: Partial<CheckinAnswers>) => {
    editor.change(patch);
    // Once she has tried to save, the messages follow her answers as she fixes them.
    if (issues.length) setIssues(checkinIssues(week, { ...editor.values!, ...patch }));
  };

  const save = async (): Promise<boolean> => {
    setTriedToSave(true);
    const outcome = await editor.save();
    setIssues(outcome.ok || outcome.reason !== 'invalid' ? [] : outcome.issues);
    setFailure(!outcome.ok && outcome.reason !== 'invalid' ? outcome.reason : null);
    return outcome.ok;
  };
  const answers = editor.state === 'ready' ? editor.values : null;
  // Before a save she is told only what is wrong with what she typed, never that a box is empty.
  const shown =
    hasTriedToSave || !answers
      ? issues
      : checkinIssues(week, answers).filter(
          (i) => i.message !== 'required' && answers[i.path as CheckinQuestion] != null,
        );
  return {
    state: editor.state,
    retry: editor.retry,
    answers,
    toddlers: answers !== null && !editor.isRestored ? (editor.context?.toddlers ?? null) : null,
    days: editor.context?.days ?? null,
    isSaved: editor.context?.isSaved ?? false,
    draftProblem: editor.draftProblem,
    hasTriedToSave,
    issues: shown,
    failure,
    change,
    save,
  };
}
