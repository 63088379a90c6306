/**
 * The enrollment answers of SYNC.md §13: a staff code answers with the staff member, her role and
 * her agency; a provider code with `kind: "provider"` (SYNC.md §7). A reader treats a missing `kind`
 * as a provider's answer, so an older server's answer still parses.
 */
import { z } from 'zod/mini';
import { HlcSchema } from './hlc';
import { STAFF_ROLES } from './scopes';
import { EnrollResponseSchema } from './sync-messages';

/** `POST /api/v1/devices/enroll` with a staff code. */
export const StaffEnrollResponseSchema = z.looseObject({
  kind: z.literal('staff'),
  deviceId: z.string(),
  deviceToken: z.string(),
  staffId: z.string(),
  staffName: z.string(),
  role: z.enum(STAFF_ROLES),
  agencyId: z.nullable(z.string()),
  agencyName: z.nullable(z.string()),
  serverHlc: HlcSchema,
});
export type StaffEnrollResponse = z.infer<typeof StaffEnrollResponseSchema>;

/** `enroll/check` with a staff code: whom it connects, without spending it. */
export const StaffEnrollCheckResponseSchema = z.looseObject({
  kind: z.literal('staff'),
  staffName: z.string(),
  role: z.enum(STAFF_ROLES),
  agencyName: z.nullable(z.string()),
});
export type StaffEnrollCheckResponse = z.infer<typeof StaffEnrollCheckResponseSchema>;

/** Either enrollment answer, told apart by `kind`. */
export type AnyEnrollResponse =
  | { kind: 'provider'; response: z.infer<typeof EnrollResponseSchema> }
  | { kind: 'staff'; response: StaffEnrollResponse };

/** Parses an enrollment answer of either kind; `null` when it is neither. */
export function parseEnrollResponse(body: unknown): AnyEnrollResponse | null {
  const kind = (body as { kind?: unknown } | null)?.kind;
  if (kind === 'staff') {
    const staff = StaffEnrollResponseSchema.safeParse(body);
    return staff.success ? { kind: 'staff', response: staff.data } : null;
  }
  if (kind !== undefined && kind !== 'provider') return null;
  const provider = EnrollResponseSchema.safeParse(body);
  return provider.success ? { kind: 'provider', response: provider.data } : null;
}

/** `GET /api/v1/staff/providers` (SYNC.md §17): the providers she may log a visit with, by name. */
export const StaffProvidersResponseSchema = z.looseObject({
  providers: z.array(z.looseObject({ providerId: z.string(), name: z.string() })),
});
export type StaffProvidersResponse = z.infer<typeof StaffProvidersResponseSchema>;
