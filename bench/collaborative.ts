/**
 * Collaborative roll-up bench (SYNC.md §15), pure domain for now: 1,000 sharing providers in 20
 * agencies × 156 weeks (three years) of check-ins and notes. Times, in ms: the consent filter over
 * every provider's records (what the server runs on every read), and the roll-up of the six provider
 * measures across agencies (contributions, pooling with small-cell rules 1–5, the run-chart analysis)
 * weekly and monthly. Reading the records from SQLite is not in it yet: it comes with the staff
 * routes. Run by bench/run.mjs; needs no build and no browser.
 */
import { loadavg } from 'node:os';
import type { StoredRecord } from '../src/domain/envelope';
import { addWeeks, weekDays, weeksBetween } from '../src/domain/dates';
import { sharedView, type SharedProvider } from '../src/domain/agency/consent';
import { analyzePooled, poolSeries } from '../src/domain/agency/pool';
import type { Grain } from '../src/domain/agency/periods';
import {
  allProviderContributions,
  PROVIDER_MEASURE_KINDS,
  type SharingProvider,
} from '../src/domain/agency/provider-measures';
import { MEASURE_IDS } from '../src/domain/tables';

const PROVIDERS = 1000;
const AGENCIES = 20;
const WEEKS = 156;
const NOTES_PER_WEEK = 2;
const ITERATIONS = 5;

/** A deterministic pseudo-random generator (mulberry32): the same data on every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let seq = 0;
function rec(id: string, data: unknown): StoredRecord<unknown> {
  seq++;
  return {
    id,
    data,
    schemaVersion: 1,
    hlc: `2026-01-01T00:00:00.000Z-${(seq % 65536).toString(16).padStart(4, '0')}-0123456789abcdef`,
    deviceId: 'd',
    createdAt: '2026-01-01T09:00:00-06:00',
    updatedAt: '2026-01-01T09:00:00-06:00',
    deleted: 0,
    version: 1,
    serverSeq: seq,
    syncStatus: 'synced',
  };
}

const axis = weeksBetween('2024-W01', addWeeks('2024-W01', WEEKS - 1));

function providerRecords(p: number, random: () => number) {
  const checkins: StoredRecord<unknown>[] = [];
  const observations: StoredRecord<unknown>[] = [];
  for (const week of axis) {
    if (random() < 0.85) {
      const p4 = Math.floor(random() * 8);
      checkins.push(
        rec(`checkin-${week}`, {
          week,
          p1: 2,
          p2: Math.floor(random() * 8),
          p3: Math.floor(random() * 6),
          p4,
          p5: p4 === 0 ? null : Math.floor(random() * (p4 + 1)),
          p6: 1 + Math.floor(random() * 5),
        }),
      );
    }
    const day = weekDays(week)[2]!;
    for (let n = 0; n < NOTES_PER_WEEK; n++)
      observations.push(
        rec(`n-${p}-${week}-${n}`, {
          childIds: ['c1'],
          observedAt: `${day}T10:0${n}:00-06:00`,
          text: 'Built a tower with the big blocks and counted them',
          nextStep: n === 0 ? 'Offer more blocks' : null,
        }),
      );
  }
  return {
    sharing: rec('sharing', { level: 'numbers', firstUseAt: '2024-01-01' }),
    observations,
    checkins,
    pdsa: [],
  };
}

function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function rollUp(providers: readonly SharingProvider[], grain: Grain): number {
  let points = 0;
  for (const measure of MEASURE_IDS) {
    const contributions = allProviderContributions(providers, measure, axis);
    const series = poolSeries(contributions, {
      kind: PROVIDER_MEASURE_KINDS[measure],
      weeks: axis,
      grain,
      population: providers.length,
      groups: AGENCIES,
      suppress: true,
      known: new Set(),
      shownBefore: () => [],
    });
    points += analyzePooled(series).n;
  }
  return points;
}

/** Times the consent filter and the roll-ups; returns milliseconds (median of a few runs). */
export async function run(): Promise<Record<string, unknown>> {
  // Each provider's records are made, filtered and dropped, as the server reads them: the heap
  // holds one provider's records at a time, so the roll-up's time is not the garbage collector's.
  const random = mulberry32(15);
  const filter: number[] = [];
  const filterCpu: number[] = [];
  let records = 0;
  const views: SharedProvider[] = [];
  for (let p = 0; p < PROVIDERS; p++) {
    const raw = providerRecords(p, random);
    records += raw.checkins.length + raw.observations.length;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (let i = 0; i < ITERATIONS - 1; i++) sharedView(raw);
    views.push(sharedView(raw)!);
    const c = process.cpuUsage(c0);
    filter.push((performance.now() - t0) / ITERATIONS);
    filterCpu.push((c.user + c.system) / 1000 / ITERATIONS);
  }
  const providers = views.map((view, p) => ({
    providerId: `p${p}`,
    agencyId: `a${p % AGENCIES}`,
    view,
  }));
  // Wall time, and this process's CPU time (user + system): on a machine shared with other work
  // the CPU time is what the roll-up itself costs.
  const time = (grain: Grain) => {
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      if (rollUp(providers, grain) === 0) throw new Error('the roll-up returned no points');
      const c = process.cpuUsage(c0);
      wall.push(performance.now() - t0);
      cpu.push((c.user + c.system) / 1000);
    }
    return { wall: Math.round(median(wall)), cpu: Math.round(median(cpu)) };
  };
  const weekly = time('week');
  const monthly = time('month');
  return {
    'collaborative.providers': PROVIDERS,
    'collaborative.agencies': AGENCIES,
    'collaborative.weeks': WEEKS,
    'collaborative.records': records,
    'collaborative.consentFilter.ms': Math.round(filter.reduce((a, b) => a + b, 0)),
    'collaborative.consentFilter.cpuMs': Math.round(filterCpu.reduce((a, b) => a + b, 0)),
    'collaborative.rollUp6Measures.weekly.ms': weekly.wall,
    'collaborative.rollUp6Measures.weekly.cpuMs': weekly.cpu,
    'collaborative.rollUp6Measures.monthly.ms': monthly.wall,
    'collaborative.rollUp6Measures.monthly.cpuMs': monthly.cpu,
    'collaborative.loadAverage1m': Math.round(loadavg()[0]! * 10) / 10,
    'collaborative.sqlite': 'not yet: reading the records from SQLite comes with the staff routes',
  };
}
