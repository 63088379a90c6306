import { afterEach, describe, expect, it } from 'vitest';
import { makeServer } from '../server/test-support';
import type { NaptimeDb } from '../storage/db';
import { saveEvent, saveStaffCheckin, saveTaContact, listEvents } from '../storage/staff';
import { getConnection, getDeviceKind, getStaffProfile } from '../storage/sync-state';
import { openTestDb } from '../storage/testing';
import { saveObservation } from '../storage/write';
import { createSyncClient } from './client';
import { checkCode, connect, type EnrollDeps } from './enroll';
import { appFetch, testDeps, VirtualTime } from './sim/harness';

const dbs: NaptimeDb[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

const visit = (date: string) => ({
  providerId: null,
  providerName: 'María López',
  date,
  kind: 'visit' as const,
  observation: true,
  planning: false,
  qiData: false,
});

async function setup() {
  const server = makeServer();
  const fetch = appFetch(() => server.app);
  const deps: EnrollDeps = {
    baseUrl: '',
    fetch,
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  };
  const device = async () => {
    const db = await openTestDb();
    dbs.push(db);
    return db;
  };
  const staffCode = async (staffId: string) =>
    ((await server.admin('enroll-code', '--staff', staffId)) as { code: string }).code.replace(
      '-',
      '',
    );
  const join = (db: NaptimeDb, code: string) =>
    connect(db, deps, { code, deviceName: 'Phone', serverUrl: 'http://localhost:8080' });
  const sync = async (db: NaptimeDb) => {
    const client = createSyncClient(db, testDeps(new VirtualTime(), fetch));
    await client.syncNow();
    client.stop();
  };
  return { server, deps, device, staffCode, join, sync };
}

describe('a staff device', () => {
  it('shows a staff code’s name, role and agency, then becomes her device on connecting', async () => {
    const s = await setup();
    const coach = await s.server.createStaff('coach', 'Sunrise Agency', 'Lucía Romero');
    const db = await s.device();
    const code = await s.staffCode(coach.staffId);
    expect(await checkCode(db, s.deps, code)).toEqual({
      ok: true,
      owner: {
        kind: 'staff',
        staffName: 'Lucía Romero',
        role: 'coach',
        agencyName: 'Sunrise Agency',
      },
    });
    expect(await s.join(db, code)).toMatchObject({ ok: true, owner: { kind: 'staff' } });
    expect(await getDeviceKind(db)).toBe('staff');
    expect(await getStaffProfile(db)).toEqual({
      staffId: coach.staffId,
      staffName: 'Lucía Romero',
      role: 'coach',
      agencyId: coach.agencyId,
      agencyName: 'Sunrise Agency',
    });
    expect((await getConnection(db))?.providerId).toBeUndefined();
  });

  it('sends contacts and surveys logged offline, which her second device then pulls', async () => {
    const s = await setup();
    const coach = await s.server.createStaff('coach', 'Sunrise Agency', 'Lucía Romero');
    const phone = await s.device();
    await s.join(phone, await s.staffCode(coach.staffId));
    // Logged before any sync: they wait in the outbox.
    await saveTaContact(phone, visit('2026-11-23'));
    await saveTaContact(phone, visit('2026-11-24'));
    await saveStaffCheckin(phone, { week: '2026-W48', s1: 2, s2: 2 });
    expect(await phone.outbox.count()).toBe(3);
    await s.sync(phone);
    expect(await phone.outbox.count()).toBe(0);
    expect(await phone.synced('ta-contacts').where('syncStatus').equals('synced').count()).toBe(2);

    const probe = await s.server.enrollStaff(coach.staffId, 'probe');
    const rows = (await s.server.pullAll(probe)).rows;
    expect(rows.map((r: { table: string }) => r.table).sort()).toEqual([
      'staff-checkins',
      'ta-contacts',
      'ta-contacts',
    ]);

    const tablet = await s.device();
    await s.join(tablet, await s.staffCode(coach.staffId));
    await s.sync(tablet);
    expect(await tablet.synced('ta-contacts').count()).toBe(2);
    expect(await tablet.synced('staff-checkins').count()).toBe(1);
  });

  it('sends a manager’s events to her agency, and her coach’s device pulls them', async () => {
    const s = await setup();
    const manager = await s.server.createStaff('manager', 'Sunrise Agency', 'Ana Díaz');
    const coach = await s.server.createStaff('coach', 'Sunrise Agency', 'Lucía Romero');
    const mine = await s.device();
    await s.join(mine, await s.staffCode(manager.staffId));
    await saveEvent(mine, { date: '2026-11-15', kind: 'learning-session', title: 'Session 2' });
    await s.sync(mine);
    expect(await mine.outbox.count()).toBe(0);
    expect(await mine.synced('events').where('syncStatus').equals('synced').count()).toBe(1);

    const theirs = await s.device();
    await s.join(theirs, await s.staffCode(coach.staffId));
    await s.sync(theirs);
    expect((await listEvents(theirs)).map((e) => e.data.title)).toEqual(['Session 2']);
  });

  it('refuses a staff code on a device holding a provider’s notes, and keeps the code unspent', async () => {
    const s = await setup();
    const coach = await s.server.createStaff('coach', 'Sunrise Agency', 'Lucía Romero');
    const db = await s.device();
    await saveObservation(db, {
      childIds: ['c1'],
      observedAt: '2026-11-24T09:00:00-06:00',
      text: 'Stacked the cups',
    });
    const code = await s.staffCode(coach.staffId);
    expect(await checkCode(db, s.deps, code)).toEqual({
      ok: false,
      reason: 'provider-device',
      held: null,
    });
    expect(await getDeviceKind(db)).toBe('provider');
    expect(await s.join(await s.device(), code)).toMatchObject({ ok: true });
  });

  it('refuses a provider code on a staff device holding her contacts', async () => {
    const s = await setup();
    const coach = await s.server.createStaff('coach', 'Sunrise Agency', 'Lucía Romero');
    const provider = await s.server.createProvider('Sunrise Agency', 'María López');
    const db = await s.device();
    await s.join(db, await s.staffCode(coach.staffId));
    await saveTaContact(db, visit('2026-11-23'));
    const code = (
      (await s.server.admin('enroll-code', '--provider', provider.providerId)) as { code: string }
    ).code.replace('-', '');
    expect(await s.join(db, code)).toMatchObject({
      ok: false,
      reason: 'staff-device',
      held: { staffName: 'Lucía Romero' },
    });
    expect(await getDeviceKind(db)).toBe('staff');
  });
});
