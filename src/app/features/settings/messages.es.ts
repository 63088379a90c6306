/** Las palabras en español de Ajustes. */
import type { settingsEn } from './messages.en';

export const settingsEs: Record<keyof typeof settingsEn, string> = {
  'settings.advanced': 'Avanzado',
  'settings.advancedHint':
    'Cómo deciden sus gráficas que algo cambió de verdad. Puede dejarlo como está.',
};
