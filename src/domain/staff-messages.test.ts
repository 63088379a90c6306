import { describe, expect, it } from 'vitest';
import { parseEnrollResponse } from './staff-messages';

const HLC = '2026-01-29T19:05:00.000Z-0000-0123456789abcdef';
const provider = {
  deviceId: 'd1',
  deviceToken: 't',
  providerId: 'p1',
  providerName: 'Rosa',
  agencyId: 'a1',
  agencyName: 'Casa',
  serverHlc: HLC,
};
const staff = {
  kind: 'staff',
  deviceId: 'd2',
  deviceToken: 't',
  staffId: 's1',
  staffName: 'Lupe',
  role: 'coach',
  agencyId: 'a1',
  agencyName: 'Casa',
  serverHlc: HLC,
};

describe('enrollment answers', () => {
  it('reads a staff answer with its staff member, role and agency', () => {
    const r = parseEnrollResponse(staff);
    expect(r?.kind).toBe('staff');
    expect(r?.kind === 'staff' && r.response.role).toBe('coach');
  });

  it('reads a provider answer with or without kind, as an older server sends it', () => {
    expect(parseEnrollResponse(provider)?.kind).toBe('provider');
    expect(parseEnrollResponse({ ...provider, kind: 'provider' })?.kind).toBe('provider');
  });

  it('reads the collaborative role without an agency', () => {
    const r = parseEnrollResponse({
      ...staff,
      role: 'collaborative',
      agencyId: null,
      agencyName: null,
    });
    expect(r?.kind).toBe('staff');
  });

  it('refuses an answer of an unknown kind or role, or one that is no object', () => {
    expect(parseEnrollResponse({ ...staff, role: 'admin' })).toBeNull();
    expect(parseEnrollResponse({ ...provider, kind: 'robot' })).toBeNull();
    expect(parseEnrollResponse({ ...staff, kind: 'provider' })).toBeNull();
    for (const bad of [null, undefined, 'staff', 3, []])
      expect(parseEnrollResponse(bad)).toBeNull();
  });
});
