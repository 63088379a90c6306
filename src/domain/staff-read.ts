/**
 * The answers of the staff read routes (SYNC.md §17) as a staff device reads them: every answer
 * checked by a schema before it is shown or kept, loose like every schema here (a field a newer
 * server adds is ignored), and tolerant of values this build does not know (a new measure, status or
 * barrier): such a value is left out or read as empty, never a reason to refuse the whole answer.
 * The shapes are those `consent.ts` (`SharedProvider`), `pool.ts` (`PooledPoint`) and
 * `staff-measures.ts` (`ParetoBar`) build on the server.
 */
import { z } from 'zod/mini';
import { BARRIERS, EVENT_KINDS, type Barrier } from './agency-records';
import type { SharedCycle, SharedProvider, SharedWeek } from './agency/consent';
import type { PooledPoint } from './agency/pool';
import type { SuppressionReason } from './agency/suppression';
import type { ParetoBar, StaffMeasureId } from './agency/staff-measures';
import { PDSA_STATUSES } from './pdsa';
import { SHARING_LEVELS } from './sharing';
import { MEASURE_IDS, type MeasureId } from './tables';

const count = z.number().check(z.gte(0));
const text = z.nullish(z.string());
/** A value this build does not know reads as `fallback`, never as a refused answer. */
const known = <const T extends readonly [string, ...string[]], F>(values: T, fallback: F) =>
  z.catch(z.enum(values), fallback as T[number]);

const CheckinSchema = z.looseObject({
  p1: z.nullish(z.number()),
  p2: z.nullish(z.number()),
  p3: z.nullish(z.number()),
  p4: z.nullish(z.number()),
  p5: z.nullish(z.number()),
  p6: z.nullish(z.number()),
});

const WeekSchema = z.looseObject({
  week: z.string(),
  notes: count,
  notesWithIdea: count,
  checkin: z.nullish(CheckinSchema),
});

const CycleSchema = z.looseObject({
  id: z.string(),
  changeIdeaId: z.string(),
  changeIdea: z.string(),
  cycle: z.number(),
  startDate: z.string(),
  endDate: text,
  status: known(PDSA_STATUSES, 'planned'),
  measure: z.catch(z.nullish(z.enum(MEASURE_IDS)), null),
  startsPhase: z.catch(z.boolean(), false),
  learned: text,
  results: z.catch(z.array(z.string()), []),
  act: z.catch(z.nullish(z.enum(['adopt', 'adapt', 'abandon'])), null),
  nextStep: text,
});

const SharedProviderSchema = z.looseObject({
  level: z.enum(SHARING_LEVELS),
  firstUseAt: text,
  weeks: z.array(WeekSchema),
  lastCheckinWeek: text,
  cycles: z.catch(z.array(CycleSchema), []),
});

const orNull = <T>(v: T | null | undefined): T | null => v ?? null;

function toSharedProvider(s: z.infer<typeof SharedProviderSchema>): SharedProvider | null {
  if (s.level === 'nothing') return null;
  const weeks: SharedWeek[] = s.weeks.map((w) => ({
    week: w.week,
    notes: w.notes,
    notesWithIdea: w.notesWithIdea,
    checkin: w.checkin
      ? {
          p1: orNull(w.checkin.p1),
          p2: orNull(w.checkin.p2),
          p3: orNull(w.checkin.p3),
          p4: orNull(w.checkin.p4),
          p5: orNull(w.checkin.p5),
          p6: orNull(w.checkin.p6),
        }
      : null,
  }));
  const cycles: SharedCycle[] = s.cycles.map((c) => ({
    id: c.id,
    changeIdeaId: c.changeIdeaId,
    changeIdea: c.changeIdea,
    cycle: c.cycle,
    startDate: c.startDate,
    endDate: orNull(c.endDate),
    status: c.status,
    measure: orNull(c.measure),
    startsPhase: c.startsPhase,
    learned: orNull(c.learned),
    results: c.results,
    act: orNull(c.act),
    nextStep: orNull(c.nextStep),
  }));
  return {
    level: s.level,
    firstUseAt: orNull(s.firstUseAt),
    weeks,
    lastCheckinWeek: orNull(s.lastCheckinWeek),
    cycles,
  };
}

const NamedProvider = z.looseObject({ providerId: z.string(), name: z.string() });

/** `GET /api/v1/staff/providers`. */
export const StaffProvidersAnswerSchema = z.looseObject({ providers: z.array(NamedProvider) });
export type StaffProvidersAnswer = z.infer<typeof StaffProvidersAnswerSchema>;

/** `GET /api/v1/staff/shared`: a provider whose `shared` says nothing is left out. */
export const StaffSharedAnswerSchema = z.pipe(
  z.looseObject({
    asOf: z.string(),
    providers: z.array(
      z.looseObject({ providerId: z.string(), name: z.string(), shared: SharedProviderSchema }),
    ),
  }),
  z.transform((a) => ({
    asOf: a.asOf,
    providers: a.providers.flatMap((p) => {
      const shared = toSharedProvider(p.shared);
      return shared ? [{ providerId: p.providerId, name: p.name, shared }] : [];
    }),
  })),
);
export type StaffSharedAnswer = z.output<typeof StaffSharedAnswerSchema>;

/** `GET /api/v1/staff/agencies`. */
export const StaffAgenciesAnswerSchema = z.looseObject({
  agencies: z.array(z.looseObject({ agencyId: z.string(), name: z.string() })),
});
export type StaffAgenciesAnswer = z.infer<typeof StaffAgenciesAnswerSchema>;

const REASONS: readonly SuppressionReason[] = [
  'too-few',
  'small-denominator',
  'subtraction',
  'revision',
];

/** A point as sent: a suppressed one carries only `period`, `suppressed` and `of` (SYNC.md §17). */
const PointSchema = z.pipe(
  z.looseObject({
    period: z.string(),
    shown: z.optional(z.boolean()),
    suppressed: z.nullish(z.string()),
    value: z.nullish(z.number()),
    reporting: z.optional(count),
    of: count,
    agencies: z.optional(z.looseObject({ included: count, of: count })),
  }),
  z.transform((p): PooledPoint => {
    if (p.shown === false || p.suppressed != null)
      return {
        period: p.period,
        shown: false,
        // A reason this build does not know is still "too few to show".
        suppressed: (REASONS as readonly string[]).includes(p.suppressed ?? '')
          ? (p.suppressed as SuppressionReason)
          : 'too-few',
        of: p.of,
      };
    return {
      period: p.period,
      shown: true,
      value: orNull(p.value),
      reporting: p.reporting ?? 0,
      of: p.of,
      agencies: p.agencies ?? { included: 1, of: 1 },
    };
  }),
);

const SeriesSchema = z.looseObject({
  kind: z.catch(z.enum(['percent', 'mean']), 'mean'),
  points: z.array(PointSchema),
});
type Series = z.output<typeof SeriesSchema>;

/** Only the measures this build knows, each parsed on its own: one bad series leaves only itself out. */
function measuresOf<K extends string>(ids: readonly K[]) {
  return z.pipe(
    z.record(z.string(), z.unknown()),
    z.transform((raw) => {
      const out: Partial<Record<K, Series>> = {};
      for (const id of ids) {
        const s = SeriesSchema.safeParse(raw[id]);
        if (s.success) out[id] = s.data;
      }
      return out;
    }),
  );
}

const STAFF_IDS: readonly StaffMeasureId[] = ['s2-of-s1', 's3-of-s1', 's4-of-s1', 's5'];

const BarriersSchema = z.pipe(
  z.catch(z.nullish(z.array(z.unknown())), null),
  z.transform((raw): ParetoBar[] | null => {
    if (!raw) return null;
    const bar = z.looseObject({
      barrier: z.string(),
      count,
      percent: z.number(),
      cumulativePercent: z.number(),
    });
    return raw.flatMap((b) => {
      const p = bar.safeParse(b);
      if (!p.success || !(BARRIERS as readonly string[]).includes(p.data.barrier)) return [];
      return [{ ...p.data, barrier: p.data.barrier as Barrier }];
    });
  }),
);

const StaffMeasuresSchema = z.looseObject({
  measures: measuresOf(STAFF_IDS),
  barriers: BarriersSchema,
});

/** `GET /api/v1/staff/rollups`. */
export const StaffRollupsAnswerSchema = z.looseObject({
  asOf: z.string(),
  grain: z.enum(['week', 'month']),
  weeks: z.array(z.string()),
  group: z.union([
    z.looseObject({ kind: z.literal('agency'), agencyId: z.string(), agencyName: z.string() }),
    z.looseObject({ kind: z.literal('collaborative'), agencies: count }),
  ]),
  providers: z.looseObject({ of: count, measures: measuresOf<MeasureId>(MEASURE_IDS) }),
  staff: z.looseObject({ of: count, measures: measuresOf(STAFF_IDS), barriers: BarriersSchema }),
  me: z.nullish(StaffMeasuresSchema),
  events: z.catch(
    z.array(
      z.looseObject({
        id: z.string(),
        date: z.string(),
        kind: known(EVENT_KINDS, 'other'),
        title: z.string(),
      }),
    ),
    [],
  ),
});
export type StaffRollupsAnswer = z.output<typeof StaffRollupsAnswerSchema>;
export type PooledSeriesAnswer = Series;
