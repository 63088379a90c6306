import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addWeeks, weekMonday, weeksBetween } from '../../../domain/dates';
import { measureProgress, type MedianMode, type PdsaCycleInput } from '../../../domain/progress';
import type { RuleSet, RunChartPoint } from '../../../domain/run-chart';
import { setLanguage, type Language } from '../../i18n/i18n';
import { chartAlt, formatValue, imageLegend, medianText, outcomeSentence } from './chart-words';

// setLanguage writes <html lang>; Node has no document. Dates follow her region: these sentences
// are an en-GB provider's ("26 January"); en-US is tested in i18n/format.test.ts.
beforeAll(() => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  vi.stubGlobal('navigator', { languages: ['en-GB'], language: 'en-GB' });
});
afterAll(() => vi.unstubAllGlobals());

const FIRST = '2025-W02'; // not this year: dates carry their year
const BASELINE = [9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 11, 9];
const rep = (n: number, v: number) => Array.from({ length: n }, () => v);

function progress(points: RunChartPoint[], opts: { rules?: RuleSet; mode?: MedianMode; cycles?: PdsaCycleInput[] } = {}) {
  const weeks = points.length ? weeksBetween(FIRST, addWeeks(FIRST, points.length - 1)) : [];
  return measureProgress(
    { measure: 'p2', weeks, points, current: { week: addWeeks(FIRST, points.length), point: null } },
    opts.cycles ?? [],
    opts.rules ?? 'ihi',
    opts.mode ?? 'baseline',
  );
}

const cycle = (index: number, cycleNo = 2): PdsaCycleInput => ({
  startDate: weekMonday(addWeeks(FIRST, index)),
  cycle: cycleNo,
  changeIdea: 'Talk circle',
  startsPhase: false,
});

const FEW_RUNS = [13, 14, 13, 14, 13, 7, 6, 7, 6, 7, 13, 14, 13, 14, 13, 7, 6, 7, 6, 7];
const alternating = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? 11 : 9));

/** One chart per outcome the sentence has a template for. */
const CASES = {
  noData: progress([]),
  notEnough: progress([1, 2, 3, 4, 5, 6, 7]),
  noSignal: progress([10, 12, 9, 13, 11, 8, 12, 10, 9, 13, 11, 12, 9, 10, 12]),
  shiftUp: progress([...BASELINE, ...rep(6, 15)], { cycles: [cycle(11)] }),
  shiftDown: progress([...BASELINE.map((v) => 20 - v), ...rep(6, 5)], { cycles: [cycle(12)] }),
  trendUp: progress([...BASELINE, 8, 9.5, 10.5, 12, 13]),
  trendDown: progress([...BASELINE.map((v) => 20 - v), 12, 10.5, 9.5, 8, 7]),
  tooFewRuns: progress(FEW_RUNS, { mode: 'all' }),
  tooManyRuns: progress([...BASELINE.slice(0, 10), ...BASELINE.slice(0, 10)]),
  longRunUp: progress([...BASELINE, ...rep(9, 15)], { rules: 'anhoej' }),
  longRunDown: progress([...BASELINE, ...rep(9, 5)], { rules: 'anhoej' }),
  fewCrossings: progress(FEW_RUNS, { rules: 'anhoej', mode: 'all' }),
  caveat: progress([...alternating(21), ...rep(6, 15)], { cycles: [cycle(17, 1)] }),
};

describe('outcomeSentence in English', () => {
  beforeAll(() => setLanguage('en'));

  it('says each outcome in its own words, with the count, the week and the PDSA cycle', () => {
    expect(outcomeSentence(CASES.noData)).toBe('Nothing to show yet: this chart begins after your first full week.');
    expect(outcomeSentence(CASES.notEnough)).toBe('Not enough weeks yet to read signals: 7 of 10 weeks so far. Keep going!');
    expect(outcomeSentence(CASES.noSignal)).toBe('The ups and downs look like ordinary variation: no sign of a change yet.');
    expect(outcomeSentence(CASES.shiftUp)).toBe(
      'Something has changed for the better: 6 weeks in a row above the median, starting the week of 31 March 2025. ' +
        'It started 1 week after your PDSA cycle 2, “Talk circle”.',
    );
    expect(outcomeSentence(CASES.shiftDown)).toContain('It started the same week as your PDSA cycle 2, “Talk circle”.');
    expect(outcomeSentence(CASES.trendUp)).toMatch(/^Going up: 5 weeks in a row rose, starting the week of 31 March 2025\./);
    expect(outcomeSentence(CASES.trendDown)).toMatch(/^Going down: 5 weeks in a row fell/);
    expect(outcomeSentence(CASES.tooFewRuns)).toMatch(/\(too few runs\)/);
    expect(outcomeSentence(CASES.tooManyRuns)).toMatch(/\(too many runs\)/);
    expect(outcomeSentence(CASES.longRunUp)).toMatch(/^Something has changed for the better: 9 weeks in a row above .* longer than chance usually gives\.$/);
    expect(outcomeSentence(CASES.longRunDown)).toMatch(/^Something has changed: 10 weeks in a row below/) // the last baseline week is below too;
    expect(outcomeSentence(CASES.fewCrossings)).toMatch(/^The line crosses the median less often than chance would/);
  });

  it('adds the long-chart caveat, and names a cycle 4 weeks before the signal', () => {
    const s = outcomeSentence(CASES.caveat);
    expect(s).toMatch(/On a chart this long, such patterns also happen by chance, so read it with care\.$/);
    expect(s).toContain('It started 4 weeks after your PDSA cycle 1');
  });

  it('labels the median, provisional with its count while the baseline is short', () => {
    expect(medianText(CASES.notEnough)).toBe('Median 4 (provisional: 7 of 12 weeks)');
    expect(medianText(CASES.shiftUp)).toBe('Median 10, from the first 12 weeks');
    expect(medianText(CASES.tooFewRuns)).toBe('Median 10, from all weeks');
    expect(medianText(CASES.noData)).toBe('No median yet');
    expect(formatValue('p5-of-p4', 200 / 3)).toBe('66.7%');
  });

  it('gives the chart a text alternative with its title, weeks, median and sentence', () => {
    const alt = chartAlt(CASES.shiftUp);
    expect(alt).toContain('Run chart: Days with notes written. Weeks of 6 January 2025 to 5 May 2025. Median 10, from the first 12 weeks.');
    expect(alt).toContain(outcomeSentence(CASES.shiftUp));
  });

  it('puts only the marks the chart shows into the image legend', () => {
    expect(imageLegend(CASES.shiftUp).map((i) => i.kind)).toEqual(['dot', 'median', 'triangle', 'pdsa']);
    expect(imageLegend(CASES.noSignal).map((i) => i.kind)).toEqual(['dot', 'median']);
  });
});

describe.each<Language>(['en', 'es'])('outcomeSentence in %s', (lang) => {
  beforeAll(() => setLanguage(lang));

  it('fills every placeholder of every template', () => {
    for (const [name, p] of Object.entries(CASES)) {
      const s = outcomeSentence(p);
      expect(s, name).not.toMatch(/[{}]|progress\./);
      expect(chartAlt(p), name).not.toMatch(/[{}]|progress\./);
    }
  });
});

describe('outcomeSentence in Spanish', () => {
  beforeAll(() => setLanguage('es'));

  it('speaks to her as "usted", with Spanish dates and the cycle', () => {
    expect(outcomeSentence(CASES.notEnough)).toBe('Todavía no hay suficientes semanas para leer señales: 7 de 10 semanas hasta ahora. ¡Siga así!');
    expect(outcomeSentence(CASES.shiftUp)).toBe(
      'Algo cambió para bien: 6 semanas seguidas por encima de la mediana, desde la semana del 31 de marzo de 2025. ' +
        'Empezó 1 semana después de su ciclo PDSA 2, “Talk circle”.',
    );
    expect(medianText(CASES.notEnough)).toBe('Mediana 4 (provisional: 7 de 12 semanas)');
  });
});
