/**
 * What every route shares: the dependencies, the server clock (made on first use, so that
 * `createApp` itself has no side effects) and the helpers for auth and protocol checks.
 */
import type { Context } from 'hono';
import { parseHlc } from '../domain/hlc';
import { MIN_PROTOCOL_VERSION, PROTOCOL_VERSION } from '../domain/sync-messages';
import { hashToken } from './enrollment-code';
import { HttpError, badRequest, unauthenticated } from './errors';
import type { Logger } from './logger';
import type { PushBudget, PushBudgetSizes, RateLimiter } from './rate-limit';
import type { StaffRole } from '../domain/scopes';
import type { DeviceAuth, Repository, StaffDeviceAuth } from './repository';
import { ServerClock } from './server-clock';

/** The dependencies of `createApp`. */
export interface AppDeps {
  repository: Repository;
  clock: { now(): number };
  /** The client's IP for rate limits (tests replace it). Default: the socket, or X-Forwarded-For when trustProxy. */
  ipOf?: (c: Context) => string;
  /** The built app (dist/app); no static serving when absent. */
  staticDir?: string;
  /** Origins allowed to call the API from another origin (same origin needs none). */
  corsOrigins?: readonly string[];
  /**
   * Addresses of our own reverse proxies: only a request whose socket comes from one of them has
   * its last X-Forwarded-For entry taken as the client's address. Empty: X-Forwarded-For is
   * ignored.
   */
  trustedProxies?: readonly string[];
  /** The per-device push budget (SYNC.md §8); generous defaults. */
  pushBudget?: PushBudgetSizes;
  /** A request body slower than this answers 408 (default 30 s; tests shorten it). */
  bodyTimeoutMs?: number;
  logger?: Logger;
}

export interface RouteContext {
  deps: AppDeps;
  logger: Logger;
  /**
   * The clock of one scope (SYNC.md §1: one provider's clock never moves another's). `fresh`: on a
   * shared database, first catch up with what other processes stored (a push does that inside its
   * transaction, a pull from its page's snapshot).
   */
  clockFor(scope: string, options?: { fresh?: boolean }): Promise<ServerClock>;
  ipOf(c: Context): string;
  enrollFailures: RateLimiter;
  pushBudget: PushBudget;
  bodyTimeoutMs: number;
}

/**
 * One server clock per scope, made on first use from the database's node id and caught up with the
 * scope's high-water mark (one row read, never a scan of the records). Choice: clocks live in
 * memory for the process's life (a scope is a provider: an agency has tens, not millions); on a
 * shared database (PostgreSQL, several processes) the high-water mark in the database is the
 * shared part of the clock, which every answer catches up with first.
 */
export function scopeClocks(deps: AppDeps): RouteContext['clockFor'] {
  const clocks = new Map<string, Promise<ServerClock>>();
  return async (scope, options) => {
    const clock = await madeClock(scope);
    if (options?.fresh && deps.repository.shared) {
      const highWater = await deps.repository.clockHighWater(scope);
      if (highWater && parseHlc(highWater)) clock.recv(highWater);
    }
    return clock;
  };
  function madeClock(scope: string): Promise<ServerClock> {
    let made = clocks.get(scope);
    if (!made) {
      made = (async () => {
        const clock = new ServerClock(await deps.repository.serverNodeId(), () => deps.clock.now());
        const highWater = await deps.repository.clockHighWater(scope);
        if (highWater) clock.recv(highWater);
        return clock;
      })();
      clocks.set(scope, made);
      made.catch(() => clocks.delete(scope));
    }
    return made;
  }
}

/** Resolves the bearer token to its device: 401 when unknown, 403 DEVICE_REVOKED when revoked. */
export async function authenticate(c: Context, repository: Repository): Promise<DeviceAuth> {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S{1,200})$/i.exec(header.trim());
  if (!match) throw unauthenticated();
  const device = await repository.findDevice(hashToken(match[1]!));
  if (!device) throw unauthenticated();
  if (device.revoked)
    throw new HttpError(403, 'DEVICE_REVOKED', 'This device was disconnected by the agency.');
  return device;
}

/** Who reads a staff route (SYNC.md §17): the staff member of the token, her role and agency. */
export interface StaffViewer {
  deviceId: string;
  staffId: string;
  role: StaffRole;
  /** Null for `collaborative`. */
  agencyId: string | null;
}

/**
 * The staff member behind the bearer token, for the read routes of SYNC.md §17: as `authenticate`
 * (401 unknown, 403 DEVICE_REVOKED), then 403 FORBIDDEN for a provider's token, and for a role not
 * in `roles` when given.
 */
export async function authenticateStaff(
  c: Context,
  repository: Repository,
  roles?: readonly StaffRole[],
): Promise<StaffViewer> {
  const device = await authenticate(c, repository);
  if (device.kind !== 'staff')
    throw new HttpError(
      403,
      'FORBIDDEN',
      'This is for agency staff; a provider reads her own data.',
    );
  if (roles && !roles.includes(device.role))
    throw new HttpError(403, 'FORBIDDEN', `This is not for the ${device.role} role.`);
  return staffViewerOf(device);
}

/** A staff device's viewer: only what a read route may use. */
export function staffViewerOf(device: StaffDeviceAuth): StaffViewer {
  return {
    deviceId: device.deviceId,
    staffId: device.staffId,
    role: device.role,
    agencyId: device.agencyId,
  };
}

/** 426 below the minimum protocol, 400 PROTOCOL_UNSUPPORTED above what this server knows. */
export function checkProtocol(protocol: unknown): void {
  if (typeof protocol !== 'number') return;
  if (protocol < MIN_PROTOCOL_VERSION)
    throw new HttpError(426, 'UPGRADE_REQUIRED', 'This app is too old for the server: update it.');
  if (protocol > PROTOCOL_VERSION)
    throw new HttpError(
      400,
      'PROTOCOL_UNSUPPORTED',
      "The agency's server needs an update for this app.",
    );
}

/** A 401 when the body names another device than the token's. */
export function checkDevice(bodyDeviceId: string, auth: DeviceAuth): void {
  if (bodyDeviceId !== auth.deviceId)
    throw unauthenticated('The deviceId does not match the device token.');
}

/** A 400 listing where a body's shape is wrong. */
export function shapeError(issues: readonly { path: PropertyKey[]; message: string }[]): HttpError {
  const where = issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || '(body)'}: ${i.message}`);
  return badRequest(`The body is not a valid request (${where.join('; ')}).`);
}
