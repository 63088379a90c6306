/**
 * The answers of the staff read routes (SYNC.md §17), built from a small read store (`StaffReadStore`,
 * one transaction per answer) that both backends implement. What staff read of a provider is built
 * only by `consent.ts` (`sharingOf`, `sharedView`) from her `sharing` record and her records, read in
 * the same transaction (§14); every pooled point only by `pool.ts`, with the viewer's history of shown
 * unknown parts (§15 rule 4) read and extended in that transaction too. The routes (staff-routes.ts)
 * only authenticate and hand the query here. Pure but for the store.
 */
import { createHash } from 'node:crypto';
import { EventDataSchema } from '../domain/agency-records';
import { sharedView, sharingOf, type SharedProvider } from '../domain/agency/consent';
import { liveData } from '../domain/agency/live';
import type { Grain } from '../domain/agency/periods';
import {
  poolSeries,
  type PooledPoint,
  type PooledSeries,
  type PoolOptions,
} from '../domain/agency/pool';
import {
  allProviderContributions,
  PROVIDER_MEASURE_KINDS,
  type SharingProvider,
} from '../domain/agency/provider-measures';
import {
  barrierPareto,
  STAFF_MEASURE_IDS,
  STAFF_MEASURE_KINDS,
  staffContributions,
  staffWeeks,
  type ParetoBar,
  type StaffMeasureId,
  type StaffMember,
} from '../domain/agency/staff-measures';
import {
  partKey,
  revisionPasses,
  SMALL_CELL,
  type PooledKind,
  type SuppressionReason,
} from '../domain/agency/suppression';
import { addWeeks, isoWeekOf, weeksBetween } from '../domain/dates';
import type { StoredRecord } from '../domain/envelope';
import type { StaffRole } from '../domain/scopes';
import { MEASURE_IDS, type MeasureId } from '../domain/tables';
import { badRequest, HttpError } from './errors';
import { byName } from './people';

/** Who reads: a staff member, from her device's token. */
export interface Viewer {
  staffId: string;
  role: StaffRole;
  /** Null for `collaborative`. */
  agencyId: string | null;
}

export interface AgencyRow {
  agencyId: string;
  name: string;
}

export interface ProviderRow {
  providerId: string;
  name: string;
  agencyId: string;
}

export interface StaffRow {
  staffId: string;
  name: string;
  agencyId: string;
}

/** One rule-4 history entry: a point's unknown part as shown once, and its hash. */
export interface ShownPart {
  key: string;
  hash: string;
  parts: readonly string[];
}

/** What one answer reads (and, for a roll-up, writes), inside one transaction. */
export interface StaffReadTx {
  /** Agencies (in any order: the answers sort): those of `ids`, or every agency when null. */
  agencies(ids: readonly string[] | null): Promise<AgencyRow[]>;
  /** Providers of the agencies (every agency when null), or assigned to a coach; any order. */
  providers(
    where: { agencyIds: readonly string[] | null } | { assignedTo: string },
  ): Promise<ProviderRow[]>;
  /** Staff members of the agencies (every agency when null); never `collaborative`; any order. */
  staff(agencyIds: readonly string[] | null): Promise<StaffRow[]>;
  /** The stored records of these tables in these scopes (`provider:<id>`…), by scope then table. */
  records(
    scopes: readonly string[],
    tables: readonly string[],
  ): Promise<Map<string, Map<string, StoredRecord<unknown>[]>>>;
  /** The current `serverSeq` of each scope asked for that has one (`scope_counters`). */
  scopeSeqs(scopes: readonly string[]): Promise<Map<string, number>>;
  /** The hashes of the unknown parts shown to `staffId` before, per point key asked for. */
  shownHashes(staffId: string, keys: readonly string[]): Promise<Map<string, Set<string>>>;
  /** The unknown parts shown to `staffId` before, per point key asked for. */
  shownParts(staffId: string, keys: readonly string[]): Promise<Map<string, string[][]>>;
  /** Adds unknown parts to `staffId`'s history (an entry already there is left as it is). */
  addShownParts(staffId: string, entries: readonly ShownPart[]): Promise<void>;
}

export interface StaffReadStore {
  /**
   * Runs `fn` in one transaction that sees one snapshot of the database. `historyOf`: the staff
   * member whose rule-4 history it may read and extend (null: it reads no history); two such
   * transactions of one staff member never overlap, so neither is judged on a history missing the
   * other's points.
   */
  staffRead<T>(historyOf: string | null, fn: (tx: StaffReadTx) => Promise<T>): Promise<T>;
}

/** The routes' roles (SYNC.md §17). */
const ROLES = {
  providers: ['coach', 'manager'],
  shared: ['coach', 'manager'],
  agencies: ['manager', 'collaborative'],
  rollups: ['coach', 'manager', 'collaborative'],
} as const satisfies Record<string, readonly StaffRole[]>;

export const forbidden = (message: string) => new HttpError(403, 'FORBIDDEN', message);

function allow(route: keyof typeof ROLES, viewer: Viewer): void {
  if (!(ROLES[route] as readonly StaffRole[]).includes(viewer.role))
    throw forbidden(`A ${viewer.role} may not read ${route}.`);
}

/** The agency of a coach or manager (always set for those roles; a corrupt row is a 403). */
function ownAgency(viewer: Viewer): string {
  if (viewer.agencyId === null) throw forbidden('This staff member belongs to no agency.');
  return viewer.agencyId;
}

/**
 * Query parameters: only the names a route knows, each at most once. A route without parameters
 * refuses any (a typo must not silently read something else).
 */
function queryOf(
  params: URLSearchParams,
  names: readonly string[],
): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>(names.map((n) => [n, undefined]));
  for (const [name, value] of params) {
    if (!out.has(name)) throw badRequest(`Unknown query parameter "${name.slice(0, 40)}".`);
    if (out.get(name) !== undefined) throw badRequest(`The query parameter "${name}" is repeated.`);
    out.set(name, value);
  }
  return out;
}

const providerOrder = byName<ProviderRow>(
  (p) => p.name,
  (p) => p.providerId,
);
const agencyOrder = byName<AgencyRow>(
  (a) => a.name,
  (a) => a.agencyId,
);

/** The providers a coach or manager reads individually: her assigned ones, or her agency's. */
function ownProviders(tx: StaffReadTx, viewer: Viewer): Promise<ProviderRow[]> {
  return viewer.role === 'coach'
    ? tx.providers({ assignedTo: viewer.staffId })
    : tx.providers({ agencyIds: [ownAgency(viewer)] });
}

const PROVIDER_TABLES = ['observations', 'checkins', 'pdsa'] as const;

/** Providers whose records are read and filtered between two turns of the event loop. */
export const VIEW_CHUNK = 50;

/** Hands the event loop back: a long answer never holds it for more than one chunk of work. */
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A roll-up's view of one provider, as `sharedView` built it from the records of her scope at
 * `seq` and her `sharing` record at `sharingVersion`. Both are read in the answer's own
 * transaction: a push to her scope (a `sharing` change included) moves `seq`, so an entry is used
 * only while it is exactly what `sharedView` would build again, and dropped when her level changes.
 */
interface CachedView {
  seq: number;
  sharingVersion: number;
  level: SharedProvider['level'];
  view: SharedProvider;
}

/** At most this many providers' views are kept per store (the oldest used go first). */
const VIEW_CACHE_SIZE = 5000;
const viewCaches = new WeakMap<StaffReadStore, Map<string, CachedView>>();

function viewCacheOf(store: StaffReadStore): Map<string, CachedView> {
  let cache = viewCaches.get(store);
  if (!cache) viewCaches.set(store, (cache = new Map()));
  return cache;
}

/**
 * Each provider who shares, with her consent-filtered view: her `sharing` record first, then her
 * records only when it shares something, both read in the caller's transaction (SYNC.md §14), a
 * chunk of providers at a time. `cache` (a roll-up: its views leave her PDSA records unread, it
 * pools numbers only) reuses a view built for the same records and the same current choice.
 */
async function sharingViews(
  tx: StaffReadTx,
  providers: readonly ProviderRow[],
  withCycles: boolean,
  cache: Map<string, CachedView> | null = null,
): Promise<{ provider: ProviderRow; view: SharedProvider }[]> {
  const scope = (p: ProviderRow) => `provider:${p.providerId}`;
  const sharing = await tx.records(providers.map(scope), ['sharing']);
  const sharingRecord = (p: ProviderRow) => sharing.get(scope(p))?.get('sharing')?.[0];
  const sharers = providers.filter((p) => sharingOf(sharingRecord(p)).level !== 'nothing');
  const tables = withCycles ? PROVIDER_TABLES : PROVIDER_TABLES.filter((t) => t !== 'pdsa');
  const seqs = cache ? await tx.scopeSeqs(sharers.map(scope)) : new Map<string, number>();
  const views = new Map<ProviderRow, SharedProvider>();
  const unread: ProviderRow[] = [];
  for (const provider of sharers) {
    const record = sharingRecord(provider)!;
    const hit = cache?.get(provider.providerId);
    if (
      hit &&
      hit.seq === (seqs.get(scope(provider)) ?? 0) &&
      hit.sharingVersion === record.version &&
      hit.level === sharingOf(record).level
    ) {
      cache!.delete(provider.providerId); // re-inserted below: the most recently used go last
      cache!.set(provider.providerId, hit);
      views.set(provider, hit.view);
    } else unread.push(provider);
  }
  for (let i = 0; i < unread.length; i += VIEW_CHUNK) {
    if (i > 0) await yieldToLoop();
    const chunk = unread.slice(i, i + VIEW_CHUNK);
    const records = await tx.records(chunk.map(scope), tables);
    for (const provider of chunk) {
      const own = records.get(scope(provider));
      const record = sharingRecord(provider)!;
      const view = sharedView({
        sharing: record,
        observations: own?.get('observations') ?? [],
        checkins: own?.get('checkins') ?? [],
        pdsa: own?.get('pdsa') ?? [],
      });
      if (!view) continue;
      views.set(provider, view);
      if (!cache) continue;
      cache.delete(provider.providerId);
      cache.set(provider.providerId, {
        seq: seqs.get(scope(provider)) ?? 0,
        sharingVersion: record.version,
        level: view.level,
        view,
      });
      if (cache.size > VIEW_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
  }
  // In the providers' order, cached or not: the pooled sums add up in the same order every time.
  return sharers.flatMap((provider) => {
    const view = views.get(provider);
    return view ? [{ provider, view }] : [];
  });
}

// ---- GET /api/v1/staff/providers, /shared, /agencies ----

export interface ProvidersAnswer {
  providers: { providerId: string; name: string }[];
}

export async function providersAnswer(
  store: StaffReadStore,
  viewer: Viewer,
  params: URLSearchParams,
): Promise<ProvidersAnswer> {
  allow('providers', viewer);
  queryOf(params, []);
  const rows = await store.staffRead(null, (tx) => ownProviders(tx, viewer));
  return {
    providers: [...rows]
      .sort(providerOrder)
      .map((p) => ({ providerId: p.providerId, name: p.name })),
  };
}

export interface SharedAnswer {
  asOf: string;
  providers: { providerId: string; name: string; shared: SharedProvider }[];
}

export async function sharedAnswer(
  store: StaffReadStore,
  viewer: Viewer,
  params: URLSearchParams,
  now: number,
): Promise<SharedAnswer> {
  allow('shared', viewer);
  queryOf(params, []);
  const views = await store.staffRead(null, async (tx) =>
    sharingViews(tx, await ownProviders(tx, viewer), true),
  );
  return {
    asOf: new Date(now).toISOString(),
    providers: views
      .sort((a, b) => providerOrder(a.provider, b.provider))
      .map(({ provider, view }) => ({
        providerId: provider.providerId,
        name: provider.name,
        shared: view,
      })),
  };
}

export interface AgenciesAnswer {
  agencies: AgencyRow[];
}

export async function agenciesAnswer(
  store: StaffReadStore,
  viewer: Viewer,
  params: URLSearchParams,
): Promise<AgenciesAnswer> {
  allow('agencies', viewer);
  queryOf(params, []);
  const ids = viewer.role === 'collaborative' ? null : [ownAgency(viewer)];
  const rows = await store.staffRead(null, (tx) => tx.agencies(ids));
  return { agencies: [...rows].sort(agencyOrder) };
}

// ---- GET /api/v1/staff/rollups ----

export const DEFAULT_ROLLUP_WEEKS = 52;
export const MIN_ROLLUP_WEEKS = 4;
export const MAX_ROLLUP_WEEKS = 156;

export interface RollupQuery {
  group: 'agency' | 'collaborative';
  grain: Grain;
  weeks: number;
  agency: string | null;
}

/** Parses the roll-up query; every bad value is a 400 (SYNC.md §17). */
export function parseRollupQuery(params: URLSearchParams): RollupQuery {
  const q = queryOf(params, ['group', 'grain', 'weeks', 'agency']);
  const group = q.get('group');
  if (group !== 'agency' && group !== 'collaborative')
    throw badRequest('group must be "agency" or "collaborative".');
  const grain = q.get('grain');
  if (grain !== 'week' && grain !== 'month') throw badRequest('grain must be "week" or "month".');
  const weeksText = q.get('weeks');
  let weeks = DEFAULT_ROLLUP_WEEKS;
  if (weeksText !== undefined) {
    if (!/^\d{1,3}$/.test(weeksText)) throw badRequest('weeks must be a whole number.');
    weeks = Number(weeksText);
    if (weeks < MIN_ROLLUP_WEEKS || weeks > MAX_ROLLUP_WEEKS)
      throw badRequest(`weeks must be from ${MIN_ROLLUP_WEEKS} to ${MAX_ROLLUP_WEEKS}.`);
  }
  const agency = q.get('agency') ?? null;
  if (agency !== null && !/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/.test(agency))
    throw badRequest('agency is not an agency id.');
  if (group === 'collaborative' && agency !== null)
    throw badRequest('agency is only for group=agency.');
  return { group, grain, weeks, agency };
}

/** The axis: the `n` complete ISO weeks before the server's current week (UTC). */
export function rollupWeeks(now: number, n: number): string[] {
  const current = isoWeekOf(new Date(now).toISOString());
  return weeksBetween(addWeeks(current, -n), addWeeks(current, -1));
}

export interface MeasureSeriesAnswer {
  kind: PooledKind;
  points: PooledPoint[];
}

export interface RollupAnswer {
  asOf: string;
  grain: Grain;
  weeks: string[];
  group:
    | { kind: 'agency'; agencyId: string; agencyName: string }
    | { kind: 'collaborative'; agencies: number };
  providers: { of: number; measures: Record<MeasureId, MeasureSeriesAnswer> };
  staff: {
    of: number;
    measures: Record<StaffMeasureId, MeasureSeriesAnswer>;
    /** Empty when suppressed (`barriersSuppressed` says why). */
    barriers: ParetoBar[];
    barriersSuppressed: SuppressionReason | null;
  };
  me: null | { measures: Record<StaffMeasureId, MeasureSeriesAnswer>; barriers: ParetoBar[] };
  events: { id: string; date: string; kind: string; title: string }[];
}

/** The history key of one point of one viewer (SYNC.md §15 rule 4: group, measure, grain, period). */
function pointKey(group: string, series: string, grain: Grain | 'all', period: string): string {
  return `${group}|${series}|${grain}|${period}`;
}

function hashParts(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('base64url');
}

/** One series to pool for the answer, and how its history is keyed. */
interface SeriesJob {
  series: string;
  contributions: Parameters<typeof poolSeries>[0];
  options: Omit<PoolOptions, 'shownBefore' | 'shownBeforeWeekly'>;
}

/**
 * Pools every suppressed series of an answer with the viewer's rule-4 history. Loading every part
 * ever shown would cost more than the answer (a collaborative point holds a part per provider), so
 * a first pass with no history finds each point's candidate unknown part; a point whose candidate
 * was shown before needs only that one (it equals one shown before: rule 4 passes), and only the
 * others load their whole history. A second pass with that history is the answer (needed only when
 * some point's history was loaded); its new unknown parts are added to the history in the same
 * transaction.
 */
async function poolWithHistory(
  tx: StaffReadTx,
  viewer: Viewer,
  group: string,
  jobs: readonly SeriesJob[],
): Promise<Map<string, PooledPoint[]>> {
  const none = () => [];
  const candidates = new Map<string, string[]>();
  const asked = new Set<string>();
  const firstSeries = new Map<string, PooledSeries>();
  const firstPass = (job: SeriesJob, grain: Grain, weekly?: PooledSeries) => {
    const r = poolSeries(job.contributions, {
      ...job.options,
      grain,
      shownBefore: none,
      shownBeforeWeekly: none,
      weekly,
    });
    for (const p of r.points) asked.add(pointKey(group, job.series, grain, p.period));
    for (const [period, parts] of r.unknownShown)
      candidates.set(pointKey(group, job.series, grain, period), parts);
    return r;
  };
  for (const job of jobs) {
    if (!job.options.suppress) continue;
    await yieldToLoop();
    // Rule 5 reads the same viewer's weekly chart, with its own history: pooled once for both.
    let weekly: PooledSeries | undefined;
    if (job.options.grain === 'month') {
      weekly = firstPass(job, 'week');
      await yieldToLoop();
    }
    firstSeries.set(job.series, firstPass(job, job.options.grain, weekly));
  }
  const keys = [...asked];
  const hashes = await tx.shownHashes(viewer.staffId, keys);
  const matched = new Map<string, string[]>();
  const unmatched: string[] = [];
  for (const key of keys) {
    const candidate = candidates.get(key);
    const known = hashes.get(key);
    if (!known?.size) continue;
    if (candidate && known.has(hashParts(candidate))) matched.set(key, candidate);
    else unmatched.push(key);
  }
  const loaded = unmatched.length ? await tx.shownParts(viewer.staffId, unmatched) : new Map();
  const before = (key: string): readonly (readonly string[])[] => {
    const m = matched.get(key);
    return m ? [m] : (loaded.get(key) ?? []);
  };

  const out = new Map<string, PooledPoint[]>();
  const added: ShownPart[] = [];
  for (const job of jobs) {
    const { grain } = job.options;
    await yieldToLoop();
    // When every point asked has no history or its candidate was shown before, the history judges
    // each as the first pass did (rule 4 passes both ways): its answer is the first pass's.
    const r =
      (unmatched.length === 0 ? firstSeries.get(job.series) : undefined) ??
      poolSeries(job.contributions, {
        ...job.options,
        shownBefore: (period) => before(pointKey(group, job.series, grain, period)),
        shownBeforeWeekly: (week) => before(pointKey(group, job.series, 'week', week)),
      });
    out.set(job.series, r.points);
    if (!job.options.suppress) continue;
    for (const [period, parts] of r.unknownShown) {
      const key = pointKey(group, job.series, grain, period);
      if (parts.length === 0 || matched.has(key)) continue;
      added.push({ key, hash: hashParts(parts), parts });
    }
  }
  if (added.length) await tx.addShownParts(viewer.staffId, added);
  return out;
}

/**
 * The barriers' Pareto of a group (SYNC.md §15, staff with rules 1, 2 and 4): shown when 5+ staff
 * answered S6 in the axis, the staff-weeks the viewer does not read herself are none or come from
 * 5+ staff, and those staff-weeks equal a set shown to her before or differ from every one in 5+
 * staff (the Pareto spans the whole axis, so its history is one point per group).
 */
async function barriersOf(
  tx: StaffReadTx,
  viewer: Viewer,
  group: string,
  staff: readonly StaffMember[],
  weeks: readonly string[],
  suppress: boolean,
  known: ReadonlySet<string>,
): Promise<{ barriers: ParetoBar[]; barriersSuppressed: SuppressionReason | null }> {
  const whole = barrierPareto(staff, weeks, suppress);
  if (!whole) return { barriers: [], barriersSuppressed: 'too-few' };
  if (!suppress) return { barriers: whole.bars, barriersSuppressed: null };
  const unknownStaff = staff.filter((s) => !known.has(s.staffId));
  const rest = barrierPareto(unknownStaff, weeks, false)!;
  if (rest.staff > 0 && rest.staff < SMALL_CELL)
    return { barriers: [], barriersSuppressed: 'subtraction' };
  const inAxis = new Set(weeks);
  const parts = unknownStaff
    .flatMap((s) =>
      s.weeks
        .filter((w) => inAxis.has(w.week) && w.s6 !== null)
        .map((w) => partKey(s.staffId, w.week)),
    )
    .sort();
  if (parts.length === 0) return { barriers: whole.bars, barriersSuppressed: null };
  const key = pointKey(group, 'staff:barriers', 'all', 'axis');
  const hash = hashParts(parts);
  const seen = (await tx.shownHashes(viewer.staffId, [key])).get(key);
  if (!seen?.has(hash)) {
    const before = seen?.size ? ((await tx.shownParts(viewer.staffId, [key])).get(key) ?? []) : [];
    if (!revisionPasses(new Set(parts), before))
      return { barriers: [], barriersSuppressed: 'revision' };
    await tx.addShownParts(viewer.staffId, [{ key, hash, parts }]);
  }
  return { barriers: whole.bars, barriersSuppressed: null };
}

function staffMembers(
  rows: readonly StaffRow[],
  records: Map<string, Map<string, StoredRecord<unknown>[]>>,
): StaffMember[] {
  return rows.map((s) => {
    const own = records.get(`staff:${s.staffId}`);
    return {
      staffId: s.staffId,
      agencyId: s.agencyId,
      weeks: staffWeeks(own?.get('staff-checkins') ?? [], own?.get('ta-contacts') ?? []),
    };
  });
}

function liveEvents(records: Map<string, Map<string, StoredRecord<unknown>[]>>) {
  const out: RollupAnswer['events'] = [];
  for (const tables of records.values())
    for (const { id, data } of liveData(tables.get('events') ?? [], (d) =>
      EventDataSchema.safeParse(d),
    ))
      out.push({ id, date: data.date, kind: data.kind, title: data.title });
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
}

/** `GET /api/v1/staff/rollups`: the pooled charts of SYNC.md §15 for one viewer. */
export async function rollupAnswer(
  store: StaffReadStore,
  viewer: Viewer,
  params: URLSearchParams,
  now: number,
): Promise<RollupAnswer> {
  allow('rollups', viewer);
  const query = parseRollupQuery(params);
  const collaborative = viewer.role === 'collaborative';
  if (query.group === 'collaborative' && viewer.role === 'coach')
    throw forbidden('A coach reads her own agency only.');
  if (query.group === 'agency' && collaborative && query.agency === null)
    throw badRequest('agency is required for a collaborative data manager.');
  if (query.group === 'agency' && !collaborative && query.agency !== null) {
    if (query.agency !== ownAgency(viewer)) throw forbidden('This is not your agency.');
  }
  const weeks = rollupWeeks(now, query.weeks);
  const { grain } = query;

  return store.staffRead(viewer.staffId, async (tx) => {
    const allAgencies = await tx.agencies(null);
    let groupAgencies: AgencyRow[];
    let group: RollupAnswer['group'];
    if (query.group === 'agency') {
      const id = query.agency ?? ownAgency(viewer);
      const agency = allAgencies.find((a) => a.agencyId === id);
      if (!agency) throw badRequest('No agency has this id.');
      groupAgencies = [agency];
      group = { kind: 'agency', agencyId: agency.agencyId, agencyName: agency.name };
    } else {
      groupAgencies = allAgencies;
      group = { kind: 'collaborative', agencies: allAgencies.length };
    }
    const agencyIds = groupAgencies.map((a) => a.agencyId);
    const groupKey = query.group === 'agency' ? `agency:${agencyIds[0]}` : 'collaborative';

    // Providers who share, and those of them the viewer reads individually (rule 2).
    const providerRows = await tx.providers({
      agencyIds: query.group === 'agency' ? agencyIds : null,
    });
    const sharing: SharingProvider[] = (
      await sharingViews(tx, providerRows, false, viewCacheOf(store))
    ).map(({ provider, view }) => ({
      providerId: provider.providerId,
      agencyId: provider.agencyId,
      view,
    }));
    const knownProviders = new Set<string>();
    if (!collaborative) {
      const own = await ownProviders(tx, viewer);
      for (const p of own) knownProviders.add(p.providerId);
    }

    // Staff of the group, and those the viewer reads unsuppressed: herself; a manager her agency's.
    const staffRows = await tx.staff(query.group === 'agency' ? agencyIds : null);
    const meRow = collaborative
      ? null
      : { staffId: viewer.staffId, name: '', agencyId: ownAgency(viewer) };
    const staffRecords = await tx.records(
      [...staffRows, ...(meRow ? [meRow] : [])].map((s) => `staff:${s.staffId}`),
      ['ta-contacts', 'staff-checkins'],
    );
    const staff = staffMembers(staffRows, staffRecords);
    const knownStaff = new Set<string>();
    if (meRow) knownStaff.add(meRow.staffId);
    if (viewer.role === 'manager')
      for (const s of staff) if (s.agencyId === viewer.agencyId) knownStaff.add(s.staffId);
    const ownManager =
      viewer.role === 'manager' && query.group === 'agency' && agencyIds[0] === viewer.agencyId;

    const groups = groupAgencies.length;
    const jobs: SeriesJob[] = [];
    for (const measure of MEASURE_IDS) {
      // A measure's parts of a thousand providers take a while: the event loop gets a turn after each.
      await yieldToLoop();
      jobs.push({
        series: `providers:${measure}`,
        contributions: allProviderContributions(sharing, measure, weeks),
        options: {
          kind: PROVIDER_MEASURE_KINDS[measure],
          weeks,
          grain,
          population: sharing.length,
          groups,
          suppress: true,
          known: knownProviders,
        },
      });
    }
    jobs.push(
      ...STAFF_MEASURE_IDS.map((measure) => ({
        series: `staff:${measure}`,
        contributions: staff.flatMap((s) => staffContributions(s, measure)),
        options: {
          kind: STAFF_MEASURE_KINDS[measure],
          weeks,
          grain,
          population: staff.length,
          groups,
          suppress: !ownManager,
          known: knownStaff,
        },
      })),
    );
    const points = await poolWithHistory(tx, viewer, groupKey, jobs);
    const seriesOf = <M extends string>(
      ids: readonly M[],
      prefix: string,
      kinds: Record<M, PooledKind>,
    ) =>
      Object.fromEntries(
        ids.map((m) => [m, { kind: kinds[m], points: points.get(`${prefix}:${m}`)! }]),
      ) as Record<M, MeasureSeriesAnswer>;

    let me: RollupAnswer['me'] = null;
    if (meRow) {
      const [mine] = staffMembers([meRow], staffRecords);
      me = {
        measures: Object.fromEntries(
          STAFF_MEASURE_IDS.map((m) => [
            m,
            {
              kind: STAFF_MEASURE_KINDS[m],
              points: poolSeries(staffContributions(mine!, m), {
                kind: STAFF_MEASURE_KINDS[m],
                weeks,
                grain,
                population: 1,
                groups: 1,
                suppress: false,
              }).points,
            },
          ]),
        ) as Record<StaffMeasureId, MeasureSeriesAnswer>,
        barriers: barrierPareto([mine!], weeks, false)!.bars,
      };
    }

    const events = liveEvents(
      await tx.records(
        agencyIds.map((id) => `agency:${id}`),
        ['events'],
      ),
    );
    return {
      asOf: new Date(now).toISOString(),
      grain,
      weeks,
      group,
      providers: {
        of: sharing.length,
        measures: seriesOf(MEASURE_IDS, 'providers', PROVIDER_MEASURE_KINDS),
      },
      staff: {
        of: staff.length,
        measures: seriesOf(STAFF_MEASURE_IDS, 'staff', STAFF_MEASURE_KINDS),
        ...(await barriersOf(tx, viewer, groupKey, staff, weeks, !ownManager, knownStaff)),
      },
      me,
      events,
    } satisfies RollupAnswer;
  });
}

/** The staff routes, by the last segment of their path. */
export const STAFF_ROUTES = ['providers', 'shared', 'agencies', 'rollups'] as const;
export type StaffRoute = (typeof STAFF_ROUTES)[number];

/** The answer of one staff route (what `staff-routes.ts` sends as JSON). */
export function staffAnswer(
  store: StaffReadStore,
  viewer: Viewer,
  route: StaffRoute,
  params: URLSearchParams,
  now: number,
): Promise<ProvidersAnswer | SharedAnswer | AgenciesAnswer | RollupAnswer> {
  switch (route) {
    case 'providers':
      return providersAnswer(store, viewer, params);
    case 'shared':
      return sharedAnswer(store, viewer, params, now);
    case 'agencies':
      return agenciesAnswer(store, viewer, params);
    case 'rollups':
      return rollupAnswer(store, viewer, params, now);
  }
}
