import { describe, expect, it } from 'vitest';
import {
  contactCount,
  staffCheckinId,
  validateAgencyRecord,
  type AgencyTable,
} from './agency-records';

const ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const visit = {
  providerId: 'prov-1',
  date: '2026-02-03',
  kind: 'visit',
  observation: true,
  planning: false,
  qiData: false,
};
const group = { ...visit, providerId: null, kind: 'group', groupSize: 5 };
const survey = { week: '2026-W06', s1: 12, s2: 5, s3: 3, s4: 2, s5: 1, s6: ['time', 'internet'] };
const sharing = { level: 'numbers', firstUseAt: '2026-01-12T08:30:00-06:00' };
const event = { date: '2026-03-10', title: '  Learning session 2 ', kind: 'learning-session' };

function issues(table: AgencyTable, id: string, data: unknown): string[] {
  const r = validateAgencyRecord(table, id, data);
  return r.ok ? [] : r.issues.map((i) => `${i.path}:${i.message}`);
}

describe('agency-side record schemas', () => {
  it('accepts a visit, a group session, a survey, a sharing choice and an event', () => {
    expect(issues('ta-contacts', ID, visit)).toEqual([]);
    expect(issues('ta-contacts', ID, group)).toEqual([]);
    expect(issues('staff-checkins', staffCheckinId('2026-W06'), survey)).toEqual([]);
    expect(issues('sharing', 'sharing', sharing)).toEqual([]);
    expect(issues('sharing', 'sharing', { level: 'nothing' })).toEqual([]);
    const e = validateAgencyRecord('events', ID, event);
    expect(e.ok && e.data.title).toBe('Learning session 2');
  });

  it('counts a group session as its group size and every other contact as one', () => {
    expect(contactCount({ kind: 'group', groupSize: 5 })).toBe(5);
    expect(contactCount({ kind: 'call' })).toBe(1);
    expect(contactCount({ kind: 'video', groupSize: null })).toBe(1);
  });

  it('asks a group size of a group session only, and a provider of every other contact', () => {
    expect(issues('ta-contacts', ID, { ...group, groupSize: null })).toEqual([
      'groupSize:required',
    ]);
    expect(issues('ta-contacts', ID, { ...visit, groupSize: 3 })).toEqual([
      'groupSize:only-for-group',
    ]);
    expect(issues('ta-contacts', ID, { ...visit, providerId: null })).toEqual([
      'providerId:required',
    ]);
    // A name typed while the provider list has not reached the device is a provider too.
    expect(issues('ta-contacts', ID, { ...visit, providerId: null, providerName: 'Rosa' })).toEqual(
      [],
    );
    expect(issues('ta-contacts', ID, { ...visit, providerId: null, providerName: '  ' })).toEqual([
      'providerName:required',
    ]);
    expect(issues('ta-contacts', ID, { ...group, groupSize: 61 })).toEqual(['groupSize:too-big']);
    expect(issues('ta-contacts', ID, { ...group, groupSize: 2.5 })).toEqual([
      'groupSize:whole-number',
    ]);
  });

  it('refuses hostile contact data with a stable key per field, never a throw', () => {
    expect(issues('ta-contacts', ID, { ...visit, kind: 'séance' })).toEqual(['kind:not-an-option']);
    expect(issues('ta-contacts', ID, { ...visit, observation: 'yes' })).toEqual([
      'observation:wrong-type',
    ]);
    expect(issues('ta-contacts', ID, { ...visit, date: '2026-02-30' })).toHaveLength(1);
    expect(issues('ta-contacts', ID, { ...visit, providerId: '../../etc' })).toEqual([
      'providerId:bad-id',
    ]);
    expect(issues('ta-contacts', ID, { ...visit, note: 'x'.repeat(1001) })).toEqual([
      'note:too-long',
    ]);
    for (const bad of [null, 'visit', 42, [], { __proto__: { kind: 'visit' } }])
      expect(validateAgencyRecord('ta-contacts', ID, bad).ok).toBe(false);
  });

  it('keeps fields it does not know, and a key named __proto__ as an own field', () => {
    const data = JSON.parse('{"__proto__": {"x": 1}, "minutes": 40}') as object;
    const r = validateAgencyRecord('ta-contacts', ID, { ...visit, ...data });
    expect(r.ok).toBe(true);
    expect(r.ok && (r.data as Record<string, unknown>)['minutes']).toBe(40);
  });

  it('keeps S2-S4 within S1 and unasked when S1 is 0', () => {
    expect(issues('staff-checkins', staffCheckinId('2026-W06'), { ...survey, s2: 13 })).toEqual([
      's2:above-s1',
    ]);
    expect(
      issues('staff-checkins', staffCheckinId('2026-W06'), { week: '2026-W06', s1: 0, s4: 0 }),
    ).toEqual(['s4:not-asked-when-s1-zero']);
    expect(issues('staff-checkins', staffCheckinId('2026-W06'), { week: '2026-W06' })).toEqual([]);
    expect(issues('staff-checkins', staffCheckinId('2026-W06'), { ...survey, s1: 61 })).toEqual([
      's1:too-big',
    ]);
    expect(issues('staff-checkins', staffCheckinId('2026-W06'), { ...survey, s5: -1 })).toEqual([
      's5:too-small',
    ]);
    expect(
      issues('staff-checkins', staffCheckinId('2026-W06'), { ...survey, s6: ['time', 'time'] }),
    ).toEqual(['s6:repeated']);
    expect(
      issues('staff-checkins', staffCheckinId('2026-W06'), { ...survey, s6: ['weather'] }),
    ).toEqual(['s6.0:not-an-option']);
  });

  it('ties a survey to its week and the sharing record to the one id "sharing"', () => {
    expect(issues('staff-checkins', staffCheckinId('2026-W07'), survey)).toEqual([
      'id:staff-checkin-id-mismatch',
    ]);
    expect(issues('staff-checkins', 'staff-checkin-2026-W54', { week: '2026-W54' })).toEqual([
      'week:not an ISO week that exists',
    ]);
    expect(issues('sharing', ID, sharing)).toEqual(['id:sharing-id']);
    expect(issues('sharing', 'sharing', { level: 'everything' })).toEqual(['level:not-an-option']);
    expect(
      issues('sharing', 'sharing', { level: 'numbers', firstUseAt: 'yesterday' }),
    ).toHaveLength(1);
    expect(issues('ta-contacts', 'has space', visit)).toEqual(['id:bad-id']);
    expect(issues('ta-contacts', 'x'.repeat(101), visit)).toEqual(['id:bad-id']);
  });

  it('asks an event for a date, a title that is not blank, and a known kind', () => {
    expect(issues('events', ID, { ...event, title: '   ' })).toEqual(['title:required']);
    expect(issues('events', ID, { ...event, title: 'x'.repeat(201) })).toEqual(['title:too-long']);
    expect(issues('events', ID, { ...event, kind: 'party' })).toEqual(['kind:not-an-option']);
    expect(issues('events', ID, { title: 'A', kind: 'other' })).toEqual(['date:required']);
  });
});
