/**
 * What every route shares: the dependencies, the server clock (made on first use, so that
 * `createApp` itself has no side effects) and the helpers for auth and protocol checks.
 */
import type { Context } from 'hono';
import { MIN_PROTOCOL_VERSION, PROTOCOL_VERSION } from '../domain/sync-messages';
import { hashToken } from './enrollment-code';
import { HttpError, badRequest, unauthenticated } from './errors';
import type { Logger } from './logger';
import type { RateLimiter } from './rate-limit';
import type { DeviceAuth, Repository } from './repository';
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
  /** Trust the last X-Forwarded-For entry (set by our own reverse proxy). */
  trustProxy?: boolean;
  logger?: Logger;
}

export interface RouteContext {
  deps: AppDeps;
  logger: Logger;
  serverClock(): Promise<ServerClock>;
  ipOf(c: Context): string;
  enrollFailures: RateLimiter;
}

/** The server clock, made once from the database's node id and caught up with its greatest HLC. */
export function lazyServerClock(deps: AppDeps): () => Promise<ServerClock> {
  let made: Promise<ServerClock> | null = null;
  return () =>
    (made ??= (async () => {
      const clock = new ServerClock(await deps.repository.serverNodeId(), () => deps.clock.now());
      const max = await deps.repository.maxHlc();
      if (max) clock.recv(max);
      return clock;
    })());
}

/** Resolves the bearer token to its device: 401 when unknown, 403 DEVICE_REVOKED when revoked. */
export async function authenticate(c: Context, repository: Repository): Promise<DeviceAuth> {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S{1,200})$/i.exec(header.trim());
  if (!match) throw unauthenticated();
  const device = await repository.findDevice(hashToken(match[1]!));
  if (!device) throw unauthenticated();
  if (device.revoked) throw new HttpError(403, 'DEVICE_REVOKED', 'This device was disconnected by the agency.');
  return device;
}

/** 426 below the minimum protocol, 400 PROTOCOL_UNSUPPORTED above what this server knows. */
export function checkProtocol(protocol: unknown): void {
  if (typeof protocol !== 'number') return;
  if (protocol < MIN_PROTOCOL_VERSION) throw new HttpError(426, 'UPGRADE_REQUIRED', 'This app is too old for the server: update it.');
  if (protocol > PROTOCOL_VERSION) throw new HttpError(400, 'PROTOCOL_UNSUPPORTED', "The agency's server needs an update for this app.");
}

/** A 401 when the body names another device than the token's. */
export function checkDevice(bodyDeviceId: string, auth: DeviceAuth): void {
  if (bodyDeviceId !== auth.deviceId) throw unauthenticated('The deviceId does not match the device token.');
}

/** A 400 listing where a body's shape is wrong. */
export function shapeError(issues: readonly { path: PropertyKey[]; message: string }[]): HttpError {
  const where = issues.slice(0, 5).map((i) => `${i.path.map(String).join('.') || '(body)'}: ${i.message}`);
  return badRequest(`The body is not a valid request (${where.join('; ')}).`);
}
