/**
 * Zod schemas of the `data` of every synced record (DESIGN.md "Records"). Schemas are loose: a
 * field this build does not know is kept, never stripped. Every optional field accepts null, and
 * null and absent mean the same. Issue messages are stable keys that the app translates.
 */
import { z } from 'zod/mini';
import { CalendarDateSchema, IsoWeekSchema, LocalDateTimeSchema } from './dates';
import { SHARING_ID, SharingDataSchema } from './sharing';
import { MEASURE_IDS, type SyncedTable } from './tables';

const notBlank = (s: string) => s.trim().length > 0;
const noRepeats = (a: readonly unknown[]) => new Set(a).size === a.length;
const text = (max: number) => z.string().check(z.maxLength(max, 'too-long'));

export const AGE_BANDS = ['infant', 'toddler', 'preschool', 'school-age'] as const;

export const ChildDataSchema = z.looseObject({
  name: z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(60, 'too-long')),
  birthMonth: z.nullish(z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'not-a-month'))),
  active: z.boolean(),
});
export type ChildData = z.infer<typeof ChildDataSchema>;

export const AREAS = [
  'social-emotional',
  'language',
  'cognition',
  'motor-physical',
  'approaches-to-learning',
] as const;
export const DURING = ['play', 'meal', 'diapering', 'nap', 'outside', 'arrival-pickup'] as const;
export const WITH = ['alone', 'older', 'younger', 'same-age', 'provider'] as const;
export const APPROX_TIMES = ['morning', 'after-lunch', 'earlier-today'] as const;

export const ObservationDataSchema = z.looseObject({
  childIds: z
    .array(z.string().check(z.minLength(1)))
    .check(
      z.minLength(1, 'required'),
      z.maxLength(10, 'too-many'),
      z.refine(noRepeats, 'repeated'),
    ),
  observedAt: LocalDateTimeSchema,
  observedAtApprox: z.nullish(z.enum(APPROX_TIMES)),
  text: z
    .string()
    .check(
      z.minLength(1, 'required'),
      z.maxLength(4000, 'too-long'),
      z.refine(notBlank, 'required'),
    ),
  area: z.nullish(z.enum(AREAS)),
  during: z.nullish(z.enum(DURING)),
  with: z.nullish(z.array(z.enum(WITH)).check(z.refine(noRepeats, 'repeated'))),
  nextStep: z.nullish(text(500)),
  /** The day she marked her idea to try next as tried (DESIGN.md "Records"). */
  nextStepTriedOn: z.nullish(CalendarDateSchema),
});
export type ObservationData = z.infer<typeof ObservationDataSchema>;

const answer = (min: number, max: number) =>
  z.nullish(
    z.number().check(z.int('whole-number'), z.gte(min, 'too-small'), z.lte(max, 'too-big')),
  );

/** The range rules of the weekly check-in (DESIGN.md table P1-P6), including the cross-field ones. */
export const CheckinDataSchema = z
  .looseObject({
    week: IsoWeekSchema,
    p1: answer(0, 12),
    p2: answer(0, 7),
    p3: answer(0, 20),
    p4: answer(0, 20),
    p5: answer(0, 20),
    p6: answer(1, 5),
  })
  .check(
    z.superRefine((c, ctx) => {
      if (c.p1 === 0 && c.p2 != null)
        ctx.addIssue({ code: 'custom', path: ['p2'], message: 'not-asked-when-p1-zero' });
      if (c.p1 === 0 && c.p3 != null)
        ctx.addIssue({ code: 'custom', path: ['p3'], message: 'not-asked-when-p1-zero' });
      if (c.p4 === 0 && c.p5 != null)
        ctx.addIssue({ code: 'custom', path: ['p5'], message: 'not-asked-when-p4-zero' });
      if (c.p4 != null && c.p5 != null && c.p5 > c.p4)
        ctx.addIssue({ code: 'custom', path: ['p5'], message: 'p5-above-p4' });
    }),
  );
export type CheckinData = z.infer<typeof CheckinDataSchema>;

/** The id of the check-in of `week`: two devices filling in one week write one record. */
export function checkinId(week: string): string {
  return `checkin-${week}`;
}

const pdsaText = text(2000);
export const PDSA_PURPOSES = ['collect', 'develop', 'test', 'implement'] as const;
export const PDSA_DRIVERS = ['observe', 'plan', 'peer', 'other'] as const;
export const PDSA_ACTS = ['adopt', 'adapt', 'abandon'] as const;

export const PdsaDataSchema = z.looseObject({
  changeIdeaId: z.string().check(z.minLength(1), z.maxLength(100)),
  changeIdea: z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(200, 'too-long')),
  cycle: z.number().check(z.int(), z.gte(1)),
  purpose: z.enum(PDSA_PURPOSES),
  driver: z.enum(PDSA_DRIVERS),
  objective: pdsaText,
  questions: z
    .array(
      z.looseObject({
        question: z.nullish(pdsaText),
        prediction: z.nullish(pdsaText),
        result: z.nullish(pdsaText),
      }),
    )
    .check(z.maxLength(10, 'too-many')),
  plan: z.looseObject({
    what: z.nullish(pdsaText),
    who: z.nullish(pdsaText),
    when: z.nullish(pdsaText),
    where: z.nullish(pdsaText),
  }),
  measure: z.nullish(z.enum(MEASURE_IDS)),
  startDate: CalendarDateSchema,
  endDate: z.nullish(CalendarDateSchema),
  do: z.nullish(
    z.looseObject({
      asPlanned: z.nullish(z.boolean()),
      whatHappened: z.nullish(pdsaText),
      surprises: z.nullish(pdsaText),
    }),
  ),
  learned: z.nullish(pdsaText),
  act: z.nullish(z.enum(PDSA_ACTS)),
  nextStep: z.nullish(pdsaText),
  startsPhase: z.nullish(z.boolean()),
});
export type PdsaData = z.infer<typeof PdsaDataSchema>;

const fieldValues = z.record(z.string(), z.unknown());

export const ConflictDataSchema = z.looseObject({
  table: z.string(),
  recordId: z.string(),
  kind: z.enum(['fields', 'delete-edit', 'invalid-merge']),
  fields: z.array(z.string()),
  winning: fieldValues,
  losing: fieldValues,
  winner: z.enum(['incoming', 'stored']),
  baseVersion: z.number().check(z.int(), z.nonnegative()),
  resultVersion: z.number().check(z.int(), z.nonnegative()),
  incoming: z.looseObject({
    deviceId: z.nullable(z.string()),
    hlc: z.string(),
    mutationId: z.string(),
  }),
  stored: z.looseObject({ deviceId: z.nullable(z.string()), hlc: z.string() }),
  resolvedAt: z.nullish(z.string()),
  resolution: z.nullish(z.enum(['kept', 'used-other'])),
});
export type ConflictData = z.infer<typeof ConflictDataSchema>;

/** The only fields of a conflict record a device may change (SYNC.md §3 step 1, §5). */
export const RESOLUTION_FIELDS: readonly string[] = ['resolvedAt', 'resolution'];

/** The data schema of each synced table. */
export const DATA_SCHEMAS = {
  children: ChildDataSchema,
  observations: ObservationDataSchema,
  checkins: CheckinDataSchema,
  pdsa: PdsaDataSchema,
  conflicts: ConflictDataSchema,
  sharing: SharingDataSchema,
} as const satisfies Record<SyncedTable, z.ZodMiniType>;

export type DataOf<T extends SyncedTable> = z.infer<(typeof DATA_SCHEMAS)[T]>;

/** One field-level problem, with a stable message key. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** The result of validating a record: its parsed data, or the list of field problems. */
export type ValidationResult<T> = { ok: true; data: T } | { ok: false; issues: FieldIssue[] };

/**
 * Stable keys for the issues a schema does not name itself (a missing field, a wrong type, an
 * unknown option), so that no zod default English sentence reaches her screen or a `rejected` result.
 * Messages written in the schemas take precedence over these. Exported for the agency records.
 */
export const issueKey: z.core.$ZodErrorMap = (iss) => {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input == null) return 'required';
      return iss.expected === 'int' ? 'whole-number' : 'wrong-type';
    case 'invalid_value':
      return 'not-an-option';
    case 'too_small':
      return (iss.origin === 'string' || iss.origin === 'array') && Number(iss.minimum) === 1
        ? 'required'
        : 'too-small';
    case 'too_big':
      return iss.origin === 'string' ? 'too-long' : iss.origin === 'array' ? 'too-many' : 'too-big';
    default:
      return 'invalid';
  }
};

/** Turns zod issues into field issues (`path` joined with dots). */
export function toFieldIssues(error: z.core.$ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/**
 * Validates one record's data for its table, and its id: a check-in's id must be `checkin-<week>`,
 * her sharing choice's `sharing`, every other id a short token of letters, digits and dashes (a UUIDv7 when made by the app).
 */
export function validateRecord<T extends SyncedTable>(
  table: T,
  id: string,
  data: unknown,
): ValidationResult<DataOf<T>> {
  const parsed = DATA_SCHEMAS[table].safeParse(data, { error: issueKey });
  const issues: FieldIssue[] = parsed.success ? [] : toFieldIssues(parsed.error);
  if (!RECORD_ID.test(id)) issues.push({ path: 'id', message: 'bad-id' });
  // Her one sharing record (SYNC.md §12): two of her devices write the same record.
  else if (table === 'sharing' && id !== SHARING_ID)
    issues.push({ path: 'id', message: 'sharing-id' });
  if (
    table === 'checkins' &&
    parsed.success &&
    id !== checkinId((parsed.data as CheckinData).week)
  ) {
    issues.push({ path: 'id', message: 'checkin-id-mismatch' });
  }
  return issues.length || !parsed.success
    ? { ok: false, issues }
    : { ok: true, data: parsed.data as DataOf<T> };
}

const RECORD_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
