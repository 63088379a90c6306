/** The worksheet's choices in her words (catalogue keys), in the order they are offered. */
import type { PdsaStatus } from '../../../domain/pdsa';
import { MEASURE_IDS, type MeasureId } from '../../../domain/tables';
import type { MessageKey } from '../../i18n/en';
import { t } from '../../i18n/i18n';
import type { ChipOption } from '../../ui/ChipGroup';
import { ACT_KEYS, DRIVER_KEYS, PURPOSE_KEYS, STATUS_KEYS } from './pdsa-labels';

function options<K extends string>(keys: Readonly<Record<K, MessageKey>>): ChipOption<K>[] {
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
