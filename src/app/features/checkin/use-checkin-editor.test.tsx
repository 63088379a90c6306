// @vitest-environment happy-dom
import { act, cleanup, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { checkinId } from '../../../domain/records';
import type { NaptimeDb } from '../../../storage/db';
import { loadDraft, whenDraftsSettled } from '../../../storage/drafts';
import { ensureDeviceMeta } from '../../../storage/meta';
import { getRecord } from '../../../storage/read';
import { useTestDbs } from '../../../storage/testing';
import { saveRecord } from '../../../storage/write';
import { aChildId, aNoteId, renderLoaded, renderWithDb } from '../../testing';
import {
  answersFromDraft,
  useCheckin,
  useCheckinEditor,
  useFirstUseWeek,
} from './use-checkin-editor';

// The test clock stands on Thursday 29 January 2026, in ISO week 2026-W05 (26 January to 1 February).
const WEEK: string = '2026-W05';
const openDb = useTestDbs();
afterEach(async () => {
  cleanup();
  await whenDraftsSettled();
});

const ready = (db: NaptimeDb, week = WEEK) => renderLoaded(db, () => useCheckinEditor(week));
const aChild = (db: NaptimeDb, birthMonth: string, active = true) =>
  aChildId(db, { name: `born ${birthMonth}`, birthMonth, active });

const FULL = { p1: 2, p2: 3, p3: 1, p4: 4, p5: 2, p6: 4 };

describe('useCheckinEditor', () => {
  it('starts a new week with P1 from her active toddlers and P2 from the days that have a note', async () => {
    const db = await openDb();
    const toddler = await aChild(db, '2024-06');
    await aChild(db, '2024-09');
    await aChild(db, '2025-08'); // an infant
    await aChild(db, '2024-03', false); // a toddler no longer in her care
    await aNoteId(db, toddler, '2026-01-26T10:00:00-06:00');
    await aNoteId(db, toddler, '2026-01-26T15:00:00-06:00');
    await aNoteId(db, toddler, '2026-01-28T09:30:00-06:00');
    await aNoteId(db, toddler, '2026-01-22T09:30:00-06:00'); // the week before

    const hook = await ready(db);
    const editor = hook.result.current;
    expect(editor.state).toBe('ready');
    expect(editor.answers).toEqual({ p1: 2, p2: 2, p3: null, p4: null, p5: null, p6: null });
    expect(editor.toddlers).toBe(2);
    expect(editor.days).toBe(2);
    expect(editor.isSaved).toBe(false);
  });

  it('leaves P1 for her to answer when her roster has no toddlers', async () => {
    const db = await openDb();
    const hook = await ready(db);
    expect(hook.result.current.answers?.p1).toBeNull();
    expect(hook.result.current.toddlers).toBeNull();
    expect(hook.result.current.days).toBe(0);
  });

  it('opens a saved week with its answers, and says nothing pre-filled', async () => {
    const db = await openDb();
    await aChild(db, '2024-06');
    const saved = await saveRecord(db, 'checkins', checkinId(WEEK), { week: WEEK, ...FULL });
    expect(saved.ok).toBe(true);
    const hook = await ready(db);
    expect(hook.result.current.answers).toEqual(FULL);
    expect(hook.result.current.isSaved).toBe(true);
    expect(hook.result.current.toddlers).toBeNull();
  });

  it('keeps her unfinished answers as a draft and gives them back, without the roster hint', async () => {
    const db = await openDb();
    await aChild(db, '2024-06');
    const first = await ready(db);
    act(() => first.result.current.change({ p1: 3, p4: 5 }));
    await waitFor(async () =>
      expect(await loadDraft(db, `checkin:${WEEK}`)).toMatchObject({ p1: 3 }),
    );
    first.unmount();

    const second = await ready(db);
    expect(second.result.current.answers).toMatchObject({ p1: 3, p4: 5 });
    expect(second.result.current.toddlers).toBeNull();
  });

  it('does not tell her a box is empty before she saves, only what is wrong with what she typed', async () => {
    const db = await openDb();
    const hook = await ready(db);
    expect(hook.result.current.issues).toEqual([]);
    act(() => hook.result.current.change({ p4: 2, p5: 3 }));
    expect(hook.result.current.issues.map((i) => [i.path, i.message])).toEqual([
      ['p5', 'p5-above-p4'],
    ]);
  });

  it('refuses to save without the required answers, writes nothing, and keeps the draft', async () => {
    const db = await openDb();
    const hook = await ready(db);
    act(() => hook.result.current.change({ p3: 1 }));
    let isSaved: boolean | undefined;
    await act(async () => {
      isSaved = await hook.result.current.save();
    });
    expect(isSaved).toBe(false);
    expect(hook.result.current.hasTriedToSave).toBe(true);
    expect(hook.result.current.issues.map((i) => i.path).sort()).toEqual(['p1', 'p4', 'p6']);
    expect(hook.result.current.failure).toBeNull();
    expect(await getRecord(db, 'checkins', checkinId(WEEK))).toBeNull();
    expect(await loadDraft(db, `checkin:${WEEK}`)).toMatchObject({ p3: 1 });
  });

  it('once she has tried to save, the messages follow her answers as she fixes them', async () => {
    const db = await openDb();
    const hook = await ready(db);
    await act(async () => void (await hook.result.current.save()));
    act(() => hook.result.current.change({ p1: 1 }));
    expect(hook.result.current.issues.map((i) => i.path).sort()).toEqual(['p4', 'p6']);
  });

  it('saves the week as checkin-<week> and removes the draft; filling the week again edits it', async () => {
    const db = await openDb();
    const first = await ready(db);
    act(() => first.result.current.change(FULL));
    await act(async () => expect(await first.result.current.save()).toBe(true));
    expect(await loadDraft(db, `checkin:${WEEK}`)).toBeNull();
    const saved = await getRecord(db, 'checkins', checkinId(WEEK));
    expect(saved?.ok && saved.record.data).toEqual({ week: WEEK, ...FULL });
    first.unmount();

    const again = await ready(db);
    expect(again.result.current.isSaved).toBe(true);
    act(() => again.result.current.change({ p6: 5 }));
    await act(async () => expect(await again.result.current.save()).toBe(true));
    const edited = await getRecord(db, 'checkins', checkinId(WEEK));
    expect(edited?.ok && edited.record.data.p6).toBe(5);
    expect(await db.checkins.count()).toBe(1);
  });

  it('says the device is full when the check-in cannot be written, and keeps her answers', async () => {
    const db = await openDb();
    const hook = await ready(db);
    db.checkins.hook('creating', () => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    act(() => hook.result.current.change(FULL));
    await act(async () => expect(await hook.result.current.save()).toBe(false));
    expect(hook.result.current.failure).toBe('storage-full');
    expect(hook.result.current.issues).toEqual([]);
    expect(hook.result.current.answers).toEqual(FULL);
    await waitFor(async () => expect(await loadDraft(db, `checkin:${WEEK}`)).toEqual(FULL));
  });

  it('tells any other storage failure apart from a full device', async () => {
    const db = await openDb();
    const hook = await ready(db);
    db.checkins.hook('creating', () => {
      throw new Error('disk error');
    });
    act(() => hook.result.current.change(FULL));
    await act(async () => expect(await hook.result.current.save()).toBe(false));
    expect(hook.result.current.failure).toBe('storage-error');
  });

  it('opens another week on its own answers, with no messages carried over', async () => {
    const db = await openDb();
    await saveRecord(db, 'checkins', checkinId('2026-W04'), { week: '2026-W04', ...FULL });
    const hook = renderWithDb(db, (week: string) => useCheckinEditor(week), WEEK);
    await waitFor(() => expect(hook.result.current.state).toBe('ready'));
    await act(async () => void (await hook.result.current.save()));
    expect(hook.result.current.issues).not.toEqual([]);
    hook.rerender('2026-W04');
    await waitFor(() => expect(hook.result.current.answers).toEqual(FULL));
    expect(hook.result.current.isSaved).toBe(true);
    expect(hook.result.current.hasTriedToSave).toBe(false);
    expect(hook.result.current.issues).toEqual([]);
  });
});

describe('answersFromDraft', () => {
  it('reads a draft of answers, and the older drafts that kept them under `answers`', () => {
    expect(answersFromDraft({ p1: 2, p4: 1 })).toEqual({
      p1: 2,
      p2: null,
      p3: null,
      p4: 1,
      p5: null,
      p6: null,
    });
    expect(answersFromDraft({ answers: { p6: 3 } })?.p6).toBe(3);
  });

  it('is null for anything that is not a check-in draft', () => {
    expect(answersFromDraft(null)).toBeNull();
    expect(answersFromDraft('p1')).toBeNull();
    expect(answersFromDraft({ text: 'a note draft' })).toBeNull();
  });
});

describe('useCheckin and useFirstUseWeek', () => {
  it('follow the saved check-in of a week live, and know the week she started', async () => {
    const db = await openDb();
    await ensureDeviceMeta(db);
    const hook = renderWithDb(db, () => ({ checkin: useCheckin(WEEK), first: useFirstUseWeek() }));
    await waitFor(() => expect(hook.result.current.checkin).toBeNull());
    await waitFor(() => expect(hook.result.current.first).toBe(WEEK));
    await saveRecord(db, 'checkins', checkinId(WEEK), { week: WEEK, ...FULL });
    await waitFor(() => expect(hook.result.current.checkin?.p4).toBe(4));
  });
});
