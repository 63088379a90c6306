/**
 * Which provider this device belongs to, kept apart from the connection (SYNC.md §7): a device
 * belongs to one provider, and after "Disconnect" it still holds her records, so a code for
 * another provider is refused until the device is erased. The connection itself (token, server
 * address) is in `sync-state.ts`; disconnecting drops it and keeps everything else.
 */
import { SYNCED_TABLES } from '../domain/tables';
import type { NaptimeDb } from './db';
import { META_KEYS } from './meta';
import { SYNC_META_KEYS, saveConnection, type SyncConnection } from './sync-state';
import { toStorageFailure, type StorageFailure } from './errors';

/** The meta keys this module owns. */
export const ENROLLMENT_META_KEYS = {
  provider: 'sync.provider',
  /** Tokens to revoke on the server when it can next be reached (a disconnect made offline). */
  revokeLater: 'sync.revokeLater',
} as const;

/** The provider whose records this device holds. */
export interface HeldProvider {
  providerId: string;
  providerName: string;
  agencyName: string;
}

/** A token that still has to be revoked, and where. */
export interface TokenToRevoke {
  serverUrl: string;
  deviceToken: string;
}

/** The provider this device was enrolled with, if it ever was and has not been erased since. */
export async function getHeldProvider(db: NaptimeDb): Promise<HeldProvider | null> {
  const row = await db.meta.get(ENROLLMENT_META_KEYS.provider);
  const v = row?.value as Partial<HeldProvider> | undefined;
  if (!v || typeof v.providerId !== 'string') return null;
  return {
    providerId: v.providerId,
    providerName: v.providerName ?? '',
    agencyName: v.agencyName ?? '',
  };
}

/** True when any synced table holds a row (deleted ones too: they are still hers, restorable). */
export async function holdsRecords(db: NaptimeDb): Promise<boolean> {
  for (const table of SYNCED_TABLES) if ((await db.synced(table).count()) > 0) return true;
  return false;
}

/**
 * The provider whose records would be mixed with another's by enrolling for `providerId`, or null
 * when enrolling is fine: never enrolled, the same provider, or nothing held any more.
 */
export async function otherProviderHeld(
  db: NaptimeDb,
  candidate: { providerId?: string; providerName: string; agencyName: string },
): Promise<HeldProvider | null> {
  const held = await getHeldProvider(db);
  if (!held) return null;
  const same =
    candidate.providerId !== undefined
      ? candidate.providerId === held.providerId
      : candidate.providerName === held.providerName && candidate.agencyName === held.agencyName;
  if (same) return null;
  return (await holdsRecords(db)) ? held : null;
}

/** Saves a new connection and the provider it belongs to, in one transaction. */
export async function saveEnrollment(
  db: NaptimeDb,
  connection: SyncConnection & { providerName: string; agencyName: string },
): Promise<{ ok: true } | StorageFailure> {
  try {
    await db.transaction('rw', db.meta, async () => {
      await saveConnection(db, connection);
      const held: HeldProvider = {
        providerId: connection.providerId,
        providerName: connection.providerName,
        agencyName: connection.agencyName,
      };
      await db.meta.put({ key: ENROLLMENT_META_KEYS.provider, value: held });
    });
    return { ok: true };
  } catch (error) {
    return toStorageFailure(error);
  }
}

/**
 * Forgets the connection (token, device id, cursor) and keeps every record, the outbox and the
 * provider. With `revokeLater`, the token is kept aside to be revoked once the server answers.
 */
export async function forgetConnection(
  db: NaptimeDb,
  revokeLater: TokenToRevoke | null,
): Promise<{ ok: true } | StorageFailure> {
  try {
    await db.transaction('rw', db.meta, async () => {
      await db.meta.bulkDelete([
        SYNC_META_KEYS.connection,
        SYNC_META_KEYS.cursor,
        META_KEYS.deviceId,
      ]);
      if (revokeLater) {
        const list = await tokensToRevoke(db);
        await db.meta.put({ key: ENROLLMENT_META_KEYS.revokeLater, value: [...list, revokeLater] });
      }
    });
    return { ok: true };
  } catch (error) {
    return toStorageFailure(error);
  }
}

/** Tokens still to revoke on their servers. */
export async function tokensToRevoke(db: NaptimeDb): Promise<TokenToRevoke[]> {
  const row = await db.meta.get(ENROLLMENT_META_KEYS.revokeLater);
  return Array.isArray(row?.value)
    ? (row.value as TokenToRevoke[]).filter((t) => typeof t?.deviceToken === 'string')
    : [];
}

/** Drops a token once its server confirmed it is revoked. */
export async function tokenRevoked(db: NaptimeDb, deviceToken: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const rest = (await tokensToRevoke(db)).filter((t) => t.deviceToken !== deviceToken);
    if (rest.length > 0) await db.meta.put({ key: ENROLLMENT_META_KEYS.revokeLater, value: rest });
    else await db.meta.delete(ENROLLMENT_META_KEYS.revokeLater);
  });
}
