/**
 * The admin command of SYNC.md §10 and §16, as a function over a repository so that tests run it
 * without a process: `create-provider`, `create-staff`, `assign`, `unassign`, `enroll-code`,
 * `list-providers`, `list-staff`, `list-devices`, `revoke-device`, `new-epoch`, and `--help`. Every
 * failure is an `AdminError` with a stable code; admin.ts prints it as one JSON line on stderr and
 * exits 2.
 */
import { STAFF_ROLES, type StaffRole } from '../domain/scopes';
import { CODE_TTL_MS, codeHashes, generateCode } from './enrollment-code';
import type { NewEnrollmentCode, Repository } from './repository';

export class AdminError extends Error {
  constructor(
    readonly code:
      | 'USAGE'
      | 'MISSING_FLAG'
      | 'UNKNOWN_COMMAND'
      | 'NOT_FOUND'
      | 'DUPLICATE_PROVIDER'
      | 'NOT_ALLOWED',
    message: string,
  ) {
    super(message);
  }
}

/** What `--help` (or no command) prints on stdout. */
export const ADMIN_HELP = `Naptime admin command: npm run -s admin -- <command> [--flags]
Prints one JSON line; an error is one JSON line on stderr and exit code 2.

  create-provider --agency NAME --name NAME [--allow-duplicate]
      Adds a provider (the agency is made if new). A second provider of the same name in the
      agency is refused (DUPLICATE_PROVIDER) unless --allow-duplicate.
  create-staff --agency NAME --name NAME --role coach|manager
  create-staff --name NAME --role collaborative
      Adds a staff member (collaborative belongs to no agency).
  assign --staff ID --provider ID      A coach and a provider of one agency.
  unassign --staff ID --provider ID
  enroll-code --provider ID | --staff ID
      A one-time code (72 hours) to connect a device.
  list-providers [--agency NAME]
  list-staff
  list-devices                         Never a token.
  revoke-device --device ID            Disconnects a device.
  new-epoch                            After restoring a backup: every device pulls again.
  --help                               This text.
`;

/** True when the arguments ask for the help text (`--help`, `-h`, `help`, or nothing). */
export function wantsHelp(argv: readonly string[]): boolean {
  const [command] = argv;
  return command === undefined || command === '--help' || command === '-h' || command === 'help';
}

/** Flags that take no value. */
const SWITCHES = new Set(['allow-duplicate']);

/** Parses `--flag value` pairs (and `--flag=value`); a switch such as `--allow-duplicate` is "true". */
export function parseFlags(args: readonly string[]): Record<string, string> {
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) throw new AdminError('USAGE', `Unexpected argument "${arg}".`);
    const eq = arg.indexOf('=');
    if (eq > 0) flags[arg.slice(2, eq)] = arg.slice(eq + 1);
    else if (SWITCHES.has(arg.slice(2))) flags[arg.slice(2)] = 'true';
    else {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--'))
        throw new AdminError('MISSING_FLAG', `The flag ${arg} needs a value.`);
      flags[arg.slice(2)] = value;
      i++;
    }
  }
  return flags;
}

function required(flags: Record<string, string>, name: string): string {
  const value = flags[name]?.trim();
  if (!value) throw new AdminError('MISSING_FLAG', `--${name} is required.`);
  return value;
}

function optional(flags: Record<string, string>, name: string): string | undefined {
  return name in flags ? required(flags, name) : undefined;
}

/** Runs one admin command; returns what to print on stdout. */
export async function runAdminCommand(
  repository: Repository,
  argv: readonly string[],
  now: number,
): Promise<Record<string, unknown>> {
  const [command, ...rest] = argv;
  const flags = parseFlags(rest);
  switch (command) {
    case 'create-provider': {
      const agency = required(flags, 'agency');
      const name = required(flags, 'name');
      if (flags['allow-duplicate'] !== 'true') {
        const same = await repository.findProvidersByName(agency, name);
        if (same.length)
          throw new AdminError(
            'DUPLICATE_PROVIDER',
            `${agency} already has a provider named "${name}" (${same.join(', ')}); add --allow-duplicate to add another.`,
          );
      }
      return repository.createProvider(agency, name, now);
    }
    case 'create-staff': {
      const name = required(flags, 'name');
      const role = required(flags, 'role');
      if (!(STAFF_ROLES as readonly string[]).includes(role))
        throw new AdminError('USAGE', `--role is one of ${STAFF_ROLES.join(', ')}.`);
      const agency = optional(flags, 'agency');
      if (role === 'collaborative' && agency !== undefined)
        throw new AdminError(
          'USAGE',
          'A collaborative staff member belongs to no agency: no --agency.',
        );
      if (role !== 'collaborative' && agency === undefined)
        throw new AdminError('MISSING_FLAG', '--agency is required.');
      return repository.createStaff(agency ?? null, name, role as StaffRole, now);
    }
    case 'assign':
    case 'unassign': {
      const staffId = required(flags, 'staff');
      const providerId = required(flags, 'provider');
      const [staff, provider] = await Promise.all([
        repository.staffInfo(staffId),
        repository.providerInfo(providerId),
      ]);
      if (!staff) throw new AdminError('NOT_FOUND', `No staff member with id ${staffId}.`);
      if (!provider) throw new AdminError('NOT_FOUND', `No provider with id ${providerId}.`);
      if (staff.role !== 'coach')
        throw new AdminError(
          'NOT_ALLOWED',
          `Only a coach is assigned providers (this is a ${staff.role}).`,
        );
      if (staff.agencyId !== provider.agencyId)
        throw new AdminError(
          'NOT_ALLOWED',
          'The coach and the provider are of different agencies.',
        );
      const assigned = command === 'assign';
      await repository.setAssignment(staffId, providerId, assigned);
      return { assigned };
    }
    case 'enroll-code': {
      const providerId = optional(flags, 'provider');
      const staffId = optional(flags, 'staff');
      if ((providerId === undefined) === (staffId === undefined))
        throw new AdminError('USAGE', 'Give exactly one of --provider ID and --staff ID.');
      let owner: NewEnrollmentCode['owner'];
      if (providerId !== undefined) {
        if (!(await repository.providerExists(providerId)))
          throw new AdminError('NOT_FOUND', `No provider with id ${providerId}.`);
        owner = { kind: 'provider', providerId };
      } else {
        if (!(await repository.staffInfo(staffId!)))
          throw new AdminError('NOT_FOUND', `No staff member with id ${staffId}.`);
        owner = { kind: 'staff', staffId: staffId! };
      }
      const expiresAt = now + CODE_TTL_MS;
      for (let attempt = 0; attempt < 50; attempt++) {
        const code = generateCode();
        if (
          await repository.insertEnrollmentCode({
            owner,
            ...codeHashes(code),
            createdAt: now,
            expiresAt,
          })
        ) {
          return { code, expiresAt: new Date(expiresAt).toISOString() };
        }
      }
      throw new AdminError('USAGE', 'Could not find a free code selector; try again.');
    }
    case 'list-providers':
      return { providers: await repository.listProviders(optional(flags, 'agency')) };
    case 'list-staff':
      return { staff: await repository.listStaff() };
    case 'list-devices':
      return { devices: await repository.listDevices() };
    case 'revoke-device': {
      const deviceId = required(flags, 'device');
      if (!(await repository.revokeDevice(deviceId, now)))
        throw new AdminError('NOT_FOUND', `No device with id ${deviceId}.`);
      return { revoked: true };
    }
    case 'new-epoch':
      return { epoch: await repository.newEpoch() };
    default:
      throw new AdminError(
        command ? 'UNKNOWN_COMMAND' : 'USAGE',
        `Unknown command "${command ?? ''}". Run with --help for the commands.`,
      );
  }
}
