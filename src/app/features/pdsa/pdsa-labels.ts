/** The catalogue key of each coded value of a PDSA cycle: one list for the worksheet, print and export. */
import type { PdsaStatus } from '../../../domain/pdsa';
import type { Act, Driver, Purpose } from './pdsa-form';

/** "What will this cycle do?", in the order the worksheet offers it. */
export const PURPOSE_KEYS = {
  collect: 'pdsa.purpose.collect',
  develop: 'pdsa.purpose.develop',
  test: 'pdsa.purpose.test',
  implement: 'pdsa.purpose.implement',
} as const satisfies Record<Purpose, string>;

/** The collaborative's drivers. */
export const DRIVER_KEYS = {
  observe: 'pdsa.driver.observe',
  plan: 'pdsa.driver.plan',
  peer: 'pdsa.driver.peer',
  other: 'pdsa.driver.other',
} as const satisfies Record<Driver, string>;

/** Adopt / adapt / abandon. */
export const ACT_KEYS = {
  adopt: 'pdsa.act.adopt',
  adapt: 'pdsa.act.adapt',
  abandon: 'pdsa.act.abandon',
} as const satisfies Record<Act, string>;

/** A cycle's derived status. */
export const STATUS_KEYS = {
  planned: 'pdsa.status.planned',
  doing: 'pdsa.status.doing',
  studying: 'pdsa.status.studying',
  done: 'pdsa.status.done',
} as const satisfies Record<PdsaStatus, string>;
