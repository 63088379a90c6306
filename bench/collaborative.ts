/**
 * Collaborative roll-up bench (SYNC.md §15, §17): 1,000 sharing providers in 20 agencies × 156 weeks
 * (three years) of check-ins and notes. Times, in ms: the consent filter over every provider's
 * records (what the server runs on every read), and the roll-up of the six provider measures across
 * agencies (contributions, pooling with small-cell rules 1–5, the run-chart analysis) weekly and
 * monthly, in memory; then the same collaborative on SQLite (seeded directly with SQL), the whole
 * answer of `GET /api/v1/staff/rollups?group=collaborative&weeks=156` for the collaborative's data
 * manager (records read in one transaction, consent filter, pooling, her rule-4 history read and
 * written): the weekly answer first (an empty history: every shown point's unknown part is written)
 * and next (unchanged: nothing written, every provider's view reused from the cache: her scope's
 * counter is seeded too), the monthly one first, and the history's size. `maxStallMs`: the longest
 * the event loop waited during an answer, i.e. how long any other request could be kept waiting.
 * Run by bench/run.mjs; needs no build and no browser.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createSqliteRepository } from '../src/server/sqlite-repository';
import { rollupWeeks, staffAnswer } from '../src/server/staff-reads';
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
/** A server clock whose 156-week roll-up axis is exactly `axis`: the Wednesday after it. */
const NOW = Date.parse(`${weekDays(addWeeks(axis.at(-1)!, 1))[2]}T12:00:00Z`);

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
    ...(await sqliteRollup()),
  };
}

/**
 * The collaborative on SQLite: agencies, providers and every record inserted directly, then the
 * roll-up route's answer (staffAnswer, as the route calls it) timed on the repository.
 */
async function sqliteRollup(): Promise<Record<string, unknown>> {
  if (rollupWeeks(NOW, WEEKS).join() !== axis.join()) throw new Error('the axis does not match');
  const dir = mkdtempSync(join(tmpdir(), 'naptime-bench-collaborative-'));
  const file = join(dir, 'naptime.sqlite');
  try {
    await createSqliteRepository(file).close(); // creates and migrates it
    const t0 = performance.now();
    const db = new Database(file);
    const random = mulberry32(15);
    const insert = db.prepare(
      `INSERT INTO records (scope, tbl, id, version, server_seq, hlc, device_id, deleted, schema_version,
         created_at, updated_at, data, last_status) VALUES (?, ?, ?, 1, ?, ?, 'd', 0, 1, ?, ?, ?, 'applied')`,
    );
    let rows = 0;
    db.transaction(() => {
      const when = '2024-01-01T09:00:00-06:00';
      for (let a = 0; a < AGENCIES; a++)
        db.prepare('INSERT INTO agencies (id, name, created_at) VALUES (?, ?, ?)').run(
          `a${a}`,
          `Agency ${a}`,
          when,
        );
      db.prepare(
        "INSERT INTO staff (id, agency_id, name, role, created_at) VALUES ('collab', NULL, 'Data manager', 'collaborative', ?)",
      ).run(when);
      const addProvider = db.prepare(
        'INSERT INTO providers (id, agency_id, name, created_at) VALUES (?, ?, ?, ?)',
      );
      for (let p = 0; p < PROVIDERS; p++) {
        // Ids shaped like the server's (random UUIDs): the history's size depends on them.
        const hex = Array.from({ length: 4 }, () =>
          Math.floor(random() * 2 ** 32)
            .toString(16)
            .padStart(8, '0'),
        ).join('');
        const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
        addProvider.run(id, `a${p % AGENCIES}`, `Provider ${p}`, when);
        const raw = providerRecords(p, random);
        const scope = `provider:${id}`;
        let serverSeq = 0;
        for (const [table, list] of [
          ['sharing', [raw.sharing]],
          ['checkins', raw.checkins],
          ['observations', raw.observations],
        ] as const)
          for (const r of list) {
            insert.run(scope, table, r.id, ++serverSeq, r.hlc, when, when, JSON.stringify(r.data));
            rows++;
          }
        db.prepare('INSERT INTO scope_counters (scope, seq) VALUES (?, ?)').run(scope, serverSeq);
      }
    })();
    db.close();
    const seedMs = performance.now() - t0;

    const repository = createSqliteRepository(file);
    const viewer = { staffId: 'collab', role: 'collaborative', agencyId: null } as const;
    const answer = async (grain: Grain) => {
      const params = new URLSearchParams({ group: 'collaborative', grain, weeks: String(WEEKS) });
      // The longest the event loop waited during the answer: how long any other request would.
      const stall = monitorEventLoopDelay({ resolution: 5 });
      stall.enable();
      const t = performance.now();
      const c0 = process.cpuUsage();
      const a = await staffAnswer(repository, viewer, 'rollups', params, NOW);
      const c = process.cpuUsage(c0);
      stall.disable();
      if (!('providers' in a) || (a as { providers: { of: number } }).providers.of !== PROVIDERS)
        throw new Error('the roll-up did not pool every provider');
      return {
        ms: Math.round(performance.now() - t),
        cpuMs: Math.round((c.user + c.system) / 1000),
        maxStallMs: Math.round(stall.max / 1e6),
        bytes: JSON.stringify(a).length,
      };
    };
    try {
      const weeklyFirst = await answer('week');
      const weeklyNext = await answer('week');
      const monthlyFirst = await answer('month');
      const history = new Database(file, { readonly: true });
      const stored = history
        .prepare('SELECT count(*) AS n, sum(length(parts)) AS bytes FROM staff_view_history')
        .get() as { n: number; bytes: number };
      history.close();
      return {
        'collaborative.sqlite.records': rows,
        'collaborative.sqlite.seed.ms': Math.round(seedMs),
        'collaborative.sqlite.rollup.weekly.first.ms': weeklyFirst.ms,
        'collaborative.sqlite.rollup.weekly.first.cpuMs': weeklyFirst.cpuMs,
        'collaborative.sqlite.rollup.weekly.first.maxStallMs': weeklyFirst.maxStallMs,
        'collaborative.sqlite.rollup.weekly.next.ms': weeklyNext.ms,
        'collaborative.sqlite.rollup.weekly.next.cpuMs': weeklyNext.cpuMs,
        'collaborative.sqlite.rollup.weekly.next.maxStallMs': weeklyNext.maxStallMs,
        'collaborative.sqlite.rollup.monthly.first.ms': monthlyFirst.ms,
        'collaborative.sqlite.rollup.monthly.first.cpuMs': monthlyFirst.cpuMs,
        'collaborative.sqlite.rollup.monthly.first.maxStallMs': monthlyFirst.maxStallMs,
        'collaborative.sqlite.rollup.answerBytes': weeklyNext.bytes,
        'collaborative.sqlite.history.rows': stored.n,
        'collaborative.sqlite.history.MB': Math.round(stored.bytes / 1e5) / 10,
      };
    } finally {
      await repository.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
