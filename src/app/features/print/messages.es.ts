/** Las palabras en español de los resúmenes para imprimir. */
import { glossaryIn } from '../../i18n/glossary';
import type { printEn } from './messages.en';

const g = glossaryIn('es');

export const printEs: Record<keyof typeof printEn, string> = {
  'print.childTitle': `${g.Notes} sobre {name}`,
  'print.monthTitle': `Mis registros semanales y ciclos PDSA: {month}`,
  'print.range': 'Del {from} al {to}',
  'print.from': 'Desde',
  'print.to': 'Hasta',
  'print.month': 'Mes',
  'print.print': 'Imprimir o guardar como PDF',
  'print.explain':
    'Elija los días y luego imprima. Su navegador también puede guardar la página como PDF.',
  'print.explainMonth':
    'Elija el mes y luego imprima. Su navegador también puede guardar la página como PDF.',
  'print.noNotes': `No hay ${g.notes} sobre este niño o niña en esos días.`,
  'print.checkins': 'Registros semanales',
  'print.noCheckins': `No llenó ningún ${g.checkin} este mes.`,
  'print.cycles': 'Ciclos PDSA',
  'print.noCycles': 'No hay ciclos PDSA este mes.',
  'print.question': 'Pregunta',
  'print.answer': 'Respuesta',
  'print.notAnswered': 'sin respuesta',
  'print.cycleLine': 'Ciclo {n} · {status} · empezó el {date}',
  'print.monthLink': 'Imprimir un resumen del mes',
  'print.madeOn': 'Impreso desde Naptime el {date}.',
  'print.back': 'Volver',
};
