/**
 * The data schemas the write and read paths use, by device table. A provider's are always here; a
 * staff member's (`agency-records.ts`) are added by `staff-schemas.ts`, which the staff storage and
 * the sync client import, so they stay out of a provider's first screen (DESIGN.md "Architecture").
 * Asking for a staff table before that is a wiring bug, and says so.
 */
import type { z } from 'zod/mini';
import type { DeviceDataOf } from '../domain/device-records';
import { DATA_SCHEMAS, validateRecord, type ValidationResult } from '../domain/records';
import { isSyncedTable, type DeviceTable, type StaffTable } from '../domain/tables';

interface StaffSchemas {
  schemas: Record<StaffTable, z.ZodMiniObject>;
  validate: (table: StaffTable, id: string, data: unknown) => ValidationResult<unknown>;
}

let staff: StaffSchemas | null = null;

/** Called once by `staff-schemas.ts`. */
export function provideStaffSchemas(schemas: StaffSchemas): void {
  staff = schemas;
}

function staffSchemas(table: DeviceTable): StaffSchemas {
  if (!staff)
    throw new Error(`the schema of ${table} is not loaded (import storage/staff-schemas)`);
  return staff;
}

/** The data schema of a device table. */
export function dataSchemaOf(table: DeviceTable): z.ZodMiniObject {
  return isSyncedTable(table) ? DATA_SCHEMAS[table] : staffSchemas(table).schemas[table];
}

/** Validates one record of any device table, and its id (`validateRecord`, `validateAgencyRecord`). */
export function validateDeviceRecord<T extends DeviceTable>(
  table: T,
  id: string,
  data: unknown,
): ValidationResult<DeviceDataOf<T>> {
  const result = isSyncedTable(table)
    ? validateRecord(table, id, data)
    : staffSchemas(table).validate(table as StaffTable, id, data);
  return result as ValidationResult<DeviceDataOf<T>>;
}
