/**
 * Zod schemas of the `data` of every synced record (DESIGN.md "Records"). Schemas are loose: a
 * field this build does not know is kept, never stripped. Every optional field accepts null, and
 * null and absent mean the same. Issue messages are stable keys that the app translates.
 */
import { z } from 'zod';
import { CalendarDateSchema, IsoWeekSchema, LocalDateTimeSchema } from './dates';
import { MEASURE_IDS, type SyncedTable } from './tables';

const notBlank = (s: string) => s.trim().length > 0;
const noRepeats = (a: readonly unknown[]) => new Set(a).size === a.length;
const text = (max: number) => z.string().max(max, 'too-long');

export const AGE_BANDS = ['infant', 'toddler', 'preschool', 'school-age'] as const;

export const ChildDataSchema = z.looseObject({
  name: z.string().trim().min(1, 'required').max(60, 'too-long'),
  birthMonth: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'not-a-month')
    .nullish(),
  active: z.boolean(),
});
export type ChildData = z.infer<typeof ChildDataSchema>;

export const AREAS = ['social-emotional', 'language', 'cognition', 'motor-physical', 'approaches-to-learning'] as const;
export const DURING = ['play', 'meal', 'diapering', 'nap', 'outside', 'arrival-pickup'] as const;
export const WITH = ['alone', 'older', 'younger', 'same-age', 'provider'] as const;
export const APPROX_TIMES = ['morning', 'after-lunch', 'earlier-today'] as const;

export const ObservationDataSchema = z.looseObject({
  childIds: z
    .array(z.string().min(1))
    .min(1, 'required')
    .max(10, 'too-many')
    .refine(noRepeats, 'repeated'),
  observedAt: LocalDateTimeSchema,
  observedAtApprox: z.enum(APPROX_TIMES).nullish(),
  text: z.string().min(1, 'required').max(4000, 'too-long').refine(notBlank, 'required'),
  area: z.enum(AREAS).nullish(),
  during: z.enum(DURING).nullish(),
  with: z.array(z.enum(WITH)).refine(noRepeats, 'repeated').nullish(),
  nextStep: text(500).nullish(),
});
export type ObservationData = z.infer<typeof ObservationDataSchema>;

const answer = (min: number, max: number) =>
  z.number().int('whole-number').min(min, 'too-small').max(max, 'too-big').nullish();

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
  .superRefine((c, ctx) => {
    if (c.p1 === 0 && c.p2 != null) ctx.addIssue({ code: 'custom', path: ['p2'], message: 'not-asked-when-p1-zero' });
    if (c.p1 === 0 && c.p3 != null) ctx.addIssue({ code: 'custom', path: ['p3'], message: 'not-asked-when-p1-zero' });
    if (c.p4 === 0 && c.p5 != null) ctx.addIssue({ code: 'custom', path: ['p5'], message: 'not-asked-when-p4-zero' });
    if (c.p4 != null && c.p5 != null && c.p5 > c.p4) ctx.addIssue({ code: 'custom', path: ['p5'], message: 'p5-above-p4' });
  });
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
  changeIdeaId: z.string().min(1).max(100),
  changeIdea: z.string().trim().min(1, 'required').max(200, 'too-long'),
  cycle: z.number().int().min(1),
  purpose: z.enum(PDSA_PURPOSES),
  driver: z.enum(PDSA_DRIVERS),
  objective: pdsaText,
  questions: z
    .array(z.looseObject({ question: pdsaText.nullish(), prediction: pdsaText.nullish(), result: pdsaText.nullish() }))
    .max(10, 'too-many'),
  plan: z.looseObject({
    what: pdsaText.nullish(),
    who: pdsaText.nullish(),
    when: pdsaText.nullish(),
    where: pdsaText.nullish(),
  }),
  measure: z.enum(MEASURE_IDS).nullish(),
  startDate: CalendarDateSchema,
  endDate: CalendarDateSchema.nullish(),
  do: z
    .looseObject({ asPlanned: z.boolean().nullish(), whatHappened: pdsaText.nullish(), surprises: pdsaText.nullish() })
    .nullish(),
  learned: pdsaText.nullish(),
  act: z.enum(PDSA_ACTS).nullish(),
  nextStep: pdsaText.nullish(),
  startsPhase: z.boolean().nullish(),
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
  baseVersion: z.number().int().nonnegative(),
  resultVersion: z.number().int().nonnegative(),
  incoming: z.looseObject({ deviceId: z.string().nullable(), hlc: z.string(), mutationId: z.string() }),
  stored: z.looseObject({ deviceId: z.string().nullable(), hlc: z.string() }),
  resolvedAt: z.string().nullish(),
  resolution: z.enum(['kept', 'used-other']).nullish(),
});
export type ConflictData = z.infer<typeof ConflictDataSchema>;

/** The data schema of each synced table. */
export const DATA_SCHEMAS = {
  children: ChildDataSchema,
  observations: ObservationDataSchema,
  checkins: CheckinDataSchema,
  pdsa: PdsaDataSchema,
  conflicts: ConflictDataSchema,
} as const satisfies Record<SyncedTable, z.ZodType>;

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
 * Messages written in the schemas take precedence over these.
 */
const issueKey: z.core.$ZodErrorMap = (iss) => {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input == null) return 'required';
      return iss.expected === 'int' ? 'whole-number' : 'wrong-type';
    case 'invalid_value':
      return 'not-an-option';
    case 'too_small':
      return (iss.origin === 'string' || iss.origin === 'array') && Number(iss.minimum) === 1 ? 'required' : 'too-small';
    case 'too_big':
      return iss.origin === 'string' ? 'too-long' : iss.origin === 'array' ? 'too-many' : 'too-big';
    default:
      return 'invalid';
  }
};

/** Turns zod issues into field issues (`path` joined with dots). */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/**
 * Validates one record's data for its table, and its id: a check-in's id must be `checkin-<week>`,
 * every other id a short token of letters, digits and dashes (a UUIDv7 when made by the app).
 */
export function validateRecord<T extends SyncedTable>(table: T, id: string, data: unknown): ValidationResult<DataOf<T>> {
  const parsed = DATA_SCHEMAS[table].safeParse(data, { error: issueKey });
  const issues: FieldIssue[] = parsed.success ? [] : toFieldIssues(parsed.error);
  if (!RECORD_ID.test(id)) issues.push({ path: 'id', message: 'bad-id' });
  if (table === 'checkins' && parsed.success && id !== checkinId((parsed.data as CheckinData).week)) {
    issues.push({ path: 'id', message: 'checkin-id-mismatch' });
  }
  return issues.length || !parsed.success ? { ok: false, issues } : { ok: true, data: parsed.data as DataOf<T> };
}

const RECORD_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
