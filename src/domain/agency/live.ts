/**
 * The records a roll-up reads: one per id (the latest by HLC), not deleted, and valid for its
 * schema. An unreadable record contributes nothing rather than failing the whole answer.
 */
import type { StoredRecord } from '../envelope';

/** A schema's `safeParse`, as both zod flavours shape its result. */
export type Parse<D> = (data: unknown) => { success: true; data: D } | { success: false };

/** The live, valid records of a list, with their ids. */
export function liveData<D>(
  records: readonly StoredRecord<unknown>[],
  parse: Parse<D>,
): { id: string; data: D }[] {
  const latest = new Map<string, StoredRecord<unknown>>();
  for (const r of records) {
    const seen = latest.get(r.id);
    if (!seen || r.hlc > seen.hlc) latest.set(r.id, r);
  }
  const out: { id: string; data: D }[] = [];
  for (const r of latest.values()) {
    if (r.deleted === 1) continue;
    const parsed = parse(r.data);
    if (parsed.success) out.push({ id: r.id, data: parsed.data });
  }
  return out;
}
