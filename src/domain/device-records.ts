/**
 * The record schemas of every table a device's database holds (a provider's, SYNC.md §1, and a staff
 * member's, §12), so the device's write, read and sync paths treat both alike: one lookup, one
 * validation. `events` records are validated like any other; only a manager's push is accepted.
 */
import type { z } from 'zod/mini';
import { AGENCY_DATA_SCHEMAS, validateAgencyRecord } from './agency-records';
import { DATA_SCHEMAS, validateRecord, type ValidationResult } from './records';
import { isSyncedTable, type DeviceTable, type StaffTable } from './tables';

/** The data schema of each device table. */
export const DEVICE_DATA_SCHEMAS = {
  ...DATA_SCHEMAS,
  'ta-contacts': AGENCY_DATA_SCHEMAS['ta-contacts'],
  'staff-checkins': AGENCY_DATA_SCHEMAS['staff-checkins'],
  events: AGENCY_DATA_SCHEMAS.events,
} as const satisfies Record<DeviceTable, z.ZodMiniType>;

export type DeviceDataOf<T extends DeviceTable> = z.infer<(typeof DEVICE_DATA_SCHEMAS)[T]>;

/** Validates one record of any device table, and its id (see `validateRecord`, `validateAgencyRecord`). */
export function validateDeviceRecord<T extends DeviceTable>(
  table: T,
  id: string,
  data: unknown,
): ValidationResult<DeviceDataOf<T>> {
  const result = isSyncedTable(table)
    ? validateRecord(table, id, data)
    : validateAgencyRecord(table as StaffTable, id, data);
  return result as ValidationResult<DeviceDataOf<T>>;
}
