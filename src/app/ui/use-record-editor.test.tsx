// @vitest-environment happy-dom
import { waitFor, act, cleanup } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { NaptimeDb } from '../../storage/db';
import { loadDraft, saveDraft, whenDraftsSettled } from '../../storage/drafts';
import { getRecord } from '../../storage/read';
import { useTestDbs } from '../../storage/testing';
import { aChildId, aNoteId, renderLoaded, renderWithDb } from '../testing';
import { useNoteEditor } from '../features/notes/use-note-editor';
import { dismissToast, toast } from '../state';

const openDb = useTestDbs();
afterEach(async () => {
  cleanup();
  dismissToast();
  await whenDraftsSettled();
});

const ready = (db: NaptimeDb, editId?: string) => renderLoaded(db, () => useNoteEditor(editId));

describe('useRecordEditor (through the note form)', () => {
  it('keeps what she types as a draft as she types and gives it back when the form opens again', async () => {
    const db = await openDb();
    const first = await ready(db);
    expect(first.result.current.isRestored).toBe(false);
    act(() => first.result.current.change({ text: 'Ana stacked four blocks' }));
    await waitFor(async () =>
      expect((await loadDraft(db, 'note:new'))?.text).toBe('Ana stacked four blocks'),
    );
    first.unmount();

    const second = await ready(db);
    expect(second.result.current.values?.text).toBe('Ana stacked four blocks');
    expect(second.result.current.isRestored).toBe(true);
  });

  it('writes the waiting draft at once when the page is hidden away (pagehide)', async () => {
    const db = await openDb();
    const hook = await ready(db);
    act(() => hook.result.current.change({ text: 'before the tab dies' }));
    window.dispatchEvent(new Event('pagehide'));
    await whenDraftsSettled();
    expect((await loadDraft(db, 'note:new'))?.text).toBe('before the tab dies');
  });

  it('removes the draft of a new note emptied again', async () => {
    const db = await openDb();
    const hook = await ready(db);
    act(() => hook.result.current.change({ text: 'x' }));
    await whenDraftsSettled();
    act(() => hook.result.current.change({ text: '' }));
    await waitFor(async () => expect(await loadDraft(db, 'note:new')).toBeNull());
  });

  it('saves the note and removes the draft in the same step', async () => {
    const db = await openDb();
    const childId = await aChildId(db);
    const hook = await ready(db);
    act(() => hook.result.current.change({ childIds: [childId], text: 'Ana said "more"' }));
    let outcome: Awaited<ReturnType<typeof hook.result.current.save>> | undefined;
    await act(async () => {
      outcome = await hook.result.current.save();
    });
    expect(outcome?.ok).toBe(true);
    expect(await loadDraft(db, 'note:new')).toBeNull();
    const id = hook.result.current.values!.id;
    expect((await getRecord(db, 'observations', id))?.ok).toBe(true);
  });

  it('keeps her text and says which field to fix when storage refuses the note', async () => {
    const db = await openDb();
    const hook = await ready(db);
    act(() => hook.result.current.change({ text: 'no child chosen' }));
    await act(async () => {
      await hook.result.current.save();
    });
    expect(Object.keys(hook.result.current.errors)).toContain('childIds');
    expect((await loadDraft(db, 'note:new'))?.text).toBe('no child chosen');
    act(() => hook.result.current.change({ childIds: ['c1'] }));
    expect(hook.result.current.errors.childIds).toBeUndefined();
  });

  it('deletes with Undo, and Undo brings the note back', async () => {
    const db = await openDb();
    const id = await aNoteId(db, await aChildId(db));
    const hook = await ready(db, id);
    let problem: unknown = 'not run';
    await act(async () => {
      problem = await hook.result.current.remove();
    });
    expect(problem).toBeNull();
    const deleted = await getRecord(db, 'observations', id);
    expect(deleted?.ok && deleted.record.deleted).toBe(1);
    expect(toast.value?.message).toBe('note.deleted');
    expect(toast.value?.action?.label).toBe('common.undo');
    toast.value!.action!.run();
    await waitFor(() => expect(toast.value?.message).toBe('deleted.restored'));
    const restored = await getRecord(db, 'observations', id);
    expect(restored?.ok && restored.record.deleted).toBe(0);
  });

  it('says so when Undo could not bring the note back', async () => {
    const db = await openDb();
    const id = await aNoteId(db, await aChildId(db));
    const hook = await ready(db, id);
    await act(async () => void (await hook.result.current.remove()));
    db.observations.hook('updating', () => {
      throw new DOMException('broken', 'UnknownError');
    });
    toast.value!.action!.run();
    await waitFor(() => expect(toast.value?.message).toBe('error.restoreFailed'));
  });

  it('says the device is full when the draft cannot be kept, and keeps her text on screen', async () => {
    const db = await openDb();
    const hook = await ready(db);
    db.drafts.hook('creating', () => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    act(() => hook.result.current.change({ text: 'still here' }));
    await waitFor(() => expect(hook.result.current.draftProblem).toBe('error.draftFull'));
    expect(hook.result.current.values?.text).toBe('still here');
  });

  it('says reading failed instead of loading forever, and Retry reads again', async () => {
    const db = await openDb();
    await saveDraft(db, 'note:new', { broken: true });
    let isBroken = true;
    db.drafts.hook('reading', (row) => {
      if (isBroken) throw new Error('disk error');
      return row;
    });
    const hook = renderWithDb(db, () => useNoteEditor(undefined));
    await waitFor(() => expect(hook.result.current.state).toBe('failed'));
    isBroken = false;
    act(() => hook.result.current.retry());
    await waitFor(() => expect(hook.result.current.state).toBe('ready'));
  });

  it('says a missing note is missing', async () => {
    const db = await openDb();
    const hook = await ready(db, 'no-such-note');
    expect(hook.result.current.state).toBe('missing');
  });
});
