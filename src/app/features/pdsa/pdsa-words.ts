/** The worksheet's choices in her words (catalogue keys), in the order they are offered. */
import type { PdsaStatus } from '../../../domain/pdsa';
import { MEASURE_IDS, type MeasureId } from '../../../domain/tables';
import type { MessageKey } from '../../i18n/en';
import { t } from '../../i18n/i18n';
import type { ChipOption } from '../../ui/ChipGroup';
import type { Act, Driver, Purpose } from './pdsa-form';

const PURPOSE_KEYS: Record<Purpose, MessageKey> = {
  collect: 'pdsa.purpose.collect',
  develop: 'pdsa.purpose.develop',
  test: 'pdsa.purpose.test',
  implement: 'pdsa.purpose.implement',
};
const DRIVER_KEYS: Record<Driver, MessageKey> = {
  observe: 'pdsa.driver.observe',
  plan: 'pdsa.driver.plan',
  peer: 'pdsa.driver.peer',
  other: 'pdsa.driver.other',
};
const ACT_KEYS: Record<Act, MessageKey> = {
  adopt: 'pdsa.act.adopt',
  adapt: 'pdsa.act.adapt',
  abandon: 'pdsa.act.abandon',
};
const STATUS_KEYS: Record<PdsaStatus, MessageKey> = {
  planned: 'pdsa.status.planned',
  doing: 'pdsa.status.doing',
  studying: 'pdsa.status.studying',
  done: 'pdsa.status.done',
};

function options<K extends string>(keys: Record<K, MessageKey>): ChipOption<K>[] {
  return (Object.keys(keys) as K[]).map((value) => ({ value, label: t(keys[value]) }));
}

/** "What will this cycle do?" choices. */
export const purposeOptions = () => options(PURPOSE_KEYS);
/** The drivers of the collaborative, in plain words. */
export const driverOptions = () => options(DRIVER_KEYS);
/** Adopt / adapt / abandon, each with what it means. */
export const actOptions = () => options(ACT_KEYS);

/** A derived status in words. */
export function statusWord(status: PdsaStatus): string {
  return t(STATUS_KEYS[status]);
}

/** Every measure id with its chart's name in words. */
export function measureOptions(): ChipOption<MeasureId>[] {
  return MEASURE_IDS.map((value) => ({ value, label: t(`pdsa.measure.${value}`) }));
}
