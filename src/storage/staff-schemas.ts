/** Adds a staff member's record schemas to the storage paths (see `schemas.ts`); import for effect. */
import { AGENCY_DATA_SCHEMAS, validateAgencyRecord } from '../domain/agency-records';
import { provideStaffSchemas } from './schemas';

provideStaffSchemas({
  schemas: {
    'ta-contacts': AGENCY_DATA_SCHEMAS['ta-contacts'],
    'staff-checkins': AGENCY_DATA_SCHEMAS['staff-checkins'],
    events: AGENCY_DATA_SCHEMAS.events,
  },
  validate: validateAgencyRecord,
});
