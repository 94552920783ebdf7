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

export const es: QuestionBank = {
  locale: 'es',
  unnamedClient: '«cliente sin nombre»',
  headlines: {
    'headline.ticket': (p) => `Antes de contactar con ${p.name}: ¿cómo están viviendo ${plural(p.count, 'su ticket abierto', 'sus # tickets abiertos')}?`,
    'headline.renewal': (p) => `Antes de hablar de la renovación con ${p.name}: ¿cómo ha sido este último año para ellos?`,
    'headline.fresh-lead': (p) => `Antes de contactar con ${p.name}: ¿qué les llevó a escribir ${ago(p.days)}?`,
    'headline.unanswered': (p) => `Antes de volver a escribir a ${p.name} tras ${plural(p.attempts, 'un mensaje sin respuesta', '# mensajes sin respuesta')}: ¿qué haría que el siguiente mereciera su tiempo?`,
    'headline.since-reply': (p) => `Antes de hacer seguimiento con ${p.name}: ¿qué ha cambiado para ellos desde su última respuesta, ${ago(p.days)}?`,
    'headline.since-touch': (p) => `Antes de hacer seguimiento con ${p.name}: ¿qué ha cambiado para ellos desde ${LAST[p.touch]}, ${ago(p.days)}?`,
    'headline.default': (p) => `Antes de completar esta tarea: ¿qué haría que el siguiente paso fuera realmente útil para ${p.name}?`,
  },
  questions: {
    'urgency.quarter-end': (p) => `La fecha de cierre con ${p.name} es ${inDays(p.days)} y el trimestre termina ${inDays(p.quarterDays)}. ¿Este seguimiento responde a su calendario o al del cliente?`,
    'urgency.pushed': (p) => `La fecha de cierre con ${p.name} ya se ha movido ${times(p.count)}. ¿Qué le dice eso sobre el calendario del propio cliente?`,
    'urgency.stage-pace': (p) => `El negocio con ${p.name} lleva ${days(p.days)} en «${p.stage}»; la mediana de su pipeline en esa etapa es de ${days(p.median)}. ¿A qué ritmo responde este seguimiento: al suyo o al del cliente?`,
    'dark.attempts': (p) => `${p.name} respondió por última vez ${ago(p.days)} y desde entonces usted les ha escrito ${times(p.attempts)}. ¿Qué podría estar diciéndole ese silencio?`,
    'dark.never-replied': (p) => `${p.name} aún no ha respondido a ${plural(p.attempts, 'su mensaje', 'ninguno de sus # mensajes')}. ¿Qué haría que una conversación valiera la pena para ellos?`,
    'dark.silence': (p) => `Han pasado ${days(p.days)} desde la última respuesta de ${p.name}. ¿Qué podría haber cambiado de su lado en ese tiempo?`,
    'scenes.stage': (p) => `${p.name} lleva ${days(p.days)} en «${p.stage}». ¿Qué podría estar pasando entre bastidores (presupuesto, personas, prioridades) que esa etapa no muestra?`,
    'scenes.role': (p) => `¿Qué ocupa a ${p.person} como ${p.title} en ${p.company} este trimestre que usted aún no le ha preguntado?`,
    'scenes.size': (p) => `¿Qué está marcando este año para una empresa de ${p.employees} personas (${p.industry}) como ${p.name}, más allá de este negocio?`,
    'scenes.unknown': (p) => `¿Qué está pasando este trimestre en el negocio de ${p.name} que el CRM no le muestra?`,
    'peers.stalled': (p) => `Otros ${p.count} clientes del sector ${p.industry} también están en «${p.stage}». ¿Qué tienen en común con ${p.name} y qué sugiere eso?`,
    'peers.theme': (p) => `Otros ${p.count} clientes del sector ${p.industry} también han abierto tickets sobre ${p.theme}. ¿Hay aquí un patrón que valga la pena comentar con ${p.name}?`,
    'experts.ticket-owner': (p) => `${p.person} lleva los tickets de soporte de ${p.name}. ¿Qué podría contarle sobre cómo van las cosas antes de que usted les contacte?`,
    'experts.colleague': (p) => `${p.person} también trabaja con ${p.name}. ¿Qué sabe esa persona de este cliente que usted no sabe?`,
    'experts.unknown': (p) => `¿Quién más en su empresa ha hablado últimamente con ${p.name}, y qué escuchó?`,
    'long-term.renewal': (p) => `¿Qué haría que el próximo año fuera de verdad mejor para ${p.name}, y no solo una renovación más?`,
    'long-term.customer': (p) => `¿Dónde quiere que esté su relación con ${p.name} dentro de un año, y este seguimiento les acerca a ello?`,
    'long-term.unknown': (p) => `¿Cómo sería un buen año para ${p.name}, desde su propio punto de vista?`,
    'service.high': (p) => `${p.name} tiene ${tickets(p.count)}, ${p.high} de ellos de prioridad alta. ¿Quién del equipo de soporte podría contarle cómo va todo antes de llamar?`,
    'service.open': (p) => `${p.name} tiene ${tickets(p.count)}; ${plural(p.count, 'lleva', 'uno lleva')} ${days(p.days)} abierto. ¿Cómo podría influir eso en la conversación que va a tener?`,
    'calm.fresh-lead': (p) => `${p.name} se convirtió en lead ${ago(p.days)}. ¿Qué les llevó a escribir y qué les resultaría útil hoy?`,
    'calm.last-touch': (p) => `Su último contacto (${TOUCH[p.touch]}) con ${p.name} fue ${ago(p.days)}. ¿Qué aprendió entonces que debería orientar lo siguiente?`,
    'calm.need': (p) => `¿Qué sabe realmente sobre lo que ${p.name} necesita hoy, y cómo podría averiguarlo?`,
  },
  facts: {
    'last-reply': (f) => `última respuesta ${ago(f.days)}`,
    'never-replied': () => 'aún sin respuesta',
    attempts: (f) => `${plural(f.count, '1 intento de contacto', '# intentos de contacto')} desde entonces`,
    'last-touch': (f) => `último contacto (${TOUCH[f.touch]}) ${ago(f.days)}`,
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
    'stale-engagements': 'actividad reciente (la más reciente tiene más de 90 días)',
  },
  why: { label: 'Por qué esta tarjeta', noFacts: 'el CRM aún sabe poco de este cliente', missing: 'falta en el CRM' },
  ui: { title: 'Antes de hacer seguimiento', helpful: 'Útil', notHelpful: 'No útil', snooze: 'Pausar para este cliente', recognisedBy: 'Reconocida por la regla «{rule}»', manageRules: 'Gestionar reglas' },
};
