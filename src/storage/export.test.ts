import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, parseExport } from '../domain/export-format';
import { SYNCED_TABLES } from '../domain/tables';
import { exportAll, lastExportAt, readRecordsForSpreadsheets, recordExport } from './export';
import { fillDevice } from './testing-data';
import { testClock, useTestDbs } from './testing';
import { deleteRecord } from './write';

const open = useTestDbs();

describe('exportAll', () => {
  it('lists every synced table with every row as stored, envelope included, local index fields left out', async () => {
    const db = await open();
    const ids = await fillDevice(db);
    const file = await exportAll(db);
    expect(file).toMatchObject({ format: EXPORT_FORMAT, formatVersion: 1 });
    expect(Object.keys(file.tables)).toEqual([...SYNCED_TABLES]);
    expect(file.tables.children).toHaveLength(2);
    expect(file.tables.observations).toHaveLength(3);
    expect(file.tables.checkins).toHaveLength(1);
    expect(file.tables.pdsa).toHaveLength(1);
    expect(file.tables.conflicts).toHaveLength(1);
    const stored = await db.observations.get(ids.note);
    expect(stored).toHaveProperty('week');
    const exported = file.tables.observations.find((r) => (r as { id: string }).id === ids.note);
    const {
      week: _w,
      observedMs: _o,
      ...withoutIndex
    } = stored as unknown as Record<string, unknown>;
    expect(exported).toEqual(withoutIndex);
    expect(exported).toMatchObject({
      hlc: expect.any(String),
      syncStatus: 'pending',
      version: 0,
      createdAt: expect.any(String),
    });
  });

  it('keeps an unreadable row as it is and lists its id, so the file still imports', async () => {
    const db = await open();
    await fillDevice(db);
    await db.children.put({ id: 'broken-child', data: { name: '' } } as never);
    const file = await exportAll(db);
    expect(file.tables.children).toContainEqual({ id: 'broken-child', data: { name: '' } });
    expect(file.unreadable.children).toEqual(['broken-child']);
    const parsed = parseExport(JSON.parse(JSON.stringify(file)));
    expect(parsed.ok && parsed.value.unreadable.children).toBe(1);
  });
});

describe('readRecordsForSpreadsheets', () => {
  it('gives the readable records of the four tables a person reads, deleted and unreadable ones left out', async () => {
    const db = await open();
    const ids = await fillDevice(db);
    await deleteRecord(db, 'observations', ids.otherNote);
    await db.children.put({ id: 'broken-child', data: { name: '' } } as never);
    const r = await readRecordsForSpreadsheets(db);
    expect(Object.keys(r).sort()).toEqual(['checkins', 'children', 'observations', 'pdsa']);
    expect(r.children.map((c) => c.data.name).sort()).toEqual(['Ana', 'José Ñúñez']);
    expect(r.observations.map((n) => n.id).sort()).toEqual([ids.note, ids.formulaNote].sort());
    expect(r.observations[0]).not.toHaveProperty('week');
    expect(r.checkins).toHaveLength(1);
    expect(r.pdsa).toHaveLength(1);
  });
});

describe('recordExport', () => {
  it('remembers when she last saved a copy', async () => {
    const clock = testClock('2026-02-02T15:00:00.000Z');
    const db = await open(clock);
    expect(await lastExportAt(db)).toBeNull();
    await recordExport(db);
    expect(Date.parse((await lastExportAt(db))!)).toBe(Date.parse('2026-02-02T15:00:00.000Z'));
  });
});
