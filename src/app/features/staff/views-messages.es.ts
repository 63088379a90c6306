/** Las palabras en español de las pantallas del personal: la vista de la asesora y las gráficas del colaborativo. */
import { glossaryIn } from '../../i18n/glossary';
import type { staffViewsEn } from './views-messages.en';

const g = glossaryIn('es');

export const staffViewsEs: Record<keyof typeof staffViewsEn, string> = {
  'staff.asOf': 'Datos de {time}',
  'staff.refresh': 'Actualizar',
  'staff.loading': 'Cargando desde su agencia…',
  'staff.problem.offline': 'Sin conexión: esto es lo que guardó este dispositivo.',
  'staff.problem.network':
    'No se pudo llegar al servidor de su agencia: esto es lo que guardó este dispositivo.',
  'staff.problem.server':
    'El servidor de su agencia tuvo un problema: esto es lo que guardó este dispositivo. Toque Actualizar más tarde.',
  'staff.problem.bad-answer':
    'No se pudo leer la respuesta del servidor de su agencia: esto es lo que guardó este dispositivo.',
  'staff.problem.not-connected': `Este dispositivo no está conectado con su ${g.agency}. Conéctelo con el código que le dio su ${g.agency}.`,
  'staff.problem.not-allowed': 'Esta página no es parte de lo que su puesto puede ver.',
  'staff.problem.unauthenticated': `Se quitó el acceso de este dispositivo. Pida un código nuevo a su ${g.agency}.`,
  'staff.nothingKept':
    'Este dispositivo aún no guardó nada. Conéctese a internet y toque Actualizar.',
  'staff.providers.title': 'Proveedoras que comparten con usted',
  'staff.providers.intro':
    'Sus propias gráficas, leídas igual que ellas las leen. En orden alfabético.',
  'staff.providers.empty': `Ninguna de sus proveedoras comparte todavía. Cuando una proveedora elige «Compartir con mi ${g.agency}» en Naptime, sus gráficas aparecen aquí.`,
  'staff.providers.notSharing': 'No comparten (solo el nombre): {names}',
  'staff.level.numbers': 'Comparte sus números de cada semana',
  'staff.level.numbers-and-pdsa': 'Comparte sus números y sus ciclos PDSA',
  'staff.since': 'Usa Naptime desde el {date}',
  'staff.lastCheckin.none': 'Todavía sin registro semanal',
  'staff.lastCheckin.now': 'Último registro semanal: esta semana',
  'staff.lastCheckin.ago.one': 'Último registro semanal: hace {count} semana',
  'staff.lastCheckin.ago.other': 'Último registro semanal: hace {count} semanas',
  'staff.providers.herWords':
    'Cada gráfica dice lo que {name} lee en su propia pantalla de Progreso, con las palabras que ella lee: “su” y “sus” son de ella.',
  'staff.charts.title': 'Gráficas del colaborativo',
  'staff.charts.intro':
    'Juntan a las proveedoras que comparten y al personal que informa. Un punto de menos de 5 personas no se muestra.',
  'staff.charts.group': 'De quién son los datos',
  'staff.charts.myAgency': 'Mi agencia',
  'staff.charts.collaborative': 'Todo el colaborativo',
  'staff.charts.grain': 'Un punto por',
  'staff.charts.week': 'Semana',
  'staff.charts.month': 'Mes',
  'staff.charts.staffPart': 'Personal de la agencia',
  'staff.charts.providerPart': 'Proveedoras',
  'staff.charts.chart1': 'Gráfica 1: % de contactos de asistencia técnica sobre observar y anotar',
  'staff.charts.chart2':
    'Gráfica 2: % de conversaciones entre proveedoras sobre niños pequeños en grupos de varias edades',
  'staff.measure.s3-of-s1':
    '% de contactos de asistencia técnica sobre planear a partir de observaciones',
  'staff.measure.s4-of-s1': '% de contactos de asistencia técnica con datos de mejora',
  'staff.charts.providersReporting': '{k} de {n} proveedoras informan',
  'staff.charts.staffReporting': '{k} de {n} personas del personal informan',
  'staff.charts.fromAgencies': 'de {a} de {b} agencias',
  'staff.charts.tooFew': 'muy pocos para mostrar',
  'staff.charts.noReports': 'nadie informó',
  'staff.charts.reportingRow.providers': 'Proveedoras que informan, de {n}',
  'staff.charts.reportingRow.staff': 'Personal que informa, de {n}',
  'staff.charts.median': 'Mediana {value}',
  'staff.charts.noMedian': 'Todavía no hay suficientes puntos para una mediana.',
  'staff.charts.change.up': 'Estos números subieron, más allá de la variación normal.',
  'staff.charts.change.down': 'Estos números bajaron, más allá de la variación normal.',
  'staff.charts.maybe':
    'Las reglas marcan un patrón aquí, pero puede ser casualidad: más o menos 1 de cada {odds} gráficas así de largas muestra uno parecido.',
  'staff.charts.maybeEarly':
    'Las reglas marcan un patrón aquí, pero todavía es pronto para saber si es algo más que casualidad.',
  'staff.charts.signal.none':
    'Todavía no hay señal de un cambio real: las subidas y bajadas son variación normal.',
  'staff.charts.events': 'Eventos en esta gráfica',
  'staff.charts.period': 'Periodo',
  'staff.charts.value': 'Valor',
  'staff.charts.reporting': 'Informan',
  'staff.charts.of': 'De',
  'staff.charts.shown': 'Se muestra',
  'staff.charts.barriers': 'Qué dificultó el trabajo (semanas de personal)',
  'staff.charts.barriersHidden': 'Muy pocas personas respondieron para mostrarlo.',
  'staff.charts.barriersNone': 'No se informaron dificultades en estas semanas.',
  'staff.charts.barrierRow': '{barrier}: {count} semanas de personal ({percent})',
  'staff.charts.exportCsv': 'Exportar todas las gráficas (CSV)',
  'staff.charts.chart': 'Gráfica',
  'staff.charts.eventKind': 'Evento',
  'barrier.time': 'Tiempo',
  'barrier.internet': 'Conexión a internet',
  'barrier.language': 'Idioma',
  'barrier.technology': 'Comodidad con la tecnología',
  'barrier.provider-availability': 'Disponibilidad de las proveedoras',
  'barrier.other': 'Otra',
  'event.learning-session': 'Sesión de aprendizaje',
  'event.coaching-call': 'Llamada de asesoría',
  'event.webinar': 'Seminario web',
  'event.other': 'Evento',
};
