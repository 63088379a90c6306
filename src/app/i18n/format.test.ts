import { describe, expect, it } from 'vitest';
import { dayInWords, noteTime } from './format';
import { englishRegion } from './i18n';

describe('dates in words', () => {
  it('read in en-US as "Wednesday, December 2, 10:00 AM" (Node has no navigator: en-US)', () => {
    expect(noteTime('2026-12-02T10:00:00-06:00')).toBe('Wednesday, December 2, 10:00 AM');
    expect(noteTime('2026-12-02T13:05:00-06:00')).toBe('Wednesday, December 2, 1:05 PM');
  });

  it("take the region from her browser's English, else en-US", () => {
    expect(englishRegion(['es-MX', 'en-GB'])).toBe('en-GB');
    expect(englishRegion(['en'])).toBe('en-US');
    expect(englishRegion(['es'])).toBe('en-US');
  });

  it('say a day with the year only when it is not this year, and leave text that is not a date as it is', () => {
    expect(dayInWords('2026-04-09', new Date(2026, 5, 1))).toBe('April 9');
    expect(dayInWords('2025-04-09', new Date(2026, 5, 1))).toBe('April 9, 2025');
    expect(dayInWords('soon')).toBe('soon');
  });
});
