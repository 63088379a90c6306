/**
 * Connecting a device to its agency and letting go of it (SYNC.md §7), with every failure named
 * the way the connect screen needs it:
 * - `checkCode` asks whom a code connects to (`enroll/check`, the code is not spent);
 * - `connect` redeems it (`enroll`), carrying an old token so the server revokes it, refuses a code
 *   for another provider while the device holds the first one's records, and saves the connection;
 * - `disconnect` revokes this device's token and forgets the connection, keeping every record and
 *   the outbox; a token the server could not be told about is revoked later (`revokeLeftovers`).
 */
import {
  DisconnectResponseSchema,
  EnrollCheckResponseSchema,
  EnrollResponseSchema,
} from '../domain/sync-messages';
import type { NaptimeDb } from '../storage/db';
import {
  forgetConnection,
  otherProviderHeld,
  saveEnrollment,
  tokenRevoked,
  tokensToRevoke,
  type HeldProvider,
} from '../storage/enrollment';
import { getConnection } from '../storage/sync-state';
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
  | { reason: 'storage' };

/** Whom a code connects to. */
export interface CodeOwner {
  providerName: string;
  agencyName: string;
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
  const parsed = EnrollCheckResponseSchema.safeParse(res.json);
  if (!parsed.success) return { ok: false, reason: 'not-naptime' };
  const owner = { providerName: parsed.data.providerName, agencyName: parsed.data.agencyName };
  const held = await otherProviderHeld(db, owner);
  if (held) return { ok: false, reason: 'other-provider', held };
  return { ok: true, owner };
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
  const parsed = EnrollResponseSchema.safeParse(res.json);
  if (!parsed.success) return { ok: false, reason: 'not-naptime' };
  const e = parsed.data;
  // The check compared names; only the id is certain. A code for someone else was spent, but its
  // token must not live on, and her records must not be mixed with another provider's.
  const held = await otherProviderHeld(db, e);
  if (held) {
    await postJson(deps, '/api/v1/devices/disconnect', e.deviceToken, {});
    return { ok: false, reason: 'other-provider', held };
  }
  const saved = await saveEnrollment(db, {
    deviceId: e.deviceId,
    deviceToken: e.deviceToken,
    providerId: e.providerId,
    providerName: e.providerName,
    agencyName: e.agencyName,
    serverUrl: input.serverUrl,
  });
  if (!saved.ok) {
    await postJson(deps, '/api/v1/devices/disconnect', e.deviceToken, {});
    return { ok: false, reason: 'storage' };
  }
  return { ok: true, owner: { providerName: e.providerName, agencyName: e.agencyName } };
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
