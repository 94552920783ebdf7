/** Spanish (usted). */
import type { TouchType } from '../facts.ts';
import { plural, relative, type QuestionBank } from './bank.ts';

const ago = (n: number) => relative(n, 'hoy', 'ayer', 'hace # días');
const inDays = (n: number) => relative(n, 'hoy', 'mañana', 'dentro de # días');
const days = (n: number) => plural(n, '1 día', '# días');
const times = (n: number) => plural(n, 'una vez', '# veces');
const tickets = (n: number) => plural(n, '1 ticket de soporte abierto', '# tickets de soporte abiertos');
const TOUCH: Record<TouchType, string> = { EMAIL: 'correo', CALL: 'llamada', MEETING: 'reunión' };
const LAST: Record<TouchType, string> = { EMAIL: 'su último correo', CALL: 'su última llamada', MEETING: 'su última reunión' };
/** At the start of a sentence: "Su último correo …". */
const upper = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const es: QuestionBank = {
  locale: 'es',
  unnamedClient: '«cliente sin nombre»',
  headlines: {
    'headline.service.high': [
      (p) => `Antes de contactar con ${p.name}: ¿cómo están viviendo ${plural(p.count, 'su ticket abierto', 'sus # tickets abiertos')}?`,
      (p) => `${p.name} tiene ${tickets(p.count)}: ¿qué querrían que supiera antes de contactar con ellos?`,
      (p) => `Antes de contactar con ${p.name}: ¿qué les está costando en el día a día ${plural(p.count, 'su ticket abierto', 'cada uno de sus # tickets abiertos')}?`,
    ],
    'headline.long-term.renewal': [
      (p) => `Antes de hablar de la renovación con ${p.name}: ¿cómo ha sido este último año para ellos?`,
      (p) => `Se acerca la renovación con ${p.name}: ¿qué les ha aportado este año, con sus propias palabras?`,
      (p) => `Antes de la conversación de renovación con ${p.name}: ¿qué cambiarían de trabajar con ustedes si pudieran?`,
    ],
    'headline.calm.fresh-lead': [
      (p) => `Antes de contactar con ${p.name}: ¿qué les llevó a escribir ${ago(p.days)}?`,
      (p) => `${p.name} se puso en contacto ${ago(p.days)}: ¿qué esperaban encontrar al hacerlo?`,
      (p) => `Antes de su primera conversación con ${p.name}: ¿qué problema les trajo a ustedes ${ago(p.days)}?`,
    ],
    'headline.dark.unanswered': [
      (p) => `Antes de volver a escribir a ${p.name} tras ${plural(p.attempts, 'un mensaje sin respuesta', '# mensajes sin respuesta')}: ¿qué haría que el siguiente mereciera su tiempo?`,
      (p) => `Tras ${plural(p.attempts, 'un mensaje sin respuesta', '# mensajes sin respuesta')} a ${p.name}: ¿qué podrían necesitar de usted que aún no les ha ofrecido?`,
      (p) => `Antes de volver a escribir a ${p.name}: ¿qué podría explicar, desde su lado, ${plural(p.attempts, 'el mensaje sin respuesta', 'los # mensajes sin respuesta')}?`,
    ],
    'headline.dark.since-reply': [
      (p) => `Antes de hacer seguimiento con ${p.name}: ¿qué ha cambiado para ellos desde su última respuesta, ${ago(p.days)}?`,
      (p) => `${p.name} respondió por última vez ${ago(p.days)}: ¿qué puede haber cambiado de su lado desde entonces?`,
      (p) => `Antes de escribir a ${p.name}: ¿qué sabe hoy de su situación que no sabía cuando respondieron por última vez, ${ago(p.days)}?`,
      (p) => `Todo está en calma desde la última respuesta de ${p.name}, ${ago(p.days)}: ¿sobre qué valdría la pena preguntarles primero?`,
    ],
    'headline.calm.since-touch': [
      (p) => `Antes de hacer seguimiento con ${p.name}: ¿qué ha cambiado para ellos desde ${LAST[p.touch]}, ${ago(p.days)}?`,
      (p) => `Desde ${LAST[p.touch]} con ${p.name}, ${ago(p.days)}: ¿qué podría ser distinto para ellos hoy?`,
      (p) => `Antes de contactar con ${p.name}: ¿qué dejó pendiente para ellos ${LAST[p.touch]}, ${ago(p.days)}?`,
      (p) => `${upper(LAST[p.touch])} con ${p.name} fue ${ago(p.days)}: ¿qué haría que el próximo contacto les fuera útil y no rutinario?`,
    ],
    'headline.calm.last-subject': [
      (p) => `Antes de hacer seguimiento con ${p.name} sobre «${p.subject}»: ¿qué ha cambiado para ellos desde ${LAST[p.touch]}, ${ago(p.days)}?`,
      (p) => `${upper(LAST[p.touch])} con ${p.name}, ${ago(p.days)}, trataba de «${p.subject}»: ¿en qué punto están con eso?`,
      (p) => `«${p.subject}» fue el asunto de ${LAST[p.touch]} con ${p.name}, ${ago(p.days)}: ¿qué sigue abierto de su lado?`,
    ],
    'headline.dark.last-subject': [
      (p) => `«${p.subject}» llegó a ${p.name} ${ago(p.days)} y sigue sin respuesta: ¿qué necesitarían oír para contestar?`,
      (p) => `Antes de volver a escribir a ${p.name}: ¿cómo pudo leerse «${p.subject}», enviado ${ago(p.days)}, desde su lado?`,
    ],
    'headline.service.open': [
      (p) => `Antes de contactar a ${p.name}: ¿qué supone para ellos llevar ${days(p.days)} esperando ${plural(p.count, 'un ticket abierto', 'el más antiguo de # tickets abiertos')}?`,
      (p) => `${p.name} lleva ${days(p.days)} esperando al soporte: ¿cómo puede influir eso en su próxima conversación?`,
    ],
    'headline.service.ticket-subject': [
      (p) => `Antes de contactar a ${p.name}: ¿cómo va, desde su punto de vista, el ticket abierto «${p.subject}»?`,
      (p) => `${p.name} tiene un ticket abierto sobre «${p.subject}»: ¿qué querrían que usted supiera antes de llamar?`,
    ],
    'headline.long-term.customer': [
      (p) => `Antes de contactar a ${p.name}: ¿cómo ha sido para ellos trabajar con usted hasta la fecha?`,
      (p) => `${p.name} es cliente: ¿qué haría que el próximo contacto les resulte útil y no rutinario?`,
    ],
    'headline.urgency.close-date': [
      (p) => `La fecha de cierre de ${p.name} es ${inDays(p.days)}: ¿es la fecha de ellos o la suya?`,
      (p) => `Antes de hacer seguimiento con ${p.name}: ¿qué significa para ellos la fecha de cierre ${inDays(p.days)}?`,
    ],
    'headline.urgency.pushed': [
      (p) => `La fecha de cierre con ${p.name} se ha movido ${times(p.count)}: ¿cuál es su propio calendario, contado por ellos?`,
      (p) => `Antes de hacer seguimiento con ${p.name}: ¿qué está moviendo la fecha de cierre (${times(p.count)} ya) de su lado?`,
    ],
    'headline.scenes.stage': [
      (p) => `${p.name} lleva ${days(p.days)} en «${p.stage}»: ¿qué podría estar pasando entre bastidores de su lado?`,
      (p) => `Antes de hacer seguimiento con ${p.name}: ¿qué tendría que pasar de su lado para salir de «${p.stage}» tras ${days(p.days)}?`,
    ],
    'headline.scenes.role': [
      (p) => `Antes de contactar a ${p.person}: ¿cómo sería un buen trimestre para ${p.person} como ${p.title} en ${p.company}?`,
      (p) => `¿En qué trabaja ${p.person} como ${p.title} en ${p.company} este trimestre, y cómo podría servirle su próximo contacto?`,
    ],
    'headline.peers.stalled': [
      (p) => `${p.name} y ${p.count} clientes parecidos están todos en «${p.stage}»: ¿qué retiene a ese tipo de empresa en esa etapa?`,
      (p) => `Antes de hacer seguimiento con ${p.name}: ¿qué esperan ${p.count} clientes parecidos en «${p.stage}», y aplica también aquí?`,
    ],
    'headline.peers.theme': [
      (p) => `${p.count} clientes parecidos han planteado ${p.theme} al soporte: ¿le preocupa también a ${p.name}?`,
      (p) => `Antes de contactar a ${p.name}: ¿el tema ${p.theme}, que han planteado ${p.count} clientes parecidos, les afecta también?`,
    ],
    'headline.experts.ticket-owner': [
      (p) => `Antes de contactar a ${p.name}: ¿qué ha oído ${p.person} de ellos al gestionar sus tickets?`,
      (p) => `${p.person} gestiona los tickets de soporte de ${p.name}: ¿qué le diría ${p.person} antes de su próximo contacto?`,
    ],
    'headline.experts.colleague': [
      (p) => `Antes de contactar a ${p.name}: ¿qué sabe ${p.person}, que también trabaja con ellos, que usted no sepa?`,
      (p) => `${p.person} también trabaja con ${p.name}: ¿qué debería preguntarle a ${p.person} antes de contactar?`,
    ],
    'headline.scenes.unknown': [
      (p) => `Antes de contactar a ${p.name}: ¿qué podría estar pasando en su negocio este trimestre que el CRM no muestra?`,
      (p) => `¿Qué ha ocupado a ${p.name} últimamente que nunca aparecería en un campo del CRM?`,
    ],
    'headline.long-term.unknown': [
      (p) => `Antes de contactar a ${p.name}: ¿cómo sería, desde su lado, un buen año trabajando con usted?`,
      (p) => `Pensando en el próximo año, ¿qué querría ${p.name} que este contacto hubiera puesto en marcha?`,
    ],
    'headline.urgency.unknown': [
      (p) => `Antes de hacer seguimiento con ${p.name}: ¿en qué calendario se basa esta tarea, el suyo o el de ellos?`,
      (p) => `¿Cuál es el propio calendario de ${p.name}, hasta donde usted lo sabe de verdad, antes de hacer seguimiento?`,
    ],
    'headline.default': [
      (p) => `Antes de completar esta tarea: ¿qué haría que el siguiente paso fuera realmente útil para ${p.name}?`,
      (p) => `¿Qué necesita ${p.name} de este próximo contacto, dicho con sus propias palabras?`,
      (p) => `Antes de ocuparse de esta tarea: ¿qué querría ${p.name} sacar de tener noticias suyas?`,
      (p) => `Si ${p.name} pudiera elegir qué aporta usted a la próxima conversación, ¿qué elegiría?`,
    ],
  },
  questions: {
    'urgency.quarter-end': [
      (p) => `La fecha de cierre con ${p.name} es ${inDays(p.days)} y el trimestre termina ${inDays(p.quarterDays)}. ¿Este seguimiento responde a su calendario o al del cliente?`,
      (p) => `La fecha de cierre con ${p.name} es ${inDays(p.days)} y el trimestre termina ${inDays(p.quarterDays)}: ¿hacia cuál de esas dos fechas trabaja realmente ${p.name}?`,
      (p) => `El trimestre termina ${inDays(p.quarterDays)} y la fecha de cierre de ${p.name} es ${inDays(p.days)}: ¿qué cambiaría para ellos, y no para usted, si se moviera?`,
    ],
    'urgency.pushed': [
      (p) => `La fecha de cierre con ${p.name} ya se ha movido ${times(p.count)}. ¿Qué le dice eso sobre el calendario del propio cliente?`,
      (p) => `La fecha de cierre de ${p.name} se ha movido ${times(p.count)}: ¿qué pasa de su lado que las nuevas fechas no explican?`,
    ],
    'urgency.stage-pace': [
      (p) => `El negocio con ${p.name} lleva ${days(p.days)} en «${p.stage}»; la mediana de su pipeline en esa etapa es de ${days(p.median)}. ¿A qué ritmo responde este seguimiento: al suyo o al del cliente?`,
      (p) => `«${p.stage}» suele durar ${days(p.median)} en su pipeline, y ${p.name} lleva ahí ${days(p.days)}: ¿qué le dice su ritmo?`,
    ],
    'urgency.unknown': [
      (p) => `¿Este seguimiento va al ritmo de usted o al de ${p.name}, y cómo lo sabría?`,
      (p) => `¿Cuál es el calendario propio de ${p.name} para esto, hasta donde usted realmente sabe?`,
    ],
    'dark.attempts': [
      (p) => `${p.name} respondió por última vez ${ago(p.days)} y desde entonces usted les ha escrito ${times(p.attempts)}. ¿Qué podría estar diciéndole ese silencio?`,
      (p) => `Ha escrito a ${p.name} ${times(p.attempts)} desde su última respuesta, ${ago(p.days)}: ¿qué podrían estar sopesando de lo que usted no sabe nada?`,
      (p) => `${upper(times(p.attempts))} sin respuesta desde que ${p.name} respondió ${ago(p.days)}: ¿qué haría usted distinto en su lugar?`,
    ],
    'dark.never-replied': [
      (p) => `${p.name} aún no ha respondido a ${plural(p.attempts, 'su mensaje', 'ninguno de sus # mensajes')}. ¿Qué haría que una conversación valiera la pena para ellos?`,
      (p) => `${plural(p.attempts, 'Su mensaje', 'Sus # mensajes')} a ${p.name} siguen sin respuesta: ¿sabe si es la persona adecuada, en el momento adecuado?`,
    ],
    'dark.silence': [
      (p) => `Han pasado ${days(p.days)} desde la última respuesta de ${p.name}. ¿Qué podría haber cambiado de su lado en ese tiempo?`,
      (p) => `${p.name} lleva ${days(p.days)} en silencio: ¿hay algo de su lado por lo que podría preguntar, en lugar de insistir?`,
      (p) => `¿Qué ocupaba a ${p.name} hace ${days(p.days)}, en su última respuesta, y qué puede haber ocupado su lugar desde entonces?`,
    ],
    'dark.last-subject': [
      (p) => `Su último correo a ${p.name}, «${p.subject}», salió ${ago(p.days)} y sigue sin respuesta: ¿qué de él les importaba, y qué no?`,
      (p) => `${p.name} no ha respondido a «${p.subject}», enviado ${ago(p.days)}: ¿cómo se ve ese asunto desde su lado?`,
      (p) => `«${p.subject}» lleva ${days(p.days)} sin respuesta de ${p.name}: ¿era la pregunta adecuada para ellos, en el momento adecuado?`,
    ],
    'dark.unknown': [
      (p) => `¿Qué le indicaría que ${p.name} sigue interesado, aparte de una respuesta rápida?`,
      (p) => `Cuando ${p.name} tarda más en responder, ¿qué suele estar pasando de su lado?`,
    ],
    'scenes.stage': [
      (p) => `${p.name} lleva ${days(p.days)} en «${p.stage}». ¿Qué podría estar pasando entre bastidores (presupuesto, personas, prioridades) que esa etapa no muestra?`,
      (p) => `¿Qué tendría que cambiar en ${p.name} para pasar de «${p.stage}», donde llevan ${days(p.days)}?`,
      (p) => `${days(p.days)} en «${p.stage}» es mucho tiempo para ${p.name}: ¿quién de su lado tiene que decir que sí, y a qué está esperando?`,
    ],
    'scenes.role': [
      (p) => `¿Qué ocupa a ${p.person} como ${p.title} en ${p.company} este trimestre que usted aún no le ha preguntado?`,
      (p) => `Como ${p.title} en ${p.company}, ¿por qué resultados se mide a ${p.person} este año, y cómo le ayuda su seguimiento?`,
      (p) => `¿Qué le facilitaría la semana a ${p.person} como ${p.title} en ${p.company}, y lo sabe usted con certeza?`,
    ],
    'scenes.size': [
      (p) => `¿Qué está marcando este año para una empresa de ${p.employees} personas (${p.industry}) como ${p.name}, más allá de este negocio?`,
      (p) => `Para una empresa de ${p.employees} personas (${p.industry}) como ${p.name}, ¿qué presiones de este año podrían estar detrás de esta conversación?`,
      (p) => `¿Qué tiene que hacer bien este año una empresa de ${p.employees} personas (${p.industry}) como ${p.name}, y dónde encaja usted?`,
    ],
    'scenes.unknown': [
      (p) => `¿Qué está pasando este trimestre en el negocio de ${p.name} que el CRM no le muestra?`,
      (p) => `¿Qué ha cambiado últimamente en ${p.name} que no aparecería en ningún campo del CRM?`,
      (p) => `¿Qué decisiones tiene ${p.name} por delante este trimestre que usted solo ha supuesto hasta ahora?`,
    ],
    'peers.stalled': [
      (p) => `Otros ${p.count} clientes del sector ${p.industry} también están en «${p.stage}». ¿Qué tienen en común con ${p.name} y qué sugiere eso?`,
      (p) => `${p.name} y otros ${p.count} clientes del sector ${p.industry} están todos en «${p.stage}»: ¿qué retiene a ese tipo de empresa en este paso?`,
    ],
    'peers.theme': [
      (p) => `Otros ${p.count} clientes del sector ${p.industry} también han abierto tickets sobre ${p.theme}. ¿Hay aquí un patrón que valga la pena comentar con ${p.name}?`,
      (p) => `${p.theme} aparece en tickets de otros ${p.count} clientes del sector ${p.industry}: ¿lo nota también ${p.name}?`,
    ],
    'peers.unknown': [
      (p) => `¿Cuál de sus otros clientes se parece más a ${p.name}, y qué aprendió trabajando con él?`,
      (p) => `¿Con qué suelen tropezar clientes como ${p.name} en este punto, y pasa aquí también?`,
    ],
    'experts.ticket-owner': [
      (p) => `${p.person} lleva los tickets de soporte de ${p.name}. ¿Qué podría contarle sobre cómo van las cosas antes de que usted les contacte?`,
      (p) => `Antes de contactar con ${p.name}, ¿qué ha oído ${p.person} de ellos en soporte?`,
    ],
    'experts.colleague': [
      (p) => `${p.person} también trabaja con ${p.name}. ¿Qué sabe esa persona de este cliente que usted no sabe?`,
      (p) => `¿Qué querría ${p.person}, que también trabaja con ${p.name}, que usted supiera antes de este contacto?`,
    ],
    'experts.unknown': [
      (p) => `¿Quién más en su empresa ha hablado últimamente con ${p.name}, y qué escuchó?`,
      (p) => `¿Qué colega conoce a ${p.name} desde otro ángulo (soporte, finanzas, implantación), y qué añadiría?`,
      (p) => `¿Quién en su empresa podría contarle algo de ${p.name} que la ficha no dice?`,
    ],
    'long-term.renewal': [
      (p) => `¿Qué haría que el próximo año fuera de verdad mejor para ${p.name}, y no solo una renovación más?`,
      (p) => `Más allá de esta renovación, ¿qué necesitaría ${p.name} de ustedes para crecer juntos en los próximos años?`,
    ],
    'long-term.customer': [
      (p) => `¿Dónde quiere que esté su relación con ${p.name} dentro de un año, y este seguimiento les acerca a ello?`,
      (p) => `¿Qué haría que ${p.name} les recomendara a un colega dentro de un año?`,
      (p) => `¿Qué ha conseguido ${p.name} con ustedes hasta ahora, y qué querrían conseguir después?`,
    ],
    'long-term.unknown': [
      (p) => `¿Cómo sería un buen año para ${p.name}, desde su propio punto de vista?`,
      (p) => `¿Dónde podría estar ${p.name} dentro de dos años, y qué papel podría tener usted en ello?`,
      (p) => `Mirando atrás dentro de un año, ¿qué consideraría ${p.name} un buen resultado de trabajar con ustedes?`,
    ],
    'service.high': [
      (p) => `${p.name} tiene ${tickets(p.count)}, ${p.high} de ellos de prioridad alta. ¿Quién del equipo de soporte podría contarle cómo va todo antes de llamar?`,
      (p) => `Con ${tickets(p.count)} en ${p.name}, ${p.high} de alta prioridad: ¿cómo lo están viviendo, y quién de su lado lo sabe?`,
    ],
    'service.open': [
      (p) => `${p.name} tiene ${tickets(p.count)}; ${plural(p.count, 'lleva', 'uno lleva')} ${days(p.days)} abierto. ¿Cómo podría influir eso en la conversación que va a tener?`,
      (p) => `${p.name} lleva ${days(p.days)} esperando con ${plural(p.count, 'un ticket abierto', 'el más antiguo de # tickets abiertos')}: ¿cómo les sentará saber de ventas en medio de eso?`,
    ],
    'service.ticket-subject': [
      (p) => `${p.name} tiene ${plural(p.count, 'un ticket abierto', '# tickets abiertos, uno de ellos')} sobre «${p.subject}»: ¿cómo lo viven ellos, y quién de su equipo podría contárselo?`,
      (p) => `¿Qué supone «${p.subject}», ${plural(p.count, 'el ticket', 'uno de los # tickets')} que ${p.name} tiene en curso con soporte, para su trabajo diario?`,
    ],
    'service.unknown': [
      (p) => `Si algo de su producto o servicio le hubiera molestado a ${p.name} últimamente, ¿cómo se enteraría usted?`,
      (p) => `¿Cómo está viviendo ${p.name} el trabajo con su equipo hasta ahora, desde su lado y no desde el CRM?`,
    ],
    'calm.fresh-lead': [
      (p) => `${p.name} se convirtió en lead ${ago(p.days)}. ¿Qué les llevó a escribir y qué les resultaría útil hoy?`,
      (p) => `${p.name} se convirtió en lead ${ago(p.days)}: ¿qué sabe de lo que buscaban, y qué está suponiendo?`,
    ],
    'calm.last-touch': [
      (p) => `Su último contacto (${TOUCH[p.touch]}) con ${p.name} fue ${ago(p.days)}. ¿Qué aprendió entonces que debería orientar lo siguiente?`,
      (p) => `¿Qué le contó ${p.name} en ${LAST[p.touch]} ${ago(p.days)} sobre lo que debería construir este seguimiento?`,
      (p) => `Volviendo a ${LAST[p.touch]} con ${p.name} ${ago(p.days)}: ¿qué le pidieron que aún no ha retomado?`,
    ],
    'calm.last-subject': [
      (p) => `${upper(LAST[p.touch])} con ${p.name}, ${ago(p.days)}, trataba de «${p.subject}»: ¿qué respondieron, y qué sigue abierto para ellos?`,
      (p) => `¿Qué se llevó de «${p.subject}», ${LAST[p.touch]} con ${p.name} ${ago(p.days)}, y desde dónde querrían retomarlo?`,
      (p) => `La última vez que habló con ${p.name} de «${p.subject}» (${TOUCH[p.touch]}, ${ago(p.days)}), ¿qué era lo que más les importaba?`,
    ],
    'calm.need': [
      (p) => `¿Qué sabe realmente sobre lo que ${p.name} necesita hoy, y cómo podría averiguarlo?`,
      (p) => `¿Qué intenta conseguir ${p.name} en este momento, y dónde podría usted ayudar de verdad?`,
      (p) => `Si preguntara a ${p.name} qué les ayudaría más esta semana, ¿qué cree que le dirían?`,
    ],
    'urgency.close-date': [
      (p) => `¿Qué tendría que cumplirse del lado de ${p.name} para que la fecha de cierre ${inDays(p.days)} se mantenga, y lo han dicho?`,
      (p) => `¿Quién fijó la fecha de cierre ${inDays(p.days)} para ${p.name}: ellos, o su pipeline?`,
    ],
    'dark.last-touch': [
      (p) => `Desde ${LAST[p.touch]} con ${p.name} ${ago(p.days)}, ¿qué podrían estar esperando oír de usted?`,
      (p) => `¿Qué le pedía a ${p.name} ${LAST[p.touch]} de ${ago(p.days)}, y les resultaba fácil responder?`,
    ],
    'peers.industry': [
      (p) => `¿Qué les importaba más a sus otros clientes del sector ${p.industry} en este punto, y le pasa lo mismo a ${p.name}?`,
      (p) => `¿Con qué suelen encontrarse empresas del sector ${p.industry} como ${p.name} en esta época del año, y lo ha preguntado?`,
    ],
    'experts.role': [
      (p) => `¿Quién en su empresa sabe por qué se mide un puesto como ${p.title} en ${p.company}, y se lo ha preguntado?`,
      (p) => `¿Qué colega ha trabajado ya con personas en el puesto de ${p.title} y podría decirle qué les importa en ${p.company}?`,
    ],
    'long-term.industry': [
      (p) => `¿Dónde quiere estar ${p.name} como empresa del sector ${p.industry} dentro de tres años, y cómo lo sabría usted?`,
      (p) => `¿Qué está cambiando en el sector ${p.industry} a lo que ${p.name} tendrá que responder en los próximos años?`,
    ],
    'service.customer': [
      (p) => `¿Cuándo preguntó alguien por última vez a ${p.name} cómo va el trabajo con su equipo, y qué respondieron?`,
      (p) => `¿Qué diría ${p.name} que funciona bien en su servicio, y qué cambiarían en silencio?`,
    ],
    'dark.stage-silence': [
      (p) => `${p.name} lleva ${days(p.days)} en silencio mientras el negocio está en «${p.stage}»: ¿qué les pide esa etapa que podría resultarles difícil en este momento?`,
      (p) => `¿Qué exige «${p.stage}» del lado de ${p.name} que podría explicar ${days(p.days)} sin respuesta?`,
    ],
    'scenes.role-stage': [
      (p) => `¿Qué necesitaría ${p.person}, como ${p.title}, para hacer avanzar «${p.stage}» dentro de ${p.company}?`,
      (p) => `¿Quién más, aparte de ${p.person} (${p.title}), tiene voz en ${p.company} antes de que «${p.stage}» avance, y qué le importa?`,
    ],
  },
  facts: {
    'last-reply': (f) => `última respuesta ${ago(f.days)}`,
    'never-replied': () => 'aún sin respuesta',
    attempts: (f) => `${plural(f.count, '1 intento de contacto', '# intentos de contacto')} desde entonces`,
    'last-touch': (f) => `último contacto (${TOUCH[f.touch]}) ${ago(f.days)}`,
    'last-subject': (f) => `${TOUCH[f.touch]} «${f.subject}» ${ago(f.days)}`,
    'ticket-subject': (f) => `ticket abierto «${f.subject}»`,
    'stage-age': (f) => `${days(f.days)} en «${f.stage}»`,
    'stage-median': (f) => `mediana del pipeline ${days(f.days)}`,
    'close-date': (f) => `cierre ${inDays(f.days)}`,
    'quarter-end': (f) => `fin de trimestre ${inDays(f.days)}`,
    'close-pushed': (f) => `fecha de cierre movida ${times(f.count)}`,
    'open-tickets': (f) => plural(f.count, '1 ticket abierto', '# tickets abiertos'),
    'high-priority': (f) => `${f.count} de prioridad alta`,
    lifecycle: (f) => ({ lead: 'lead', opportunity: 'oportunidad abierta', customer: 'cliente', renewal: 'renovación próxima' })[f.phase],
    'record-age': (f) => `lead desde ${ago(f.days)}`,
    industry: (f) => f.industry,
    employees: (f) => `${f.count} empleados`,
    'job-title': (f) => f.title,
    'peers-stalled': (f) => `${f.count} clientes del sector en la misma etapa`,
    'peers-theme': (f) => `${f.count} clientes del sector con tickets sobre ${f.theme}`,
    collaborator: (f) => `${f.person} también lleva esta cuenta`,
  },
  missing: {
    contact: 'contacto',
    company: 'empresa',
    deal: 'negocio',
    engagements: 'historial de correos y llamadas',
    industry: 'sector',
    'pipeline-medians': 'medianas por etapa',
    peers: 'clientes comparables del sector',
    owners: 'propietarios',
    tickets: 'tickets',
    'last-subject': 'asunto del último correo, llamada o reunión',
    'ticket-subject': 'asunto de los tickets abiertos',
    'stale-engagements': 'actividad reciente (la más reciente tiene más de 90 días)',
  },
  why: { label: 'Por qué esta tarjeta', noFacts: 'el CRM aún sabe poco de este cliente', missing: 'falta en el CRM' },
  ui: { title: 'Antes de hacer seguimiento', helpful: 'Útil', notHelpful: 'No útil', snooze: 'Pausar para este cliente', recognisedBy: 'Reconocida por la regla «{rule}»', manageRules: 'Gestionar reglas' },
};
