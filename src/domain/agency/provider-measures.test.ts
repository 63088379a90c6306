import { describe, expect, it } from 'vitest';
import type { SharedProvider } from './consent';
import { providerContributions, type SharingProvider } from './provider-measures';

const view = (v: Partial<SharedProvider>): SharingProvider => ({
  providerId: 'p1',
  agencyId: 'a',
  view: { level: 'numbers', firstUseAt: null, weeks: [], lastCheckinWeek: null, cycles: [], ...v },
});
const checkin = { p1: 2, p2: 3, p3: null, p4: 0, p5: null, p6: 4 };
const axis = ['2026-W05', '2026-W06', '2026-W07', '2026-W08'];
const parts = (p: SharingProvider, m: Parameters<typeof providerContributions>[1]) =>
  providerContributions(p, m, axis).map((c) => [c.week, c.numerator, c.denominator]);

describe("a sharing provider's parts of each measure", () => {
  it('counts notes from the week of firstUseAt, a week without notes a real 0', () => {
    const p = view({
      firstUseAt: '2026-02-03T08:00:00-06:00',
      weeks: [{ week: '2026-W07', notes: 3, notesWithIdea: 1, checkin: null }],
    });
    expect(parts(p, 'notes')).toEqual([
      ['2026-W06', 0, 1],
      ['2026-W07', 3, 1],
      ['2026-W08', 0, 1],
    ]);
    expect(parts(p, 'notes-with-idea').map((x) => x[1])).toEqual([0, 1, 0]);
  });

  it('starts note counts at her first note without firstUseAt, and gives none before any', () => {
    const p = view({ weeks: [{ week: '2026-W07', notes: 2, notesWithIdea: 0, checkin: null }] });
    expect(parts(p, 'notes').map((x) => x[0])).toEqual(['2026-W07', '2026-W08']);
    expect(parts(view({}), 'notes')).toEqual([]);
  });

  it('gives a check-in measure only in weeks she answered it', () => {
    const p = view({
      weeks: [
        { week: '2026-W05', notes: 0, notesWithIdea: 0, checkin },
        { week: '2026-W06', notes: 1, notesWithIdea: 0, checkin: null },
        { week: '2026-W07', notes: 0, notesWithIdea: 0, checkin: { ...checkin, p4: 5, p5: 2 } },
        { week: '2026-W08', notes: 0, notesWithIdea: 0, checkin: { ...checkin, p4: 5, p5: null } },
      ],
    });
    expect(parts(p, 'p2')).toEqual([
      ['2026-W05', 3, 1],
      ['2026-W07', 3, 1],
      ['2026-W08', 3, 1],
    ]);
    expect(parts(p, 'p3')).toEqual([]);
    // P4 = 0 is a real 0 ÷ 0 (pooling drops it); P5 missing over P4 = 5 is a missing week.
    expect(parts(p, 'p5-of-p4')).toEqual([
      ['2026-W05', 0, 0],
      ['2026-W07', 2, 5],
    ]);
  });
});
