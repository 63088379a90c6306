import { describe, expect, it } from 'vitest';
import { validateAgencyRecord } from '../../../domain/agency-records';
import { isAsked, surveyDataOf, surveyFormOf, surveyIssueKey } from './survey-form';

const contact = (date: string, extra: object = {}) => ({
  kind: 'visit' as const,
  providerId: 'p1',
  date,
  observation: true,
  planning: false,
  qiData: true,
  ...extra,
});

describe('the weekly survey form', () => {
  it('is pre-filled from the week’s log: a group counts its size, S5 its sessions, S6 empty', () => {
    const log = [
      contact('2026-11-23'),
      contact('2026-11-25', { kind: 'group', providerId: null, groupSize: 4, qiData: false }),
      contact('2026-11-30'), // the next week
    ];
    expect(surveyFormOf('2026-W48', null, log)).toMatchObject({
      s1: 5,
      s2: 5,
      s3: 0,
      s4: 1,
      s5: 1,
      s6: [],
      source: 'log',
      clamped: false,
    });
  });

  it('shows her saved answer instead of the log', () => {
    const form = surveyFormOf('2026-W48', { week: '2026-W48', s1: 2, s6: ['time'] }, [
      contact('2026-11-23'),
    ]);
    expect(form).toMatchObject({ s1: 2, s2: null, s6: ['time'], source: 'saved' });
  });

  it('does not ask S2–S4 when S1 is 0, and saves them as unanswered', () => {
    const form = { ...surveyFormOf('2026-W48', null, []), s1: 0 };
    expect(isAsked('s2', form)).toBe(false);
    const data = surveyDataOf(form);
    expect(data).toMatchObject({ s1: 0, s2: null, s3: null, s4: null, s5: 0, s6: null });
    expect(validateAgencyRecord('staff-checkins', 'staff-checkin-2026-W48', data).ok).toBe(true);
  });

  it('keeps "what else" only with "other", and says an answer above S1 in her words', () => {
    const form = {
      ...surveyFormOf('2026-W48', null, []),
      s1: 2,
      s6: ['time' as const],
      s6Other: 'x',
    };
    expect(surveyDataOf(form).s6Other).toBeNull();
    const bad = validateAgencyRecord('staff-checkins', 'staff-checkin-2026-W48', {
      ...surveyDataOf(form),
      s2: 3,
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(surveyIssueKey(bad.issues, 's2')).toBe('staff.error.aboveS1');
  });
});
