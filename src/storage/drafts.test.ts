import { afterEach, describe, expect, it } from 'vitest';
import type { NaptimeDb } from './db';
import {
  createDraftAutosaver,
  deleteDraft,
  loadDraft,
  saveDraft,
  whenDraftsSettled,
} from './drafts';
import type { StorageFailure } from './errors';
import { openTestDb } from './testing';
import { saveRecord, newRecordId } from './write';

const dbs: NaptimeDb[] = [];
afterEach(async () => {
  await whenDraftsSettled();
  for (const db of dbs.splice(0)) db.close();
});

async function open() {
  const db = await openTestDb();
  dbs.push(db);
  return db;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('saveDraft, loadDraft, deleteDraft', () => {
  it('stores, replaces, reads back and deletes a draft', async () => {
    const db = await open();
    expect(await loadDraft(db, 'note:new')).toBeNull();
    expect(await saveDraft(db, 'note:new', { text: 'a' })).toEqual({ ok: true });
    await saveDraft(db, 'note:new', { text: 'ab', childIds: ['c1'] });
    expect(await loadDraft(db, 'note:new')).toEqual({ text: 'ab', childIds: ['c1'] });
    await deleteDraft(db, 'note:new');
    expect(await loadDraft(db, 'note:new')).toBeNull();
  });

  it('reports a full disk as a result', async () => {
    const db = await open();
    db.drafts.hook('creating', () => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(await saveDraft(db, 'note:new', { text: 'a' })).toMatchObject({
      ok: false,
      reason: 'storage-full',
    });
  });
});

describe('createDraftAutosaver', () => {
  it('writes the latest value within the delay', async () => {
    const db = await open();
    const saver = createDraftAutosaver(db, 'note:new', { delayMs: 20 });
    saver.update({ text: 'h' });
    saver.update({ text: 'hi' });
    expect(saver.hasPendingWrite()).toBe(true);
    expect(await loadDraft(db, 'note:new')).toBeNull();
    await sleep(80);
    expect(await loadDraft(db, 'note:new')).toEqual({ text: 'hi' });
    expect(saver.hasPendingWrite()).toBe(false);
  });

  it('writes within the delay even while she keeps typing', async () => {
    const db = await open();
    const saver = createDraftAutosaver(db, 'note:new', { delayMs: 20 });
    let seen: Record<string, unknown> | null = null;
    for (let i = 1; i <= 20 && !seen; i++) {
      saver.update({ text: 'x'.repeat(i) });
      await sleep(5);
      seen = await loadDraft(db, 'note:new');
    }
    expect(seen).not.toBeNull();
    saver.cancel();
  });

  it('with delayMs 0 writes at once, and changes made during a write cost one more write, not one each', async () => {
    const db = await open();
    let writes = 0;
    db.drafts.hook('creating', () => void (writes += 1));
    db.drafts.hook('updating', () => void (writes += 1));
    const saver = createDraftAutosaver(db, 'note:new', { delayMs: 0 });
    saver.update({ text: 'a' });
    saver.update({ text: 'ab' });
    saver.update({ text: 'abc' });
    await whenDraftsSettled();
    expect(await loadDraft(db, 'note:new')).toEqual({ text: 'abc' });
    expect(writes).toBeLessThanOrEqual(2);
  });

  it("loadDraft reads a draft back through the form's own check", async () => {
    const db = await open();
    await saveDraft(db, 'note:new', { text: 'hi' });
    const asText = (v: unknown) =>
      v && typeof v === 'object' && 'text' in v && typeof v.text === 'string' ? v.text : null;
    expect(await loadDraft(db, 'note:new', asText)).toBe('hi');
    await saveDraft(db, 'note:new', { other: 1 });
    expect(await loadDraft(db, 'note:new', asText)).toBeNull();
  });

  it('flush writes at once and resolves after the write', async () => {
    const db = await open();
    const saver = createDraftAutosaver(db, 'note:new', { delayMs: 400 });
    saver.update({ text: 'before pagehide' });
    await saver.flush();
    expect(await loadDraft(db, 'note:new')).toEqual({ text: 'before pagehide' });
    expect(saver.hasPendingWrite()).toBe(false);
  });

  it('cancel forgets an unwritten value and keeps the stored draft', async () => {
    const db = await open();
    await saveDraft(db, 'note:new', { text: 'stored' });
    const saver = createDraftAutosaver(db, 'note:new', { delayMs: 20 });
    saver.update({ text: 'not wanted' });
    saver.cancel();
    expect(saver.hasPendingWrite()).toBe(false);
    await sleep(50);
    expect(await loadDraft(db, 'note:new')).toEqual({ text: 'stored' });
  });

  it('whenDraftsSettled waits for waiting and running writes of every autosaver', async () => {
    const db = await open();
    const a = createDraftAutosaver(db, 'note:a', { delayMs: 20 });
    const b = createDraftAutosaver(db, 'note:b', { delayMs: 40 });
    a.update({ text: 'a' });
    b.update({ text: 'b' });
    await whenDraftsSettled();
    expect(a.hasPendingWrite() || b.hasPendingWrite()).toBe(false);
    expect(await loadDraft(db, 'note:a')).toEqual({ text: 'a' });
    expect(await loadDraft(db, 'note:b')).toEqual({ text: 'b' });
    await expect(whenDraftsSettled()).resolves.toBeUndefined();
  });

  it('tells onError when a write fails, and settles anyway', async () => {
    const db = await open();
    db.drafts.hook('creating', () => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const failures: StorageFailure[] = [];
    const saver = createDraftAutosaver(db, 'note:new', {
      delayMs: 10,
      onError: (f) => failures.push(f),
    });
    saver.update({ text: 'x' });
    await whenDraftsSettled();
    expect(failures.map((f) => f.reason)).toEqual(['storage-full']);
  });

  it('a save with draftKey writes the waiting value first, so no late write brings the draft back', async () => {
    const db = await open();
    const saver = createDraftAutosaver(db, 'note:new', { delayMs: 30 });
    saver.update({ text: 'typed' });
    const result = await saveRecord(
      db,
      'observations',
      newRecordId(),
      { childIds: ['c1'], observedAt: '2026-01-29T13:05:00-06:00', text: 'typed' },
      { draftKey: 'note:new' },
    );
    expect(result.ok).toBe(true);
    await sleep(60);
    expect(saver.hasPendingWrite()).toBe(false);
    expect(await loadDraft(db, 'note:new')).toBeNull();
  });
});
