/**
 * The rows of the people tables (providers, staff, devices) as both repositories answer them: one
 * mapping and one order, so that SQLite and PostgreSQL give the same answers (SYNC.md §13, §16).
 * Lists are in name order (never a ranking), compared in JS rather than by each database's
 * collation, which differ.
 */
import type { StaffRole } from '../domain/scopes';
import type { DeviceAuth, DeviceListing } from './repository';

/** Name order: case- and accent-insensitive first, then exact, then the id (a stable tie-break). */
export function byName<T>(name: (t: T) => string, id: (t: T) => string) {
  return (a: T, b: T): number =>
    name(a).localeCompare(name(b), 'en', { sensitivity: 'base' }) ||
    cmp(name(a), name(b)) ||
    cmp(id(a), id(b));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The same name for create-provider's duplicate check: trimmed, in any case. */
export function sameName(a: string, b: string): boolean {
  return a.trim().localeCompare(b.trim(), 'en', { sensitivity: 'accent' }) === 0;
}

/** A device row joined with its provider or staff member (`findDevice`). */
export interface DeviceAuthRow {
  id: string;
  provider_id: string | null;
  staff_id: string | null;
  revoked_at: string | null;
  provider_agency: string | null;
  staff_agency: string | null;
  role: StaffRole | null;
}

/** The SELECT list and joins of a `DeviceAuthRow` (the WHERE clause is the caller's). */
export const DEVICE_AUTH_SELECT = `SELECT d.id, d.provider_id, d.staff_id, d.revoked_at,
    p.agency_id AS provider_agency, s.agency_id AS staff_agency, s.role
  FROM devices d LEFT JOIN providers p ON p.id = d.provider_id LEFT JOIN staff s ON s.id = d.staff_id`;

export function deviceAuthOf(row: DeviceAuthRow): DeviceAuth {
  const revoked = row.revoked_at !== null;
  if (row.staff_id !== null) {
    return {
      kind: 'staff',
      deviceId: row.id,
      staffId: row.staff_id,
      role: row.role!,
      agencyId: row.staff_agency,
      scope: `staff:${row.staff_id}`,
      agencyScope: row.staff_agency === null ? null : `agency:${row.staff_agency}`,
      revoked,
    };
  }
  return {
    kind: 'provider',
    deviceId: row.id,
    providerId: row.provider_id!,
    agencyId: row.provider_agency!,
    scope: `provider:${row.provider_id}`,
    revoked,
  };
}

/** The SELECT of a `StaffInfo` (the WHERE clause is the caller's). */
export const STAFF_INFO_SELECT = `SELECT s.id AS "staffId", s.name AS "staffName", s.role,
    s.agency_id AS "agencyId", a.name AS "agencyName"
  FROM staff s LEFT JOIN agencies a ON a.id = s.agency_id`;

/** The SELECT of a staff listing. */
export const STAFF_LISTING_SELECT = `SELECT s.id AS "staffId", s.name, s.role,
    s.agency_id AS "agencyId", a.name AS "agencyName"
  FROM staff s LEFT JOIN agencies a ON a.id = s.agency_id`;

/** The SELECT of a provider listing (the WHERE clause is the caller's). */
export const PROVIDER_LISTING_SELECT = `SELECT p.id AS "providerId", p.name, a.id AS "agencyId",
    a.name AS "agencyName"
  FROM providers p JOIN agencies a ON a.id = p.agency_id`;

/** A device row as `list-devices` reads it. */
export interface DeviceListingRow {
  id: string;
  name: string;
  provider_id: string | null;
  staff_id: string | null;
  created_at: string;
  last_seen_at: number | null;
  revoked_at: string | null;
}

/** Never the token's hash: the columns are named, not `*`. */
export const DEVICE_LISTING_SELECT = `SELECT id, name, provider_id, staff_id, created_at,
    last_seen_at, revoked_at FROM devices ORDER BY created_at, id`;

export function deviceListingOf(r: DeviceListingRow): DeviceListing {
  const common = {
    deviceId: r.id,
    deviceName: r.name,
    enrolledAt: r.created_at,
    lastSeenAt: r.last_seen_at === null ? null : new Date(r.last_seen_at).toISOString(),
    revoked: r.revoked_at !== null,
  };
  return r.staff_id !== null
    ? { ...common, kind: 'staff', staffId: r.staff_id }
    : { ...common, kind: 'provider', providerId: r.provider_id! };
}

/** Sorts a listing by agency name (no agency, the collaborative's, first), then by name. */
export function sortListing<T extends { agencyName: string | null; name: string }>(
  list: T[],
  id: (t: T) => string,
): T[] {
  const inAgency = byName<T>((t) => t.agencyName ?? '', id);
  const named = byName<T>((t) => t.name, id);
  return list.sort(
    (a, b) =>
      Number(a.agencyName !== null) - Number(b.agencyName !== null) ||
      (a.agencyName === b.agencyName ? 0 : inAgency(a, b)) ||
      named(a, b),
  );
}
