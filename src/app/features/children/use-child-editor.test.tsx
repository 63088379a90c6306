// @vitest-environment happy-dom
import { act, cleanup, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { NaptimeDb } from '../../../storage/db';
import { loadDraft, whenDraftsSettled } from '../../../storage/drafts';
import { getRecord } from '../../../storage/read';
import { useTestDbs } from '../../../storage/testing';
import { deleteRecord, saveChild } from '../../../storage/write';
import { t } from '../../i18n/i18n';
import { dismissToast, toast } from '../../state';
import { aChildId, renderLoaded, renderWithDb } from '../../testing';
import { childFormFromDraft, useChildEditor } from './use-child-editor';
import { useChild, useChildren } from './use-children';

const openDb = useTestDbs();
afterEach(async () => {
  cleanup();
  dismissToast();
  await whenDraftsSettled();
});

const ready = (db: NaptimeDb, editId?: string) => renderLoaded(db, () => useChildEditor(editId));
const aChild = (db: NaptimeDb, name = 'Ana', birthMonth = '2024-06') =>
  aChildId(db, { name, birthMonth });

describe('useChildEditor', () => {
  it('starts a new child empty and active, and keeps no draft until she writes something', async () => {
    const db = await openDb();
    const hook = await ready(db);
    expect(hook.result.current.values).toMatchObject({
      name: '',
      month: '',
      year: '',
      active: true,
    });
    act(() => hook.result.current.change({ active: false }));
    await whenDraftsSettled();
    expect(await loadDraft(db, 'child:new')).toBeNull();
    act(() => hook.result.current.change({ name: 'Lu' }));
    await waitFor(async () => expect((await loadDraft(db, 'child:new'))?.name).toBe('Lu'));
  });

  it('gives her unfinished new child back when the form opens again', async () => {
    const db = await openDb();
    const first = await ready(db);
    act(() => first.result.current.change({ name: 'Lu', month: '03' }));
    await waitFor(async () => expect((await loadDraft(db, 'child:new'))?.month).toBe('03'));
    first.unmount();
    const second = await ready(db);
    expect(second.result.current.values).toMatchObject({ name: 'Lu', month: '03', year: '' });
    expect(second.result.current.isRestored).toBe(true);
  });

  it('saves a new child with her birth month and removes the draft', async () => {
    const db = await openDb();
    const hook = await ready(db);
    act(() => hook.result.current.change({ name: ' Lu ', month: '03', year: '2024' }));
    let outcome: Awaited<ReturnType<typeof hook.result.current.save>> | undefined;
    await act(async () => {
      outcome = await hook.result.current.save();
    });
    expect(outcome?.ok).toBe(true);
    expect(hook.result.current.error).toBeNull();
    const saved = await getRecord(db, 'children', hook.result.current.values!.id);
    expect(saved?.ok && saved.record.data).toEqual({
      name: 'Lu',
      birthMonth: '2024-03',
      active: true,
    });
    expect(await loadDraft(db, 'child:new')).toBeNull();
  });

  it('asks for both month and year when only one is chosen, and writes nothing', async () => {
    const db = await openDb();
    const hook = await ready(db);
    act(() => hook.result.current.change({ name: 'Lu', month: '03' }));
    await act(async () => void (await hook.result.current.save()));
    expect(hook.result.current.error).toEqual({
      field: 'birthMonth',
      message: t('error.birthMonth'),
    });
    expect(await db.children.count()).toBe(0);
    act(() => hook.result.current.change({ name: 'Luz' }));
    expect(hook.result.current.error?.field).toBe('birthMonth');
    act(() => hook.result.current.change({ year: '2024' }));
    expect(hook.result.current.error).toBeNull();
  });

  it('asks for a name when there is none, and the message goes once she types one', async () => {
    const db = await openDb();
    const hook = await ready(db);
    act(() => hook.result.current.change({ name: '   ' }));
    await act(async () => void (await hook.result.current.save()));
    expect(hook.result.current.error).toEqual({ field: 'name', message: t('error.childName') });
    act(() => hook.result.current.change({ name: 'Lu' }));
    expect(hook.result.current.error).toBeNull();
  });

  it('opens a saved child for editing and saves the change over it', async () => {
    const db = await openDb();
    const id = await aChild(db, 'Ana', '2024-06');
    const hook = await ready(db, id);
    expect(hook.result.current.values).toEqual({
      id,
      name: 'Ana',
      month: '06',
      year: '2024',
      active: true,
    });
    act(() => hook.result.current.change({ month: '', year: '', active: false }));
    await act(async () => void (await hook.result.current.save()));
    const saved = await getRecord(db, 'children', id);
    expect(saved?.ok && saved.record.data).toEqual({ name: 'Ana', active: false });
    expect(await db.children.count()).toBe(1);
  });

  it('keeps the draft of a saved child even when she empties the name', async () => {
    const db = await openDb();
    const id = await aChild(db);
    const hook = await ready(db, id);
    act(() => hook.result.current.change({ name: '' }));
    await waitFor(async () =>
      expect(await loadDraft(db, `child:${id}`)).toMatchObject({ name: '' }),
    );
  });

  it('says a deleted or unknown child is missing', async () => {
    const db = await openDb();
    const id = await aChild(db);
    await deleteRecord(db, 'children', id);
    expect((await ready(db, id)).result.current.state).toBe('missing');
    expect((await ready(db, 'no-such-child')).result.current.state).toBe('missing');
  });

  it('says a child whose stored row cannot be read is unreadable', async () => {
    const db = await openDb();
    const id = await aChild(db);
    await db.children.update(id, { data: { name: 42 } });
    expect((await ready(db, id)).result.current.state).toBe('unreadable');
  });

  it('deletes with Undo, and Undo brings the child back', async () => {
    const db = await openDb();
    const id = await aChild(db);
    const isDeleted = async () => (await db.children.get(id))?.deleted === 1;
    const hook = await ready(db, id);
    await act(async () => expect(await hook.result.current.remove()).toBeNull());
    expect(await isDeleted()).toBe(true);
    expect(toast.value?.message).toBe('children.deleted');
    toast.value!.action!.run();
    await waitFor(async () => expect(await isDeleted()).toBe(false));
  });

  it('tells a storage error apart from a full device, and keeps what she wrote', async () => {
    const db = await openDb();
    const hook = await ready(db);
    act(() => hook.result.current.change({ name: 'Lu' }));
    db.children.hook('creating', () => {
      throw new Error('disk error');
    });
    let outcome: Awaited<ReturnType<typeof hook.result.current.save>> | undefined;
    await act(async () => {
      outcome = await hook.result.current.save();
    });
    expect(outcome).toEqual({ ok: false, reason: 'storage-error' });
    expect(hook.result.current.values?.name).toBe('Lu');
    await waitFor(async () => expect((await loadDraft(db, 'child:new'))?.name).toBe('Lu'));
  });
});

describe('childFormFromDraft', () => {
  it('reads a draft of the form, filling what an older draft did not keep', () => {
    expect(childFormFromDraft({ id: 'c1', name: 'Lu', month: 3 })).toEqual({
      id: 'c1',
      name: 'Lu',
      month: '',
      year: '',
      active: true,
    });
    expect(childFormFromDraft({ id: 'c1', name: 'Lu', active: false })?.active).toBe(false);
  });

  it('is null for anything that is not a draft of the children form', () => {
    expect(childFormFromDraft(null)).toBeNull();
    expect(childFormFromDraft({ text: 'a note draft' })).toBeNull();
    expect(childFormFromDraft({ id: 'c1' })).toBeNull();
  });
});

describe('useChildren and useChild', () => {
  it('follow the roster live, toddlers first, inactive children only when asked', async () => {
    const db = await openDb();
    const older = await aChild(db, 'Bea', '2021-01');
    const toddler = await aChild(db, 'Ana', '2024-06');
    const hook = renderWithDb(db, () => ({
      active: useChildren(),
      all: useChildren({ includeInactive: true }),
      one: useChild(toddler),
      none: useChild('no-such-child'),
    }));
    await waitFor(() => expect(hook.result.current.active?.length).toBe(2));
    expect(hook.result.current.active?.map((i) => i.ok && i.record.id)).toEqual([toddler, older]);
    expect(hook.result.current.none).toBeNull();
    await saveChild(db, { id: older, name: 'Bea', active: false });
    await waitFor(() => expect(hook.result.current.active?.length).toBe(1));
    expect(hook.result.current.all?.length).toBe(2);
    const one = hook.result.current.one;
    expect(one?.ok && one.record.data.name).toBe('Ana');
  });
});
