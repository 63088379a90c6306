/**
 * English words of the screens after the first (Progress, PDSA cycles, connecting and syncing, data, "Needs
 * your attention", printing): a chunk of their own, loaded after the first paint and awaited by
 * every lazy screen (i18n.ts `loadLaterWords`). Keys are shared with es-later.ts.
 */
import { attentionEn } from '../features/attention/messages.en';
import { connectEn } from '../features/connect/messages.en';
import { dataEn } from '../features/data/messages.en';
import { pdsaEn } from '../features/pdsa/messages.en';
import { printEn } from '../features/print/messages.en';
import { progressEn } from '../features/progress/messages.en';
import { sharingEn } from '../features/sharing/messages.en';
import { staffEn } from '../features/staff/messages.en';
import { staffViewsEn } from '../features/staff/views-messages.en';

const enLater = {
  ...progressEn,
  ...connectEn,
  ...dataEn,
  ...attentionEn,
  ...printEn,
  ...pdsaEn,
  ...staffEn,
  ...staffViewsEn,
  ...sharingEn,
};

export type LaterMessages = typeof enLater;
export default enLater;
