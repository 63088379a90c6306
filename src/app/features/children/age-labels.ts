/** The catalogue key of each age band: one list for the roster, a child's page and the spreadsheets. */
import type { AgeBand } from '../../../domain/children';

/** Age band → its words ("Toddler"). */
export const AGE_KEYS = {
  infant: 'age.infant',
  toddler: 'age.toddler',
  preschool: 'age.preschool',
  'school-age': 'age.schoolAge',
} as const satisfies Record<AgeBand, string>;
