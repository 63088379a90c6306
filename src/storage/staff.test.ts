import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { ServerRecord } from '../domain/sync-messages';
import { NaptimeDb } from './db';
import { staffHeld, staffRefusal } from './enrollment';
import { countUnsynced, eraseDevice } from './erase';
import { applyPullPage } from './pull-apply';
import { takeBatch } from './push-batch';
import {
  deleteTaContact,
  getStaffProviders,
  listEvents,
  listTaContacts,
  restoreTaContact,
  saveEvent,
  saveStaffCheckin,
  saveStaffProviders,
  saveTaContact,
  staffRecords,
} from './staff';
import {
  getDeviceKind,
  getStaffProfile,
  getSyncCounts,
  SYNC_META_KEYS,
  type StaffProfile,
} from './sync-state';
import { useTestDbs } from './testing';
import { saveObservation } from './write';

const open = useTestDbs();

const coach: StaffProfile = {
  staffId: 'staff-1',
  staffName: 'Lucía Romero',
  role: 'coach',
  agencyId: 'agency-1',
  agencyName: 'Sunrise Agency',
};
const visit = {
  providerId: 'prov-1',
  providerName: 'María López',
  date: '2026-11-24',
  kind: 'visit' as const,
  observation: true,
  planning: false,
  qiData: true,
};
const becomeStaff = (db: NaptimeDb, profile: StaffProfile = coach) =>
  db.meta.put({ key: SYNC_META_KEYS.staff, value: profile });

function serverRow(table: string, id: string, data: Record<string, unknown>): ServerRecord {
  return {
    table,
    id,
    version: 1,
    serverSeq: 1,
    hlc: '2026-11-24T15:00:00.000Z-0000-server0000000001',
    deviceId: 'other',
    deleted: 0,
    schemaVersion: 1,
    createdAt: '2026-11-24T09:00:00',
    updatedAt: '2026-11-24T09:00:00',
    data,
  };
}

describe('TA contacts', () => {
  it('are written with their outbox entry in one step, edits folding into the waiting create', async () => {
    const db = await open();
    const saved = await saveTaContact(db, visit);
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    const id = saved.record.id;
    expect(saved.record.syncStatus).toBe('pending');
    expect(await db.outbox.toArray()).toMatchObject([
      { table: 'ta-contacts', recordId: id, op: 'create', baseVersion: 0 },
    ]);
    await saveTaContact(db, { ...visit, id, planning: true });
    const entries = await db.outbox.toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.changedFields).toContain('planning');
    expect((await listTaContacts(db)).map((i) => i.ok && i.record.data.planning)).toEqual([true]);
  });

  it('refuses a visit with no provider, naming the field, and writes nothing', async () => {
    const db = await open();
    const saved = await saveTaContact(db, { ...visit, providerId: null, providerName: null });
    expect(saved).toEqual({
      ok: false,
      reason: 'invalid',
      issues: [{ path: 'providerId', message: 'required' }],
    });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.synced('ta-contacts').count()).toBe(0);
  });

  it('takes a typed name when the provider list has not reached the device yet', async () => {
    const db = await open();
    const saved = await saveTaContact(db, { ...visit, providerId: null, providerName: 'Rosa' });
    expect(saved.ok).toBe(true);
  });

  it('are deleted softly and restored, each change queued to sync', async () => {
    const db = await open();
    const saved = await saveTaContact(db, visit);
    if (!saved.ok) throw new Error('not saved');
    await deleteTaContact(db, saved.record.id);
    expect(await listTaContacts(db)).toEqual([]);
    await restoreTaContact(db, saved.record.id);
    expect(await listTaContacts(db)).toHaveLength(1);
  });

  it('are listed newest date first, and go out in a push batch like any record', async () => {
    const db = await open();
    await saveTaContact(db, { ...visit, date: '2026-11-20' });
    await saveTaContact(db, { ...visit, date: '2026-11-25' });
    const dates = (await listTaContacts(db)).map((i) => i.ok && i.record.data.date);
    expect(dates).toEqual(['2026-11-25', '2026-11-20']);
    const batch = await takeBatch(db, {
      maxCount: 10,
      maxBytes: 100_000,
      now: Date.now(),
      leaseMs: 90_000,
      inflight: 'all',
    });
    expect(batch.items.map((b) => b.payload.table)).toEqual(['ta-contacts', 'ta-contacts']);
    expect(batch.items[0]!.payload).toMatchObject({ op: 'create', data: { kind: 'visit' } });
  });
});

describe('the weekly survey', () => {
  it('is saved as staff-checkin-<week>, and S2 above S1 is refused', async () => {
    const db = await open();
    const week = '2026-W48';
    const ok = await saveStaffCheckin(db, {
      week,
      s1: 4,
      s2: 2,
      s3: 1,
      s4: 0,
      s5: 1,
      s6: ['time'],
    });
    expect(ok.ok && ok.record.id).toBe('staff-checkin-2026-W48');
    const bad = await saveStaffCheckin(db, { week, s1: 1, s2: 3 });
    expect(bad).toMatchObject({ ok: false, issues: [{ path: 's2', message: 'above-s1' }] });
    const { surveys } = await staffRecords(db);
    expect(surveys.map((s) => s.data)).toEqual([
      { week, s1: 4, s2: 2, s3: 1, s4: 0, s5: 1, s6: ['time'] },
    ]);
  });
});

describe('events', () => {
  it('are saved and listed newest first', async () => {
    const db = await open();
    await saveEvent(db, { date: '2026-10-01', kind: 'webinar', title: 'Observing toddlers' });
    await saveEvent(db, { date: '2026-11-15', kind: 'learning-session', title: 'Session 2' });
    expect((await listEvents(db)).map((e) => e.data.title)).toEqual([
      'Session 2',
      'Observing toddlers',
    ]);
    expect(await saveEvent(db, { date: '2026-11-15', kind: 'other', title: ' ' })).toMatchObject({
      ok: false,
      issues: [{ path: 'title', message: 'required' }],
    });
  });
});

describe('a staff device', () => {
  it('is a provider device until enrolled as staff', async () => {
    const db = await open();
    expect(await getDeviceKind(db)).toBe('provider');
    await becomeStaff(db);
    expect(await getDeviceKind(db)).toBe('staff');
    expect(await getStaffProfile(db)).toEqual(coach);
  });

  it('stores pulled rows of its own tables only; a provider device stores none of them', async () => {
    const provider = await open();
    const staff = await open();
    await becomeStaff(staff);
    const page = {
      changes: [
        serverRow('ta-contacts', 'c1', visit),
        serverRow('events', 'e1', { date: '2026-11-15', kind: 'webinar', title: 'Webinar' }),
        serverRow('observations', 'o1', {
          childIds: ['x'],
          observedAt: '2026-11-24T09:00:00-06:00',
          text: 'x',
        }),
      ],
      cursor: 'c',
      serverHlc: '2026-11-24T15:00:00.000Z-0000-server0000000001',
    };
    expect(await applyPullPage(staff, page, Date.now())).toBe(2);
    expect(await staff.synced('observations').count()).toBe(0);
    expect(await applyPullPage(provider, page, Date.now())).toBe(1);
    expect(await provider.synced('ta-contacts').count()).toBe(0);
    expect(await provider.synced('events').count()).toBe(0);
  });

  it('counts its unsent and rejected records for the sync card and the hand-on', async () => {
    const db = await open();
    await becomeStaff(db);
    const saved = await saveTaContact(db, visit);
    await saveStaffCheckin(db, { week: '2026-W48', s1: 1 });
    expect(await countUnsynced(db)).toBe(2);
    if (saved.ok)
      await db.synced('ta-contacts').update(saved.record.id, { syncStatus: 'rejected' });
    expect(await getSyncCounts(db)).toMatchObject({ waiting: 2, rejected: 1 });
  });

  it('is erased whole: records, outbox, providers list and who she is', async () => {
    const db = await open();
    await becomeStaff(db);
    await saveTaContact(db, visit);
    await saveEvent(db, { date: '2026-11-15', kind: 'webinar', title: 'Webinar' });
    await saveStaffProviders(db, [{ providerId: 'prov-1', name: 'María López' }]);
    expect(await eraseDevice(db)).toEqual({ ok: true });
    for (const table of ['ta-contacts', 'staff-checkins', 'events', 'outbox', 'meta'])
      expect(await db.table(table).count(), table).toBe(0);
    expect(await getDeviceKind(db)).toBe('provider');
  });
});

describe('whose device it is', () => {
  it('refuses a staff code on a device holding a provider’s records, even never connected', async () => {
    const db = await open();
    await saveObservation(db, {
      childIds: ['c1'],
      observedAt: '2026-11-24T09:00:00-06:00',
      text: 'Built a tower',
    });
    expect(await staffRefusal(db, coach)).toEqual({ reason: 'provider-device', held: null });
  });

  it('refuses another staff member while hers are here; the same one and an empty device are fine', async () => {
    const db = await open();
    expect(await staffRefusal(db, coach)).toBeNull();
    await becomeStaff(db);
    expect(await staffHeld(db)).toBeNull(); // nothing of hers yet
    await saveTaContact(db, visit);
    expect(await staffRefusal(db, coach)).toBeNull();
    expect(await staffRefusal(db, { ...coach, staffId: 'staff-2' })).toEqual({
      reason: 'other-staff',
      held: coach,
    });
    expect(await staffHeld(db)).toEqual(coach);
  });
});

describe('the providers list', () => {
  it('is null before the first answer, then replaced whole by each answer', async () => {
    const db = await open();
    expect(await getStaffProviders(db)).toBeNull();
    await saveStaffProviders(db, [
      { providerId: 'a', name: 'Ana' },
      { providerId: 'b', name: 'Bea' },
    ]);
    await saveStaffProviders(db, [{ providerId: 'b', name: 'Bea' }]);
    expect(await getStaffProviders(db)).toEqual([{ providerId: 'b', name: 'Bea' }]);
  });
});

describe('the version 3 upgrade', () => {
  it('adds the staff tables to a version 1 database and keeps what it held', async () => {
    const indexedDB = new IDBFactory();
    const v1 = new Dexie('upgrade', { indexedDB, IDBKeyRange });
    v1.version(1).stores({ children: 'id, syncStatus, deleted', meta: 'key' });
    await v1.open();
    await v1.table('meta').put({ key: 'kept', value: 1 });
    v1.close();
    const db = new NaptimeDb({ name: 'upgrade', indexedDB, IDBKeyRange });
    await db.open();
    try {
      expect((await db.meta.get('kept'))?.value).toBe(1);
      for (const table of ['ta-contacts', 'staff-checkins', 'events'])
        expect(db.table(table).schema.primKey.keyPath).toBe('id');
      expect(db.verno).toBe(3);
    } finally {
      db.close();
    }
  });
});
