import { describe, expect, it } from 'vitest';
import { parseScope, pushAccess, SCOPE_KINDS, SCOPE_TABLES, validateScopedRecord } from './scopes';

describe('scopes and their tables', () => {
  it('lets each scope push its own tables only', () => {
    expect(pushAccess('provider', 'observations')).toBe('ok');
    expect(pushAccess('provider', 'sharing')).toBe('ok');
    expect(pushAccess('staff', 'ta-contacts', 'coach')).toBe('ok');
    expect(pushAccess('staff', 'staff-checkins', 'manager')).toBe('ok');
    expect(pushAccess('agency', 'events', 'manager')).toBe('ok');
  });

  it("answers FORBIDDEN for a table of another scope, UNKNOWN_TABLE for no scope's", () => {
    expect(pushAccess('provider', 'ta-contacts')).toBe('FORBIDDEN');
    expect(pushAccess('provider', 'events')).toBe('FORBIDDEN');
    expect(pushAccess('staff', 'observations', 'coach')).toBe('FORBIDDEN');
    expect(pushAccess('staff', 'sharing', 'coach')).toBe('FORBIDDEN');
    expect(pushAccess('agency', 'checkins', 'manager')).toBe('FORBIDDEN');
    expect(pushAccess('staff', 'secrets', 'coach')).toBe('UNKNOWN_TABLE');
    expect(pushAccess('provider', '__proto__')).toBe('UNKNOWN_TABLE');
    expect(pushAccess('provider', 42)).toBe('UNKNOWN_TABLE');
  });

  it('lets only a manager push into the agency scope, and no staff member into a provider scope', () => {
    expect(pushAccess('agency', 'events', 'coach')).toBe('FORBIDDEN');
    expect(pushAccess('agency', 'events', 'collaborative')).toBe('FORBIDDEN');
    expect(pushAccess('agency', 'events')).toBe('FORBIDDEN');
    expect(pushAccess('agency', 'conflicts', 'coach')).toBe('FORBIDDEN');
    for (const role of ['coach', 'manager', 'collaborative'] as const)
      expect(pushAccess('provider', 'checkins', role)).toBe('FORBIDDEN');
    expect(pushAccess('staff', 'ta-contacts')).toBe('FORBIDDEN');
  });

  it('gives every scope a table list with no repeats', () => {
    for (const kind of SCOPE_KINDS)
      expect(new Set(SCOPE_TABLES[kind]).size).toBe(SCOPE_TABLES[kind].length);
  });

  it('parses kind:id and nothing else', () => {
    expect(parseScope('staff:abc-1')).toEqual({ kind: 'staff', id: 'abc-1' });
    for (const bad of ['staff:', 'admin:1', 'provider:a b', 'staff:x:y', null, 7, ' staff:1'])
      expect(parseScope(bad)).toBeNull();
  });

  it("validates a record of either side with its own table's schema", () => {
    expect(validateScopedRecord('sharing', 'sharing', { level: 'numbers' }).ok).toBe(true);
    expect(validateScopedRecord('checkins', 'checkin-2026-W05', { week: '2026-W05' }).ok).toBe(
      true,
    );
    expect(validateScopedRecord('sharing', 'sharing', { week: '2026-W05' }).ok).toBe(false);
  });
});
