/**
 * Bounded version history (SYNC.md §3 step 4), the rule both backends apply (sqlite-history.ts,
 * pg-push-store.ts). Every earlier version used to be kept forever, so a
 * device making one-field edits of a 60 KiB record grew the disk by 60 KiB per edit. An earlier
 * version is needed only as the base of a three-way merge, i.e. while some device may still send an
 * edit based on it. The rule, chosen here:
 *
 * - A device may base an edit only on a version it holds, and what it holds of a record never goes
 *   backwards (SYNC.md §4, §6). It holds at least the version it last wrote (a lost answer is
 *   replayed as `duplicate`), and at least the version current at the serverSeq of the latest pull
 *   cursor it presented (`devices.acked_seq`: it applied every page up to there). When neither is
 *   known it may hold anything from the oldest version kept, so nothing is pruned for it.
 * - Devices count while active: not revoked and seen (push or pull) in the last 90 days.
 * - The floor is the least of those versions over active devices; versions below it are deleted. A
 *   version replaced by a write is not even copied into the history when it is below the floor.
 * - A device that comes back after 90 days, or with an edit it kept pending while it pulled past
 *   it, may send a base that is gone: the merge then runs against the empty record (push.ts), so
 *   every field that differs is a conflict, decided by HLC and kept in the conflict record: nothing
 *   is lost. The mutation log (`mutations`) keeps every payload for the audit either way.
 */

/**
 * Whose devices may base edits on a scope's versions (SYNC.md §12): a provider's devices, a staff
 * member's, or (an agency scope) its managers' devices. A staff device's `acked_seq` counts its own
 * `staff:<id>` scope, so for an agency scope it is not known (taken as 0: nothing is pruned below
 * what such a device may hold).
 */
export function scopeOwner(scope: string): { kind: 'provider' | 'staff' | 'agency'; id: string } {
  const colon = scope.indexOf(':');
  const kind = scope.slice(0, colon);
  return {
    kind: kind === 'staff' || kind === 'agency' ? kind : 'provider',
    id: scope.slice(colon + 1),
  };
}

/** Devices count for the history while seen within this window. */
export const HISTORY_ACTIVE_MS = 90 * 24 * 60 * 60 * 1000;

/** A device that may still send edits, and the serverSeq its latest presented cursor covered. */
export interface ActiveDevice {
  id: string;
  ackedSeq: number;
}

export interface VersionRow {
  version: number;
  server_seq: number;
  device_id: string | null;
}

/**
 * The lowest version any active device may still base an edit on (the writer holds `newVersion`).
 */
export function historyFloor(
  rows: readonly VersionRow[],
  devices: readonly ActiveDevice[],
  writer: string,
  newVersion: number,
): number {
  let floor = newVersion;
  const oldest = rows.reduce((min, r) => Math.min(min, r.version), newVersion);
  for (const d of devices) {
    if (d.id === writer) continue;
    let held = 0;
    for (const r of rows) {
      if (r.device_id === d.id || r.server_seq <= d.ackedSeq) held = Math.max(held, r.version);
    }
    floor = Math.min(floor, held === 0 ? oldest : held);
  }
  return floor;
}
