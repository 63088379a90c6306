import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, parseCsv } from '../domain/csv';
import { EXPORT_FORMAT, parseExport } from '../domain/export-format';
import { SYNCED_TABLES } from '../domain/tables';
import { exportAll, exportCsvZip } from './export';
import { fillDevice } from './testing-data';
import { useTestDbs } from './testing';

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

describe('exportCsvZip', () => {
  it('holds one CSV per table, each with a BOM, a header and one row per record', async () => {
    const db = await open();
    await fillDevice(db);
    const files = unzipSync(await exportCsvZip(db));
    expect(Object.keys(files).sort()).toEqual(SYNCED_TABLES.map((t) => `${t}.csv`).sort());
    const counts = { children: 2, observations: 3, checkins: 1, pdsa: 1, conflicts: 1 };
    for (const table of SYNCED_TABLES) {
      const bytes = files[`${table}.csv`]!;
      expect(Array.from(bytes.slice(0, 3)), table).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      expect(text.startsWith(CSV_BOM), table).toBe(true);
      const rows = parseCsv(text);
      expect(rows.length - 1, table).toBe(counts[table]);
      expect(rows[0]!.slice(0, 3)).toEqual(['id', 'schemaVersion', 'hlc']);
      for (const row of rows) expect(row).toHaveLength(rows[0]!.length);
    }
  });

  it('writes data fields flattened, arrays joined with "; ", formula-like text defused, accents kept', async () => {
    const db = await open();
    const ids = await fillDevice(db);
    const files = unzipSync(await exportCsvZip(db));
    const table = (name: string) => {
      const [header, ...rows] = parseCsv(strFromU8(files[name]!));
      return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
    };
    const notes = table('observations.csv');
    const tricky = notes.find((n) => n.id === ids.note)!;
    expect(tricky.text).toBe('Sofía dijo "¡más!", y luego:\nse rió');
    expect(tricky.childIds).toBe(`${ids.ana}; ${ids.jose}`);
    expect(tricky.with).toBe('older; younger');
    expect(tricky.week).toBeUndefined();
    expect(notes.find((n) => n.id === ids.formulaNote)!.text).toBe('\'=HYPERLINK("http://x")');
    const children = table('children.csv');
    expect(children.map((c) => c.name).sort()).toEqual(['Ana', 'José Ñúñez']);
    const [cycle] = table('pdsa.csv');
    expect(cycle!['plan.what']).toBe('Two books before nap');
    expect(JSON.parse(cycle!.questions!)).toEqual([
      { question: 'Will they settle sooner?', prediction: 'Yes, most days' },
    ]);
  });
});
