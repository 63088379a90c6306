/**
 * The reads and the save behind "Share with my agency" (SYNC.md §14): the connection, her current
 * choice (the `sharing` record), and what each level would share, built from her own records by the
 * same consent filter the server runs (`sharedView`), so the example she reads is exactly what her
 * coach will see. Storage calls live here, not in the components (src/README.md 4).
 */
import { sharedView, sharingOf, type SharedProvider } from '../../../domain/agency/consent';
import { SHARING_ID, type SharingLevel } from '../../../domain/sharing';
import type { StoredRecord } from '../../../domain/envelope';
import type { NaptimeDb } from '../../../storage/db';
import { getMeta, META_KEYS } from '../../../storage/meta';
import { getConnection } from '../../../storage/sync-state';
import { saveRecord } from '../../../storage/write';
import { useDb } from '../../db';
import { useLiveQuery } from '../../ui/use-live-query';

/** What the screen shows: whether she is connected, her choice, and each level's example. */
export interface SharingScreen {
  isConnected: boolean;
  level: SharingLevel;
  firstUseAt: string | null;
  /** What her coach would read at each level (`null` at `nothing`). */
  examples: Record<SharingLevel, SharedProvider | null>;
}

/** Her records as the consent filter reads them, and the example of each level (pure, for tests). */
export function sharingExamples(
  records: {
    observations: readonly StoredRecord<unknown>[];
    checkins: readonly StoredRecord<unknown>[];
    pdsa: readonly StoredRecord<unknown>[];
  },
  firstUseAt: string | null,
): Record<SharingLevel, SharedProvider | null> {
  const at = (level: SharingLevel) =>
    sharedView({
      ...records,
      sharing: {
        id: SHARING_ID,
        deleted: 0,
        data: { level, firstUseAt },
      } as unknown as StoredRecord<unknown>,
    });
  return { nothing: null, numbers: at('numbers'), 'numbers-and-pdsa': at('numbers-and-pdsa') };
}

async function readScreen(db: NaptimeDb): Promise<SharingScreen> {
  const [connection, record, first, observations, checkins, pdsa] = await Promise.all([
    getConnection(db),
    db.sharing.get(SHARING_ID),
    getMeta(db, META_KEYS.firstUseAt),
    db.observations.toArray(),
    db.checkins.toArray(),
    db.pdsa.toArray(),
  ]);
  const firstUseAt = typeof first === 'string' ? first : null;
  return {
    isConnected: connection !== null,
    level: sharingOf(record).level,
    firstUseAt,
    examples: sharingExamples({ observations, checkins, pdsa }, firstUseAt),
  };
}

/** The screen's data, live; `undefined` while loading. */
export function useSharing(): SharingScreen | undefined {
  const db = useDb();
  return useLiveQuery(() => readScreen(db), []);
}

/** Saves her choice as the `sharing` record (synced like any record), with her first use. */
export function saveSharing(db: NaptimeDb, level: SharingLevel, firstUseAt: string | null) {
  return saveRecord(db, 'sharing', SHARING_ID, { level, firstUseAt });
}
