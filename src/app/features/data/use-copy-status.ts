/**
 * Her last saved copy and whether she is connected, for the "save a copy" reminder on Home and the
 * storage card: its own module, so Home does not load the export code (fflate, spreadsheets).
 */
import { lastExportAt } from '../../../storage/last-export';
import { getMeta } from '../../../storage/meta';
import { useDb } from '../../db';
import { useLiveQuery } from '../../ui/use-live-query';

/** What the "save a copy" reminder needs: when she last did, and whether she is connected. */
export interface CopyStatus {
  lastExportAt: string | null;
  firstUseAt: string | null;
  isConnected: boolean;
  hasNotes: boolean;
}

/** Her last saved copy and whether the device syncs to an agency; `undefined` while loading. */
export function useCopyStatus(): CopyStatus | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const [last, first, deviceId, notes] = await Promise.all([
      lastExportAt(db),
      getMeta(db, 'firstUseAt'),
      getMeta(db, 'deviceId'),
      db.observations.count(),
    ]);
    const firstUseAt = typeof first === 'string' ? first : null;
    return { lastExportAt: last, firstUseAt, isConnected: typeof deviceId === 'string', hasNotes: notes > 0 };
  }, []);
}
