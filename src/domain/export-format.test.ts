import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, parseExport } from './export-format';

const HLC = '2026-01-29T19:05:00.000Z-0000-0123456789abcdef';
const child = (id: string, name: string) => ({
  id,
  schemaVersion: 1,
  hlc: HLC,
  deviceId: null,
  createdAt: '2026-01-29T13:05:00-06:00',
  updatedAt: '2026-01-29T13:05:00-06:00',
  deleted: 0,
  version: 0,
  serverSeq: null,
  syncStatus: 'pending',
  data: { name, active: true },
});
const file = (children: unknown[], unreadable?: Record<string, string[]>) => ({
  format: EXPORT_FORMAT,
  formatVersion: 1,
  exportedAt: '2026-02-03T10:00:00-06:00',
  tables: { children, observations: [], checkins: [], pdsa: [], conflicts: [] },
  ...(unreadable ? { unreadable } : {}),
});

describe('parseExport', () => {
  it('reads a good file, with every record per table', () => {
    const result = parseExport(file([child('c1', 'Ana'), child('c2', 'Beto')]));
    expect(result.ok && result.value.records.children.map((r) => r.id)).toEqual(['c1', 'c2']);
    expect(result.ok && result.value.unreadable.children).toBe(0);
  });

  it('leaves out a row the exporting device listed as unreadable, and refuses any other bad row', () => {
    const broken = { id: 'c9', data: { name: '' } };
    const listed = parseExport(file([child('c1', 'Ana'), broken], { children: ['c9'] }));
    expect(listed.ok && listed.value.records.children).toHaveLength(1);
    expect(listed.ok && listed.value.unreadable.children).toBe(1);
    expect(parseExport(file([child('c1', 'Ana'), broken]))).toMatchObject({
      ok: false,
      reason: 'damaged',
    });
  });

  it('checks the id rules of the records: a bad id is damage', () => {
    expect(parseExport(file([child('has space', 'Ana')]))).toMatchObject({
      ok: false,
      reason: 'damaged',
    });
  });

  it('tells a file from another app, a newer Naptime and a damaged header apart', () => {
    expect(parseExport(null)).toMatchObject({ reason: 'not-an-export' });
    expect(parseExport({ format: 'something-else' })).toMatchObject({ reason: 'not-an-export' });
    expect(parseExport({ ...file([]), formatVersion: 2 })).toMatchObject({
      reason: 'newer-format',
    });
    expect(parseExport({ ...file([]), formatVersion: 0 })).toMatchObject({ reason: 'damaged' });
    expect(parseExport({ ...file([]), exportedAt: 'yesterday' })).toMatchObject({
      reason: 'damaged',
    });
  });
});
