import { describe, expect, it } from 'vitest';
import { ADMIN_HELP, AdminError, parseFlags, runAdminCommand, wantsHelp } from './admin-commands';
import { hashToken } from './enrollment-code';
import { backends } from './test-backends';
import { T0 } from './test-support';

const BACKENDS = backends();

describe('admin commands', () => {
  it('read --flag value and --flag=value', () => {
    expect(parseFlags(['--agency', 'A B', '--name=Maria'])).toEqual({
      agency: 'A B',
      name: 'Maria',
    });
    expect(() => parseFlags(['--agency'])).toThrow(AdminError);
    expect(() => parseFlags(['stray'])).toThrow(AdminError);
    expect(parseFlags(['--allow-duplicate', '--name', 'x'])).toEqual({
      'allow-duplicate': 'true',
      name: 'x',
    });
  });

  it('show the help for --help, -h, help or no command, naming every command (SYNC.md §16)', () => {
    for (const argv of [[], ['--help'], ['-h'], ['help']]) expect(wantsHelp(argv)).toBe(true);
    expect(wantsHelp(['list-staff'])).toBe(false);
    for (const command of [
      'create-provider',
      '--allow-duplicate',
      'create-staff',
      'assign',
      'unassign',
      'enroll-code',
      '--staff',
      'list-providers',
      'list-staff',
      'list-devices',
      'revoke-device',
      'new-epoch',
    ])
      expect(ADMIN_HELP).toContain(command);
  });
});

describe.each(BACKENDS)('admin commands on $name', (backend) => {
  it('match an agency on its exact trimmed name, and make codes that expire in 72 hours', async () => {
    const repo = await backend.database().open();
    const a = await runAdminCommand(
      repo,
      ['create-provider', '--agency', '  Sunrise  ', '--name', 'Ana'],
      T0,
    );
    const b = await runAdminCommand(
      repo,
      ['create-provider', '--agency=Sunrise', '--name', 'Bea'],
      T0,
    );
    const c = await runAdminCommand(
      repo,
      ['create-provider', '--agency', 'sunrise', '--name', 'Cy'],
      T0,
    );
    expect(b.agencyId).toBe(a.agencyId);
    expect(c.agencyId).not.toBe(a.agencyId);
    const code = await runAdminCommand(
      repo,
      ['enroll-code', '--provider', a.providerId as string],
      T0,
    );
    expect(code).toEqual({
      code: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{6}$/),
      expiresAt: new Date(T0 + 72 * 3600 * 1000).toISOString(),
    });
    await expect(
      runAdminCommand(repo, ['enroll-code', '--provider', 'nobody'], T0),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      runAdminCommand(repo, ['revoke-device', '--device', 'nobody'], T0),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      runAdminCommand(repo, ['create-provider', '--agency', ' ', '--name', 'x'], T0),
    ).rejects.toMatchObject({ code: 'MISSING_FLAG' });
    await expect(runAdminCommand(repo, ['frobnicate'], T0)).rejects.toMatchObject({
      code: 'UNKNOWN_COMMAND',
    });
    const { epoch } = await runAdminCommand(repo, ['new-epoch'], T0);
    expect((await repo.cursorSecret()).epoch).toBe(epoch);
    await repo.close();
  });

  it('create-provider refuses a second provider of the same name (trimmed, any case) in the agency unless --allow-duplicate', async () => {
    const repo = await backend.database().open();
    const run = (...argv: string[]) => runAdminCommand(repo, argv, T0);
    const first = await run('create-provider', '--agency', 'Sunrise', '--name', 'Ana Ruiz');
    await expect(
      run('create-provider', '--agency', 'Sunrise', '--name', '  ana RUIZ '),
    ).rejects.toMatchObject({
      code: 'DUPLICATE_PROVIDER',
      message: expect.stringContaining(first.providerId as string),
    });
    // Another agency, or another name, is not a duplicate.
    await run('create-provider', '--agency', 'Acorn', '--name', 'Ana Ruiz');
    await run('create-provider', '--agency', 'Sunrise', '--name', 'Ana Ruiz B');
    const again = await run(
      'create-provider',
      '--agency',
      'Sunrise',
      '--name',
      'ana ruiz',
      '--allow-duplicate',
    );
    expect(again.agencyId).toBe(first.agencyId);
    expect(again.providerId).not.toBe(first.providerId);
    const { providers } = await run('list-providers', '--agency', 'Sunrise');
    expect((providers as { name: string }[]).map((p) => p.name)).toEqual([
      'Ana Ruiz',
      'ana ruiz',
      'Ana Ruiz B',
    ]);
  });

  it('create-staff makes coaches and managers of an agency and a collaborative of none', async () => {
    const repo = await backend.database().open();
    const run = (...argv: string[]) => runAdminCommand(repo, argv, T0);
    const p = await run('create-provider', '--agency', 'Sunrise', '--name', 'Ana');
    const coach = await run(
      'create-staff',
      '--agency',
      ' Sunrise ',
      '--name',
      'Zoe',
      '--role',
      'coach',
    );
    expect(coach).toEqual({ agencyId: p.agencyId, staffId: expect.any(String) });
    const manager = await run(
      'create-staff',
      '--agency',
      'New Agency',
      '--name',
      'Mia',
      '--role',
      'manager',
    );
    expect(manager.agencyId).toEqual(expect.any(String));
    expect(manager.agencyId).not.toBe(p.agencyId);
    expect(await run('create-staff', '--name', 'Quinn', '--role', 'collaborative')).toEqual({
      agencyId: null,
      staffId: expect.any(String),
    });
    for (const [argv, code] of [
      [['create-staff', '--agency', 'Sunrise', '--name', 'X', '--role', 'director'], 'USAGE'],
      [['create-staff', '--agency', 'Sunrise', '--name', 'X'], 'MISSING_FLAG'],
      [['create-staff', '--agency', 'Sunrise', '--role', 'coach'], 'MISSING_FLAG'],
      [['create-staff', '--name', 'X', '--role', 'coach'], 'MISSING_FLAG'],
      [['create-staff', '--name', 'X', '--role', 'manager'], 'MISSING_FLAG'],
      [['create-staff', '--agency', 'Sunrise', '--name', 'X', '--role', 'collaborative'], 'USAGE'],
      [['create-staff', '--agency', ' ', '--name', 'X', '--role', 'coach'], 'MISSING_FLAG'],
    ] as const)
      await expect(run(...argv)).rejects.toMatchObject({ code });
    const { staff } = await run('list-staff');
    expect(staff).toEqual([
      {
        staffId: expect.any(String),
        name: 'Quinn',
        role: 'collaborative',
        agencyId: null,
        agencyName: null,
      },
      {
        staffId: manager.staffId,
        name: 'Mia',
        role: 'manager',
        agencyId: manager.agencyId,
        agencyName: 'New Agency',
      },
      {
        staffId: coach.staffId,
        name: 'Zoe',
        role: 'coach',
        agencyId: p.agencyId,
        agencyName: 'Sunrise',
      },
    ]);
  });

  it('assign and unassign a coach and a provider of one agency, idempotently; anything else exits 2', async () => {
    const repo = await backend.database().open();
    const run = (...argv: string[]) => runAdminCommand(repo, argv, T0);
    const p = (await run('create-provider', '--agency', 'Sunrise', '--name', 'Ana'))
      .providerId as string;
    const elsewhere = (await run('create-provider', '--agency', 'Acorn', '--name', 'Bea'))
      .providerId as string;
    const coach = (
      await run('create-staff', '--agency', 'Sunrise', '--name', 'Zoe', '--role', 'coach')
    ).staffId as string;
    const manager = (
      await run('create-staff', '--agency', 'Sunrise', '--name', 'Mia', '--role', 'manager')
    ).staffId as string;
    const collab = (await run('create-staff', '--name', 'Quinn', '--role', 'collaborative'))
      .staffId as string;
    expect(await run('assign', '--staff', coach, '--provider', p)).toEqual({ assigned: true });
    expect(await run('assign', '--staff', coach, '--provider', p)).toEqual({ assigned: true });
    expect((await repo.assignedProviders(coach)).map((x) => x.providerId)).toEqual([p]);
    expect(await run('unassign', '--staff', coach, '--provider', p)).toEqual({ assigned: false });
    expect(await run('unassign', '--staff', coach, '--provider', p)).toEqual({ assigned: false });
    expect(await repo.assignedProviders(coach)).toEqual([]);
    for (const [argv, code] of [
      [['assign', '--staff', coach, '--provider', elsewhere], 'NOT_ALLOWED'],
      [['assign', '--staff', manager, '--provider', p], 'NOT_ALLOWED'],
      [['assign', '--staff', collab, '--provider', p], 'NOT_ALLOWED'],
      [['assign', '--staff', 'nobody', '--provider', p], 'NOT_FOUND'],
      [['assign', '--staff', coach, '--provider', 'nobody'], 'NOT_FOUND'],
      [['unassign', '--staff', coach, '--provider', elsewhere], 'NOT_ALLOWED'],
      [['assign', '--staff', coach], 'MISSING_FLAG'],
      [['unassign', '--provider', p], 'MISSING_FLAG'],
    ] as const)
      await expect(run(...argv)).rejects.toMatchObject({ code });
  });

  it('enroll-code takes exactly one of --provider and --staff', async () => {
    const repo = await backend.database().open();
    const run = (...argv: string[]) => runAdminCommand(repo, argv, T0);
    const p = (await run('create-provider', '--agency', 'Sunrise', '--name', 'Ana'))
      .providerId as string;
    const coach = (
      await run('create-staff', '--agency', 'Sunrise', '--name', 'Zoe', '--role', 'coach')
    ).staffId as string;
    expect(await run('enroll-code', '--staff', coach)).toEqual({
      code: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{6}$/),
      expiresAt: new Date(T0 + 72 * 3600 * 1000).toISOString(),
    });
    for (const [argv, code] of [
      [['enroll-code', '--staff', 'nobody'], 'NOT_FOUND'],
      [['enroll-code', '--staff', coach, '--provider', p], 'USAGE'],
      [['enroll-code'], 'USAGE'],
      [['enroll-code', '--staff', ' '], 'MISSING_FLAG'],
    ] as const)
      await expect(run(...argv)).rejects.toMatchObject({ code });
  });

  it('list-providers (of one agency, or all), list-staff and list-devices, never a token or a hash', async () => {
    const repo = await backend.database().open();
    const run = (...argv: string[]) => runAdminCommand(repo, argv, T0);
    expect(await run('list-providers')).toEqual({ providers: [] });
    expect(await run('list-staff')).toEqual({ staff: [] });
    expect(await run('list-devices')).toEqual({ devices: [] });
    const a = await run('create-provider', '--agency', 'Sunrise', '--name', 'Bea');
    const b = await run('create-provider', '--agency', 'Acorn', '--name', 'Ana');
    expect(await run('list-providers')).toEqual({
      providers: [
        { providerId: b.providerId, name: 'Ana', agencyId: b.agencyId, agencyName: 'Acorn' },
        { providerId: a.providerId, name: 'Bea', agencyId: a.agencyId, agencyName: 'Sunrise' },
      ],
    });
    expect(await run('list-providers', '--agency', 'Acorn')).toEqual({
      providers: [
        { providerId: b.providerId, name: 'Ana', agencyId: b.agencyId, agencyName: 'Acorn' },
      ],
    });
    expect(await run('list-providers', '--agency', 'Nowhere')).toEqual({ providers: [] });
    await expect(run('list-providers', '--agency')).rejects.toMatchObject({ code: 'MISSING_FLAG' });
  });

  it('list-devices names each device, its kind and owner, and never its token or hash', async () => {
    const s = await backend.server();
    const p = await s.createProvider('Sunrise', 'Ana');
    const coach = await s.createStaff('coach', 'Sunrise', 'Zoe');
    const tablet = await s.enroll(p.providerId, 'kitchen tablet');
    s.state.now += 1000;
    const phone = await s.enrollStaff(coach.staffId, 'Zoe phone');
    expect(await s.admin('revoke-device', '--device', tablet.deviceId)).toEqual({ revoked: true });
    const listed = await s.admin('list-devices');
    expect(listed).toEqual({
      devices: [
        {
          deviceId: tablet.deviceId,
          deviceName: 'kitchen tablet',
          kind: 'provider',
          providerId: p.providerId,
          enrolledAt: new Date(T0).toISOString(),
          lastSeenAt: new Date(T0).toISOString(),
          revoked: true,
        },
        {
          deviceId: phone.deviceId,
          deviceName: 'Zoe phone',
          kind: 'staff',
          staffId: coach.staffId,
          enrolledAt: new Date(T0 + 1000).toISOString(),
          lastSeenAt: new Date(T0 + 1000).toISOString(),
          revoked: false,
        },
      ],
    });
    const text = JSON.stringify(listed);
    for (const token of [tablet.token, phone.token]) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(hashToken(token));
    }
  });
});
