import { describe, expect, it } from 'vitest';
import { ageBand, ageInMonths, sortForPicker } from './children';

describe('ageBand', () => {
  it('counts completed months from the birth month', () => {
    expect(ageInMonths('2025-01', '2026-01-15')).toBe(12);
    expect(ageInMonths('2025-02', new Date(2026, 0, 31, 12))).toBe(11);
  });

  it('puts each age in its band, at both edges', () => {
    const today = '2026-11-26';
    expect(ageBand('2026-11', today)).toBe('infant');
    expect(ageBand('2025-12', today)).toBe('infant'); // 11 months
    expect(ageBand('2025-11', today)).toBe('toddler'); // 12
    expect(ageBand('2023-12', today)).toBe('toddler'); // 35
    expect(ageBand('2023-11', today)).toBe('preschool'); // 36
    expect(ageBand('2021-12', today)).toBe('preschool'); // 59
    expect(ageBand('2021-11', today)).toBe('school-age'); // 60
  });

  it('says "age not set" (null) when there is no usable birth month', () => {
    expect(ageBand(null, '2026-11-26')).toBeNull();
    expect(ageBand(undefined, '2026-11-26')).toBeNull();
    expect(ageBand('2026-13', '2026-11-26')).toBeNull();
    expect(ageBand('2026-11-03', '2026-11-26')).toBeNull();
  });

  it('treats a birth month in the future as an infant', () => {
    expect(ageBand('2027-02', '2026-11-26')).toBe('infant');
  });
});

describe('sortForPicker', () => {
  it('lists active toddlers first, then other active children, then inactive ones, by name', () => {
    const today = '2026-11-26';
    const kids = [
      { name: 'zoe', birthMonth: '2025-06', active: true }, // toddler
      { name: 'Ana', birthMonth: '2020-01', active: true }, // school age
      { name: 'bea', birthMonth: null, active: true },
      { name: 'Ari', birthMonth: '2025-01', active: false }, // inactive toddler
      { name: 'Ángel', birthMonth: '2024-09', active: true }, // toddler
    ];
    expect(sortForPicker(kids, today).map((k) => k.name)).toEqual([
      'Ángel',
      'zoe',
      'Ana',
      'bea',
      'Ari',
    ]);
  });

  it('does not change the array it is given', () => {
    const kids = [{ name: 'b' }, { name: 'a' }];
    sortForPicker(kids, '2026-11-26');
    expect(kids.map((k) => k.name)).toEqual(['b', 'a']);
  });
});
