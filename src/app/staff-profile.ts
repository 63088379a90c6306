/** The one writer of the `staffProfile` signal (src/README.md 5): read from the device's sync state. */
import type { NaptimeDb } from '../storage/db';
import { getStaffProfile } from '../storage/sync-state';
import { staffProfile } from './state';

/** Reads who this device belongs to; a staff device shows the staff app from then on. */
export async function loadStaffProfile(db: NaptimeDb): Promise<void> {
  staffProfile.value = await getStaffProfile(db);
}
