/** Las palabras en español de las notas, las ideas y la página de cada niño o niña. */
import { glossaryIn } from '../../i18n/glossary';
import type { notesEn } from './messages.en';

const g = glossaryIn('es');

export const notesEs: Record<keyof typeof notesEn, string> = {
  'when.future': 'Esa hora todavía no llega. Elija una hora que ya pasó.',
  'when.said.morning': 'esta mañana',
  'when.said.afterLunch': 'después del almuerzo',
  'when.said.earlierToday': 'hoy, más temprano',
  'when.said.morningOf': '{day}, en la mañana',
  'when.said.afterLunchOf': '{day}, después del almuerzo',
  'when.said.earlierOf': '{day}, más temprano ese día',
  'when.said.today': 'Hoy',
  'note.during': 'Durante: {what}',
  'notes.byChildIntro': `Las últimas ${g.notes} de cada niño o niña; primero los de 1 y 2 años.`,
  'notes.latestOf': `Últimas ${g.notes}`,
  'notes.openChild': 'Todo sobre {name}',
  'notes.noChildren': 'Todavía no hay niños. Agregue a los niños que cuida.',
  'ideas.of': '{names}, el {day}',
  'ideas.tried': 'Probada',
  'ideas.markTried': 'Ya la probé',
  'ideas.undoTried': 'Todavía no la he probado',
  'ideas.triedOn': 'La probé el {day}',
  'ideas.startPdsa': 'Empezar un ciclo PDSA',
  'ideas.openNote': 'Abrir la nota',
  'ideas.alsoOn.one': 'también en {count} nota más',
  'ideas.alsoOn.other': 'también en {count} notas más',
  'ideas.markedTried': 'Marcada como probada.',
  'child.title': 'Sobre {name}',
  'child.intro':
    'Lo que ha escrito sobre este niño o niña: para una reunión con la familia o la visita de su asesora.',
  'child.byArea': 'Notas por área de desarrollo',
  'child.areaCount.one': '{count} nota',
  'child.areaCount.other': '{count} notas',
  'child.recent': '{count} en las últimas 4 semanas',
  'child.fewLately': 'Pocas notas últimamente',
  'child.fewLatelyHint':
    'Áreas con menos de 2 notas en las últimas 4 semanas: algo en qué fijarse la próxima vez.',
  'child.noArea': 'Sin área elegida',
  'child.allCovered': 'Todas las áreas tienen notas en las últimas 4 semanas.',
  'child.ideas': `Sus ${g.ideasToTry}`,
  'child.noIdeas': 'Todavía no hay ideas para este niño o niña.',
  'child.allNotes': `Todas las ${g.notes}`,
  'child.edit': 'Editar a este niño o niña',
  'child.print': 'Imprimir un resumen',
  'child.delete': 'Borrar a este niño o niña',
};
