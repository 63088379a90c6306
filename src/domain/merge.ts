/**
 * The three-way field merge of SYNC.md §3 step 4, pure so that the server and the devices apply the
 * same rule. Per field, against the content at the mutation's base version (version 0 = the empty
 * record): a field only one side changed takes that side's value; equal values never conflict; a field
 * both sides changed to different values goes to the greater HLC (ties to the larger deviceId) and is
 * listed. `deleted` is a field, except that a delete concurrent with an edit of any data field always
 * ends not deleted and is reported as kind `delete-edit`. `null` and absent mean the same (DESIGN.md):
 * merged content never holds a `null` field.
 */

/** A record's field values by name (the `data` of a record). */
export type FieldMap = Record<string, unknown>;

/** What a version of a record holds: its data and its soft-delete flag. */
export interface RecordContent {
  data: FieldMap;
  deleted: 0 | 1;
}

/** The empty record: the content of version 0 ("never accepted"). */
export const EMPTY_CONTENT: RecordContent = Object.freeze({
  data: Object.freeze({}) as FieldMap,
  deleted: 0,
});

/** The changes a mutation carries: only changed fields for an update, every field for a create. */
export interface Changes {
  data?: FieldMap | null | undefined;
  deleted?: 0 | 1 | null | undefined;
}

/** Who wrote one side of a merge. */
export interface MergeSide {
  hlc: string;
  deviceId: string | null;
}

export type ConflictKind = 'fields' | 'delete-edit';
export type Winner = 'incoming' | 'stored';

export interface MergeInput {
  /** The content at the mutation's base version (EMPTY_CONTENT for version 0). */
  base: RecordContent;
  /** The content the server (or device) holds now. */
  stored: RecordContent;
  storedSide: MergeSide;
  /** The incoming mutation's fields. */
  changes: Changes;
  incomingSide: MergeSide;
}

export interface MergeResult {
  content: RecordContent;
  /** null when nothing conflicted. */
  kind: ConflictKind | null;
  /** Data fields both sides changed to different values (decided by HLC). */
  fields: string[];
  /** The values kept, by field (plus `deleted` for a delete-edit). */
  winning: FieldMap;
  /** The values set aside, by field (plus `deleted` for a delete-edit): "use the other" re-applies them. */
  losing: FieldMap;
  /** The side whose values are in `winning`. */
  winner: Winner;
}

/** True for null and undefined (which mean the same as an absent field). */
export function isAbsent(value: unknown): boolean {
  return value === null || value === undefined;
}

/**
 * Deep equality of JSON values, with null, undefined and absent keys all equal. Iterative, so a
 * value of any depth compares without overflowing the stack (json-bounds.ts), and by own keys only,
 * so a field named `constructor` or `__proto__` is compared as data, never read from the prototype.
 */
export function valuesEqual(a: unknown, b: unknown): boolean {
  const stack: [unknown, unknown][] = [[a, b]];
  while (stack.length) {
    const [x, y] = stack.pop()!;
    if (isAbsent(x) || isAbsent(y)) {
      if (isAbsent(x) && isAbsent(y)) continue;
      return false;
    }
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object') return false;
    if (Array.isArray(x) !== Array.isArray(y)) return false;
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) stack.push([x[i], y[i]]);
      continue;
    }
    const xo = x as FieldMap;
    const yo = y as FieldMap;
    for (const k of new Set([...Object.keys(xo), ...Object.keys(yo)]))
      stack.push([own(xo, k), own(yo, k)]);
  }
  return true;
}

/** A map's own value for `key` (never one inherited from Object.prototype). */
export function own(map: FieldMap, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}

/** Builds a field map without null values (Object.fromEntries, so a `__proto__` key stays data). */
function compact(entries: Iterable<[string, unknown]>): FieldMap {
  return Object.fromEntries([...entries].filter(([, v]) => !isAbsent(v)));
}

/** The fast-forward: `content` with the changed fields applied (a null clears a field). */
export function applyChanges(content: RecordContent, changes: Changes): RecordContent {
  const data = new Map(Object.entries(content.data));
  for (const [k, v] of Object.entries(changes.data ?? {})) data.set(k, v);
  const deleted =
    changes.deleted === 0 || changes.deleted === 1 ? changes.deleted : content.deleted;
  return { data: compact(data), deleted };
}

/** The side that wins a field both changed: the greater HLC, ties to the larger deviceId. */
export function decideWinner(incoming: MergeSide, stored: MergeSide): Winner {
  if (incoming.hlc !== stored.hlc) return incoming.hlc > stored.hlc ? 'incoming' : 'stored';
  return (incoming.deviceId ?? '') > (stored.deviceId ?? '') ? 'incoming' : 'stored';
}

/** The three-way merge of a concurrent mutation against the stored record (SYNC.md §3 step 4). */
export function mergeThreeWay(input: MergeInput): MergeResult {
  const { base, stored } = input;
  const incomingData = input.changes.data ?? {};
  const hlcWinner = decideWinner(input.incomingSide, input.storedSide);
  const keys = new Set([
    ...Object.keys(base.data),
    ...Object.keys(stored.data),
    ...Object.keys(incomingData),
  ]);

  const merged: [string, unknown][] = [];
  const fields: string[] = [];
  const winning: [string, unknown][] = [];
  const losing: [string, unknown][] = [];
  let incomingEdits = false;
  let storedEdits = false;

  for (const key of keys) {
    const baseValue = own(base.data, key);
    const storedValue = own(stored.data, key);
    const incomingChanged =
      Object.prototype.hasOwnProperty.call(incomingData, key) &&
      !valuesEqual(incomingData[key], baseValue);
    const incomingValue = incomingChanged ? incomingData[key] : baseValue;
    const storedChanged = !valuesEqual(storedValue, baseValue);
    incomingEdits ||= incomingChanged;
    storedEdits ||= storedChanged;

    if (!incomingChanged) merged.push([key, storedValue]);
    else if (!storedChanged || valuesEqual(incomingValue, storedValue))
      merged.push([key, incomingValue]);
    else {
      const [win, lose] =
        hlcWinner === 'incoming' ? [incomingValue, storedValue] : [storedValue, incomingValue];
      merged.push([key, win]);
      fields.push(key);
      winning.push([key, win ?? null]);
      losing.push([key, lose ?? null]);
    }
  }

  const incomingDeleted =
    input.changes.deleted === 0 || input.changes.deleted === 1
      ? input.changes.deleted
      : base.deleted;
  const incomingDeletes = base.deleted === 0 && incomingDeleted === 1;
  const storedDeletes = base.deleted === 0 && stored.deleted === 1;
  const deleteEdit =
    (incomingDeletes && !storedDeletes && storedEdits) ||
    (storedDeletes && !incomingDeletes && incomingEdits);

  let deleted: 0 | 1;
  let kind: ConflictKind | null = fields.length ? 'fields' : null;
  let winner: Winner = hlcWinner;
  if (deleteEdit) {
    // The edit wins: it shows the record is still wanted (SYNC.md §3 step 4).
    deleted = 0;
    kind = 'delete-edit';
    if (!fields.length) winner = incomingDeletes ? 'stored' : 'incoming';
    winning.push(['deleted', 0]);
    losing.push(['deleted', 1]);
  } else if (incomingDeleted === stored.deleted || incomingDeleted === base.deleted) {
    deleted = stored.deleted;
  } else if (stored.deleted === base.deleted) {
    deleted = incomingDeleted;
  } else {
    // Both sides changed `deleted` from the base: they agree (a flag has two values).
    deleted = incomingDeleted;
  }

  return {
    content: { data: compact(merged), deleted },
    kind,
    fields,
    winning: Object.fromEntries(winning),
    losing: Object.fromEntries(losing),
    winner,
  };
}
