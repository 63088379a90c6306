import { describe, expect, it } from 'vitest';
import { AdminError, parseFlags, runAdminCommand } from './admin-commands';
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
});
