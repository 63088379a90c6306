/**
 * Connecting a device to its agency and letting go of it (SYNC.md §7), with every failure named
 * the way the connect screen needs it:
 * - `checkCode` asks whom a code connects to (`enroll/check`, the code is not spent);
 * - `connect` redeems it (`enroll`), carrying an old token so the server revokes it, refuses a code
 *   for another person while the device holds the first one's records (and a staff code on a device
 *   holding a provider's records, SYNC.md §13), and saves the connection;
 * - `disconnect` revokes this device's token and forgets the connection, keeping every record and
 *   the outbox; a token the server could not be told about is revoked later (`revokeLeftovers`).
 */
import type { StaffRole } from '../domain/scopes';
import { parseEnrollResponse, StaffEnrollCheckResponseSchema } from '../domain/staff-messages';
import { DisconnectResponseSchema, EnrollCheckResponseSchema } from '../domain/sync-messages';
import type { NaptimeDb } from '../storage/db';
import {
  forgetConnection,
  otherProviderHeld,
  saveEnrollment,
  saveStaffEnrollment,
  staffHeld,
  staffRefusal,
  tokenRevoked,
  tokensToRevoke,
  type HeldProvider,
} from '../storage/enrollment';
import { getConnection, type StaffProfile } from '../storage/sync-state';
import type { SyncDeps } from './deps';
import { postJson, type HttpOutcome } from './http';

/** What the environment must give enrollment: where the server is, and how to reach it. */
export type EnrollDeps = Pick<SyncDeps, 'baseUrl' | 'fetch' | 'setTimeout' | 'clearTimeout'>;

/** Why connecting did not work, in the terms the screen explains. */
export type EnrollFailure =
  | { reason: 'invalid-code' }
  | { reason: 'too-many-tries'; retryAfterMs: number | null }
  | { reason: 'no-connection' }
  | { reason: 'server-outdated' }
  | { reason: 'app-outdated' }
  | { reason: 'not-naptime' }
  | { reason: 'server-error' }
  | { reason: 'other-provider'; held: HeldProvider }
  | { reason: 'provider-device'; held: HeldProvider | null }
  | { reason: 'other-staff' | 'staff-device'; held: StaffProfile }
  | { reason: 'storage' };

/** Whom a code connects to: a provider, or a staff member (SYNC.md §13). */
export type CodeOwner =
  | { kind: 'provider'; providerName: string; agencyName: string }
  | { kind: 'staff'; staffName: string; role: StaffRole; agencyName: string | null };

/** Why a code for `owner` may not connect this device (it holds someone else's records), or null. */
async function refusalFor(
  db: NaptimeDb,
  owner: CodeOwner & { providerId?: string; staffId?: string },
): Promise<EnrollFailure | null> {
  if (owner.kind === 'staff') return staffRefusal(db, owner);
  const staff = await staffHeld(db);
  if (staff) return { reason: 'staff-device', held: staff };
  const held = await otherProviderHeld(db, owner);
  return held ? { reason: 'other-provider', held } : null;
}

/** Maps an answer that is not a success to what she is told. */
export function enrollFailureOf(outcome: Exclude<HttpOutcome, { kind: 'ok' }>): EnrollFailure {
  if (outcome.kind === 'network' || outcome.kind === 'timeout') return { reason: 'no-connection' };
  const { status, code } = outcome;
  if (code === 'ENROLLMENT_CODE_INVALID') return { reason: 'invalid-code' };
  if (status === 429) return { reason: 'too-many-tries', retryAfterMs: outcome.retryAfterMs };
  if (status === 426 || code === 'UPGRADE_REQUIRED') return { reason: 'app-outdated' };
  if (code === 'PROTOCOL_UNSUPPORTED') return { reason: 'server-outdated' };
  // A Naptime server that answers our error shape but lacks the route is older than this app;
  // any other 404 (an HTML page, another web server) means the address is not a Naptime server.
  if (status === 404) return { reason: code === 'NOT_FOUND' ? 'server-outdated' : 'not-naptime' };
  if (status === 405 || status === 501) return { reason: 'not-naptime' };
  return { reason: 'server-error' };
}

/** Whom `code` (canonical, SYNC.md §7) connects to, without spending it. */
export async function checkCode(
  db: NaptimeDb,
  deps: EnrollDeps,
  code: string,
): Promise<{ ok: true; owner: CodeOwner } | ({ ok: false } & EnrollFailure)> {
  const res = await postJson(deps, '/api/v1/devices/enroll/check', null, { code });
  if (res.kind !== 'ok') return { ok: false, ...enrollFailureOf(res) };
  const owner = codeOwnerOf(res.json);
  if (!owner) return { ok: false, reason: 'not-naptime' };
  const refused = await refusalFor(db, owner);
  if (refused) return { ok: false, ...refused };
  return { ok: true, owner };
}

/** The `enroll/check` answer as whom the code connects to; null when it is not one. */
function codeOwnerOf(body: unknown): CodeOwner | null {
  if ((body as { kind?: unknown } | null)?.kind === 'staff') {
    const staff = StaffEnrollCheckResponseSchema.safeParse(body);
    if (!staff.success) return null;
    const { staffName, role, agencyName } = staff.data;
    return { kind: 'staff', staffName, role, agencyName };
  }
  const provider = EnrollCheckResponseSchema.safeParse(body);
  if (!provider.success) return null;
  const { providerName, agencyName } = provider.data;
  return { kind: 'provider', providerName, agencyName };
}

/**
 * Redeems `code` and saves the connection. A device still holding a token (revoked, or a code
 * entered again) sends it, so the server revokes it in the same transaction (SYNC.md §7).
 */
export async function connect(
  db: NaptimeDb,
  deps: EnrollDeps,
  input: { code: string; deviceName: string; serverUrl: string },
): Promise<{ ok: true; owner: CodeOwner } | ({ ok: false } & EnrollFailure)> {
  const old = await getConnection(db);
  const res = await postJson(deps, '/api/v1/devices/enroll', old?.deviceToken ?? null, {
    code: input.code,
    deviceName: input.deviceName,
  });
  if (res.kind !== 'ok') return { ok: false, ...enrollFailureOf(res) };
  const parsed = parseEnrollResponse(res.json);
  if (!parsed) return { ok: false, reason: 'not-naptime' };
  const { deviceId, deviceToken } = parsed.response;
  const owner: CodeOwner & { providerId?: string; staffId?: string } =
    parsed.kind === 'staff'
      ? { kind: 'staff', ...pick(parsed.response, ['staffId', 'staffName', 'role', 'agencyName']) }
      : {
          kind: 'provider',
          ...pick(parsed.response, ['providerId', 'providerName', 'agencyName']),
        };
  // The check compared names; only the id is certain. A code for someone else was spent, but its
  // token must not live on, and her records must not be mixed with another person's.
  const refused = await refusalFor(db, owner);
  if (refused) {
    await postJson(deps, '/api/v1/devices/disconnect', deviceToken, {});
    return { ok: false, ...refused };
  }
  const connection = { deviceId, deviceToken, serverUrl: input.serverUrl };
  const saved =
    parsed.kind === 'staff'
      ? await saveStaffEnrollment(
          db,
          connection,
          pick(parsed.response, ['staffId', 'staffName', 'role', 'agencyId', 'agencyName']),
        )
      : await saveEnrollment(db, {
          ...connection,
          ...pick(parsed.response, ['providerId', 'providerName', 'agencyName']),
        });
  if (!saved.ok) {
    await postJson(deps, '/api/v1/devices/disconnect', deviceToken, {});
    return { ok: false, reason: 'storage' };
  }
  const { providerId: _p, staffId: _s, ...shown } = owner;
  return { ok: true, owner: shown as CodeOwner };
}

/** The named fields of `from`, and no others (the answers are loose: they may carry more). */
function pick<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, from[k]])) as Pick<T, K>;
}

/**
 * Revokes this device's token and forgets the connection; records and outbox stay. When the
 * server cannot be reached the device is disconnected all the same and the token is revoked later.
 */
export async function disconnect(
  db: NaptimeDb,
  deps: EnrollDeps,
): Promise<{ ok: true; revokedNow: boolean } | { ok: false; reason: 'storage' }> {
  const conn = await getConnection(db);
  if (!conn) return { ok: true, revokedNow: true };
  const res = await postJson(deps, '/api/v1/devices/disconnect', conn.deviceToken, {});
  // 401: the server no longer knows the token (revoked by the admin, or a new database): done too.
  const revokedNow =
    (res.kind === 'ok' && DisconnectResponseSchema.safeParse(res.json).success) ||
    (res.kind === 'http' && res.status === 401);
  const forgotten = await forgetConnection(
    db,
    revokedNow ? null : { serverUrl: conn.serverUrl ?? '', deviceToken: conn.deviceToken },
  );
  return forgotten.ok ? { ok: true, revokedNow } : { ok: false, reason: 'storage' };
}

/** Tries again to revoke the tokens of disconnects made while the server could not be reached. */
export async function revokeLeftovers(
  db: NaptimeDb,
  depsFor: (serverUrl: string) => EnrollDeps,
): Promise<void> {
  for (const left of await tokensToRevoke(db)) {
    const res = await postJson(
      depsFor(left.serverUrl),
      '/api/v1/devices/disconnect',
      left.deviceToken,
      {},
    );
    if (res.kind === 'ok' || (res.kind === 'http' && res.status === 401))
      await tokenRevoked(db, left.deviceToken);
  }
}
