/**
 * One week's check-in being filled: the saved answers, or her unfinished draft, or empty answers
 * with P2 pre-filled from the days of that week that have a note. Every change is autosaved as a
 * draft; saving writes the record `checkin-<week>` (filling the same week again edits it).
 */
import { useLiveQuery } from '../../ui/use-live-query';
import { useEffect, useRef, useState } from 'preact/hooks';
import { isoWeekOf } from '../../../domain/dates';
import { answersOf, checkinData, checkinIssues, daysWithNotes, type CheckinAnswers } from '../../../domain/checkin';
import { checkinId, type CheckinData, type FieldIssue } from '../../../domain/records';
import { loadDraft } from '../../../storage/drafts';
import { META_KEYS, getMeta } from '../../../storage/meta';
import { getRecord, listObservationsOfWeek } from '../../../storage/read';
import { saveRecord } from '../../../storage/write';
import { useDraftAutosaver } from '../../ui/use-draft-autosaver';
import type { NaptimeDb } from '../../../storage/db';
import { useDb } from '../../db';

/** The saved check-in of `week`, `null` when there is none; `undefined` while loading. */
export function useCheckin(week: string) {
  const db = useDb();
  return useLiveQuery(async () => {
    const item = await getRecord(db, 'checkins', checkinId(week));
    return item?.ok && !item.record.deleted ? (item.record.data as CheckinData) : null;
  }, [week]);
}

/** The week she first opened Naptime on this device; `undefined` while loading. */
export function useFirstUseWeek() {
  const db = useDb();
  return useLiveQuery(async () => {
    const first = await getMeta(db, META_KEYS.firstUseAt);
    return typeof first === 'string' ? isoWeekOf(first) : null;
  }, []);
}

async function notedDays(db: NaptimeDb, week: string): Promise<number> {
  const notes = (await listObservationsOfWeek(db, week)).flatMap((i) => (i.ok ? [i.record] : []));
  return daysWithNotes(notes, week);
}

function answersFromDraft(value: unknown): CheckinAnswers | null {
  if (!value || typeof value !== 'object' || !('answers' in value)) return null;
  return answersOf((value as { answers: Partial<CheckinData> }).answers);
}

/** State and actions of the check-in form of `week`. */
export function useCheckinEditor(week: string) {
  const db = useDb();
  const draftKey = `checkin:${week}`;
  const [answers, setAnswers] = useState<CheckinAnswers | null>(null);
  const [days, setDays] = useState<number | null>(null);
  const [isSaved, setSaved] = useState(false);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [failure, setFailure] = useState<'storage-full' | 'storage-error' | null>(null);
  const ref = useRef<CheckinAnswers | null>(null);
  const autosaver = useDraftAutosaver(draftKey);

  useEffect(() => {
    let isCurrent = true;
    setAnswers(null);
    setIssues([]);
    (async () => {
      const [draft, saved, noted] = await Promise.all([loadDraft(db, draftKey), getRecord(db, 'checkins', checkinId(week)), notedDays(db, week)]);
      const savedData = saved?.ok && !saved.record.deleted ? (saved.record.data as CheckinData) : null;
      const initial = answersFromDraft(draft) ?? (savedData ? answersOf(savedData) : { ...answersOf(null), p2: noted });
      if (!isCurrent) return;
      ref.current = initial;
      setAnswers(initial);
      setDays(noted);
      setSaved(savedData !== null);
    })();
    return () => {
      isCurrent = false;
    };
  }, [draftKey]);

  const change = (patch: Partial<CheckinAnswers>) => {
    const next = { ...ref.current!, ...patch };
    ref.current = next;
    setAnswers(next);
    autosaver.update({ answers: next });
    // Once she has tried to save, the messages follow her answers as she fixes them.
    if (issues.length) setIssues(checkinIssues(week, next));
  };

  const save = async (): Promise<boolean> => {
    const current = ref.current!;
    const found = checkinIssues(week, current);
    setIssues(found);
    setFailure(null);
    if (found.length) return false;
    await autosaver.stop();
    const result = await saveRecord(db, 'checkins', checkinId(week), checkinData(week, current), { draftKey });
    if (result.ok) return true;
    autosaver.update({ answers: current });
    if (result.reason === 'invalid') setIssues(result.issues);
    else setFailure(result.reason);
    return false;
  };

  return { answers, days, isSaved, issues, failure, change, save };
}
