/**
 * Which person this device belongs to, kept apart from the connection (SYNC.md §7, §13): a device
 * belongs to one provider or one staff member, and after "Disconnect" it still holds her records, so
 * a code for anyone else is refused until the device is erased; so is a staff code on a device
 * holding a provider's records (even one never connected), and a provider code on a staff device.
 * The connection itself (token, server address) is in `sync-state.ts`; disconnecting drops it and
 * keeps everything else.
 */
import { tablesOfKind, type DeviceKind } from '../domain/tables';
import type { NaptimeDb } from './db';
import { META_KEYS } from './meta';
import {
  SYNC_META_KEYS,
  getStaffProfile,
  saveConnection,
  type StaffProfile,
  type SyncConnection,
} from './sync-state';
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

/**
 * True when a table of a `kind` device holds a row (deleted ones too: they are still hers,
 * restorable). `conflicts` is left out of the staff tables' count: it is shared by both kinds.
 */
export async function holdsRecords(db: NaptimeDb, kind: DeviceKind = 'provider'): Promise<boolean> {
  for (const table of tablesOfKind(kind)) {
    if (kind === 'staff' && table === 'conflicts') continue;
    if ((await db.synced(table).count()) > 0) return true;
  }
  return false;
}

/** Why a staff code may not connect this device, or null when it may. */
export type StaffRefusal =
  | { reason: 'provider-device'; held: HeldProvider | null }
  | { reason: 'other-staff'; held: StaffProfile };

/**
 * Whether enrolling staff member `candidate` would mix people: the device holds a provider's
 * records (connected or not), or another staff member's.
 */
export async function staffRefusal(
  db: NaptimeDb,
  candidate: { staffId?: string; staffName: string; agencyName: string | null },
): Promise<StaffRefusal | null> {
  if (await holdsRecords(db, 'provider'))
    return { reason: 'provider-device', held: await getHeldProvider(db) };
  const held = await getStaffProfile(db);
  if (!held) return null;
  const same =
    candidate.staffId !== undefined
      ? candidate.staffId === held.staffId
      : candidate.staffName === held.staffName && candidate.agencyName === held.agencyName;
  if (same) return null;
  return (await holdsRecords(db, 'staff')) ? { reason: 'other-staff', held } : null;
}

/** The staff member whose records are on this device, when a provider code must be refused. */
export async function staffHeld(db: NaptimeDb): Promise<StaffProfile | null> {
  const held = await getStaffProfile(db);
  return held && (await holdsRecords(db, 'staff')) ? held : null;
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
  connection: SyncConnection & { providerId: string; providerName: string; agencyName: string },
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
      // A staff member whose device held nothing of hers yet: it is a provider's device now.
      await db.meta.delete(SYNC_META_KEYS.staff);
    });
    return { ok: true };
  } catch (error) {
    return toStorageFailure(error);
  }
}

/**
 * Saves a staff member's connection and who she is (which makes this a staff device), in one
 * transaction; the connection's names are hers, for the connection card ("as {name}").
 */
export async function saveStaffEnrollment(
  db: NaptimeDb,
  connection: SyncConnection,
  staff: StaffProfile,
): Promise<{ ok: true } | StorageFailure> {
  try {
    await db.transaction('rw', db.meta, async () => {
      await saveConnection(db, {
        ...connection,
        providerName: staff.staffName,
        agencyName: staff.agencyName ?? '',
      });
      await db.meta.put({ key: SYNC_META_KEYS.staff, value: { ...staff } });
      await db.meta.delete(ENROLLMENT_META_KEYS.provider);
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
