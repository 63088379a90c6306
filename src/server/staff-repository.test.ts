/**
 * The staff side of the repository (SYNC.md §13, §16) on every backend: staff, assignments, the
 * listings, the duplicate-name lookup, staff codes and devices, and a token resolved to either kind
 * of device. Also the migration of a database made before staff existed (SQLite migration 3).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import {
  codeHashes,
  generateCode,
  hashSelector,
  hashToken,
  normalizeCode,
  secretMatches,
  splitCode,
} from './enrollment-code';
import { MIGRATIONS } from './migrations';
import type { CodeOwner, NewEnrollmentCode, Repository } from './repository';
import { openDatabase } from './sqlite-db';
import { openPool } from './pg-db';
import { PG_MIGRATIONS } from './pg-migrations';
import { createPgRepository } from './pg-repository';
import { backends, testDatabaseUrl } from './test-backends';
import { T0 } from './test-support';

const BACKENDS = backends();

/** Stores a code for `owner` and redeems it as `deviceId` with `tokenHash`. */
async function enrollWith(
  repo: Repository,
  owner: NewEnrollmentCode['owner'],
  deviceId: string,
  tokenHash: string,
): Promise<CodeOwner | null> {
  const code = generateCode();
  expect(
    await repo.insertEnrollmentCode({
      owner,
      ...codeHashes(code),
      createdAt: T0,
      expiresAt: T0 + 1000,
    }),
  ).toBe(true);
  const { selector, secret } = splitCode(normalizeCode(code)!);
  return repo.enroll({
    selectorHash: hashSelector(selector),
    secretMatches: (salt, hash) => secretMatches(secret, salt, hash),
    deviceId,
    deviceName: 'phone',
    tokenHash,
    now: T0,
    maxWrongSecrets: 5,
  });
}

describe.each(BACKENDS)('the staff repository on $name', (backend) => {
  it('makes staff of an agency (or none), assigns providers, and lists everyone in name order', async () => {
    const repo = await backend.database().open();
    const ana = await repo.createProvider('Sunrise', 'ana', T0);
    const bea = await repo.createProvider('Sunrise', 'Bea', T0);
    const cy = await repo.createProvider('Acorn', 'Cy', T0);
    const coach = await repo.createStaff('Sunrise', 'Zoe', 'coach', T0);
    expect(coach.agencyId).toBe(ana.agencyId);
    const manager = await repo.createStaff('Acorn', 'Mia', 'manager', T0);
    expect(manager.agencyId).toBe(cy.agencyId);
    const collab = await repo.createStaff(null, 'Quinn', 'collaborative', T0);
    expect(collab.agencyId).toBeNull();
    expect(await repo.staffInfo(coach.staffId)).toEqual({
      staffId: coach.staffId,
      staffName: 'Zoe',
      role: 'coach',
      agencyId: ana.agencyId,
      agencyName: 'Sunrise',
    });
    expect(await repo.staffInfo('nobody')).toBeNull();
    expect(await repo.providerInfo(bea.providerId)).toEqual({
      providerId: bea.providerId,
      providerName: 'Bea',
      agencyId: ana.agencyId,
      agencyName: 'Sunrise',
    });

    await repo.setAssignment(coach.staffId, bea.providerId, true);
    await repo.setAssignment(coach.staffId, ana.providerId, true);
    await repo.setAssignment(coach.staffId, ana.providerId, true);
    expect((await repo.assignedProviders(coach.staffId)).map((p) => p.name)).toEqual([
      'ana',
      'Bea',
    ]);
    await repo.setAssignment(coach.staffId, bea.providerId, false);
    await repo.setAssignment(coach.staffId, bea.providerId, false);
    expect((await repo.assignedProviders(coach.staffId)).map((p) => p.name)).toEqual(['ana']);

    expect((await repo.listProviders()).map((p) => [p.agencyName, p.name])).toEqual([
      ['Acorn', 'Cy'],
      ['Sunrise', 'ana'],
      ['Sunrise', 'Bea'],
    ]);
    expect(await repo.listProviders('Sunrise')).toEqual([
      { providerId: ana.providerId, name: 'ana', agencyId: ana.agencyId, agencyName: 'Sunrise' },
      { providerId: bea.providerId, name: 'Bea', agencyId: ana.agencyId, agencyName: 'Sunrise' },
    ]);
    expect(await repo.listProviders('sunrise')).toEqual([]);
    expect((await repo.listStaff()).map((s) => [s.agencyName, s.name, s.role])).toEqual([
      [null, 'Quinn', 'collaborative'],
      ['Acorn', 'Mia', 'manager'],
      ['Sunrise', 'Zoe', 'coach'],
    ]);

    expect(await repo.findProvidersByName('Sunrise', '  ANA ')).toEqual([ana.providerId]);
    expect(await repo.findProvidersByName('Sunrise', 'Cy')).toEqual([]);
    expect(await repo.findProvidersByName('Nowhere', 'ana')).toEqual([]);
  });

  it('enrolls a device with a staff code and resolves each token to its kind of device', async () => {
    const repo = await backend.database().open();
    const p = await repo.createProvider('Sunrise', 'Ana', T0);
    const coach = await repo.createStaff('Sunrise', 'Zoe', 'coach', T0);
    const collab = await repo.createStaff(null, 'Quinn', 'collaborative', T0);

    const staffDevice = randomUUID();
    expect(
      await enrollWith(
        repo,
        { kind: 'staff', staffId: coach.staffId },
        staffDevice,
        hashToken('t1'),
      ),
    ).toEqual({
      kind: 'staff',
      staffId: coach.staffId,
      staffName: 'Zoe',
      role: 'coach',
      agencyId: p.agencyId,
      agencyName: 'Sunrise',
    });
    const providerDevice = randomUUID();
    expect(
      await enrollWith(
        repo,
        { kind: 'provider', providerId: p.providerId },
        providerDevice,
        hashToken('t2'),
      ),
    ).toMatchObject({ kind: 'provider', providerId: p.providerId, providerName: 'Ana' });
    const collabDevice = randomUUID();
    await enrollWith(
      repo,
      { kind: 'staff', staffId: collab.staffId },
      collabDevice,
      hashToken('t3'),
    );

    expect(await repo.findDevice(hashToken('t1'))).toEqual({
      kind: 'staff',
      deviceId: staffDevice,
      staffId: coach.staffId,
      role: 'coach',
      agencyId: p.agencyId,
      scope: `staff:${coach.staffId}`,
      agencyScope: `agency:${p.agencyId}`,
      revoked: false,
    });
    expect(await repo.findDevice(hashToken('t2'))).toEqual({
      kind: 'provider',
      deviceId: providerDevice,
      providerId: p.providerId,
      agencyId: p.agencyId,
      scope: `provider:${p.providerId}`,
      revoked: false,
    });
    expect(await repo.findDevice(hashToken('t3'))).toMatchObject({
      kind: 'staff',
      role: 'collaborative',
      agencyId: null,
      agencyScope: null,
    });

    expect(await repo.revokeDevice(staffDevice, T0 + 5)).toBe(true);
    const devices = await repo.listDevices();
    expect(devices).toHaveLength(3);
    expect(devices.find((d) => d.deviceId === staffDevice)).toEqual({
      deviceId: staffDevice,
      deviceName: 'phone',
      kind: 'staff',
      staffId: coach.staffId,
      enrolledAt: new Date(T0).toISOString(),
      lastSeenAt: new Date(T0).toISOString(),
      revoked: true,
    });
    expect(devices.find((d) => d.deviceId === providerDevice)).toMatchObject({
      kind: 'provider',
      providerId: p.providerId,
      revoked: false,
    });
    expect(JSON.stringify(devices)).not.toContain(hashToken('t1'));
  });
});

describe('SQLite migration 3', () => {
  it('keeps the devices and codes of a database made before staff existed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'naptime-m3-'));
    try {
      const file = join(dir, 'old.sqlite');
      const old = openDatabase(
        file,
        MIGRATIONS.filter((m) => m.id < 3),
      );
      old.prepare("INSERT INTO agencies VALUES ('a1', 'Sunrise', 'x')").run();
      old.prepare("INSERT INTO providers VALUES ('p1', 'a1', 'Ana', 'x')").run();
      old
        .prepare(
          "INSERT INTO devices (id, provider_id, name, token_hash, created_at, last_seen_at, acked_seq) VALUES ('d1', 'p1', 'tablet', 'h1', '2026-01-01T00:00:00.000Z', 5, 7)",
        )
        .run();
      old
        .prepare(
          "INSERT INTO enrollment_codes (id, provider_id, selector_hash, secret_salt, secret_hash, created_at, expires_at) VALUES ('c1', 'p1', 's', 'x', 'y', 1, 2)",
        )
        .run();
      old.close();
      const db = openDatabase(file);
      expect(db.prepare('SELECT * FROM devices').all()).toEqual([
        {
          id: 'd1',
          provider_id: 'p1',
          staff_id: null,
          name: 'tablet',
          token_hash: 'h1',
          created_at: '2026-01-01T00:00:00.000Z',
          revoked_at: null,
          last_seen_at: 5,
          acked_seq: 7,
        },
      ]);
      expect(db.prepare('SELECT provider_id, staff_id FROM enrollment_codes').all()).toEqual([
        { provider_id: 'p1', staff_id: null },
      ]);
      expect(() =>
        db
          .prepare(
            "INSERT INTO devices (id, name, token_hash, created_at) VALUES ('d2', 'x', 'h2', 'x')",
          )
          .run(),
      ).toThrow(/CHECK/);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('PostgreSQL migration 2', () => {
  it('keeps the devices and codes of a database made before staff existed', async () => {
    const schema = `m2_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const url = testDatabaseUrl();
    const old = await openPool(
      url,
      { schema },
      PG_MIGRATIONS.filter((m) => m.id < 2),
    );
    try {
      await old.query("INSERT INTO agencies VALUES ('a1', 'Sunrise', 'x')");
      await old.query("INSERT INTO providers VALUES ('p1', 'a1', 'Ana', 'x')");
      await old.query(
        "INSERT INTO devices (id, provider_id, name, token_hash, created_at, last_seen_at, acked_seq) VALUES ('d1', 'p1', 'tablet', 'h1', 'x', 5, 7)",
      );
      await old.query(
        "INSERT INTO enrollment_codes (id, provider_id, selector_hash, secret_salt, secret_hash, created_at, expires_at) VALUES ('c1', 'p1', 's', 'x', 'y', 1, 2)",
      );
    } finally {
      await old.end();
    }
    const repo = await createPgRepository(url, { schema, poolSize: 1 });
    try {
      expect(await repo.findDevice('h1')).toMatchObject({ kind: 'provider', providerId: 'p1' });
      expect(await repo.listDevices()).toEqual([
        expect.objectContaining({ deviceId: 'd1', kind: 'provider', providerId: 'p1' }),
      ]);
      const dump = await repo.dump();
      expect(dump.enrollment_codes).toEqual([
        expect.objectContaining({ provider_id: 'p1', staff_id: null }),
      ]);
    } finally {
      await repo.close();
    }
    const cleanup = new pg.Client({ connectionString: url });
    await cleanup.connect();
    try {
      await expect(
        cleanup.query(
          `INSERT INTO ${schema}.devices (id, name, token_hash, created_at) VALUES ('d2', 'x', 'h2', 'x')`,
        ),
      ).rejects.toThrow(/devices_one_owner/);
      await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
    } finally {
      await cleanup.end();
    }
  });
});
