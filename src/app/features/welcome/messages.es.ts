/** Las palabras en español del primer uso. */
import type { welcomeEn } from './messages.en';

export const welcomeEs: Record<keyof typeof welcomeEn, string> = {
  'welcome.title': 'Le damos la bienvenida a Naptime',
  'welcome.step': 'Paso {n} de {total}',
  'welcome.languageText': '¿En qué idioma quiere usar Naptime? Puede cambiarlo después en Ajustes.',
  'welcome.languageLabel': 'Idioma',
  'welcome.childrenTitle': 'Agregue a los niños que cuida',
  'welcome.childrenText':
    'Basta con el nombre o un apodo. Los de 1 y 2 años aparecen primero en cada lista.',
  'welcome.childrenGo': 'Agregar un niño o niña',
  'welcome.noteTitle': 'Escriba su primera nota',
  'welcome.noteText':
    '¿Qué hizo o dijo hoy un niño o niña? Basta con una o dos frases; se guarda en este dispositivo, aunque no haya internet.',
  'welcome.noteGo': 'Escribir mi primera nota',
  'welcome.homeTitle': 'Agregue Naptime a su pantalla de inicio',
  'welcome.homeDone': 'Ya lo hice',
  'welcome.skip': 'Saltar este paso',
};
