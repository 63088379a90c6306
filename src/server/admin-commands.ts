/**
 * The admin command of SYNC.md §10, as a function over a repository so that tests run it without a
 * process: `create-provider`, `enroll-code`, `revoke-device`, `new-epoch`. Every failure is an
 * `AdminError` with a stable code; admin.ts prints it as one JSON line on stderr and exits 2.
 */
import { CODE_TTL_MS, codeHashes, generateCode } from './enrollment-code';
import type { Repository } from './repository';

export class AdminError extends Error {
  constructor(
    readonly code: 'USAGE' | 'MISSING_FLAG' | 'UNKNOWN_COMMAND' | 'NOT_FOUND',
    message: string,
  ) {
    super(message);
  }
}

/** Parses `--flag value` pairs (and `--flag=value`). */
export function parseFlags(args: readonly string[]): Record<string, string> {
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) throw new AdminError('USAGE', `Unexpected argument "${arg}".`);
    const eq = arg.indexOf('=');
    if (eq > 0) flags[arg.slice(2, eq)] = arg.slice(eq + 1);
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
      return repository.createProvider(agency, name, now);
    }
    case 'enroll-code': {
      const providerId = required(flags, 'provider');
      if (!(await repository.providerExists(providerId)))
        throw new AdminError('NOT_FOUND', `No provider with id ${providerId}.`);
      const expiresAt = now + CODE_TTL_MS;
      for (let attempt = 0; attempt < 50; attempt++) {
        const code = generateCode();
        if (
          await repository.insertEnrollmentCode({
            providerId,
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
        'Usage: admin <create-provider --agency NAME --name NAME | enroll-code --provider ID | revoke-device --device ID | new-epoch>',
      );
  }
}
