/** German (formal "Sie"). */
import type { TouchType } from '../facts.ts';
import { plural, relative, type QuestionBank } from './bank.ts';

const ago = (n: number) => relative(n, 'heute', 'gestern', 'vor # Tagen');
const inDays = (n: number) => relative(n, 'heute', 'morgen', 'in # Tagen');
/** Dative, as after "seit": "seit 1 Tag", "seit 5 Tagen". */
const sinceDays = (n: number) => plural(n, '1 Tag', '# Tagen');
const times = (n: number) => plural(n, 'einmal', '# Mal');
const tickets = (n: number) => plural(n, '1 offenes Support-Ticket', '# offene Support-Tickets');
const SINCE_TOUCH: Record<TouchType, string> = { EMAIL: 'Ihrer letzten E-Mail', CALL: 'Ihrem letzten Anruf', MEETING: 'Ihrem letzten Termin' };
const LAST_TOUCH: Record<TouchType, string> = { EMAIL: 'Ihre letzte E-Mail', CALL: 'Ihr letzter Anruf', MEETING: 'Ihr letzter Termin' };
const TOUCH: Record<TouchType, string> = { EMAIL: 'letzte E-Mail', CALL: 'letzter Anruf', MEETING: 'letzter Termin' };

export const de: QuestionBank = {
  locale: 'de',
  unnamedClient: '„Kunde ohne Namen“',
  headlines: {
    'headline.ticket': (p) => `Bevor Sie sich bei ${p.name} melden: Wie erlebt man dort ${plural(p.count, 'das offene Ticket', 'die # offenen Tickets')}?`,
    'headline.renewal': (p) => `Bevor Sie mit ${p.name} über die Verlängerung sprechen: Wie war das vergangene Jahr für sie?`,
    'headline.fresh-lead': (p) => `Bevor Sie ${p.name} kontaktieren: Was hat sie ${ago(p.days)} dazu bewogen, sich zu melden?`,
    'headline.unanswered': (p) => `Bevor Sie sich nach ${plural(p.attempts, 'einer unbeantworteten Nachricht', '# unbeantworteten Nachrichten')} erneut bei ${p.name} melden: Was würde die nächste für sie lohnenswert machen?`,
    'headline.since-reply': (p) => `Bevor Sie bei ${p.name} nachfassen: Was hat sich dort verändert, seit sie ${ago(p.days)} zuletzt geantwortet haben?`,
    'headline.since-touch': (p) => `Bevor Sie bei ${p.name} nachfassen: Was hat sich dort seit ${SINCE_TOUCH[p.touch]} ${ago(p.days)} verändert?`,
    'headline.default': (p) => `Bevor Sie diese Aufgabe erledigen: Was würde den nächsten Schritt für ${p.name} wirklich nützlich machen?`,
  },
  questions: {
    'urgency.quarter-end': (p) => `Das Abschlussdatum mit ${p.name} ist ${inDays(p.days)}, das Quartal endet ${inDays(p.quarterDays)}. Folgt dieses Nachfassen Ihrem Zeitplan oder dem des Kunden?`,
    'urgency.pushed': (p) => `Das Abschlussdatum mit ${p.name} wurde schon ${times(p.count)} verschoben. Was sagt Ihnen das über den Zeitplan des Kunden?`,
    'urgency.stage-pace': (p) => `Der Deal mit ${p.name} steht seit ${sinceDays(p.days)} in „${p.stage}“; der Median Ihrer Pipeline liegt dort bei ${plural(p.median, '1 Tag', '# Tagen')}. Wessen Tempo bestimmt dieses Nachfassen: Ihres oder das des Kunden?`,
    'dark.attempts': (p) => `${p.name} hat zuletzt ${ago(p.days)} geantwortet, seitdem haben Sie ${times(p.attempts)} nachgefasst. Was könnte Ihnen die Stille sagen?`,
    'dark.never-replied': (p) => `${p.name} hat ${plural(p.attempts, 'auf Ihre Nachricht noch nicht', 'auf keine Ihrer # Nachrichten')} geantwortet. Was würde ein Gespräch für sie lohnenswert machen?`,
    'dark.silence': (p) => `Seit ${sinceDays(p.days)} hat ${p.name} nicht mehr geantwortet. Was könnte sich in dieser Zeit bei ihnen verändert haben?`,
    'scenes.stage': (p) => `${p.name} steht seit ${sinceDays(p.days)} in „${p.stage}“. Was könnte hinter den Kulissen passieren (Budget, Personen, Prioritäten), das diese Phase nicht zeigt?`,
    'scenes.role': (p) => `Was beschäftigt ${p.person} als ${p.title} bei ${p.company} in diesem Quartal, wonach Sie noch nicht gefragt haben?`,
    'scenes.size': (p) => `Was prägt dieses Jahr für ein Unternehmen mit ${p.employees} Beschäftigten (${p.industry}) wie ${p.name}, über diesen Deal hinaus?`,
    'scenes.unknown': (p) => `Was passiert in diesem Quartal im Geschäft von ${p.name}, das Ihnen das CRM nicht zeigt?`,
    'peers.stalled': (p) => `${p.count} weitere Kunden aus der Branche ${p.industry} stehen ebenfalls in „${p.stage}“. Was haben sie mit ${p.name} gemeinsam, und was folgt daraus?`,
    'peers.theme': (p) => `${p.count} weitere Kunden aus der Branche ${p.industry} haben ebenfalls Tickets zu ${p.theme} gemeldet. Steckt dahinter ein Muster, über das Sie mit ${p.name} sprechen sollten?`,
    'experts.ticket-owner': (p) => `${p.person} betreut die Support-Tickets von ${p.name}. Was könnte ${p.person} Ihnen über die Lage erzählen, bevor Sie sich melden?`,
    'experts.colleague': (p) => `${p.person} arbeitet ebenfalls mit ${p.name}. Was weiß ${p.person} über diesen Kunden, das Sie nicht wissen?`,
    'experts.unknown': (p) => `Wer in Ihrem Unternehmen hat zuletzt mit ${p.name} gesprochen, und was hat er oder sie dabei gehört?`,
    'long-term.renewal': (p) => `Was würde das nächste Jahr für ${p.name} wirklich besser machen, statt den Vertrag nur zu verlängern?`,
    'long-term.customer': (p) => `Wo soll Ihre Beziehung zu ${p.name} in einem Jahr stehen, und bringt dieses Nachfassen sie dorthin?`,
    'long-term.unknown': (p) => `Wie sähe aus Sicht von ${p.name} ein gutes Jahr aus?`,
    'service.high': (p) => `${p.name} hat ${tickets(p.count)}, davon ${p.high} mit hoher Priorität. Wer im Service-Team könnte Ihnen vor dem Anruf sagen, wie es damit steht?`,
    'service.open': (p) => `${p.name} hat ${tickets(p.count)}; ${plural(p.count, 'es ist', 'eines ist')} seit ${sinceDays(p.days)} offen. Wie könnte das Ihr nächstes Gespräch prägen?`,
    'calm.fresh-lead': (p) => `${p.name} wurde ${ago(p.days)} zum Lead. Was hat sie bewogen, sich zu melden, und was wäre für sie heute hilfreich?`,
    'calm.last-touch': (p) => `${LAST_TOUCH[p.touch]} mit ${p.name} war ${ago(p.days)}. Was haben Sie dabei erfahren, das Ihr nächstes Gespräch prägen sollte?`,
    'calm.need': (p) => `Was wissen Sie wirklich darüber, was ${p.name} heute braucht, und wie könnten Sie es herausfinden?`,
  },
  facts: {
    'last-reply': (f) => `letzte Antwort ${ago(f.days)}`,
    'never-replied': () => 'noch keine Antwort',
    attempts: (f) => `seitdem ${plural(f.count, '1 Kontaktversuch', '# Kontaktversuche')}`,
    'last-touch': (f) => `${TOUCH[f.touch]} ${ago(f.days)}`,
    'stage-age': (f) => `seit ${sinceDays(f.days)} in „${f.stage}“`,
    'stage-median': (f) => `Pipeline-Median ${plural(f.days, '1 Tag', '# Tage')}`,
    'close-date': (f) => `Abschlussdatum ${inDays(f.days)}`,
    'quarter-end': (f) => `Quartalsende ${inDays(f.days)}`,
    'close-pushed': (f) => `Abschlussdatum ${times(f.count)} verschoben`,
    'open-tickets': (f) => plural(f.count, '1 offenes Ticket', '# offene Tickets'),
    'high-priority': (f) => `${f.count} mit hoher Priorität`,
    lifecycle: (f) => ({ lead: 'Lead', opportunity: 'offene Verkaufschance', customer: 'Kunde', renewal: 'Verlängerung steht an' })[f.phase],
    'record-age': (f) => `Lead seit ${plural(f.days, '1 Tag', '# Tagen')}`,
    industry: (f) => f.industry,
    employees: (f) => `${f.count} Beschäftigte`,
    'job-title': (f) => f.title,
    'peers-stalled': (f) => `${f.count} Kunden der Branche in derselben Phase`,
    'peers-theme': (f) => `${f.count} Kunden der Branche mit Tickets zu ${f.theme}`,
    collaborator: (f) => `${f.person} ebenfalls am Kunden`,
  },
  missing: {
    contact: 'Kontakt',
    company: 'Unternehmen',
    deal: 'Deal',
    engagements: 'E-Mail- und Anrufverlauf',
    industry: 'Branche',
    'pipeline-medians': 'Phasen-Mediane',
    peers: 'Vergleichskunden der Branche',
    owners: 'Zuständige',
    tickets: 'Tickets',
    'stale-engagements': 'aktuelle Aktivität (die neueste ist über 90 Tage alt)',
  },
  why: { label: 'Warum diese Karte', noFacts: 'das CRM weiß noch wenig über diesen Kunden', missing: 'nicht im CRM' },
  ui: { title: 'Bevor Sie nachfassen', helpful: 'Hilfreich', notHelpful: 'Nicht hilfreich', snooze: 'Für diesen Kunden pausieren', recognisedBy: 'Erkannt von der Regel „{rule}“', manageRules: 'Regeln verwalten' },
};
