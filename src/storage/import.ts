/**
 * Her data, back in (DESIGN.md 7, "Her data is hers"): a JSON export merged into this device by id.
 *
 * - The whole file is checked first (`parseExport`); a file that is not an export, a damaged one or
 *   one from a newer Naptime is refused and nothing is written.
 * - Per record: not here → added; here with an older HLC and other content → updated to the file's
 *   version; an equal or newer HLC here, the same content, or a row here this build cannot read →
 *   skipped (hers is never overwritten by something older, never duplicated).
 * - An import is a local write (SYNC.md §2): each added or updated record is written with its outbox
 *   entry, in ONE rw transaction with the clock, so the change is queued for sync like any save. The
 *   record keeps its own `hlc`, `createdAt` and `updatedAt` (the entry carries that `hlc`); every
 *   imported HLC is `recv()`ed so that later edits here are newer than anything in the file.
 * - Sync bookkeeping is this device's: an added record starts at `version: 0` (its entry is a
 *   `create` of all its data, which every server accepts: one that already has it merges equal values
 *   without a conflict); an updated one keeps the version this device knows. Conflict records are the
 *   server's (§5): they keep their version, and only `resolvedAt`/`resolution` are ever queued.
 */
import { changedFields } from './changes';
import type { StoredRecord } from '../domain/envelope';
import { parseExport, type ExportProblem } from '../domain/export-format';
import { hlcRecv } from '../domain/hlc';
import { valuesEqual } from '../domain/merge';
import { SCHEMA_VERSION, SYNCED_TABLES, type SyncedTable } from '../domain/tables';
import type { NaptimeDb, RecordRow } from './db';
import { toStorageFailure, type StorageFailure } from './errors';
import { META_KEYS, ensureDeviceMeta } from './meta';
import { queueChange } from './outbox';
import { readRow } from './read';
import { RESOLUTION_FIELDS } from '../domain/records';
import { fieldsToSend } from './write';

/** How many records an import added, updated and skipped. */
export interface ImportCounts {
  added: number;
  updated: number;
  skipped: number;
}

/** What an import did, in total and per table; `unreadable` counts the file's rows it left out. */
export interface ImportReport extends ImportCounts {
  byTable: Record<SyncedTable, ImportCounts>;
  unreadable: number;
}

/** The result of an import: its report, why the file was refused, or why storage failed (nothing written). */
export type ImportResult = { ok: true; report: ImportReport } | ExportProblem | StorageFailure;

type Step = { kind: 'skip' } | { kind: 'added' | 'updated'; record: RecordRow; fields: string[] };

function withoutSyncError(row: RecordRow): RecordRow {
  const { syncError: _dropped, ...rest } = row;
  return rest as RecordRow;
}

/** What to do with one incoming record, given the raw row stored under its id. */
function decide(table: SyncedTable, raw: unknown, incoming: RecordRow): Step {
  let current: RecordRow | undefined;
  if (raw !== undefined) {
    const here = readRow(table, raw);
    // A row here that cannot be read (envelope or data) is kept for a newer build or a person.
    if (!here.ok) return { kind: 'skip' };
    current = here.record as RecordRow;
    if (incoming.hlc <= current.hlc) return { kind: 'skip' };
    if (current.deleted === incoming.deleted && valuesEqual(current.data, incoming.data))
      return { kind: 'skip' };
  }
  const kind = current ? 'updated' : 'added';
  if (table === 'conflicts') {
    const version = current?.version ?? incoming.version;
    const fields =
      version > 0
        ? changedFields(current?.data ?? {}, incoming.data).filter((f) =>
            RESOLUTION_FIELDS.includes(f),
          )
        : [];
    const syncStatus = fields.length > 0 ? 'pending' : (current?.syncStatus ?? incoming.syncStatus);
    const record = {
      ...current,
      ...incoming,
      version,
      serverSeq: current?.serverSeq ?? incoming.serverSeq,
      syncStatus,
    };
    return { kind, record, fields };
  }
  const record = withoutSyncError({
    ...current,
    ...incoming,
    schemaVersion: Math.max(current?.schemaVersion ?? 0, incoming.schemaVersion, SCHEMA_VERSION),
    version: current?.version ?? 0,
    serverSeq: current?.serverSeq ?? null,
    syncStatus: 'pending',
  });
  return { kind, record, fields: fieldsToSend(current, record) };
}

function zeroCounts(): ImportCounts {
  return { added: 0, updated: 0, skipped: 0 };
}

/** Merges a parsed JSON export into the device (see the header); a refused file changes nothing. */
export async function importExport(db: NaptimeDb, json: unknown): Promise<ImportResult> {
  const parsed = parseExport(json);
  if (!parsed.ok) return parsed;
  const { records, unreadable } = parsed.value;
  const byTable = Object.fromEntries(
    SYNCED_TABLES.map((t) => [t, zeroCounts()]),
  ) as ImportReport['byTable'];
  const stores = SYNCED_TABLES.map((t) => db.synced(t));
  try {
    // Records, outbox entries and clock commit together: a crash leaves the device as before or fully merged.
    await db.transaction('rw', [...stores, db.outbox, db.meta], async () => {
      const device = await ensureDeviceMeta(db);
      const now = db.now().getTime();
      let clock = device.hlc;
      for (const table of SYNCED_TABLES) {
        const incoming = records[table] as StoredRecord[] as RecordRow[];
        const stored = await db.synced(table).bulkGet(incoming.map((r) => r.id));
        const counts = byTable[table];
        counts.skipped += unreadable[table];
        for (const [i, record] of incoming.entries()) {
          clock = hlcRecv(clock, record.hlc, now);
          const step = decide(table, stored[i], record);
          if (step.kind === 'skip') {
            counts.skipped += 1;
            continue;
          }
          counts[step.kind] += 1;
          await db.synced(table).put(step.record as StoredRecord);
          if (step.fields.length > 0)
            await queueChange(db, table, step.record, step.fields, step.record.hlc);
        }
      }
      await db.meta.put({ key: META_KEYS.hlc, value: clock });
    });
  } catch (error) {
    return toStorageFailure(error);
  }
  const total = (k: keyof ImportCounts) => SYNCED_TABLES.reduce((n, t) => n + byTable[t][k], 0);
  const unreadableTotal = SYNCED_TABLES.reduce((n, t) => n + unreadable[t], 0);
  return {
    ok: true,
    report: {
      added: total('added'),
      updated: total('updated'),
      skipped: total('skipped'),
      byTable,
      unreadable: unreadableTotal,
    },
  };
}

/** Imports the text of a chosen file: text that is not JSON is "not an export". */
export function importExportText(db: NaptimeDb, text: string): Promise<ImportResult> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return Promise.resolve({ ok: false, reason: 'not-an-export', message: 'the file is not JSON' });
  }
  return importExport(db, json);
}
