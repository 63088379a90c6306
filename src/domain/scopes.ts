/**
 * Scopes and the tables each allows (SYNC.md §12): `provider:<id>`, `staff:<id>`, `agency:<id>`.
 * A table of another kind of scope is FORBIDDEN; a table no scope has is UNKNOWN_TABLE. Events in
 * an agency scope are pushed only by managers. The server derives the scope from the token alone.
 */
import { AGENCY_DATA_SCHEMAS, validateAgencyRecord, type AgencyTable } from './agency-records';
import { validateRecord, type ValidationResult } from './records';
import { SYNCED_TABLES, type SyncedTable } from './tables';

export const SCOPE_KINDS = ['provider', 'staff', 'agency'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export const STAFF_ROLES = ['coach', 'manager', 'collaborative'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Every table any scope holds. */
export type ScopedTable = SyncedTable | AgencyTable;

/** The tables of each kind of scope, and nothing else (SYNC.md §12's table). */
export const SCOPE_TABLES: Readonly<Record<ScopeKind, readonly ScopedTable[]>> = {
  provider: SYNCED_TABLES,
  staff: ['ta-contacts', 'staff-checkins', 'conflicts'],
  agency: ['events', 'conflicts'],
};

/** A parsed scope string. */
export interface Scope {
  kind: ScopeKind;
  id: string;
}

const SCOPE = /^(provider|staff|agency):([A-Za-z0-9][A-Za-z0-9_-]{0,99})$/;

/** Parses `kind:id`; `null` for anything else. */
export function parseScope(value: unknown): Scope | null {
  if (typeof value !== 'string') return null;
  const m = SCOPE.exec(value);
  return m ? { kind: m[1] as ScopeKind, id: m[2]! } : null;
}

/** Formats a scope as the server keys it. */
export function scopeKey(scope: Scope): string {
  return `${scope.kind}:${scope.id}`;
}

/** True when some scope holds `table`. */
export function isScopedTable(table: unknown): table is ScopedTable {
  return (
    typeof table === 'string' &&
    ((SYNCED_TABLES as readonly string[]).includes(table) ||
      Object.hasOwn(AGENCY_DATA_SCHEMAS, table))
  );
}

/** Whether a device of `role` (none for a provider's device) may push `table` into a scope of `kind`. */
export type TableAccess = 'ok' | 'FORBIDDEN' | 'UNKNOWN_TABLE';

/** The push rule of SYNC.md §12: the scope's own tables only; an agency scope only from a manager. */
export function pushAccess(kind: ScopeKind, table: unknown, role?: StaffRole | null): TableAccess {
  if (!isScopedTable(table)) return 'UNKNOWN_TABLE';
  if (!SCOPE_TABLES[kind].includes(table)) return 'FORBIDDEN';
  if (kind === 'provider' && role != null) return 'FORBIDDEN';
  if (kind !== 'provider' && role == null) return 'FORBIDDEN';
  // Events, and the conflicts they make, are the managers' (SYNC.md §12).
  if (kind === 'agency' && role !== 'manager') return 'FORBIDDEN';
  return 'ok';
}

/** Validates a record of any scoped table (the provider's tables or the agency side's). */
export function validateScopedRecord(
  table: ScopedTable,
  id: string,
  data: unknown,
): ValidationResult<unknown> {
  return Object.hasOwn(AGENCY_DATA_SCHEMAS, table)
    ? validateAgencyRecord(table as AgencyTable, id, data)
    : validateRecord(table as SyncedTable, id, data);
}
