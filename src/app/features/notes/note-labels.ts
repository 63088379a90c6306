/** The catalogue key of each coded value of a note (area, during, with): one list for every screen. */
import type { AREAS, DURING, WITH } from '../../../domain/records';

/** Area of development → its plain words (DESIGN.md 2, the ELOF domains). */
export const AREA_KEYS = {
  'social-emotional': 'area.socialEmotional',
  language: 'area.language',
  cognition: 'area.cognition',
  'motor-physical': 'area.motorPhysical',
  'approaches-to-learning': 'area.approaches',
} as const satisfies Record<(typeof AREAS)[number], string>;

/** During what → its words. */
export const DURING_KEYS = {
  play: 'during.play',
  meal: 'during.meal',
  diapering: 'during.diapering',
  nap: 'during.nap',
  outside: 'during.outside',
  'arrival-pickup': 'during.arrivalPickup',
} as const satisfies Record<(typeof DURING)[number], string>;

/** With whom → its words. */
export const WITH_KEYS = {
  alone: 'with.alone',
  older: 'with.older',
  younger: 'with.younger',
  'same-age': 'with.sameAge',
  provider: 'with.provider',
} as const satisfies Record<(typeof WITH)[number], string>;

/** The words of the "when" one-tap choices stored as `observedAtApprox`. */
export const APPROX_KEYS = {
  morning: 'when.morning',
  'after-lunch': 'when.afterLunch',
  'earlier-today': 'when.earlierToday',
} as const;
