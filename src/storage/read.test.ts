import { describe, expect, it } from 'vitest';
import type { ObservationData } from '../domain/records';
import type { NaptimeDb } from './db';
import {
  countObservationsOfWeek,
  countPendingSync,
  getRecord,
  listAllRecords,
  listChildren,
  listObservationsOfChild,
  listObservationsOfWeek,
  listRecentlyDeleted,
  listWeeksWithNotes,
  type ReadItem,
} from './read';
import { testClock, useTestDbs } from './testing';
import { deleteRecord, newRecordId, saveChild, saveObservation, saveRecord } from './write';

const open = useTestDbs();

async function addNote(db: NaptimeDb, observedAt: string, over: Record<string, unknown> = {}) {
  const result = await saveObservation(db, {
    childIds: ['c1'],
    observedAt,
    text: `note at ${observedAt}`,
    ...over,
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.record.id;
}

const textsOf = (items: ReadItem<ObservationData>[]) =>
  items.map((i) => (i.ok ? i.record.data.text : 'unreadable'));

describe('rows that do not parse', () => {
  it('come back as ok:false and stay in the table', async () => {
    const db = await open();
    const good = await addNote(db, '2026-01-29T13:05:00-06:00');
    const badData = await addNote(db, '2026-01-29T14:05:00-06:00');
    await db.observations.update(badData, { 'data.text': '' });
    await db.observations.put({ id: 'no-envelope', data: { text: 'x' } } as never);

    const all = await listAllRecords(db, 'observations');
    expect(all).toHaveLength(3);
    expect(all.filter((i) => i.ok).map((i) => i.ok && i.record.id)).toEqual([good]);
    expect(all.find((i) => !i.ok && i.id === 'no-envelope')).toMatchObject({
      raw: { id: 'no-envelope' },
    });

    expect(await getRecord(db, 'observations', badData)).toMatchObject({ ok: false, id: badData });
    expect(textsOf(await listObservationsOfWeek(db, '2026-W05'))).toEqual([
      'unreadable',
      'note at 2026-01-29T13:05:00-06:00',
    ]);
    expect(await db.observations.count()).toBe(3);
  });

  it('answers null for a record that does not exist, and strips local index fields from records', async () => {
    const db = await open();
    expect(await getRecord(db, 'observations', 'nope')).toBeNull();
    const id = await addNote(db, '2026-01-29T13:05:00-06:00');
    const item = await getRecord(db, 'observations', id);
    expect(item?.ok && Object.keys(item.record)).not.toContain('week');
    expect(item?.ok && Object.keys(item.record)).not.toContain('observedMs');
  });
});

describe('listObservationsOfWeek', () => {
  it('reads the week in the note’s own offset, not in UTC or the reader’s zone', async () => {
    const db = await open();
    // Sunday night in Chicago is already Monday (week 6) in UTC.
    await addNote(db, '2026-02-01T23:30:00-06:00');
    // Monday 00:30 in Tokyo is still Sunday (week 5) in UTC.
    await addNote(db, '2026-02-02T00:30:00+09:00');
    expect(textsOf(await listObservationsOfWeek(db, '2026-W05'))).toEqual([
      'note at 2026-02-01T23:30:00-06:00',
    ]);
    expect(textsOf(await listObservationsOfWeek(db, '2026-W06'))).toEqual([
      'note at 2026-02-02T00:30:00+09:00',
    ]);
  });

  it('lists newest first by instant across offsets, pages with offset and limit, and leaves deleted notes out', async () => {
    const db = await open();
    await addNote(db, '2026-01-27T09:00:00-06:00'); // 15:00Z
    await addNote(db, '2026-01-27T16:00:00+02:00'); // 14:00Z
    const gone = await addNote(db, '2026-01-28T09:00:00-06:00');
    await addNote(db, '2026-01-29T09:00:00-06:00');
    await addNote(db, '2026-01-30T09:00:00-06:00');
    await addNote(db, '2026-02-03T09:00:00-06:00'); // next week
    await deleteRecord(db, 'observations', gone);

    const all = textsOf(await listObservationsOfWeek(db, '2026-W05'));
    expect(all).toEqual([
      'note at 2026-01-30T09:00:00-06:00',
      'note at 2026-01-29T09:00:00-06:00',
      'note at 2026-01-27T09:00:00-06:00',
      'note at 2026-01-27T16:00:00+02:00',
    ]);
    expect(textsOf(await listObservationsOfWeek(db, '2026-W05', { limit: 2 }))).toEqual(
      all.slice(0, 2),
    );
    expect(textsOf(await listObservationsOfWeek(db, '2026-W05', { offset: 2, limit: 2 }))).toEqual(
      all.slice(2, 4),
    );
    expect(await listObservationsOfWeek(db, '2026-W05', { offset: 4, limit: 2 })).toEqual([]);
    expect(await countObservationsOfWeek(db, '2026-W05')).toBe(4);
  });

  it('moves a note to its new week when its observedAt is edited', async () => {
    const db = await open();
    const id = await addNote(db, '2026-01-29T13:05:00-06:00');
    await saveRecord(db, 'observations', id, {
      childIds: ['c1'],
      observedAt: '2026-01-19T10:00:00-06:00',
      text: 'moved',
    });
    expect(await countObservationsOfWeek(db, '2026-W05')).toBe(0);
    expect(textsOf(await listObservationsOfWeek(db, '2026-W04'))).toEqual(['moved']);
  });

  it('pages a week among thousands of notes', async () => {
    const db = await open();
    const rows = Array.from({ length: 3000 }, (_, i) => {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const minute = String(i % 60).padStart(2, '0');
      return {
        id: `n-${String(i).padStart(5, '0')}`,
        data: {
          childIds: ['c1'],
          observedAt: `2026-02-${day}T10:${minute}:00-06:00`,
          text: `n${i}`,
        },
        schemaVersion: 1,
        hlc: '2026-02-01T00:00:00.000Z-0000-0123456789abcdef',
        deviceId: null,
        createdAt: '2026-02-01T00:00:00-06:00',
        updatedAt: '2026-02-01T00:00:00-06:00',
        deleted: 0 as const,
        version: 0,
        serverSeq: null,
        syncStatus: 'pending' as const,
      };
    });
    await db.observations.bulkPut(rows);
    const page = await listObservationsOfWeek(db, '2026-W07', { limit: 20 });
    expect(page).toHaveLength(20);
    expect(page.every((i) => i.ok && i.record.data.observedAt.startsWith('2026-02-1'))).toBe(true);
    expect(await countObservationsOfWeek(db, '2026-W07')).toBe(
      rows.filter((r) => r.data.observedAt < '2026-02-16' && r.data.observedAt >= '2026-02-09')
        .length,
    );
  });
});

describe('listWeeksWithNotes and listObservationsOfChild', () => {
  it('counts notes per week, newest week first, deleted ones left out', async () => {
    const db = await open();
    await addNote(db, '2026-01-05T10:00:00-06:00');
    await addNote(db, '2026-01-29T10:00:00-06:00');
    await addNote(db, '2026-01-30T10:00:00-06:00');
    const gone = await addNote(db, '2026-02-10T10:00:00-06:00');
    await deleteRecord(db, 'observations', gone);
    expect(await listWeeksWithNotes(db)).toEqual([
      { week: '2026-W05', count: 2 },
      { week: '2026-W02', count: 1 },
    ]);
  });

  it('lists a child’s notes newest first through the multi-entry childIds index', async () => {
    const db = await open();
    await addNote(db, '2026-01-05T10:00:00-06:00', { childIds: ['c1', 'c2'] });
    await addNote(db, '2026-01-06T10:00:00-06:00', { childIds: ['c2'] });
    await addNote(db, '2026-01-07T10:00:00-06:00', { childIds: ['c1'] });
    const gone = await addNote(db, '2026-01-08T10:00:00-06:00', { childIds: ['c2'] });
    await deleteRecord(db, 'observations', gone);
    expect(textsOf(await listObservationsOfChild(db, 'c2'))).toEqual([
      'note at 2026-01-06T10:00:00-06:00',
      'note at 2026-01-05T10:00:00-06:00',
    ]);
  });
});

describe('listChildren', () => {
  it('puts active toddlers first (ages as of the injected clock), then the rest by name', async () => {
    const db = await open(testClock('2026-11-26T12:00:00.000Z'));
    await saveChild(db, { name: 'Zoe', birthMonth: '2025-06' }); // toddler
    await saveChild(db, { name: 'Ana', birthMonth: '2020-01' }); // school age
    await saveChild(db, { name: 'bea' }); // age not set
    await saveChild(db, { name: 'Ari', birthMonth: '2025-01', active: false });
    await saveChild(db, { name: 'Ángel', birthMonth: '2024-09' }); // toddler
    const gone = await saveChild(db, { name: 'Gone', birthMonth: '2025-01' });
    await deleteRecord(db, 'children', gone.ok ? gone.record.id : '');

    const names = (items: Awaited<ReturnType<typeof listChildren>>) =>
      items.map((i) => (i.ok ? i.record.data.name : '?'));
    expect(names(await listChildren(db))).toEqual(['Ángel', 'Zoe', 'Ana', 'bea']);
    expect(names(await listChildren(db, { includeInactive: true }))).toEqual([
      'Ángel',
      'Zoe',
      'Ana',
      'bea',
      'Ari',
    ]);
  });

  it('shows a damaged child row last, as unreadable', async () => {
    const db = await open();
    await saveChild(db, { name: 'Leo' });
    await db.children.put({ id: 'damaged', data: { name: 7 } } as never);
    const items = await listChildren(db);
    expect(items.map((i) => (i.ok ? i.record.data.name : `unreadable ${i.id}`))).toEqual([
      'Leo',
      'unreadable damaged',
    ]);
  });

  it('reads ages relative to db.now(): a child becomes a toddler on the first of the month', async () => {
    const clock = testClock('2026-05-31T12:00:00.000Z');
    const db = await open(clock);
    await saveChild(db, { name: 'Bo', birthMonth: '2025-06' });
    await saveChild(db, { name: 'Al', birthMonth: '2026-01' });
    const first = async () =>
      ((await listChildren(db))[0] as { record: { data: { name: string } } }).record.data.name;
    expect(await first()).toBe('Al');
    clock.set('2026-06-15T12:00:00.000Z');
    expect(await first()).toBe('Bo');
  });
});

describe('listRecentlyDeleted and countPendingSync', () => {
  it('lists deleted notes and children, the latest deletion first, with their table', async () => {
    const clock = testClock();
    const db = await open(clock);
    const n1 = await addNote(db, '2026-01-05T10:00:00-06:00');
    const child = await saveChild(db, { name: 'Leo' });
    await addNote(db, '2026-01-06T10:00:00-06:00');
    clock.advance(1000);
    await deleteRecord(db, 'observations', n1);
    clock.advance(1000);
    await deleteRecord(db, 'children', child.ok ? child.record.id : '');
    const deleted = await listRecentlyDeleted(db);
    expect(deleted.map((d) => [d.table, d.ok && d.record.id])).toEqual([
      ['children', child.ok && child.record.id],
      ['observations', n1],
    ]);
  });

  it('counts the outbox entries waiting to be sent', async () => {
    const db = await open();
    expect(await countPendingSync(db)).toBe(0);
    const id = await addNote(db, '2026-01-05T10:00:00-06:00');
    await saveRecord(db, 'observations', id, {
      childIds: ['c1'],
      observedAt: '2026-01-05T10:00:00-06:00',
      text: 'edit',
    });
    await saveChild(db, { name: 'Leo', birthMonth: null, id: newRecordId() });
    expect(await countPendingSync(db)).toBe(2);
  });
});
