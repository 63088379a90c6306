/**
 * The data type of every table a device's database holds: a provider's (SYNC.md §1) and a staff
 * member's (§12). Types only: storage looks the schemas up in `storage/schemas.ts`, which keeps a
 * staff member's out of a provider's first screen.
 */
import type { z } from 'zod/mini';
import type { AGENCY_DATA_SCHEMAS } from './agency-records';
import type { DATA_SCHEMAS } from './records';
import type { DeviceTable, StaffTable } from './tables';

type DeviceSchemas = typeof DATA_SCHEMAS & Pick<typeof AGENCY_DATA_SCHEMAS, StaffTable>;

/** The data of a record of `T`. */
export type DeviceDataOf<T extends DeviceTable> = z.infer<DeviceSchemas[T]>;
