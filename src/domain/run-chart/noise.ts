/**
 * Seeded noise for the calibration tests and the bench (RUNCHART.md §6): mulberry32 uniforms and
 * standard normal values (Box–Muller), so that every count is the same on every run.
 */

/** A deterministic pseudo-random generator (mulberry32) of uniforms in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Independent N(0, 1) values from a seed (Box–Muller on mulberry32). */
export function normalNoise(seed: number): () => number {
  const uniform = mulberry32(seed);
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    const u = 1 - uniform(); // in (0, 1]: log(u) is finite
    const r = Math.sqrt(-2 * Math.log(u));
    const angle = 2 * Math.PI * uniform();
    spare = r * Math.sin(angle);
    return r * Math.cos(angle);
  };
}

/** A planted pattern on top of the noise: a step of `size` SD from week `from`, or a linear drift. */
export type Planted =
  { kind: 'shift'; from: number; size: number } | { kind: 'trend'; from: number; perWeek: number };

/** `length` weeks of N(0, 1) noise, plus `planted` when given. */
export function noisyChart(next: () => number, length: number, planted?: Planted): number[] {
  return Array.from({ length }, (_, i) => {
    const noise = next();
    if (!planted || i < planted.from) return noise;
    return (
      noise + (planted.kind === 'shift' ? planted.size : planted.perWeek * (i - planted.from + 1))
    );
  });
}
