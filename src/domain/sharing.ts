/**
 * A provider's sharing choice (SYNC.md §12, §14): one record of her own scope, id `sharing`, synced
 * like any record. Its own module so that `records.ts` (which validates every synced table) and
 * `agency-records.ts` (which imports from `records.ts`) can both read it without an import cycle.
 */
import { z } from 'zod/mini';
import { CalendarDateSchema, LocalDateTimeSchema } from './dates';

export const SHARING_LEVELS = ['nothing', 'numbers', 'numbers-and-pdsa'] as const;
export type SharingLevel = (typeof SHARING_LEVELS)[number];
/** The one id of a provider's sharing record (SYNC.md §12). */
export const SHARING_ID = 'sharing';

/** Her choice of what her agency's staff may read (SYNC.md §14). */
export const SharingDataSchema = z.looseObject({
  level: z.enum(SHARING_LEVELS),
  firstUseAt: z.nullish(z.union([CalendarDateSchema, LocalDateTimeSchema])),
});
export type SharingData = z.infer<typeof SharingDataSchema>;
