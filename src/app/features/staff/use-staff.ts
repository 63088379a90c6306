/**
 * Live reads and actions of the staff screens (src/README.md 4: no storage calls in components).
 * `undefined` means loading.
 */
import { useEffect } from 'preact/hooks';
import { staffWeeks } from '../../../domain/agency/staff-measures';
import type { NaptimeDb } from '../../../storage/db';
import {
  getStaffCheckin,
  getStaffProviders,
  getTaContact,
  listEvents,
  listTaContacts,
  staffRecords,
} from '../../../storage/staff';
import { getConnection } from '../../../storage/sync-state';
import { useDb } from '../../db';
import { enrollDeps } from '../../sync-runtime';
import { isOnline } from '../../state';
import { useLiveQuery } from '../../ui/use-live-query';

/** Her contacts, newest first. */
export function useTaContacts() {
  const db = useDb();
  return useLiveQuery(() => listTaContacts(db), []);
}

/** One contact (`null`: not on this device). */
export function useTaContact(id: string | undefined) {
  const db = useDb();
  return useLiveQuery(async () => (id ? getTaContact(db, id) : null), [id]);
}

/** Her survey of `week` (`null`: not answered). */
export function useStaffCheckin(week: string) {
  const db = useDb();
  return useLiveQuery(() => getStaffCheckin(db, week), [week]);
}

/** Her weeks, from surveys and the log (SYNC.md §15), oldest first. */
export function useStaffWeeks() {
  const db = useDb();
  return useLiveQuery(async () => {
    const { surveys, contacts } = await staffRecords(db);
    return staffWeeks(surveys, contacts);
  }, []);
}

/** Her agency's events. */
export function useEvents() {
  const db = useDb();
  return useLiveQuery(() => listEvents(db), []);
}

/** Asks the server for her providers (SYNC.md §17); the kept list stays when it cannot answer. */
async function refreshProviders(db: NaptimeDb): Promise<void> {
  const conn = await getConnection(db);
  if (!conn) return;
  const { refreshStaffProviders } = await import('../../../sync/staff-reads');
  await refreshStaffProviders(db, await enrollDeps(conn.serverUrl ?? ''));
}

/**
 * The providers she may log a contact with, kept from the server's last answer (`null` before the
 * first one); asked again whenever the form opens online.
 */
export function useStaffProviders() {
  const db = useDb();
  const online = isOnline.value;
  useEffect(() => {
    if (online) void refreshProviders(db).catch(() => undefined);
  }, [online]);
  return useLiveQuery(() => getStaffProviders(db), []);
}
