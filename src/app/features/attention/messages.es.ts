/** Las palabras en español de "Necesita su atención" y del estado de cada registro. */
import { glossaryIn } from '../../i18n/glossary';
import type { attentionEn } from './messages.en';

const g = glossaryIn('es');

export const attentionEs: Record<keyof typeof attentionEn, string> = {
  'attention.title': 'Necesita su atención',
  'attention.none': 'Nada necesita su atención. Todo está en orden.',
  'attention.conflictsTitle': 'Cambiado en dos dispositivos',
  'attention.conflictsIntro':
    'Esto se cambió en dos dispositivos antes de que pudieran sincronizarse. Mire qué es diferente y escoja la versión que quiere. No se pierde nada: la otra queda guardada con su agencia.',
  'attention.what.observations': `${g.Note} sobre {names}, {when}`,
  'attention.what.children': `${g.Child}: {name}`,
  'attention.what.checkins': `${g.Checkin}, {week}`,
  'attention.what.pdsa': 'PDSA: {idea}, ciclo {n}',
  'attention.what.unreadable': 'Algo que este dispositivo no puede mostrar',
  'attention.now': 'Ahora en Naptime',
  'attention.other': 'La otra versión',
  'attention.changedHere': 'Cambiado en este dispositivo, {when}',
  'attention.changedElsewhere': 'Cambiado en otro dispositivo, {when}',
  'attention.keep': 'Quedarme con esta',
  'attention.useOther': 'Usar la otra',
  'attention.done': 'Listo. Su elección está guardada y se enviará a sus otros dispositivos.',
  'attention.notFitting':
    'La otra versión no encaja con lo demás. {reason} Ábralo para cambiarlo a mano, o quédese con esta versión.',
  'attention.openIt': 'Abrirlo',
  'attention.notHereYet':
    'Esto todavía no llega a este dispositivo. Toque “Sincronizar ahora” en Inicio y vuelva a intentarlo.',
  'attention.alreadyDone': 'Esto ya se resolvió, quizás en otro dispositivo.',
  'attention.empty': '(en blanco)',
  'attention.deleted': '¿Se borró?',
  'attention.deletedYes': 'Sí, se borró',
  'attention.deletedNo': 'No se borró',
  'attention.yes': 'Sí',
  'attention.no': 'No',
  'attention.week': 'Semana',
  'attention.cycle': 'Número de ciclo',
  'attention.otherField': 'Otro detalle',
  'attention.rejectedTitle': 'No aceptado',
  'attention.rejectedIntro': `El servidor de su ${g.agency} no aceptó esto. Está guardado en este dispositivo. Abra cada uno, corrija lo que dice y vuelva a guardarlo.`,
  'attention.fix': 'Abrir y corregir',
  'attention.rejectedNotice': `El servidor de su ${g.agency} no lo aceptó. {reason} Corríjalo aquí y vuelva a guardar.`,
  'attention.conflictNotice':
    'Esto se cambió en dos dispositivos. Elija la versión que quiere guardar.',
  'attention.seeBoth': 'Ver las dos versiones',
  'attention.unreadableIntro':
    'Esta versión de Naptime no puede abrirlo para corregirlo. Esto es lo que contiene. Guarde una copia; después puede descartarlo de este dispositivo.',
  'attention.saveCopy': 'Guardar una copia',
  'attention.copySaved': 'La copia está guardada. Ya puede descartarlo de este dispositivo.',
  'attention.discard': 'Descartarlo',
  'attention.discardTitle': '¿Descartarlo de este dispositivo?',
  'attention.discardBody': `Sale de este dispositivo. La copia que guardó lo conserva, y una versión anterior que el servidor de su ${g.agency} aceptó se queda allí.`,
  'attention.discarded': 'Descartado de este dispositivo. Su copia lo conserva.',
  'reject.VALIDATION_FAILED': 'Algo no está bien.',
  'reject.RECORD_TOO_LARGE':
    'Es demasiado grande para enviarlo. Acorte el texto más largo, por favor.',
  'reject.FORBIDDEN': 'Este cambio no está permitido.',
  'reject.UNKNOWN_TABLE':
    'Esta versión de Naptime envía algo que el servidor no conoce. Actualice la aplicación y vuelva a guardarlo.',
  'reject.SEND_TIMEOUT':
    'Enviarlo tardó demasiado tres veces. Vuelva a guardarlo cuando la conexión esté mejor.',
  'reject.unknown': 'El servidor no dijo por qué.',
  'reject.detail': 'En “{field}”, {problem}.',
  'issue.required': 'falta',
  'issue.too-long': 'es demasiado largo',
  'issue.too-many': 'hay demasiados',
  'issue.too-small': 'el número es demasiado pequeño',
  'issue.too-big': 'el número es demasiado grande',
  'issue.whole-number': 'tiene que ser un número entero',
  'issue.not-an-option': 'no es una de las opciones',
  'issue.repeated': 'la misma opción está dos veces',
  'issue.p5-above-p4': 'es más que sus conversaciones con otras proveedoras',
  'issue.not-asked-when-p1-zero': 'no se pregunta si no cuidó a niños pequeños',
  'issue.not-asked-when-p4-zero': 'no se pregunta si no tuvo conversaciones',
  'issue.other': 'no es válido',
};
