/** Las palabras en español de las pantallas después de la primera. Mismas claves que en-later.ts. */
import type { LaterMessages } from './en-later';
import { attentionEs } from '../features/attention/messages.es';
import { connectEs } from '../features/connect/messages.es';
import { dataEs } from '../features/data/messages.es';
import { pdsaEs } from '../features/pdsa/messages.es';
import { printEs } from '../features/print/messages.es';
import { progressEs } from '../features/progress/messages.es';
import { sharingEs } from '../features/sharing/messages.es';
import { staffEs } from '../features/staff/messages.es';
import { staffViewsEs } from '../features/staff/views-messages.es';

const esLater: LaterMessages = {
  ...progressEs,
  ...connectEs,
  ...dataEs,
  ...attentionEs,
  ...printEs,
  ...pdsaEs,
  ...staffEs,
  ...staffViewsEs,
  ...sharingEs,
};

export default esLater;
