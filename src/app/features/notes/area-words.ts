/** The catalogue key of each area of development, written once for the form and the cards. */
import type { Area } from './note-form';
import type { MessageKey } from '../../i18n/en';

/** The words of each area of development. */
export const AREA_KEYS = {
  'social-emotional': 'area.socialEmotional',
  language: 'area.language',
  cognition: 'area.cognition',
  'motor-physical': 'area.motorPhysical',
  'approaches-to-learning': 'area.approaches',
} as const satisfies Record<Area, MessageKey>;
