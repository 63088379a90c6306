/** Spanish words of the Progress screen and its chart settings (merged into i18n/es.ts). */
import { glossaryIn } from '../../i18n/glossary';
import type { progressEn } from './messages.en';

const g = glossaryIn('es');

export const progressEs: Record<keyof typeof progressEn, string> = {
  'nav.progress': 'Progreso',
  'progress.title': 'Su progreso',
  'progress.intro':
    'Una gráfica por cada cosa que usted sigue, un punto por semana. La línea del medio es la mediana: más o menos la mitad de sus semanas queda por encima y la otra mitad por debajo.',
  'progress.empty': `Todavía no hay datos. Escriba ${g.notes} y llene su ${g.checkin}: sus gráficas empiezan después de su primera semana completa.`,
  'progress.measure.notes': 'Notas escritas',
  'progress.measure.notes-with-idea': 'Notas con una idea para probar',
  'progress.measure.p2': 'Días con notas escritas',
  'progress.measure.p3': 'Actividades planeadas a partir de lo observado',
  'progress.measure.p5-of-p4': '% de conversaciones con colegas sobre niños pequeños',
  'progress.measure.p6': 'Facilidad para encontrar tiempo para escribir',
  'progress.unit.notes': `${g.Notes} que usted escribió cada semana.`,
  'progress.unit.notes-with-idea': `${g.Notes} de cada semana con una “${g.ideaToTry.toLowerCase()}”.`,
  'progress.unit.p2': `Días de cada semana en que usted anotó algo que hizo o dijo alguno de los ${g.toddlers} (de su ${g.checkin}).`,
  'progress.unit.p3': `Actividades o rutinas planeadas a partir de lo que usted vio (de su ${g.checkin}).`,
  'progress.unit.p5-of-p4': `De sus conversaciones con otras proveedoras, la parte sobre ${g.toddlers} en grupos de edades mixtas (de su ${g.checkin}).`,
  'progress.unit.p6': `De 1 (muy difícil) a 5 (muy fácil) (de su ${g.checkin}).`,
  'progress.range': 'Semanas del {from} al {to}',
  'progress.median.baseline': 'Mediana {value}, de las primeras 12 semanas',
  'progress.median.provisional': 'Mediana {value} (provisional: {have} de {need} semanas)',
  'progress.median.all': 'Mediana {value}, de todas las semanas',
  'progress.median.none': 'Todavía no hay mediana',
  'progress.medianFrom': 'Mediana calculada con',
  'progress.medianBaseline': 'Las primeras 12 semanas',
  'progress.medianAll': 'Todas las semanas',
  'progress.showTable': 'Ver los números',
  'progress.hideTable': 'Ocultar los números',
  'progress.saveImage': 'Guardar como imagen',
  'progress.imageFailed': 'No se pudo hacer la imagen en este dispositivo.',
  'progress.chartAlt':
    'Gráfica semana por semana: {title}. {range}. {median}. {sentence} Cada semana está en la tabla de números.',
  'progress.cycles': 'Ciclos PDSA en esta gráfica',
  'progress.cycleLabel': 'Ciclo PDSA {cycle}: {idea}',
  'progress.cycleItem': 'Ciclo {cycle}, “{idea}”, empezó el {date}',
  'progress.newPhase': 'Nueva fase',
  'progress.legend': 'Qué quieren decir las marcas',
  'progress.legend.week': 'Una semana',
  'progress.legend.current': 'Esta semana, todavía sin terminar (aún no cuenta para las señales)',
  'progress.legend.median': 'Mediana',
  'progress.legend.shift': 'Desplazamiento: 6 o más semanas seguidas del mismo lado de la mediana',
  'progress.legend.trend': 'Tendencia: 5 o más semanas seguidas subiendo, o bajando',
  'progress.legend.longRun':
    'Racha larga: más semanas seguidas del mismo lado de la mediana de lo que suele dar la casualidad',
  'progress.legend.pdsa': 'Inicio de un ciclo PDSA',
  'progress.table.caption': '{title}: todas las semanas',
  'progress.table.week': 'Semana',
  'progress.table.value': 'Valor',
  'progress.table.fraction': 'Parte (sobre niños pequeños / todas)',
  'progress.table.median': 'Mediana',
  'progress.table.marks': 'Marcas',
  'progress.table.missing': 'Sin datos',
  'progress.table.current': 'todavía sin terminar',
  'progress.mark.shift': 'Desplazamiento',
  'progress.mark.trend': 'Tendencia',
  'progress.mark.longRun': 'Racha larga',
  'progress.mark.phase': 'Nueva fase',
  'progress.mark.pdsa': 'Empieza el ciclo PDSA {cycle}: {idea}',
  'progress.outcome.noData':
    'Todavía no hay nada que mostrar: esta gráfica empieza después de su primera semana completa.',
  'progress.outcome.notEnough':
    'Todavía no hay suficientes semanas para leer señales: {have} de {need} semanas hasta ahora. ¡Siga así!',
  'progress.outcome.noSignal':
    'Las subidas y bajadas parecen variación normal: todavía no hay señal de un cambio.',
  'progress.outcome.shift.up':
    'Algo cambió para bien: {length} semanas seguidas por encima de la mediana, desde la semana del {date}.',
  'progress.outcome.shift.down':
    'Algo cambió: {length} semanas seguidas por debajo de la mediana, desde la semana del {date}. Vale la pena mirar qué es diferente.',
  'progress.outcome.trend.up':
    'Va subiendo: {length} semanas seguidas subieron, desde la semana del {date}. Es señal de un cambio real para bien.',
  'progress.outcome.trend.down':
    'Va bajando: {length} semanas seguidas bajaron, desde la semana del {date}. Vale la pena mirar qué es diferente.',
  'progress.outcome.longRun.up':
    'Algo cambió para bien: {length} semanas seguidas por encima de la mediana, desde la semana del {date}. Es más de lo que suele dar la casualidad.',
  'progress.outcome.longRun.down':
    'Algo cambió: {length} semanas seguidas por debajo de la mediana, desde la semana del {date}. Es más de lo que suele dar la casualidad.',
  'progress.outcome.tooFewRuns':
    'Sus semanas se quedan del mismo lado de la mediana por mucho tiempo (muy pocas rachas). Probablemente algo cambió: mire dónde la línea se queda alta o baja.',
  'progress.outcome.tooManyRuns':
    'Sus semanas saltan por encima y por debajo de la mediana más de lo que daría la casualidad (demasiadas rachas). Quizás se turnan dos tipos de semana.',
  'progress.outcome.fewCrossings':
    'La línea cruza la mediana menos veces de lo que daría la casualidad. Probablemente algo cambió: mire dónde se queda alta o baja.',
  'progress.outcome.pdsa.same': 'Empezó la misma semana que su ciclo PDSA {cycle}, “{idea}”.',
  'progress.outcome.pdsa.before.one':
    'Empezó {count} semana después de su ciclo PDSA {cycle}, “{idea}”.',
  'progress.outcome.pdsa.before.other':
    'Empezó {count} semanas después de su ciclo PDSA {cycle}, “{idea}”.',
  'progress.outcome.caveat':
    'En una gráfica tan larga, estos patrones también pueden salir por casualidad; léala con cuidado.',
  'progress.settings.title': 'Cómo se leen sus gráficas',
  'progress.settings.rules': 'Reglas para las señales',
  'progress.settings.ihi': 'Reglas del IHI',
  'progress.settings.ihiHint':
    'Las reglas de siempre (desplazamientos, tendencias, rachas): ven pronto un cambio, pero en gráficas largas a veces ven pura casualidad.',
  'progress.settings.anhoej': 'Reglas de Anhøj',
  'progress.settings.anhoejHint':
    'Rachas largas y pocos cruces de la mediana: menos falsas alarmas en gráficas largas, y sin regla de tendencia.',
};
