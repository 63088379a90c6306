import { describe, expect, it } from 'vitest';
import { decodeParts, encodeParts } from './history-parts';

describe('a stored unknown part (history-parts.ts)', () => {
  it('comes back as it was stored, the empty one included', () => {
    const parts = Array.from(
      { length: 1000 },
      (_, i) => `0192f0a1-${String(i).padStart(4, '0')}-7abc-8def-0123456789ab@2026-W47`,
    ).sort();
    expect(decodeParts(encodeParts(parts))).toEqual(parts);
    expect(decodeParts(encodeParts([]))).toEqual([]);
    expect(decodeParts(encodeParts(['p@2026-W01']))).toEqual(['p@2026-W01']);
  });
});
