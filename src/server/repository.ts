/**
 * Everything the routes and the admin command need from storage. Routes see only this interface (all
 * methods async); two implementations: SQLite, embedded, one process (`sqlite-repository.ts`), and
 * PostgreSQL, for several processes on one database (`pg-repository.ts`); `open-repository.ts`
 * picks one from the environment. Every method that reads or writes a provider's records takes its
 * scope (`provider:<id>`) and touches nothing outside it. A new kind of read (a staff view, say)
 * is a new method here, implemented by both, and proven by the tests that run on both backends
 * (`test-backends.ts`).
 */
import type { CursorSecret } from './cursor';
import type { StaffRole } from '../domain/scopes';
import type { PushInput, PushOutcome } from './push';

/** A device found by its token: a provider's (scope `provider:<id>`) or a staff member's. */
export type DeviceAuth = ProviderDeviceAuth | StaffDeviceAuth;

export interface ProviderDeviceAuth {
  kind: 'provider';
  deviceId: string;
  providerId: string;
  agencyId: string;
  /** `provider:<id>`: every record of the device lives in this scope. */
  scope: string;
  revoked: boolean;
}

/** A staff member's device (SYNC.md §12, §13): it pushes and pulls `staff:<id>`. */
export interface StaffDeviceAuth {
  kind: 'staff';
  deviceId: string;
  staffId: string;
  role: StaffRole;
  /** Null for `collaborative`, who belongs to no agency. */
  agencyId: string | null;
  /** `staff:<id>`: her own records. */
  scope: string;
  /** `agency:<id>`, which she pulls (and pushes events into, as a manager); null for collaborative. */
  agencyScope: string | null;
  revoked: boolean;
}

export interface ProviderInfo {
  providerId: string;
  providerName: string;
  agencyId: string;
  agencyName: string;
}

export interface StaffInfo {
  staffId: string;
  staffName: string;
  role: StaffRole;
  agencyId: string | null;
  agencyName: string | null;
}

/** Whom an enrollment code connects: a provider or a staff member (SYNC.md §7, §13). */
export type CodeOwner = ({ kind: 'provider' } & ProviderInfo) | ({ kind: 'staff' } & StaffInfo);

/** A line of `list-providers` (SYNC.md §16). */
export interface ProviderListing {
  providerId: string;
  name: string;
  agencyId: string;
  agencyName: string;
}

/** A line of `list-staff` (SYNC.md §16). */
export interface StaffListing {
  staffId: string;
  name: string;
  role: StaffRole;
  agencyId: string | null;
  agencyName: string | null;
}

/** A line of `list-devices` (SYNC.md §16): never its token or the token's hash. */
export type DeviceListing = {
  deviceId: string;
  deviceName: string;
  /** ISO time of enrollment. */
  enrolledAt: string;
  /** ISO time the device last pushed or pulled (refreshed at most hourly), or null. */
  lastSeenAt: string | null;
  revoked: boolean;
} & ({ kind: 'provider'; providerId: string } | { kind: 'staff'; staffId: string });

export interface EnrollInput {
  selectorHash: string;
  /** Checks the secret against a code's stored salt and hash. */
  secretMatches: (salt: string, hash: string) => boolean;
  deviceId: string;
  deviceName: string;
  tokenHash: string;
  now: number;
  maxWrongSecrets: number;
  /**
   * The hash of the token the enrolling device still holds (from Authorization): revoked on
   * success.
   */
  revokeTokenHash?: string | null;
}

/**
 * Checking a code without spending it (SYNC.md §7): a wrong secret still counts toward the lock.
 */
export type CodeCheckInput = Pick<
  EnrollInput,
  'selectorHash' | 'secretMatches' | 'now' | 'maxWrongSecrets'
>;

/** A new code, for exactly one person. */
export interface NewEnrollmentCode {
  owner: { kind: 'provider'; providerId: string } | { kind: 'staff'; staffId: string };
  selectorHash: string;
  secretSalt: string;
  secretHash: string;
  createdAt: number;
  expiresAt: number;
}

export interface PullInput {
  scope: string;
  deviceId: string;
  /** The sequence the cursor covers (0 for a first pull). */
  afterSeq: number;
  /** Skip rows this device wrote as `applied` (never during a full pull, SYNC.md §6). */
  suppressEcho: boolean;
  limit: number;
  maxBytes: number;
  /** Rows looked at, at most (skipped ones included), so that a page stays cheap. */
  maxScan: number;
}

/** One page: each row already serialised as a ServerRecord JSON object. */
export type PullPage =
  | { reset: true }
  | {
      reset: false;
      rows: string[];
      lastSeq: number;
      hasMore: boolean;
      /** The scope's clock high-water mark, read in the page's snapshot (shared databases). */
      highWater?: string | null;
    };

/** A charge against a sliding window: 0 when charged now, else how long to wait (nothing charged). */
export interface WindowCharge {
  waitMs: number;
  /** Takes the charge back (an attempt that succeeded); does nothing when nothing was charged. */
  refund(): Promise<void>;
}

export interface Repository {
  /**
   * True when other server processes may use the same database at once (PostgreSQL): state a
   * process keeps for speed, such as a scope's clock, must then catch up with the database's.
   */
  readonly shared: boolean;
  findDevice(tokenHash: string): Promise<DeviceAuth | null>;
  /**
   * Redeems a code and creates the device (of the code's provider or staff member), or answers null
   * for every kind of bad code.
   */
  enroll(input: EnrollInput): Promise<CodeOwner | null>;
  /** Whom a live code belongs to, without spending it; null for every kind of bad code. */
  checkCode(input: CodeCheckInput): Promise<CodeOwner | null>;
  /** Revokes the device holding a token (idempotent); false when no device has it. */
  revokeToken(tokenHash: string, now: number): Promise<boolean>;
  /**
   * After a page was answered: the device applied everything up to `presentedSeq`, and was seen now
   * (written soon, best effort).
   */
  notePull(deviceId: string, presentedSeq: number, now: number): Promise<void>;
  /** Runs the push algorithm for one scope in one write transaction. */
  push(scope: string, input: PushInput): Promise<PushOutcome>;
  /** One page of a pull, read in one snapshot; `reset` when the cursor is beyond the scope's counter. */
  pull(input: PullInput): Promise<PullPage>;
  cursorSecret(): Promise<CursorSecret>;
  /** The server's HLC node id, made when the database was created. */
  serverNodeId(): Promise<string>;
  /**
   * The greatest HLC stored in a scope (its clock's high-water mark), so its clock starts above it.
   */
  clockHighWater(scope: string): Promise<string | null>;
  /**
   * Charges `amount` to `key` when the key's total over the last `windowMs` stays within `max` (an
   * empty window always takes it), atomically: concurrent charges, from any process sharing the
   * database, never both slip under the limit (rate limits, SYNC.md §7 and §8).
   */
  spendWindow(
    key: string,
    amount: number,
    max: number,
    windowMs: number,
    now: number,
  ): Promise<WindowCharge>;

  createProvider(
    agencyName: string,
    providerName: string,
    now: number,
  ): Promise<{ agencyId: string; providerId: string }>;
  providerExists(providerId: string): Promise<boolean>;
  /** A provider and her agency; null when there is none. */
  providerInfo(providerId: string): Promise<ProviderInfo | null>;
  /**
   * The providers of the agency named exactly `agencyName` whose name is `providerName` trimmed, in
   * any case (create-provider's DUPLICATE_PROVIDER check, SYNC.md §16); their ids, or [] .
   */
  findProvidersByName(agencyName: string, providerName: string): Promise<string[]>;
  /**
   * Makes a staff member (SYNC.md §13). `agencyName` (matched like createProvider's, created if new)
   * for a coach or manager; null for collaborative, who belongs to no agency.
   */
  createStaff(
    agencyName: string | null,
    name: string,
    role: StaffRole,
    now: number,
  ): Promise<{ agencyId: string | null; staffId: string }>;
  /** A staff member, her role and agency; null when there is none. */
  staffInfo(staffId: string): Promise<StaffInfo | null>;
  /**
   * Assigns (or, with `assigned` false, unassigns) a provider to a coach; idempotent. The caller
   * checks that both exist, are of one agency and the staff member is a coach.
   */
  setAssignment(staffId: string, providerId: string, assigned: boolean): Promise<void>;
  /** The providers a coach is assigned, in name order. */
  assignedProviders(staffId: string): Promise<ProviderListing[]>;
  /** Every provider (of the agency named exactly `agencyName`, when given), by agency, then name. */
  listProviders(agencyName?: string): Promise<ProviderListing[]>;
  /** Every staff member, by agency (collaborative first), then name. */
  listStaff(): Promise<StaffListing[]>;
  /** Every device, in enrollment order; never a token or its hash. */
  listDevices(): Promise<DeviceListing[]>;
  /** True when `scope` holds a record (table, id): a staff push routes a conflict's resolution. */
  hasRecord(scope: string, table: string, id: string): Promise<boolean>;
  /** Stores a code; false when its selector is already taken (the caller makes another). */
  insertEnrollmentCode(code: NewEnrollmentCode): Promise<boolean>;
  /** Revokes a device (idempotent); false when it does not exist. */
  revokeDevice(deviceId: string, now: number): Promise<boolean>;
  /** Gives the database a new epoch (after a restore): every cursor then answers `reset`. */
  newEpoch(): Promise<string>;
  /** Test support: every table's rows, in a stable order. */
  dump(): Promise<Record<string, unknown[]>>;
  close(): Promise<void>;
}
