// @vitest-environment happy-dom
import type {} from 'chartjs-plugin-annotation';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLaterWords, setLanguage } from '../../i18n/i18n';
import { StaffRollupsAnswerSchema } from '../../../domain/staff-read';
import { rollupsAnswer } from '../../../domain/staff-read-fixtures';
import { parseCsv } from '../../../domain/csv';
import { periodStart, pooledCharts, pooledConfig } from './pooled-chart';
import { pooledCsv, pooledSentence, pooledWords } from './pooled-words';

const today = new Date('2026-12-02T12:00:00');
const answer = StaffRollupsAnswerSchema.parse(rollupsAnswer(today));

beforeAll(() => setLanguage('en').then(loadLaterWords));

describe('pooledCharts', () => {
  it('puts Chart 1 (staff S2/S1) first, Chart 2 (providers P5/P4) next, then every other measure', () => {
    const charts = pooledCharts(answer);
    expect(charts.map((c) => c.id)).toEqual([
      'staff-s2-of-s1',
      'providers-p5-of-p4',
      'providers-notes',
      'providers-notes-with-idea',
      'providers-p2',
      'providers-p3',
      'providers-p6',
      'staff-s3-of-s1',
      'staff-s4-of-s1',
      'staff-s5',
    ]);
    expect(charts[0]!.of).toBe(7);
    expect(charts[1]!.of).toBe(9);
  });

  it('reads a suppressed point as a missing week and places the events on their periods', () => {
    const chart1 = pooledCharts(answer)[0]!;
    const hidden = chart1.points.findIndex((p) => !p.shown);
    expect(hidden).toBeGreaterThanOrEqual(0);
    expect(chart1.analysis.points[hidden]!.value).toBeNull();
    expect(chart1.events.map((e) => e.index)).toEqual([8, 16]);
    const config = pooledConfig(chart1, pooledWords(chart1));
    expect(config.data.datasets[0]!.data[hidden]).toEqual({ x: hidden, y: null });
    expect(Object.keys(config.options!.plugins!.annotation!.annotations!)).toEqual([
      'event-0',
      'event-1',
    ]);
    expect(pooledWords(chart1).reportingLabels[hidden]).toBe('–');
  });

  it('pools months by the month of each week’s Thursday', () => {
    const monthly = pooledCharts(StaffRollupsAnswerSchema.parse(rollupsAnswer(today, 'month')));
    expect(monthly[0]!.grain).toBe('month');
    expect(monthly[0]!.points.every((p) => /^\d{4}-\d{2}$/.test(p.period))).toBe(true);
    expect(periodStart('2026-11', 'month')).toBe('2026-11-01');
    expect(periodStart('2026-W48', 'week')).toBe('2026-11-23');
  });

  it('exports every point and event as CSV with dates a spreadsheet reads, and no ids', () => {
    const charts = pooledCharts(answer);
    const rows = parseCsv(pooledCsv(charts, answer));
    const points = charts.reduce((n, c) => n + c.points.length, 0);
    expect(rows).toHaveLength(1 + points + answer.events.length);
    for (const row of rows.slice(1)) expect(row[1]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const hidden = rows.find((r) => r[5] === 'too few to show');
    expect(hidden?.[2]).toBe('');
    expect(hidden?.[3]).toBe('');
    expect(rows[0]).toEqual(['Chart', 'Period', 'Value', 'Reporting', 'Of', 'Shown']);
    expect(rows[1]![0]).toBe('Chart 1: % of TA contacts on observation and recording');
    expect(rows.flat().join(' ')).not.toMatch(/\bp\d\b|\bs\d\b|\ba1\b|\be1\b|staff-s/);
  });

  it('claims a change only as strongly as the evidence, as her own Progress does', () => {
    const withPoints = (values: readonly number[]) => {
      const copy = structuredClone(answer);
      const series = copy.providers.measures['p5-of-p4']!;
      series.points = values.map((value, i) => ({
        period: copy.weeks[i]!,
        shown: true as const,
        value,
        reporting: 5,
        of: 9,
        agencies: { included: 1, of: 1 },
      }));
      return pooledCharts(copy).find((c) => c.id === 'providers-p5-of-p4')!;
    };
    // Seeded noise (a linear congruential generator): a marked run or two, never "changed" for most.
    let seed = 7;
    const noise = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 40 + 40;
    let changed = 0;
    for (let chart = 0; chart < 200; chart++) {
      const c = withPoints(Array.from({ length: 52 }, noise));
      if (c.outcome.claim === 'change') changed++;
      else expect(pooledSentence(c)).not.toMatch(/went (up|down)/);
    }
    expect(changed).toBeLessThanOrEqual(10); // ≤ 5%, where IHI shifts alone mark most 52-week charts
    // The pilot's Chart 2: about 60% for 12 weeks, then about 80%.
    const rise = withPoints(
      Array.from({ length: 52 }, (_, i) => (i < 12 ? 58 + (i % 3) * 2 : 78 + (i % 3) * 2)),
    );
    expect(rise.outcome.claim).toBe('change');
    expect(pooledSentence(rise)).toMatch(
      /^These numbers went up, beyond ordinary variation\. By chance alone/,
    );
  });
});
