/** Las palabras de datos en la primera pantalla (el recordatorio de Inicio, la bienvenida). */
import { glossaryIn } from '../../i18n/glossary';
import type { dataHomeEn } from './home-messages.en';

const g = glossaryIn('es');

export const dataHomeEs: Record<keyof typeof dataHomeEn, string> = {
  'data.storage.homeScreen': `En iPhone y iPad, agregue Naptime a su pantalla de inicio: toque Compartir y luego “Agregar a pantalla de inicio”. Si no, Safari podría borrar sus ${g.notes} después de 7 días sin usarla.`,
  'data.reminder.title': 'Es hora de guardar una copia',
  'data.reminder.text': `Hace más de una semana que no guarda una copia de sus ${g.notes}. Solo están en este dispositivo.`,
  'data.reminder.never': `Sus ${g.notes} solo están en este dispositivo. Guarde una copia para no perder nada si se descompone.`,
  'data.reminder.go': 'Guardar una copia ahora',
};
