/**
 * The pilot's two collaborative charts, from records, through the consent filter, pooling and the
 * run-chart analysis: a hand-computed fixture shaped like the brief's Appendix B.
 * Chart 1 (staff TA contacts on observation and recording, 19% → 44%): "a sustained shift in practice
 * towards the end". Chart 2 (provider peer talk on planning for toddlers, 60% → 80%): "a steady
 * increase and upward trend on this measure, and then a sustained shift toward the end".
 */
import { describe, expect, it } from 'vitest';
import { staffCheckinId } from '../agency-records';
import { addWeeks, weekDays, weeksBetween } from '../dates';
import type { StoredRecord } from '../envelope';
import { sharedView } from './consent';
import { analyzePooled, poolSeries } from './pool';
import { allProviderContributions, type SharingProvider } from './provider-measures';
import { staffContributions, staffWeeks, type StaffMember } from './staff-measures';

let seq = 0;
function rec(id: string, data: unknown): StoredRecord<unknown> {
  seq++;
  return {
    id,
    data,
    schemaVersion: 1,
    hlc: `2026-06-01T00:00:00.000Z-${seq.toString(16).padStart(4, '0')}-0123456789abcdef`,
    deviceId: 'd',
    createdAt: '2026-06-01T09:00:00-05:00',
    updatedAt: '2026-06-01T09:00:00-05:00',
    deleted: 0,
    version: 1,
    serverSeq: seq,
    syncStatus: 'synced',
  };
}

/** Shares `total` out one at a time, round the people, each at most her own capacity. */
function shareOut(total: number, capacity: readonly number[]): number[] {
  const out = capacity.map(() => 0);
  let left = total;
  for (let i = 0; left > 0; i = (i + 1) % capacity.length) {
    if (out[i]! < capacity[i]!) {
      out[i]!++;
      left--;
    }
  }
  return out;
}

// ---- Chart 1: 32 TA contacts a week by six staff, out of seven (one never reports). ----
// Hand-computed weekly numerators (of 32): weeks 1–10 about 19%, weeks 11–20 rising to about 44%.
const CHART1 = [6, 7, 5, 6, 7, 6, 5, 5, 6, 6, 9, 8, 11, 10, 13, 12, 14, 14, 15, 14];
const CHART1_WEEKS = weeksBetween('2026-W02', addWeeks('2026-W02', CHART1.length - 1));
// Staff A and C log six single contacts a week, B one group session of 3 and two calls; D, E and F
// fill in the weekly survey with S1 = 5.
const STAFF_CONTACTS = [6, 5, 6, 5, 5, 5];

function chart1Staff(): StaffMember[] {
  const logs: StoredRecord<unknown>[][] = [[], [], []];
  const surveys: StoredRecord<unknown>[][] = [[], [], []];
  CHART1_WEEKS.forEach((week, w) => {
    const parts = shareOut(CHART1[w]!, STAFF_CONTACTS);
    const tuesday = weekDays(week)[1]!;
    const single = (s: number, on: number, i: number, kind: string) =>
      rec(`c-${s}-${w}-${i}`, {
        providerId: `prov-${i}`,
        date: tuesday,
        kind,
        observation: i < on,
        planning: i === 0,
        qiData: false,
      });
    for (const s of [0, 2])
      for (let i = 0; i < 6; i++) logs[s]!.push(single(s, parts[s]!, i, 'visit'));
    // B: the group session (3 contacts) carries observation when her part is 3 or more.
    const b = parts[1]!;
    const groupOn = b >= 3;
    logs[1]!.push(
      rec(`g-${w}`, {
        providerId: null,
        date: tuesday,
        kind: 'group',
        groupSize: 3,
        observation: groupOn,
        planning: false,
        qiData: true,
      }),
    );
    for (let i = 0; i < 2; i++) logs[1]!.push(single(1, groupOn ? b - 3 : b, i, 'call'));
    for (const s of [3, 4, 5])
      surveys[s - 3]!.push(
        rec(staffCheckinId(week), { week, s1: 5, s2: parts[s], s3: 1, s4: 0, s5: 1, s6: ['time'] }),
      );
  });
  const members: StaffMember[] = [
    ...logs.map((l, i) => ({ staffId: `log-${i}`, agencyId: 'agency', weeks: staffWeeks([], l) })),
    ...surveys.map((s, i) => ({
      staffId: `survey-${i}`,
      agencyId: 'agency',
      weeks: staffWeeks(s, []),
    })),
  ];
  return [...members, { staffId: 'silent', agencyId: 'agency', weeks: [] }];
}

// ---- Chart 2: providers' P5 of P4, 20 peer talks a week by eight providers. ----
// Hand-computed weekly P5 totals (of ΣP4 = 20): about 60%, then rising weeks 8–13, then about 80%.
const CHART2 = [
  12, 13, 11, 12, 12, 13, 12, 11, 12, 13, 14, 15, 16, 15, 16, 17, 16, 16, 15, 16, 17, 16,
];
const CHART2_WEEKS = weeksBetween('2026-W02', addWeeks('2026-W02', CHART2.length - 1));
const P4 = [3, 2, 3, 2, 3, 2, 3, 2];

function chart2Providers(): SharingProvider[] {
  const checkins: StoredRecord<unknown>[][] = P4.map(() => []);
  CHART2_WEEKS.forEach((week, w) => {
    const p5 = shareOut(CHART2[w]!, P4);
    P4.forEach((p4, i) =>
      checkins[i]!.push(
        rec(`checkin-${week}`, { week, p1: 2, p2: 3, p3: 1, p4, p5: p5[i], p6: 3 }),
      ),
    );
  });
  const sharing = rec('sharing', { level: 'numbers', firstUseAt: '2026-01-05' });
  const none = { observations: [], pdsa: [] };
  const providers = checkins.map((c, i) => ({
    providerId: `prov-${i}`,
    view: sharedView({ sharing, checkins: c, ...none }),
  }));
  // She shares but has not filled a check-in: counted in N, never in k.
  providers.push({ providerId: 'quiet', view: sharedView({ sharing, checkins: [], ...none }) });
  // She does not share: 20 of 20 every week would pull the chart up, and must not be there.
  const loud = CHART2_WEEKS.map((week) =>
    rec(`checkin-${week}`, { week, p1: 1, p4: 20, p5: 20, p6: 5 }),
  );
  providers.push({
    providerId: 'private',
    view: sharedView({ sharing: null, checkins: loud, ...none }),
  });
  return providers.flatMap((p) => (p.view ? [{ ...p, agencyId: 'agency', view: p.view }] : []));
}

describe('the pilot charts, from records', () => {
  it('Chart 1 pools 19% → 44% from logs and surveys, with 6 of 7 staff reporting', () => {
    const staff = chart1Staff();
    const series = poolSeries(
      staff.flatMap((s) => staffContributions(s, 's2-of-s1')),
      {
        kind: 'percent',
        weeks: CHART1_WEEKS,
        grain: 'week',
        population: staff.length,
        suppress: true,
      },
    );
    expect(series.points.map((p) => (p.shown ? p.value : 'hidden'))).toEqual(
      CHART1.map((n) => (100 * n) / 32),
    );
    expect(series.points.every((p) => p.shown && p.reporting === 6 && p.of === 7)).toBe(true);
    const [first, last] = [series.points[0]!, series.points.at(-1)!];
    expect(first.shown && Math.round(first.value!)).toBe(19);
    expect(last.shown && Math.round(last.value!)).toBe(44);
  });

  it('Chart 1 shows the sustained shift toward the end, and no trend', () => {
    const series = poolSeries(
      chart1Staff().flatMap((s) => staffContributions(s, 's2-of-s1')),
      { kind: 'percent', weeks: CHART1_WEEKS, grain: 'week', population: 7, suppress: true },
    );
    // Baseline frozen on the first 10 weeks (median 6/32 = 18.75%), as the data manager drew it.
    const frozen = analyzePooled(series, { baselineCount: 10 });
    expect(frozen.phases[0]!.median).toBe(18.75);
    expect(frozen.shifts).toEqual([{ start: 10, end: 19, length: 10, direction: 'above' }]);
    expect(frozen.trends).toEqual([]);
    // With the median of all 20 weeks (7.5/32), the baseline falls below it and the end above.
    const all = analyzePooled(series);
    expect(all.phases[0]!.median).toBe((100 * 7.5) / 32);
    expect(all.shifts.map((s) => [s.start, s.end, s.direction])).toEqual([
      [0, 9, 'below'],
      [10, 19, 'above'],
    ]);
  });

  it('Chart 2 pools 60% → 80% from sharing providers only, 8 of 9 reporting', () => {
    const providers = chart2Providers();
    expect(providers).toHaveLength(9);
    const series = poolSeries(allProviderContributions(providers, 'p5-of-p4', CHART2_WEEKS), {
      kind: 'percent',
      weeks: CHART2_WEEKS,
      grain: 'week',
      population: providers.length,
      suppress: true,
    });
    const values = series.points.map((p) => (p.shown ? p.value : 'hidden'));
    expect(values.map((v) => (typeof v === 'number' ? +v.toFixed(9) : v))).toEqual(
      CHART2.map((n) => 5 * n),
    );
    expect(series.points.every((p) => p.shown && p.reporting === 8 && p.of === 9)).toBe(true);
  });

  it('Chart 2 shows the upward trend, then the sustained shift toward the end', () => {
    const providers = chart2Providers();
    const series = poolSeries(allProviderContributions(providers, 'p5-of-p4', CHART2_WEEKS), {
      kind: 'percent',
      weeks: CHART2_WEEKS,
      grain: 'week',
      population: providers.length,
      suppress: true,
    });
    // Baseline frozen on the first 8 weeks: median 12/20 = 60%.
    const frozen = analyzePooled(series, { baselineCount: 8 });
    expect(frozen.phases[0]!.median).toBe(60);
    expect(frozen.trends).toEqual([{ start: 7, end: 12, length: 6, direction: 'up' }]);
    expect(frozen.shifts).toEqual([{ start: 9, end: 21, length: 13, direction: 'above' }]);
    // The shift starts after the trend does: the rise first, then the sustained level.
    expect(frozen.shifts[0]!.start).toBeGreaterThan(frozen.trends[0]!.start);
    const all = analyzePooled(series);
    expect(all.phases[0]!.median).toBe(72.5);
    expect(all.trends.map((t) => [t.start, t.end])).toEqual([[7, 12]]);
    expect(all.shifts.at(-1)).toEqual({ start: 11, end: 21, length: 11, direction: 'above' });
  });

  it('Chart 2 by month pools the weeks whose Thursday falls in each month', () => {
    const providers = chart2Providers();
    const months = poolSeries(allProviderContributions(providers, 'p5-of-p4', CHART2_WEEKS), {
      kind: 'percent',
      weeks: CHART2_WEEKS,
      grain: 'month',
      population: providers.length,
      suppress: true,
    });
    // 2026-W02…W05 are January (Thursdays 8–29 Jan): P5 12+13+11+12 of 80.
    expect(months.points[0]).toMatchObject({
      period: '2026-01',
      value: (100 * 48) / 80,
      reporting: 8,
    });
    expect(months.points.map((p) => p.period)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
  });
});
