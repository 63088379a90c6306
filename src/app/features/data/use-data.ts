/** Data actions for the Settings screens: storage calls live here, not in components (src/README.md 4). */
import { strToU8, zipSync } from 'fflate';
import { useLiveQuery } from '../../ui/use-live-query';
import { toCalendarDate } from '../../../domain/dates';
import { countUnsynced, eraseDevice } from '../../../storage/erase';
import { exportAll, readRecordsForSpreadsheets, recordExport } from '../../../storage/export';
import { importExportText, type ImportResult } from '../../../storage/import';
import type { NaptimeDb } from '../../../storage/db';
import { useDb } from '../../db';
import { t } from '../../i18n/i18n';
import { childLabels } from '../children/child-label';
import { saveFile, type SaveFileOutcome } from '../../ui/save-file';
import { spreadsheetFiles } from './spreadsheets';

/** Which export she asked for. */
export type ExportKind = 'json' | 'zip';

/** How many records are not yet on the server; `undefined` while loading. */
export function useUnsyncedCount(): number | undefined {
  const db = useDb();
  return useLiveQuery(() => countUnsynced(db), []);
}

/** The .zip of spreadsheets in her language (see spreadsheets.ts). */
export async function spreadsheetZip(db: NaptimeDb): Promise<Uint8Array> {
  const records = await readRecordsForSpreadsheets(db);
  const files = spreadsheetFiles(records, t, childLabels(records.children), toCalendarDate(new Date()));
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
}

/** Makes the export file of `kind` and hands it to her; returns its name and what happened. */
export async function exportToFile(db: NaptimeDb, kind: ExportKind): Promise<{ name: string; outcome: SaveFileOutcome }> {
  const day = toCalendarDate(new Date());
  const done = async (name: string, outcome: SaveFileOutcome) => {
    if (outcome !== 'cancelled') await recordExport(db);
    return { name, outcome };
  };
  if (kind === 'json') {
    const name = `naptime-${day}.json`;
    const text = JSON.stringify(await exportAll(db), null, 2);
    return done(name, await saveFile(text, name, 'application/json'));
  }
  const name = `${t('sheet.file.zip')}-${day}.zip`;
  const bytes = await spreadsheetZip(db);
  return done(name, await saveFile(bytes as Uint8Array<ArrayBuffer>, name, 'application/zip'));
}

/** Imports the chosen backup file. */
export async function importFile(db: NaptimeDb, file: File): Promise<ImportResult> {
  return importExportText(db, await file.text());
}

/** Erases the device and, once it is done, reloads into a fresh first run. */
export async function eraseAndRestart(db: NaptimeDb): Promise<boolean> {
  const result = await eraseDevice(db);
  if (!result.ok) return false;
  window.location.replace('/');
  return true;
}
