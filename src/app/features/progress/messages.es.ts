/** Spanish words of the Progress screen and its chart settings (merged into i18n/es-later.ts). */
import { glossaryIn } from '../../i18n/glossary';
import type { progressEn } from './messages.en';

const g = glossaryIn('es');

export const progressEs: Record<keyof typeof progressEn, string> = {
  'progress.title': 'Su progreso',
  'progress.intro':
    'Una gráfica por cada cosa que usted sigue, un punto por semana. La línea del medio es la mediana: más o menos la mitad de sus semanas queda por encima y la otra mitad por debajo.',
  'progress.empty': `Su primera semana está en marcha. Escriba ${g.notes} y llene su ${g.checkin}: sus gráficas empiezan cuando termine esta semana.`,
  'progress.unreadable.one':
    'No se pudo leer {count} elemento guardado, así que las gráficas no lo cuentan. Se guarda en este dispositivo.',
  'progress.unreadable.other':
    'No se pudieron leer {count} elementos guardados, así que las gráficas no los cuentan. Se guardan en este dispositivo.',
  'progress.cycleItem': '{label}: ciclo {cycle} de “{idea}”, empezó el {date}.',
  'progress.cycleOther':
    '{label}: ciclo {cycle} de “{idea}”, empezó el {date}. Se sigue en “{measure}”, así que esta gráfica no lo lee.',
  'progress.cycleNoMeasure':
    '{label}: ciclo {cycle} de “{idea}”, empezó el {date}. No tiene medida elegida, así que ninguna gráfica lo lee.',
  'progress.mark.pdsa': 'Empieza el PDSA {label}: ciclo {cycle} de “{idea}”',
  'progress.legend.pdsa':
    'Inicio de un ciclo PDSA de esta medida (su etiqueta, como B2, está en la lista de abajo)',
  'progress.legend.otherPdsa': 'Inicio de un ciclo PDSA de otra medida (aquí no se lee)',
  'progress.legend.phase': 'Línea continua: empieza una fase nueva, con su propia mediana',
  'progress.legend.goal': 'Su meta',
  'progress.outcome.noData':
    'Su primera semana está en marcha: esta gráfica empieza cuando termine, el lunes {date}.',
  'progress.outcome.notEnough':
    'Esta gráfica se lee cuando tiene 12 semanas: las primeras 12 marcan la línea de la mediana. Lleva {have} de {need} semanas. ¡Siga así!',
  'progress.outcome.newPhase':
    'Su fase nueva, desde la semana del {date}, tiene {have} de {need} semanas. Hasta que tenga 12, esto lee las semanas de antes:',
  'progress.outcome.newPhaseCycle':
    'Su fase nueva, desde su ciclo {label} (“{idea}”), tiene {have} de {need} semanas. Hasta que tenga 12, esto lee las semanas de antes:',
  'progress.outcome.change.since-baseline.up':
    'Algo cambió para bien: desde la semana del {date}, {count} de sus {of} semanas están por encima de la mediana de sus primeras 12 semanas.',
  'progress.outcome.change.since-baseline.down':
    'Algo cambió: desde la semana del {date}, {count} de sus {of} semanas están por debajo de la mediana de sus primeras 12 semanas. Vale la pena mirar qué es diferente.',
  'progress.outcome.change.longest-run.up':
    'Algo cambió para bien: {count} semanas seguidas por encima de la mediana, desde la semana del {date}.',
  'progress.outcome.change.longest-run.down':
    'Algo cambió: {count} semanas seguidas por debajo de la mediana, desde la semana del {date}. Vale la pena mirar qué es diferente.',
  'progress.outcome.changeChance':
    'Por pura casualidad, eso pasa en más o menos 1 de cada {odds} gráficas así de largas.',
  'progress.outcome.changeRare':
    'Por pura casualidad, eso pasa en menos de 1 de cada 1000 gráficas así de largas.',
  'progress.outcome.shift.up':
    'La gráfica marca {length} semanas seguidas por encima de la mediana, desde la semana del {date}.',
  'progress.outcome.shift.down':
    'La gráfica marca {length} semanas seguidas por debajo de la mediana, desde la semana del {date}.',
  'progress.outcome.trend.up':
    'La gráfica marca {length} semanas seguidas subiendo, desde la semana del {date}.',
  'progress.outcome.trend.down':
    'La gráfica marca {length} semanas seguidas bajando, desde la semana del {date}.',
  'progress.outcome.longRun.up':
    'La gráfica marca {length} semanas seguidas por encima de la mediana, desde la semana del {date}.',
  'progress.outcome.longRun.down':
    'La gráfica marca {length} semanas seguidas por debajo de la mediana, desde la semana del {date}.',
  'progress.outcome.tooFewRuns':
    'Sus semanas se quedan mucho tiempo del mismo lado de la mediana (pocas rachas).',
  'progress.outcome.tooManyRuns':
    'Sus semanas saltan por encima y por debajo de la mediana más de lo normal (demasiadas rachas): tal vez se turnan dos tipos de semanas.',
  'progress.outcome.fewCrossings': 'La línea cruza la mediana menos de lo normal.',
  'progress.outcome.maybe.since-baseline':
    'Desde sus primeras 12 semanas, {count} de {of} semanas están del mismo lado de la mediana: esto puede pasar por casualidad en más o menos 1 de cada {odds} gráficas así de largas, así que tal vez todavía no sea un cambio real.',
  'progress.outcome.maybe.longest-run':
    'Un tramo así puede pasar por casualidad en más o menos 1 de cada {odds} gráficas así de largas, así que tal vez todavía no sea un cambio real.',
  'progress.outcome.maybe.early':
    'Todavía es pronto para saber si es algo más que casualidad: siga así.',
  'progress.outcome.pdsa.same': 'Empezó la misma semana que su ciclo PDSA {label}, “{idea}”.',
  'progress.outcome.pdsa.before.one':
    'Empezó {count} semana después de su ciclo PDSA {label}, “{idea}”.',
  'progress.outcome.pdsa.before.other':
    'Empezó {count} semanas después de su ciclo PDSA {label}, “{idea}”.',
  'progress.outcome.goal':
    'Meta alcanzada: el punto medio de sus últimas 6 semanas está en su meta de {goal} o por encima.',
  'progress.reading.weeks': '{before} semanas antes, {since} desde entonces.',
  'progress.reading.change':
    '{count} de las {of} semanas desde entonces están {side} de {line}, el punto medio de las semanas de antes: un cambio real (por casualidad, más o menos 1 de cada {odds}).',
  'progress.reading.changeRare':
    '{count} de las {of} semanas desde entonces están {side} de {line}, el punto medio de las semanas de antes: un cambio real (por casualidad, menos de 1 de cada 1000).',
  'progress.reading.maybe':
    '{count} de las {of} semanas desde entonces están {side} de {line}, el punto medio de las semanas de antes. Puede ser casualidad (más o menos 1 de cada {odds}): siga mirando.',
  'progress.reading.none':
    '{count} de las {of} semanas desde entonces están {side} de {line}, el punto medio de las semanas de antes: todavía no hay una diferencia clara (la casualidad da esto más o menos 1 de cada {odds} veces).',
  'progress.reading.fewBefore': 'Hay muy pocas semanas antes para comparar (hacen falta 6).',
  'progress.reading.noSince':
    'Todavía no tiene ninguna semana terminada: no hay nada que comparar.',
  'progress.reading.onLine':
    'Las semanas desde entonces quedan todas en el punto medio de las de antes: todavía no hay diferencia.',
  'progress.reading.above': 'por encima',
  'progress.reading.below': 'por debajo',
  'progress.goal.label': 'Meta para esta gráfica (opcional)',
  'progress.goal.hint': 'Una línea de rayas en la gráfica. Déjelo vacío si no quiere meta.',
  'progress.goal.save': 'Guardar meta',
  'progress.goal.saved': 'Meta guardada.',
  'progress.goal.invalid': 'Escriba un número entre {min} y {max}, o déjelo vacío.',
  'progress.goal.text': 'Meta {value}',
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
  'progress.newPhase': 'Nueva fase',
  'progress.legend': 'Qué quieren decir las marcas',
  'progress.legend.week': 'Una semana',
  'progress.legend.current': 'Esta semana, todavía sin terminar (aún no cuenta para las señales)',
  'progress.legend.median': 'Mediana',
  'progress.legend.shift': 'Desplazamiento: 6 o más semanas seguidas del mismo lado de la mediana',
  'progress.legend.trend': 'Tendencia: 5 o más semanas seguidas subiendo, o bajando',
  'progress.legend.longRun':
    'Racha larga: más semanas seguidas del mismo lado de la mediana de lo que suele dar la casualidad',
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
  'progress.outcome.noSignal':
    'Las subidas y bajadas parecen variación normal: todavía no hay señal de un cambio.',
  'progress.settings.title': 'Cómo se leen sus gráficas',
  'progress.settings.rules': 'Reglas para las señales',
  'progress.settings.ihi': 'Reglas del IHI',
  'progress.settings.ihiHint':
    'Las reglas de siempre (desplazamientos, tendencias, rachas): ven pronto un cambio, pero en gráficas largas a veces ven pura casualidad.',
  'progress.settings.anhoej': 'Reglas de Anhøj',
  'progress.settings.anhoejHint':
    'Rachas largas y pocos cruces de la mediana: menos falsas alarmas en gráficas largas, y sin regla de tendencia.',
};
