/**
 * The per-mutation checks of a push (SYNC.md §3 steps 1 and 5): a record's content against its
 * table's schema (any scope's table, SYNC.md §12) and the 64 KiB limit, and the rule that a device may only resolve conflict records.
 */
import { stringifyJson } from '../domain/json-bounds';
import type { Changes, FieldMap, RecordContent } from '../domain/merge';
import { RESOLUTION_FIELDS, type FieldIssue } from '../domain/records';
import { validateScopedRecord, type ScopedTable } from '../domain/scopes';
import { LIMITS, type Mutation, type RejectCode } from '../domain/sync-messages';
import type { StoredRow } from './push-store';

/** Why one mutation is `rejected`. */
export class Rejection {
  constructor(
    readonly code: RejectCode,
    readonly message: string,
    readonly details: FieldIssue[] = [],
  ) {}
}

function dataBytes(json: string): number {
  return Buffer.byteLength(json, 'utf8');
}

/** Validates a record's content for its table; returns its data JSON or the rejection. */
export function check(table: string, id: string, content: RecordContent): string | Rejection {
  // Without recursion: a stored record may hold data nested deeper than today's bound (json-
  // bounds.ts).
  const json = stringifyJson(content.data);
  if (dataBytes(json) > LIMITS.recordDataBytes) {
    return new Rejection(
      'RECORD_TOO_LARGE',
      `The record's data is larger than ${LIMITS.recordDataBytes} bytes.`,
    );
  }
  // The caller checked the table against the scope (pushAccess) first.
  const result = validateScopedRecord(table as ScopedTable, id, content.data);
  return result.ok
    ? json
    : new Rejection('VALIDATION_FAILED', 'The record did not pass validation.', result.issues);
}

/** The fields a mutation changes (a delete is `deleted: 1` and no data). */
export function changesOf(m: Mutation): Changes {
  if (m.op === 'delete') return { deleted: 1 };
  return { data: (m.data ?? {}) as FieldMap, deleted: m.deleted ?? null };
}

/** The checks of SYNC.md §3 step 1 for the `conflicts` table: only resolvedAt and resolution. */
export function forbiddenConflictWrite(
  m: Mutation,
  stored: StoredRow | undefined,
): Rejection | null {
  const touchesOther = Object.keys(m.data ?? {}).some((k) => !RESOLUTION_FIELDS.includes(k));
  if (
    m.op !== 'update' ||
    !stored ||
    touchesOther ||
    (m.deleted != null && m.deleted !== stored.deleted)
  ) {
    return new Rejection(
      'FORBIDDEN',
      'Conflict records are written by the server; a device may only resolve them.',
    );
  }
  return null;
}
