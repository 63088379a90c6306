/** Las palabras en español de «Compartir con mi agencia». */
import { glossaryIn } from '../../i18n/glossary';
import type { sharingEn } from './messages.en';

const g = glossaryIn('es');

export const sharingEs: Record<keyof typeof sharingEn, string> = {
  'sharing.link': `Compartir con mi ${g.agency}`,
  'sharing.title': `Compartir con mi ${g.agency}`,
  'sharing.intro': `Si usted quiere, su asesora de la ${g.agency} puede ver cómo van sus semanas. Usted elige cuánto. Puede cambiarlo cuando quiera, y cuenta desde su próxima sincronización.`,
  'sharing.notConnected': `Aquí puede dejar que su asesora de la ${g.agency} vea sus números de cada semana. Primero conecte este dispositivo con su ${g.agency}.`,
  'sharing.levelLegend': 'Lo que su asesora puede ver',
  'sharing.level.nothing': 'Nada',
  'sharing.level.numbers': 'Mis números de cada semana',
  'sharing.level.numbers-and-pdsa': 'Mis números y mis ciclos PDSA',
  'sharing.hint.nothing': 'Su asesora ve solo su nombre.',
  'sharing.hint.numbers': `Para cada semana: sus respuestas del ${g.checkin} y cuántas ${g.notes} escribió. Nunca lo que escribió, nunca los nombres ni los meses de nacimiento de los ${g.Children.toLowerCase()}.`,
  'sharing.hint.numbers-and-pdsa':
    'Sus números de cada semana y, de cada ciclo PDSA: su título, sus fechas, en qué va, Estudiar y Actuar. No el resto de su plan.',
  'sharing.pdsaWarning': `Estudiar y Actuar están escritos con sus palabras. Si nombran a un ${g.child}, su asesora leerá ese nombre. Revíselos abajo antes de elegir.`,
  'sharing.example': 'Exactamente lo que verá su asesora, con sus propios datos',
  'sharing.exampleNothing': 'Su nombre, y nada más.',
  'sharing.exampleEmpty': `Nada todavía: aún no hay registros semanales ni ${g.notes}.`,
  'sharing.exampleMore.one': 'y {count} semana anterior, de la misma forma.',
  'sharing.exampleMore.other': 'y {count} semanas anteriores, de la misma forma.',
  'sharing.firstUse': 'Empezó a usar Naptime',
  'sharing.firstUseOn': 'Empezó a usar Naptime: {date}',
  'sharing.notesCount': `${g.Notes}: {notes}, con una idea para probar: {withIdea}`,
  'sharing.noCheckin': 'Sin registro semanal esa semana',
  'sharing.p1': 'Niños pequeños a su cuidado',
  'sharing.p4': 'Conversaciones con otras proveedoras',
  'sharing.p5': 'De ellas, sobre niños pequeños en grupos de varias edades',
  'sharing.cycles': 'Ciclos PDSA',
  'sharing.noCycles': 'Todavía no hay ciclos PDSA.',
  'sharing.save': 'Guardar mi elección',
  'sharing.saved': 'Guardado. Su asesora lo verá después de su próxima sincronización.',
  'sharing.current': 'Ahora: {level}',
};
