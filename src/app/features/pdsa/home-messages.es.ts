/** Las palabras de PDSA en la primera pantalla (la tarjeta de Inicio, las etiquetas de un ciclo). */
import { glossaryIn } from '../../i18n/glossary';
import type { pdsaHomeEn } from './home-messages.en';

const g = glossaryIn('es');

export const pdsaHomeEs: Record<keyof typeof pdsaHomeEn, string> = {
  'nav.pdsa': 'PDSA',
  'pdsa.status.planned': 'Por hacer',
  'pdsa.status.doing': 'En marcha',
  'pdsa.status.studying': 'Revisando resultados',
  'pdsa.status.done': 'Terminado',
  'pdsa.purpose.collect': 'Reunir información',
  'pdsa.purpose.develop': 'Preparar un cambio',
  'pdsa.purpose.test': 'Probar un cambio',
  'pdsa.purpose.implement': 'Poner un cambio en práctica',
  'pdsa.driver.observe': `Observar y anotar lo que hacen los ${g.toddlers}`,
  'pdsa.driver.plan': 'Planear a partir de lo que observo',
  'pdsa.driver.peer': 'Hablar con otras proveedoras',
  'pdsa.driver.other': 'Otra cosa',
  'pdsa.measure.label': '¿Qué gráfica mostrará el resultado?',
  'pdsa.measure.none': 'Todavía sin elegir',
  'pdsa.measure.notes': `${g.Notes} escritas cada semana`,
  'pdsa.measure.notes-with-idea': `${g.Notes} con una idea para probar`,
  'pdsa.measure.p2': `Días en que anoté algo que hizo o dijo alguno de los ${g.toddlers}`,
  'pdsa.measure.p3': `Actividades que planeé para los ${g.toddlers} a partir de lo que observé`,
  'pdsa.measure.p5-of-p4': `Conversaciones con otras proveedoras sobre ${g.toddlers} en grupos de edades mixtas (por ciento)`,
  'pdsa.measure.p6': `Qué tan fácil fue encontrar tiempo para escribir ${g.notes}`,
  'pdsa.act.adopt': 'Adoptar: seguir haciéndolo',
  'pdsa.act.adapt': 'Adaptar: cambiarlo y probar otra vez',
  'pdsa.act.abandon': 'Abandonar: dejarlo y probar otra cosa',
  'pdsaHome.title': 'Ciclo PDSA en curso',
  'pdsaHome.continue': 'Continuar: {idea}, ciclo {n}',
  'pdsaHome.none': 'No hay ningún ciclo en curso.',
  'pdsaHome.start': 'Empezar un ciclo PDSA',
};
