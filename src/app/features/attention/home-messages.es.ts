/** Las palabras de "Necesita su atención" en la primera pantalla (el enlace de Inicio, el estado de cada registro). */
import { glossaryIn } from '../../i18n/glossary';
import type { attentionHomeEn } from './home-messages.en';

const g = glossaryIn('es');

export const attentionHomeEs: Record<keyof typeof attentionHomeEn, string> = {
  'attention.link.one': '{count} cosa necesita su atención',
  'attention.link.other': '{count} cosas necesitan su atención',
  'sync.state.pending': g.savedHere,
  'sync.state.synced': 'Sincronizado',
  'sync.state.rejected': 'No aceptado',
  'sync.state.attention': 'Necesita su atención',
};
