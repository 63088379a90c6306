/** Las palabras en español que comparten todos los formularios (se unen en i18n/es.ts). */
import type { uiEn } from './messages.en';

export const uiEs: Record<keyof typeof uiEn, string> = {
  'common.retry': 'Intentar otra vez',
  'error.readFailed':
    'Naptime no pudo leer esto del dispositivo. No se perdió nada. Inténtelo otra vez.',
  'error.restoreFailed': 'No se pudo recuperar ahora. Sigue en Borrado recientemente.',
  'error.draftFull':
    'Este dispositivo está lleno y lo que escribe no se está guardando como borrador. Guárdelo ahora o libere espacio.',
  'error.draftError':
    'Lo que escribe no se pudo guardar como borrador en este dispositivo. Guárdelo cuando pueda.',
  'error.settingFull':
    'Este dispositivo está lleno y el ajuste no se guardó. Libere espacio e inténtelo otra vez.',
  'error.settingError': 'El ajuste no se guardó en este dispositivo. Inténtelo otra vez.',
  'discard.title': '¿Desechar lo que escribió?',
  'discard.keep': 'Seguir escribiendo',
  'discard.confirm': 'Desechar',
  'discard.done': 'Desechado.',
};
