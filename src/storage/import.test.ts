import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT_VERSION, type ExportFile } from '../domain/export-format';
import { HlcStateSchema } from '../domain/hlc';
import { SYNCED_TABLES } from '../domain/tables';
import type { NaptimeDb } from './db';
import { exportAll } from './export';
import { importExport, importExportText } from './import';
import { getMeta, META_KEYS } from './meta';
import { listAllRecords } from './read';
import { testClock, useTestDbs } from './testing';
import { dumpDevice, fillDevice } from './testing-data';
import { deleteRecord, saveChild, saveObservation } from './write';

const open = useTestDbs();

/** An export as it travels: written to a file and read back. */
async function exportFile(db: NaptimeDb): Promise<ExportFile> {
  return JSON.parse(JSON.stringify(await exportAll(db)));
}

async function records(db: NaptimeDb) {
  const out: Record<string, unknown[]> = {};
  for (const table of SYNCED_TABLES)
    out[table] = (await listAllRecords(db, table)).map((i) => (i.ok ? i.record : i.raw));
  return out;
}

/** A filled device, and a second one (on `targetClock`) that has imported its export. */
async function importedCopy(targetClock = testClock()) {
  const clock = testClock();
  const source = await open(clock);
  const ids = await fillDevice(source);
  const target = await open(targetClock);
  await importExport(target, await exportFile(source));
  return { clock, source, ids, target };
}

describe('importExport into a fresh device', () => {
  it('gives identical records, each queued for sync with its own HLC', async () => {
    const source = await open();
    await fillDevice(source);
    const file = await exportFile(source);
    const target = await open(testClock('2026-02-03T10:00:00.000Z'));

    const result = await importExport(target, file);
    expect(result).toMatchObject({ ok: true, report: { added: 8, updated: 0, skipped: 0 } });
    expect(result.ok && result.report.byTable.observations).toEqual({
      added: 3,
      updated: 0,
      skipped: 0,
    });
    expect(await records(target)).toEqual(await records(source));

    const entries = await target.outbox.orderBy('seq').toArray();
    // Every record but the server's conflict record gets a create of all its data.
    expect(entries).toHaveLength(7);
    for (const entry of entries) {
      const record = (await target.synced(entry.table).get(entry.recordId))!;
      expect(entry).toMatchObject({
        op: 'create',
        hlc: record.hlc,
        baseVersion: 0,
        state: 'pending',
        attempts: 0,
      });
      expect(entry.changedFields).toEqual(Object.keys(record.data).sort());
    }
  });

  it('moves the clock past every imported HLC, so the next edit here is newer', async () => {
    const source = await open(testClock('2030-01-01T00:00:00.000Z'));
    const ids = await fillDevice(source);
    const target = await open(testClock('2026-02-03T10:00:00.000Z'));
    await importExport(target, await exportFile(source));
    const clock = HlcStateSchema.parse(await getMeta(target, META_KEYS.hlc));
    expect(clock.millis).toBeGreaterThanOrEqual(Date.parse('2030-01-01T00:00:00.000Z'));
    const edited = await saveChild(target, { id: ids.ana, name: 'Ana María' });
    const original = (await source.children.get(ids.ana))!;
    expect(edited.ok && edited.record.hlc > original.hlc).toBe(true);
  });

  it('starts a record the source had synced at version 0, so it is sent as a create', async () => {
    const source = await open();
    const ids = await fillDevice(source);
    await source.children.update(ids.ana, { version: 3, serverSeq: 12, syncStatus: 'synced' });
    const target = await open();
    await importExport(target, await exportFile(source));
    expect(await target.children.get(ids.ana)).toMatchObject({
      version: 0,
      serverSeq: null,
      syncStatus: 'pending',
    });
    const [entry] = await target.outbox
      .where('[table+recordId]')
      .equals(['children', ids.ana])
      .toArray();
    expect(entry).toMatchObject({ op: 'create', baseVersion: 0 });
    // The server's conflict record keeps its version and is not sent back.
    expect(await target.conflicts.get('conflict-1')).toMatchObject({
      version: 2,
      serverSeq: 7,
      syncStatus: 'synced',
    });
  });
});

describe('importExport into a device that has the records', () => {
  it('skips everything when the file is its own export, and changes nothing', async () => {
    const db = await open();
    await fillDevice(db);
    const file = await exportFile(db);
    const before = await dumpDevice(db);
    const result = await importExport(db, file);
    expect(result).toMatchObject({ ok: true, report: { added: 0, updated: 0, skipped: 8 } });
    const after = await dumpDevice(db);
    // Only the clock may move (recv of the file's HLCs); every record, entry, draft and setting is as before.
    expect({ ...after, meta: [] }).toEqual({ ...before, meta: [] });
  });

  it('updates a record whose HLC here is older, skips one whose HLC here is newer, adds the missing one', async () => {
    const { clock, source, ids, target } = await importedCopy(
      testClock('2026-01-29T19:00:00.000Z'),
    );
    await target.outbox.clear();
    await target.children.toCollection().modify({ version: 1, syncStatus: 'synced' });

    clock.advance(60_000);
    await saveChild(source, { id: ids.ana, name: 'Ana Lucía' }); // newer in the file
    const newChild = await saveChild(source, { name: 'Beto' });
    await saveChild(target, { id: ids.jose, name: 'José' }); // newer here (target's clock passed the file's)

    const result = await importExport(target, await exportFile(source));
    expect(result.ok && result.report.byTable.children).toEqual({
      added: 1,
      updated: 1,
      skipped: 1,
    });
    const ana = (await target.children.get(ids.ana))!;
    const fileAna = (await source.children.get(ids.ana))!;
    expect(ana).toMatchObject({
      data: { name: 'Ana Lucía' },
      hlc: fileAna.hlc,
      updatedAt: fileAna.updatedAt,
      version: 1,
      syncStatus: 'pending',
    });
    expect((await target.children.get(ids.jose))!.data).toMatchObject({ name: 'José' });
    expect(newChild.ok && (await target.children.get(newChild.record.id))).toMatchObject({
      data: { name: 'Beto' },
    });

    const [update] = await target.outbox
      .where('[table+recordId]')
      .equals(['children', ids.ana])
      .toArray();
    expect(update).toMatchObject({
      op: 'update',
      baseVersion: 1,
      changedFields: ['name'],
      hlc: fileAna.hlc,
    });
    expect(await target.children.count()).toBe(3);
  });

  it('keeps a row here that it cannot read, even when the file has a newer version', async () => {
    const { clock, source, ids, target } = await importedCopy();
    await target.observations.update(ids.otherNote, { 'data.text': '' });
    const damaged = await target.observations.get(ids.otherNote);

    clock.advance(60_000);
    await saveObservation(source, {
      id: ids.otherNote,
      childIds: [ids.jose],
      observedAt: '2026-01-20T09:00:00-06:00',
      text: 'Climbed it twice',
    });
    const result = await importExport(target, await exportFile(source));
    expect(result.ok && result.report.byTable.observations).toEqual({
      added: 0,
      updated: 0,
      skipped: 3,
    });
    expect(await target.observations.get(ids.otherNote)).toEqual(damaged);
  });
});

describe('importExport of deletes', () => {
  it('brings a soft delete of the file as a delete entry on the version known here', async () => {
    const { clock, source, ids, target } = await importedCopy();
    await target.outbox.clear();
    await target.observations.toCollection().modify({ version: 2, syncStatus: 'synced' });

    clock.advance(60_000);
    await deleteRecord(source, 'observations', ids.note);
    const result = await importExport(target, await exportFile(source));
    expect(result.ok && result.report.byTable.observations).toEqual({
      added: 0,
      updated: 1,
      skipped: 2,
    });
    expect(await target.observations.get(ids.note)).toMatchObject({ deleted: 1, version: 2 });
    const [entry] = await target.outbox.toArray();
    expect(entry).toMatchObject({
      recordId: ids.note,
      op: 'delete',
      changedFields: ['deleted'],
      baseVersion: 2,
    });
  });
});

describe('importExport refuses a file that is not a good export, and changes nothing', () => {
  const cases: [string, (file: ExportFile) => unknown, string][] = [
    ['not JSON-shaped at all', () => 'hello', 'not-an-export'],
    ['an array', () => [], 'not-an-export'],
    ['another format', (f) => ({ ...f, format: 'other-app' }), 'not-an-export'],
    [
      'a newer format version',
      (f) => ({ ...f, formatVersion: EXPORT_FORMAT_VERSION + 1 }),
      'newer-format',
    ],
    ['a format version that is not a number', (f) => ({ ...f, formatVersion: '1' }), 'damaged'],
    ['tables missing', (f) => ({ ...f, tables: undefined }), 'damaged'],
    ['a table missing', (f) => ({ ...f, tables: { ...f.tables, pdsa: undefined } }), 'damaged'],
    ['an unknown table', (f) => ({ ...f, tables: { ...f.tables, photos: [] } }), 'damaged'],
    [
      'one row without an envelope',
      (f) => ({
        ...f,
        tables: {
          ...f.tables,
          children: [...f.tables.children, { id: 'x', data: { name: 'X', active: true } }],
        },
      }),
      'damaged',
    ],
    [
      'one row whose data breaks a rule (P5 above P4)',
      (f) => ({
        ...f,
        tables: {
          ...f.tables,
          checkins: f.tables.checkins.map((r) => ({
            ...(r as object),
            data: { ...(r as { data: object }).data, p5: 9 },
          })),
        },
      }),
      'damaged',
    ],
    [
      'a row id given twice',
      (f) => ({
        ...f,
        tables: { ...f.tables, children: [...f.tables.children, f.tables.children[0]] },
      }),
      'damaged',
    ],
  ];

  for (const [name, damage, reason] of cases) {
    it(`${name}: "${reason}"`, async () => {
      const source = await open();
      await fillDevice(source);
      const file = await exportFile(source);
      source.close();
      const target = await open(testClock('2026-02-03T10:00:00.000Z'));
      await saveChild(target, { name: 'Already here' });
      const before = await dumpDevice(target);
      const result = await importExport(target, damage(file));
      expect(result).toMatchObject({ ok: false, reason });
      expect(await dumpDevice(target)).toEqual(before);
    });
  }

  it('calls text that is not JSON "not an export"', async () => {
    const db = await open();
    const before = await dumpDevice(db);
    expect(await importExportText(db, '{"format": "naptime-export", "tabl')).toMatchObject({
      ok: false,
      reason: 'not-an-export',
    });
    expect(await dumpDevice(db)).toEqual(before);
  });
});
