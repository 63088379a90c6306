/**
 * The staff read route a staff device needs to log a visit (SYNC.md §17): `GET
 * /api/v1/staff/providers`, asked when online; each answer replaces the kept list whole, which the
 * contact form reads offline. Failures come back as results; the kept list stays as it was.
 */
import { StaffProvidersResponseSchema } from '../domain/staff-messages';
import type { NaptimeDb } from '../storage/db';
import { saveStaffProviders } from '../storage/staff';
import { getConnection } from '../storage/sync-state';
import type { EnrollDeps } from './enroll';
import { getJson } from './http';

/** What asking gave: the list was replaced, or why not (the kept list is unchanged). */
export type ProvidersRefresh =
  | { ok: true; count: number }
  | { ok: false; reason: 'not-connected' | 'unreachable' | 'refused' | 'bad-answer' };

/** Asks the server for her providers and keeps the answer for offline use. */
export async function refreshStaffProviders(
  db: NaptimeDb,
  deps: EnrollDeps,
): Promise<ProvidersRefresh> {
  const conn = await getConnection(db);
  if (!conn) return { ok: false, reason: 'not-connected' };
  const res = await getJson(deps, '/api/v1/staff/providers', conn.deviceToken);
  if (res.kind === 'network' || res.kind === 'timeout') return { ok: false, reason: 'unreachable' };
  if (res.kind === 'http') return { ok: false, reason: 'refused' };
  const parsed = StaffProvidersResponseSchema.safeParse(res.json);
  if (!parsed.success) return { ok: false, reason: 'bad-answer' };
  await saveStaffProviders(db, parsed.data.providers);
  return { ok: true, count: parsed.data.providers.length };
}
