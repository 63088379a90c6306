/** Las palabras en español de la conexión con la agencia, la tarjeta de sincronización y la desconexión. */
import { glossaryIn } from '../../i18n/glossary';
import type { connectEn } from './messages.en';

const g = glossaryIn('es');

export const connectEs: Record<keyof typeof connectEn, string> = {
  'connect.link': `Conectar con mi ${g.agency}`,
  'connect.title': `Conectar con mi ${g.agency}`,
  'connect.intro': `Con el código que le dio su ${g.agency}, sus ${g.notes} también se guardan seguras en el servidor de su ${g.agency}, y sus otros dispositivos también las reciben.`,
  'connect.code': 'Código de inscripción',
  'connect.codeHint':
    '10 letras y números, como ABCD-EFGH23. No importan las minúsculas ni el guion.',
  'connect.server': 'Dirección del servidor',
  'connect.serverHint': `Déjela como está, a menos que su ${g.agency} le haya dado otra dirección.`,
  'connect.submit': 'Conectar',
  'connect.checking': 'Revisando el código…',
  'connect.alreadyConnected':
    'Este dispositivo está conectado con {agency} como {provider}. Un código nuevo reemplaza esa conexión.',
  'connect.error.code.empty': `Escriba el código que le dio su ${g.agency}.`,
  'connect.error.code.too-short':
    'Este código es muy corto. Un código tiene 10 letras y números, como ABCD-EFGH23.',
  'connect.error.code.too-long':
    'Este código es muy largo. Un código tiene 10 letras y números, como ABCD-EFGH23.',
  'connect.error.code.bad-character':
    'Un código tiene solo letras y números, como ABCD-EFGH23. Revise lo que escribió.',
  'connect.error.server.empty': `Escriba la dirección del servidor que le dio su ${g.agency}.`,
  'connect.error.server.invalid':
    'Esto no es una dirección web. Se ve así: https://naptime.miagencia.org',
  'connect.error.server.https-required':
    'La dirección debe empezar con https:// para que sus notas viajen seguras.',
  'connect.fail.invalid-code': `Este código no funciona. Puede tener un error, o ya se usó, venció o se bloqueó por intentos equivocados. Revíselo, o pida uno nuevo a su ${g.agency}.`,
  'connect.fail.too-many-tries': `Se probaron demasiados códigos equivocados. Espere {minutes} minutos y vuelva a intentarlo, o pida un código nuevo a su ${g.agency}.`,
  'connect.fail.no-connection':
    'Naptime no pudo comunicarse con el servidor. Revise que este dispositivo tenga internet y que la dirección esté bien, y vuelva a intentarlo.',
  'connect.fail.server-outdated': `El servidor de su ${g.agency} necesita una actualización antes de que este dispositivo pueda conectarse. Avísele a su ${g.agency}. Todo sigue guardado en este dispositivo.`,
  'connect.fail.app-outdated': `Esta versión de Naptime es muy antigua para el servidor de su ${g.agency}. Actualice Naptime y vuelva a intentarlo.`,
  'connect.fail.not-naptime': `En esta dirección no hay un servidor de Naptime. Confirme la dirección con su ${g.agency}.`,
  'connect.fail.server-error': `El servidor de su ${g.agency} tuvo un problema. No cambió nada. Vuelva a intentarlo en unos minutos.`,
  'connect.fail.other-provider': `Este dispositivo guarda las ${g.notes} de {provider} ({agency}), así que no puede conectarse para otra persona. Para dárselo a alguien más: guarde una copia de los datos y luego borre este dispositivo en Ajustes.`,
  'connect.fail.storage':
    'Este dispositivo no pudo guardar la conexión. No cambió nada. Vuelva a intentarlo.',
  'connect.confirm.title': '¿Conectar con {agency}?',
  'connect.confirm.who': 'Este código es para {provider} en {agency}.',
  'connect.confirm.stores': `Sus ${g.notes}, ${g.Children.toLowerCase()}, registros semanales y ciclos PDSA se copiarán al servidor de su ${g.agency} y se mantendrán al día.`,
  'connect.confirm.whoSees':
    'Naptime las muestra solo en sus propios dispositivos, cada uno conectado con un código como este. No se comparte nada con nadie más, a menos que usted lo decida después.',
  'connect.confirm.stays':
    'Todo se queda también en este dispositivo y sigue funcionando sin internet.',
  'connect.confirm.waiting.one': 'Se enviará {count} cosa que ya escribió.',
  'connect.confirm.waiting.other': 'Se enviarán {count} cosas que ya escribió.',
  'connect.confirm.yes': 'Sí, conectar',
  'connect.confirm.back': 'Volver',
  'connect.connecting': 'Conectando…',
  'connect.done.title': 'Conectado con {agency}',
  'connect.done.text': `Sus ${g.notes} se están enviando ahora. Inicio muestra cuándo todo está sincronizado.`,
  'connect.done.home': 'Ir a Inicio',
  'connection.title': `Su ${g.agency}`,
  'connection.none': `Este dispositivo no está conectado. Sus ${g.notes} se guardan solo en este dispositivo.`,
  'connection.connected': 'Conectado con {agency} como {provider}.',
  'connection.stopped': `Este dispositivo ya no está conectado con {agency}: se le quitó el acceso. Ya no se envía nada. Todo se queda en este dispositivo: guarde una copia, o pida un código nuevo a su ${g.agency}.`,
  'connection.unauthenticated': `El servidor ya no reconoce este dispositivo. Ya no se envía nada. Todo se queda en este dispositivo: guarde una copia, o pida un código nuevo a su ${g.agency}.`,
  'connection.reconnect': 'Conectar de nuevo con un código nuevo',
  'sync.savedHereOnly': 'Guardado solo en este dispositivo',
  'sync.onlyHere': `Este dispositivo no está conectado con su ${g.agency}, así que no se envía nada.`,
  'sync.notYet': 'Conectado. Todavía no se ha sincronizado nada.',
  'sync.justNow': 'Sincronizado hace un momento',
  'sync.minutesAgo.one': 'Sincronizado hace {count} minuto',
  'sync.minutesAgo.other': 'Sincronizado hace {count} minutos',
  'sync.hoursAgo.one': 'Sincronizado hace {count} hora',
  'sync.hoursAgo.other': 'Sincronizado hace {count} horas',
  'sync.daysAgo.one': 'Sincronizado hace {count} día',
  'sync.daysAgo.other': 'Sincronizado hace {count} días',
  'sync.syncing': 'Sincronizando…',
  'sync.retrying': `No se pudo llegar al servidor de su ${g.agency} en este momento. Naptime vuelve a intentarlo solo; todo se sigue guardando en este dispositivo.`,
  'sync.serverOutdated': `El servidor de su ${g.agency} necesita una actualización. Naptime vuelve a intentarlo cada día; todo se sigue guardando en este dispositivo.`,
  'sync.waiting.one': '{count} cambio espera ser enviado (el más antiguo: {oldest})',
  'sync.waiting.other': '{count} cambios esperan ser enviados (el más antiguo: {oldest})',
  'sync.waitingNoAge.one': '{count} cambio espera ser enviado',
  'sync.waitingNoAge.other': '{count} cambios esperan ser enviados',
  'sync.age.minutes.one': '{count} minuto',
  'sync.age.minutes.other': '{count} minutos',
  'sync.age.hours.one': '{count} hora',
  'sync.age.hours.other': '{count} horas',
  'sync.age.days.one': '{count} día',
  'sync.age.days.other': '{count} días',
  'sync.warnOld': `Algunos cambios llevan más de 2 días esperando. Cuando este dispositivo tenga internet, toque “Sincronizar ahora” para que lleguen a su ${g.agency}. Mientras tanto están seguros en este dispositivo.`,
  'sync.now': 'Sincronizar ahora',
  'sync.stopped.revoked': `La sincronización se detuvo: se quitó el acceso de este dispositivo a su ${g.agency}. Ya no se envía nada. Todo se queda en este dispositivo.`,
  'sync.stopped.unauthenticated': `La sincronización se detuvo: el servidor de su ${g.agency} ya no reconoce este dispositivo. Ya no se envía nada. Todo se queda en este dispositivo.`,
  'sync.stopped.upgrade':
    'La sincronización está en pausa hasta que se actualice Naptime. Todo se queda en este dispositivo.',
  'sync.stopped.badRequest': `La sincronización está en pausa: el servidor de su ${g.agency} no aceptó lo que envió este dispositivo. Actualice Naptime cuando pueda. Todo se queda en este dispositivo.`,
  'sync.saveCopy': 'Guardar una copia',
};
