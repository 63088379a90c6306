import { describe, expect, it } from 'vitest';
import { validateAgencyRecord } from '../../../domain/agency-records';
import {
  contactDataOf,
  contactFormOf,
  contactIssueKey,
  emptyContactForm,
  formIssues,
  TYPED_PROVIDER,
  showsList,
} from './contact-form';

const providers = [
  { providerId: 'p-ana', name: 'Ana Ruiz' },
  { providerId: 'p-bea', name: 'Bea Soto' },
];

describe('the contact form', () => {
  it('saves the picked provider with her name as the list gives it', () => {
    const form = { ...emptyContactForm('2026-11-30'), providerChoice: 'p-bea', observation: true };
    const data = contactDataOf(form, providers);
    expect(data).toMatchObject({
      kind: 'visit',
      providerId: 'p-bea',
      providerName: 'Bea Soto',
      groupSize: null,
      observation: true,
      note: null,
    });
    expect(validateAgencyRecord('ta-contacts', 'x1', data).ok).toBe(true);
  });

  it('saves a typed name alone while the list has not reached the device', () => {
    const form = { ...emptyContactForm('2026-11-30'), typedName: '  Rosa Díaz ' };
    expect(contactDataOf(form, null)).toMatchObject({
      providerId: null,
      providerName: 'Rosa Díaz',
    });
  });

  it('saves a typed name while her list is empty (nobody assigned yet), and keeps a listed id', () => {
    const form = { ...emptyContactForm('2026-11-30'), typedName: 'Rosa Díaz' };
    expect(showsList([], form)).toBe(false);
    expect(contactDataOf(form, [])).toMatchObject({ providerId: null, providerName: 'Rosa Díaz' });
    expect(showsList([], { providerChoice: 'p-old' })).toBe(true);
    expect(showsList(null, { providerChoice: 'p-old' })).toBe(false);
  });

  it('drops the provider for a group session, which counts its size', () => {
    const form = {
      ...emptyContactForm('2026-11-30'),
      kind: 'group' as const,
      providerChoice: 'p-ana',
      groupSize: 6,
    };
    const data = contactDataOf(form, providers);
    expect(data).toMatchObject({ providerId: null, providerName: null, groupSize: 6 });
    expect(validateAgencyRecord('ta-contacts', 'x1', data).ok).toBe(true);
  });

  it('keeps a provider no longer on her list, and fields this build does not know', () => {
    const stored = {
      kind: 'call' as const,
      providerId: 'p-old',
      providerName: 'Carmen Vega',
      date: '2026-11-02',
      observation: false,
      planning: true,
      qiData: false,
      future: 'kept',
    };
    const form = contactFormOf(stored);
    expect(form.providerChoice).toBe('p-old');
    expect(contactDataOf(form, providers, stored)).toMatchObject({
      providerId: 'p-old',
      providerName: 'Carmen Vega',
      future: 'kept',
    });
  });

  it('reads a typed-name contact back into the typed field', () => {
    const form = contactFormOf({
      kind: 'visit',
      providerName: 'Rosa',
      date: '2026-11-02',
      observation: false,
      planning: false,
      qiData: false,
    });
    expect(form).toMatchObject({ providerChoice: TYPED_PROVIDER, typedName: 'Rosa' });
  });

  it('refuses a date after today, and names a missing provider in her words', () => {
    expect(
      formIssues({ ...emptyContactForm('2026-11-30'), date: '2026-12-01' }, '2026-11-30'),
    ).toEqual([{ path: 'date', message: 'future' }]);
    const invalid = validateAgencyRecord(
      'ta-contacts',
      'x1',
      contactDataOf(emptyContactForm('2026-11-30'), providers),
    );
    expect(invalid.ok).toBe(false);
    if (!invalid.ok)
      expect(contactIssueKey(invalid.issues, 'providerId')).toBe('staff.error.providerRequired');
  });
});
