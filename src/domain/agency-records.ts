/**
 * Zod schemas of the records of the agency's side (DESIGN.md "The agency's side: records and views",
 * SYNC.md §12): a coach's TA contacts and weekly survey (scope `staff:<id>`), a provider's sharing
 * choice (her own scope, id `sharing`), and the collaborative's events (scope `agency:<id>`). Loose
 * like every record schema: unknown fields are kept; null and absent mean the same.
 */
import { z } from 'zod/mini';
import { CalendarDateSchema, IsoWeekSchema } from './dates';
import { issueKey, toFieldIssues, type FieldIssue, type ValidationResult } from './records';
import { SHARING_ID, SharingDataSchema } from './sharing';

const noRepeats = (a: readonly unknown[]) => new Set(a).size === a.length;
const serverId = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, 'bad-id'));
const count = (max: number) =>
  z.nullish(z.number().check(z.int('whole-number'), z.gte(0, 'too-small'), z.lte(max, 'too-big')));

export const TA_CONTACT_KINDS = ['visit', 'call', 'video', 'group'] as const;
export type TaContactKind = (typeof TA_CONTACT_KINDS)[number];
/** The largest group session one entry may count (S1's weekly range, SYNC.md §15). */
export const MAX_GROUP_SIZE = 60;

/** One TA contact (or one group session, counted as `groupSize` contacts). */
export const TaContactDataSchema = z
  .looseObject({
    providerId: z.nullish(serverId),
    /**
     * Her name as the coach saw or typed it: typed when the provider list has not reached this
     * device yet (SYNC.md §17), so a visit logged offline on a new device is never refused.
     */
    providerName: z.nullish(
      z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(200, 'too-long')),
    ),
    date: CalendarDateSchema,
    kind: z.enum(TA_CONTACT_KINDS),
    groupSize: z.nullish(
      z
        .number()
        .check(z.int('whole-number'), z.gte(1, 'too-small'), z.lte(MAX_GROUP_SIZE, 'too-big')),
    ),
    observation: z.boolean(),
    planning: z.boolean(),
    qiData: z.boolean(),
    note: z.nullish(z.string().check(z.maxLength(1000, 'too-long'))),
  })
  .check(
    z.superRefine((c, ctx) => {
      if (c.kind === 'group' && c.groupSize == null)
        ctx.addIssue({ code: 'custom', path: ['groupSize'], message: 'required' });
      if (c.kind !== 'group' && c.groupSize != null)
        ctx.addIssue({ code: 'custom', path: ['groupSize'], message: 'only-for-group' });
      if (c.kind !== 'group' && c.providerId == null && c.providerName == null)
        ctx.addIssue({ code: 'custom', path: ['providerId'], message: 'required' });
    }),
  );
export type TaContactData = z.infer<typeof TaContactDataSchema>;

/** How many TA contacts one entry counts: a group session counts its group size. */
export function contactCount(c: Pick<TaContactData, 'kind' | 'groupSize'>): number {
  return c.kind === 'group' ? (c.groupSize ?? 0) : 1;
}

export const BARRIERS = [
  'time',
  'internet',
  'language',
  'technology',
  'provider-availability',
  'other',
] as const;
export type Barrier = (typeof BARRIERS)[number];

/** The weekly staff survey S1–S6 ("Agency staff"), with its cross-field rules. */
export const StaffCheckinDataSchema = z
  .looseObject({
    week: IsoWeekSchema,
    s1: count(60),
    s2: count(60),
    s3: count(60),
    s4: count(60),
    s5: count(10),
    s6: z.nullish(z.array(z.enum(BARRIERS)).check(z.refine(noRepeats, 'repeated'))),
    s6Other: z.nullish(z.string().check(z.maxLength(200, 'too-long'))),
  })
  .check(
    z.superRefine((c, ctx) => {
      for (const q of ['s2', 's3', 's4'] as const) {
        const v = c[q];
        if (v == null) continue;
        if (c.s1 === 0)
          ctx.addIssue({ code: 'custom', path: [q], message: 'not-asked-when-s1-zero' });
        else if (c.s1 != null && v > c.s1)
          ctx.addIssue({ code: 'custom', path: [q], message: 'above-s1' });
      }
    }),
  );
export type StaffCheckinData = z.infer<typeof StaffCheckinDataSchema>;

/** The id of a staff member's survey of `week`: two of her devices write one record. */
export function staffCheckinId(week: string): string {
  return `staff-checkin-${week}`;
}

export { SHARING_ID, SHARING_LEVELS, SharingDataSchema } from './sharing';
export type { SharingData, SharingLevel } from './sharing';

export const EVENT_KINDS = ['learning-session', 'coaching-call', 'webinar', 'other'] as const;

/** A collaborative event, drawn as an annotation on the pooled charts; managers add them. */
export const EventDataSchema = z.looseObject({
  date: CalendarDateSchema,
  title: z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(200, 'too-long')),
  kind: z.enum(EVENT_KINDS),
});
export type EventData = z.infer<typeof EventDataSchema>;

/** The data schema of each table of the agency's side. */
export const AGENCY_DATA_SCHEMAS = {
  'ta-contacts': TaContactDataSchema,
  'staff-checkins': StaffCheckinDataSchema,
  sharing: SharingDataSchema,
  events: EventDataSchema,
} as const;
export type AgencyTable = keyof typeof AGENCY_DATA_SCHEMAS;
export type AgencyDataOf<T extends AgencyTable> = z.infer<(typeof AGENCY_DATA_SCHEMAS)[T]>;

const RECORD_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/**
 * Validates one record of an agency-side table and its id: `sharing` must be `sharing`, a survey
 * `staff-checkin-<week>` of its own week, any other id a short token (a UUIDv7 from the app).
 */
export function validateAgencyRecord<T extends AgencyTable>(
  table: T,
  id: string,
  data: unknown,
): ValidationResult<AgencyDataOf<T>> {
  const schema: z.ZodMiniType = AGENCY_DATA_SCHEMAS[table];
  const parsed = schema.safeParse(data, { error: issueKey });
  const issues: FieldIssue[] = parsed.success ? [] : toFieldIssues(parsed.error);
  if (typeof id !== 'string' || !RECORD_ID.test(id)) issues.push({ path: 'id', message: 'bad-id' });
  else if (table === 'sharing' && id !== SHARING_ID)
    issues.push({ path: 'id', message: 'sharing-id' });
  else if (
    table === 'staff-checkins' &&
    parsed.success &&
    id !== staffCheckinId((parsed.data as StaffCheckinData).week)
  )
    issues.push({ path: 'id', message: 'staff-checkin-id-mismatch' });
  return issues.length || !parsed.success
    ? { ok: false, issues }
    : { ok: true, data: parsed.data as AgencyDataOf<T> };
}
