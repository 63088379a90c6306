/**
 * Pure helpers of the write path: which fields a save changed, and how a save's data is merged with
 * what is stored. DESIGN.md "Records": schemas are loose, a field this build does not know is kept,
 * and `null` and absent mean the same.
 */
import { valuesEqual } from '../domain/merge';
import { dataSchemaOf } from './schemas';
import type { DeviceTable } from '../domain/tables';

type Data = Record<string, unknown>;

/** The reserved name in `changedFields` for the envelope's `deleted` flag (sent as `deleted: 0|1`). */
export const DELETED_FIELD = 'deleted';

/**
 * The top-level data fields whose values differ between `before` and `after`, sorted. Equality is
 * the merge's own (`valuesEqual`), so a save and the server agree on what changed.
 */
export function changedFields(before: Data | undefined, after: Data): string[] {
  const prev = before ?? {};
  const keys = new Set([...Object.keys(prev), ...Object.keys(after)]);
  return [...keys].filter((k) => !valuesEqual(prev[k], after[k])).sort();
}

/** The fields a table's schema knows in this build. */
export function knownFields(table: DeviceTable): string[] {
  return Object.keys(dataSchemaOf(table).shape);
}

/**
 * The data to validate for a save: every known field from `incoming` (a known field it leaves out is
 * cleared), over the stored fields this build does not know (kept, so an older app editing a record
 * never strips what a newer one added). A field of `incoming` always wins.
 */
export function mergeForSave(table: DeviceTable, stored: Data | undefined, incoming: Data): Data {
  const known = new Set(knownFields(table));
  const kept: Data = {};
  for (const [k, v] of Object.entries(stored ?? {})) if (!known.has(k)) kept[k] = v;
  return { ...kept, ...incoming };
}

/** A copy without top-level null or undefined values (null and absent mean the same). */
export function withoutEmpty(data: Data): Data {
  const out: Data = {};
  for (const [k, v] of Object.entries(data)) if (v != null) out[k] = v;
  return out;
}

/** The sorted union of two field lists. */
export function unionFields(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}
