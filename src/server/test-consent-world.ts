/**
 * Test support for the consent fuzz tests (SYNC.md §14, §17): a random collaborative whose providers
 * each hold one consent state, with records that carry a marker string per field (note text, ideas,
 * child names and ids, an unknown check-in field, cycle titles and texts), the calls every staff
 * member can make, and the check that no marker leaves a provider beyond what her state shares.
 */
import type { StoredRecord } from '../domain/envelope';
import { weekDays } from '../domain/dates';
import type { StaffRole } from '../domain/scopes';
import { MemoryStaffStore, rec } from './test-staff-store';

export const CONSENT_STATES = [
  'absent',
  'nothing',
  'numbers',
  'numbers-and-pdsa',
  'deleted',
  'unreadable',
] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

export interface WorldProvider {
  providerId: string;
  name: string;
  agencyId: string;
  state: ConsentState;
}

export interface WorldStaff {
  staffId: string;
  name: string;
  role: StaffRole;
  agencyId: string | null;
  assigned: string[];
}

export interface World {
  agencies: { agencyId: string; name: string }[];
  providers: WorldProvider[];
  staff: WorldStaff[];
}

/** mulberry32: the same world for the same seed. */
export function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)]!;

/** A collaborative of 2–3 agencies with 4–9 providers each, two coaches and a manager each. */
export function randomWorld(random: () => number): World {
  const world: World = { agencies: [], providers: [], staff: [] };
  const agencies = 2 + Math.floor(random() * 2);
  for (let a = 0; a < agencies; a++) {
    const agencyId = `ag${a}`;
    world.agencies.push({ agencyId, name: `Agency ${a}` });
    const count = 4 + Math.floor(random() * 6);
    const ids: string[] = [];
    for (let p = 0; p < count; p++) {
      const providerId = `pv${a}x${p}`;
      ids.push(providerId);
      world.providers.push({
        providerId,
        name: `Name of ${providerId}`,
        agencyId,
        state: pick(random, CONSENT_STATES),
      });
    }
    for (let c = 0; c < 2; c++)
      world.staff.push({
        staffId: `coach${a}x${c}`,
        name: `Coach ${a}.${c}`,
        role: 'coach',
        agencyId,
        assigned: ids.filter(() => random() < 0.6),
      });
    world.staff.push({
      staffId: `manager${a}`,
      name: `Manager ${a}`,
      role: 'manager',
      agencyId,
      assigned: [],
    });
  }
  world.staff.push({
    staffId: 'collab',
    name: 'Data manager',
    role: 'collaborative',
    agencyId: null,
    assigned: [],
  });
  return world;
}

/** Gives every provider a new random state (sharing turned on, off, down, deleted…). */
export function reshuffle(world: World, random: () => number): void {
  for (const p of world.providers) p.state = pick(random, CONSENT_STATES);
}

/** The markers of one provider's records, by what may reveal them. */
export function markers(providerId: string) {
  return {
    /** Never shared at any level. */
    never: [
      `note text ${providerId}`,
      `idea text ${providerId}`,
      `child name ${providerId}`,
      `childid-${providerId}`,
      `extra field ${providerId}`,
      `objective ${providerId}`,
      `plan ${providerId}`,
      `sharing extra ${providerId}`,
    ],
    /** Shared at `numbers-and-pdsa` only. */
    pdsa: [`cycle title ${providerId}`, `learned ${providerId}`, `cycle-${providerId}`],
  };
}

/** The weeks her records fall in: the axis of a 4-week roll-up at T0 and one before. */
export const WORLD_WEEKS = ['2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47'];

/** Her records, apart from `sharing`: a child, a note and a check-in a week, one PDSA cycle. */
export function providerRecords(
  providerId: string,
  random: () => number,
): { table: string; record: StoredRecord<unknown> }[] {
  const m = markers(providerId);
  const out: { table: string; record: StoredRecord<unknown> }[] = [
    {
      table: 'children',
      record: rec(`childid-${providerId}`, { name: m.never[2], active: true }),
    },
    {
      table: 'pdsa',
      record: rec(m.pdsa[2]!, {
        changeIdeaId: `idea-${providerId}`,
        changeIdea: m.pdsa[0],
        cycle: 1,
        purpose: 'test',
        driver: 'observe',
        objective: m.never[5],
        questions: [{ question: m.never[5], result: m.pdsa[1] }],
        plan: { what: m.never[6] },
        startDate: '2026-10-20',
        learned: m.pdsa[1],
      }),
    },
  ];
  for (const week of WORLD_WEEKS) {
    if (random() < 0.85) {
      const p4 = Math.floor(random() * 6);
      out.push({
        table: 'checkins',
        record: rec(`checkin-${week}`, {
          week,
          p1: 2,
          p2: Math.floor(random() * 8),
          p4,
          p5: p4 === 0 ? null : Math.floor(random() * (p4 + 1)),
          p6: 1 + Math.floor(random() * 5),
          note: m.never[4],
        }),
      });
    }
    out.push({
      table: 'observations',
      record: rec(`note-${providerId}-${week}`, {
        childIds: [m.never[3]],
        observedAt: `${weekDays(week)[2]}T09:30:00-06:00`,
        text: m.never[0],
        nextStep: random() < 0.5 ? m.never[1] : null,
      }),
    });
  }
  return out;
}

/** Her `sharing` record for a state (`absent`: none), or data no schema reads. */
export function sharingRecord(p: WorldProvider): StoredRecord<unknown> | null {
  const extra = markers(p.providerId).never[7];
  switch (p.state) {
    case 'absent':
      return null;
    case 'deleted':
      return rec('sharing', { level: 'numbers', firstUseAt: '2026-10-01', extra }, { deleted: 1 });
    case 'unreadable':
      return rec('sharing', { level: 'everything', firstUseAt: 12, extra });
    default:
      return rec('sharing', { level: p.state, firstUseAt: '2026-10-01', extra });
  }
}

/** Every staff call: each route, and the roll-up's groups, grains and agencies. */
export function staffCalls(world: World): string[] {
  const calls = ['/api/v1/staff/providers', '/api/v1/staff/shared', '/api/v1/staff/agencies'];
  for (const grain of ['week', 'month']) {
    const base = `/api/v1/staff/rollups?grain=${grain}&weeks=5`;
    calls.push(`${base}&group=collaborative`, `${base}&group=agency`);
    for (const a of world.agencies) calls.push(`${base}&group=agency&agency=${a.agencyId}`);
  }
  return calls;
}

/**
 * What must never appear in an answer to `viewer`: every marker of a provider who does not share,
 * the PDSA markers of one who shares numbers only, the never-shared markers of everyone; and, for
 * the collaborative's data manager and in any roll-up, any provider's name or id.
 */
export function forbiddenValues(world: World, viewer: WorldStaff, call: string): string[] {
  const out: string[] = [];
  const anonymous = viewer.role === 'collaborative' || call.includes('/rollups');
  for (const p of world.providers) {
    const m = markers(p.providerId);
    out.push(...m.never);
    if (p.state !== 'numbers-and-pdsa') out.push(...m.pdsa);
    if (anonymous || (!shares(p) && call.includes('/shared'))) out.push(p.name, p.providerId);
  }
  return out;
}

/** The first forbidden value found in an answer's text, or null. */
export function leak(text: string, forbidden: readonly string[]): string | null {
  return forbidden.find((v) => text.includes(v)) ?? null;
}

/** Every provider's records for a world: her `sharing` record (or none) and the others. */
export type WorldRecords = Map<
  string,
  {
    sharing: StoredRecord<unknown> | null;
    records: { table: string; record: StoredRecord<unknown> }[];
  }
>;

export function worldRecords(world: World, seed: number): WorldRecords {
  const random = seeded(seed);
  return new Map(
    world.providers.map((p) => [
      p.providerId,
      { sharing: sharingRecord(p), records: providerRecords(p.providerId, random) },
    ]),
  );
}

/** Whether her state shares anything. */
export const shares = (p: WorldProvider) => p.state === 'numbers' || p.state === 'numbers-and-pdsa';

/**
 * Loads a world into the in-memory store; `stripped` leaves out what her state does not share (all
 * her records, or her cycles at `numbers`), as if it had never existed.
 */
export function loadMemory(
  store: MemoryStaffStore,
  world: World,
  records: WorldRecords,
  stripped = false,
): void {
  store.agencies = world.agencies.map((a) => ({ ...a }));
  store.providers = world.providers.map(({ providerId, name, agencyId }) => ({
    providerId,
    name,
    agencyId,
  }));
  store.staff = world.staff.map(({ staffId, name, role, agencyId }) => ({
    staffId,
    name,
    role,
    agencyId: agencyId ?? '',
  }));
  store.assignments = world.staff.flatMap((s) =>
    s.assigned.map((p): [string, string] => [s.staffId, p]),
  );
  store.records.clear();
  for (const p of world.providers) {
    if (stripped && !shares(p)) continue;
    const scope = `provider:${p.providerId}`;
    const own = records.get(p.providerId)!;
    if (own.sharing) store.put(scope, 'sharing', own.sharing);
    for (const { table, record } of own.records)
      if (!stripped || table !== 'pdsa' || p.state === 'numbers-and-pdsa')
        store.put(scope, table, record);
  }
}
