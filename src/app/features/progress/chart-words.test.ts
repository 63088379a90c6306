import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addWeeks, weekMonday, weeksBetween } from '../../../domain/dates';
import { measureProgress, type MedianMode, type PdsaCycleInput } from '../../../domain/progress';
import type { RuleSet, RunChartPoint } from '../../../domain/run-chart';
import { loadLaterWords, setLanguage, type Language } from '../../i18n/i18n';
import {
  chartAlt,
  cycleSentence,
  formatValue,
  imageLegend,
  medianText,
  otherCycleSentence,
  outcomeSentence,
} from './chart-words';
import { pointMarks } from './run-chart-config';

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

function progress(
  points: RunChartPoint[],
  opts: { rules?: RuleSet; mode?: MedianMode; cycles?: PdsaCycleInput[] } = {},
) {
  const weeks = points.length ? weeksBetween(FIRST, addWeeks(FIRST, points.length - 1)) : [];
  return measureProgress(
    {
      measure: 'p2',
      weeks,
      points,
      current: { week: addWeeks(FIRST, points.length), point: null },
    },
    opts.cycles ?? [],
    opts.rules ?? 'ihi',
    opts.mode ?? 'baseline',
  );
}

const cycle = (
  index: number,
  cycleNo = 2,
  extra: Partial<PdsaCycleInput> = {},
): PdsaCycleInput => ({
  startDate: weekMonday(addWeeks(FIRST, index)),
  cycle: cycleNo,
  changeIdea: 'Talk circle',
  startsPhase: false,
  measure: 'p2',
  ...extra,
});

const FEW_RUNS = [13, 14, 13, 14, 13, 7, 6, 7, 6, 7, 13, 14, 13, 14, 13, 7, 6, 7, 6, 7];
const alternating = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? 11 : 9));
const STRONG = [...BASELINE, ...rep(16, 15), 9, 11];

/** One chart per outcome the sentence has a template for. */
const CASES = {
  noData: progress([]),
  notEnough: progress([1, 2, 3, 4, 5, 6, 7]),
  noSignal: progress([10, 12, 9, 13, 11, 8, 12, 10, 9, 13, 11, 12, 9, 10, 12]),
  changeUp: progress(STRONG, { cycles: [cycle(11)] }),
  changeDown: progress(STRONG.map((v) => 20 - v)),
  changeRun: progress([...BASELINE, ...Array.from({ length: 18 }, (_, i) => 14 + (i % 3))], {
    mode: 'all',
  }),
  shiftUp: progress([...BASELINE, ...rep(6, 15)], { cycles: [cycle(11)] }),
  shiftDown: progress([...BASELINE.map((v) => 20 - v), ...rep(6, 5)], { cycles: [cycle(12)] }),
  trendUp: progress([...BASELINE, 8, 9.5, 10.5, 12, 13]),
  trendDown: progress([...BASELINE.map((v) => 20 - v), 12, 10.5, 9.5, 8, 7]),
  tooFewRuns: progress(FEW_RUNS, { mode: 'all' }),
  tooManyRuns: progress([...BASELINE.slice(0, 10), ...BASELINE.slice(0, 10)]),
  longRun: progress([...alternating(16), ...rep(9, 15), ...alternating(6)], {
    rules: 'anhoej',
    mode: 'all',
  }),
  fewCrossings: progress(FEW_RUNS, { rules: 'anhoej', mode: 'all' }),
  // 30 weeks of days with notes: Anhøj's rules mark a long run (8 weeks above the median of 4, the
  // weeks on it not counted) that chance alone gives about 1 chart in 8 this long: "maybe".
  longRunMaybe: progress(
    [3, 6, 6, 3, 4, 5, 2, 4, 5, 5, 4, 5, 5, 5, 5, 4, 4, 6, 6, 4, 2, 6, 5, 3, 6, 3, 4, 4, 4, 2],
    { rules: 'anhoej', mode: 'all' },
  ),
  earlyShift: progress([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
  newPhase: progress([...BASELINE, ...rep(4, 10), ...rep(5, 30)], {
    cycles: [cycle(16, 3, { startsPhase: true })],
  }),
  otherMeasure: progress(STRONG, { cycles: [cycle(11, 1, { measure: 'p3', startsPhase: true })] }),
  goal: { ...progress(STRONG), goal: { value: 14, reached: true } },
};

/** The exact words of some outcomes in each language: the same charts, said in her language. */
const EXACT: Record<Language, Partial<Record<keyof typeof CASES, string>>> = {
  en: {
    noData:
      'Your first week is under way: this chart starts once it is over, on Monday 13 January 2025.',
    notEnough:
      'This chart is read once it has 12 weeks: the first 12 set the median line. 7 of 12 weeks so far. Keep going!',
    noSignal: 'The ups and downs look like ordinary variation: no sign of a change yet.',
    changeUp:
      'Something has changed for the better: since the week of 31 March 2025, 17 of your 18 weeks are above the median of ' +
      'your first 12 weeks. By chance alone, that happens in about 1 chart in 106 this long. ' +
      'It started 1 week after your PDSA cycle A2, “Talk circle”.',
    longRunMaybe:
      'The chart marks 8 weeks in a row above the median, starting the week of 3 March 2025. ' +
      'A stretch like this could happen by chance in about 1 chart in 8 this long, so it may not be a real change yet.',
  },
  es: {
    noData:
      'Su primera semana está en marcha: esta gráfica empieza cuando termine, el lunes 13 de enero de 2025.',
    notEnough:
      'Esta gráfica se lee cuando tiene 12 semanas: las primeras 12 marcan la línea de la mediana. Lleva 7 de 12 semanas. ¡Siga así!',
    changeUp:
      'Algo cambió para bien: desde la semana del 31 de marzo de 2025, 17 de sus 18 semanas están por encima de la mediana ' +
      'de sus primeras 12 semanas. Por pura casualidad, eso pasa en más o menos 1 de cada 106 gráficas así de largas. ' +
      'Empezó 1 semana después de su ciclo PDSA A2, “Talk circle”.',
    longRunMaybe:
      'La gráfica marca 8 semanas seguidas por encima de la mediana, desde la semana del 3 de marzo de 2025. ' +
      'Un tramo así puede pasar por casualidad en más o menos 1 de cada 8 gráficas así de largas, así que tal vez ' +
      'todavía no sea un cambio real.',
  },
};

describe('outcomeSentence in English', () => {
  beforeAll(() => setLanguage('en').then(loadLaterWords));

  it('says each outcome in its own words, as strongly as the evidence allows, with the chance in words', () => {
    expect(outcomeSentence(CASES.changeDown)).toMatch(
      /^Something has changed: since the week of 31 March 2025, 17 of your 18 weeks are below/,
    );
    expect(outcomeSentence(CASES.changeRun)).toMatch(
      /^Something has changed for the better: 12 weeks in a row above the median, starting the week of 7 April 2025\. By chance alone, that happens in fewer than 1 chart in 1,000/,
    );
    expect(outcomeSentence(CASES.shiftUp)).toBe(
      'The chart marks 6 weeks in a row above the median, starting the week of 31 March 2025. Since your first 12 weeks, ' +
        '6 of 6 weeks are on one side of the median: this could happen by chance in about 1 chart in 14 this long, so it may ' +
        'not be a real change yet. It started 1 week after your PDSA cycle A2, “Talk circle”.',
    );
    expect(outcomeSentence(CASES.shiftDown)).toContain(
      'It started the same week as your PDSA cycle A2, “Talk circle”.',
    );
    expect(outcomeSentence(CASES.trendUp)).toMatch(
      /^The chart marks 5 weeks in a row going up, starting the week of 31 March 2025\. Since/,
    );
    expect(outcomeSentence(CASES.trendDown)).toMatch(
      /^The chart marks 5 weeks in a row going down/,
    );
    expect(outcomeSentence(CASES.tooFewRuns)).toMatch(
      /\(too few runs\)\. A stretch like this could happen by chance in about 1 chart in \d+ this long/,
    );
    expect(outcomeSentence(CASES.tooManyRuns)).toMatch(/\(too many runs\)/);
    // An Anhøj long run of 9 in 31 weeks is strong evidence on its own (chance about 1 in 300).
    expect(outcomeSentence(CASES.longRun)).toMatch(
      /^Something has changed for the better: 9 weeks in a row above the median.* 1 chart in 302 this long\.$/,
    );
    expect(outcomeSentence(CASES.fewCrossings)).toMatch(
      /^The line crosses the median less often than usual\./,
    );
    expect(outcomeSentence(CASES.earlyShift)).toMatch(
      /It is too early to tell whether this is more than chance: keep going\.$/,
    );
  });

  it('marks on the chart the long run that its "maybe" sentence names', () => {
    const p = CASES.longRunMaybe;
    expect(p.outcome).toMatchObject({ kind: 'long-run', claim: 'maybe', length: 8, start: 8 });
    // What the sentence names is on the chart: the long-run mark from that week to the run's end.
    const marked = pointMarks(p).flatMap((m, i) => (m.includes('long-run') ? [i] : []));
    expect(marked[0]).toBe(8);
    expect(marked.filter((i) => p.analysis.points[i]!.value !== 4)).toHaveLength(8);
  });

  it('says when it reads the phase before a new one that has too few weeks, naming the cycle', () => {
    expect(outcomeSentence(CASES.newPhase)).toBe(
      'Your new phase since your cycle A3 (“Talk circle”) has 5 of 12 weeks. Until it has 12, this reads the weeks before it: ' +
        'Your weeks jump above and below the median more often than usual (too many runs): maybe two kinds of weeks take ' +
        'turns. It is too early to tell whether this is more than chance: keep going.',
    );
  });

  it('never credits a cycle of another measure, and says in the list why it is not read here', () => {
    expect(outcomeSentence(CASES.otherMeasure)).not.toMatch(/PDSA|cycle/);
    expect(otherCycleSentence(CASES.otherMeasure.otherCycles[0]!)).toBe(
      'A1: cycle 1 of “Talk circle”, started 24 March 2025. It is tracked on “Activities planned from observation”, so this chart does not read it.',
    );
  });

  it('says under each cycle the weeks before and since, and how strongly they differ', () => {
    const reading = CASES.newPhase.cycleReadings[0]!;
    expect(cycleSentence(CASES.newPhase, reading)).toBe(
      'A3: cycle 3 of “Talk circle”, started 28 April 2025. 16 weeks before it, 5 since. ' +
        '5 of the 5 weeks since are above 10, the middle of the weeks before. That could be chance (about 1 in 10): keep watching.',
    );
    const strong = progress(STRONG, { cycles: [cycle(12)] });
    expect(cycleSentence(strong, strong.cycleReadings[0]!)).toMatch(
      /17 of the 18 weeks since are above 10, the middle of the weeks before: a real change/,
    );
    const early = progress([...BASELINE, 11], { cycles: [cycle(3), cycle(13)] });
    expect(cycleSentence(early, early.cycleReadings[0]!)).toMatch(
      /Too few weeks before it to compare \(it needs 6\)\.$/,
    );
    expect(cycleSentence(early, early.cycleReadings[1]!)).toMatch(
      /It has no finished week yet: nothing to compare\.$/,
    );
  });

  it('says when her goal is reached', () => {
    expect(outcomeSentence(CASES.goal)).toMatch(
      /Goal reached: the middle of your last 6 weeks is at or above your goal of 14\.$/,
    );
  });

  it('labels the median, provisional with the same 12-week count as the sentence', () => {
    expect(medianText(CASES.notEnough)).toBe('Median 4 (provisional: 7 of 12 weeks)');
    expect(medianText(CASES.shiftUp)).toBe('Median 10, from the first 12 weeks');
    expect(medianText(CASES.tooFewRuns)).toBe('Median 10, from all weeks');
    expect(medianText(CASES.noData)).toBe('No median yet');
    expect(formatValue('p5-of-p4', 200 / 3)).toBe('66.7%');
  });

  it('gives the chart a text alternative with its title, weeks, median and sentence', () => {
    const alt = chartAlt(CASES.shiftUp);
    expect(alt).toContain(
      'Run chart: Days with notes written. Weeks of 6 January 2025 to 5 May 2025. Median 10, from the first 12 weeks.',
    );
    expect(alt).toContain(outcomeSentence(CASES.shiftUp));
  });

  it('puts every mark the chart shows into the image legend, each cycle named in full', () => {
    expect(imageLegend(CASES.shiftUp).map((i) => i.kind)).toEqual([
      'dot',
      'median',
      'triangle',
      'pdsa',
    ]);
    expect(imageLegend(CASES.shiftUp)[3]!.label).toBe('PDSA A2 starts: cycle 2 of “Talk circle”');
    expect(imageLegend(CASES.newPhase).map((i) => i.kind)).toEqual([
      'dot',
      'median',
      'pdsa',
      'phase',
    ]);
    expect(imageLegend(CASES.otherMeasure).map((i) => i.kind)).toContain('pdsa-other');
    expect(imageLegend(CASES.goal).at(-1)).toEqual({ kind: 'goal', label: 'Your goal (14)' });
    expect(imageLegend(CASES.noSignal).map((i) => i.kind)).toEqual(['dot', 'median']);
  });
});

describe.each<Language>(['en', 'es'])('outcomeSentence in %s', (lang) => {
  beforeAll(() => setLanguage(lang).then(loadLaterWords));

  it('says these outcomes in exactly these words (the long run that may be chance among them)', () => {
    for (const [name, words] of Object.entries(EXACT[lang]))
      expect(outcomeSentence(CASES[name as keyof typeof CASES]), name).toBe(words);
  });

  it('fills every placeholder of every template, the cycle sentences too', () => {
    for (const [name, p] of Object.entries(CASES)) {
      expect(outcomeSentence(p), name).not.toMatch(/[{}]|progress\./);
      expect(chartAlt(p), name).not.toMatch(/[{}]|progress\./);
      for (const r of p.cycleReadings)
        expect(cycleSentence(p, r), name).not.toMatch(/[{}]|progress\./);
      for (const m of p.otherCycles)
        expect(otherCycleSentence(m), name).not.toMatch(/[{}]|progress\./);
    }
  });
});

describe('outcomeSentence in Spanish', () => {
  beforeAll(() => setLanguage('es').then(loadLaterWords));

  it('speaks to her as "usted", with Spanish dates, the chance in words and the cycle', () => {
    expect(outcomeSentence(CASES.newPhase)).toMatch(
      /^Su fase nueva, desde su ciclo A3 \(“Talk circle”\), tiene 5 de 12 semanas\./,
    );
    expect(otherCycleSentence(CASES.otherMeasure.otherCycles[0]!)).toMatch(
      /Se sigue en “.*”, así que esta gráfica no lo lee\.$/,
    );
    expect(cycleSentence(CASES.newPhase, CASES.newPhase.cycleReadings[0]!)).toMatch(
      /16 semanas antes, 5 desde entonces\. 5 de las 5 semanas desde entonces están por encima de 10, el punto medio de las semanas de antes\. Puede ser casualidad/,
    );
    expect(medianText(CASES.notEnough)).toBe('Mediana 4 (provisional: 7 de 12 semanas)');
  });
});
