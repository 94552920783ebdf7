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
    'headline.service.high': [
      (p) => `Bevor Sie sich bei ${p.name} melden: Wie erlebt man dort ${plural(p.count, 'das offene Ticket', 'die # offenen Tickets')}?`,
      (p) => `${p.name} hat ${tickets(p.count)}: Was sollten Sie darüber wissen, bevor Sie sich melden?`,
      (p) => `Bevor Sie sich bei ${p.name} melden: Was kostet ${plural(p.count, 'das offene Ticket', 'jedes der # offenen Tickets')} sie im Alltag?`,
    ],
    'headline.long-term.renewal': [
      (p) => `Bevor Sie mit ${p.name} über die Verlängerung sprechen: Wie war das vergangene Jahr für sie?`,
      (p) => `Die Verlängerung mit ${p.name} steht an: Was hat ihnen das vergangene Jahr gebracht, in ihren eigenen Worten?`,
      (p) => `Bevor Sie über die Verlängerung mit ${p.name} sprechen: Was würden sie an der Zusammenarbeit ändern, wenn sie könnten?`,
    ],
    'headline.calm.fresh-lead': [
      (p) => `Bevor Sie ${p.name} kontaktieren: Was hat sie ${ago(p.days)} dazu bewogen, sich zu melden?`,
      (p) => `${p.name} hat sich ${ago(p.days)} gemeldet: Was hofften sie dabei zu finden?`,
      (p) => `Vor dem ersten Gespräch mit ${p.name}: Welches Problem hat sie ${ago(p.days)} zu Ihnen geführt?`,
    ],
    'headline.dark.unanswered': [
      (p) => `Bevor Sie sich nach ${plural(p.attempts, 'einer unbeantworteten Nachricht', '# unbeantworteten Nachrichten')} erneut bei ${p.name} melden: Was würde die nächste für sie lohnenswert machen?`,
      (p) => `Nach ${plural(p.attempts, 'einer unbeantworteten Nachricht', '# unbeantworteten Nachrichten')} an ${p.name}: Was könnten sie von Ihnen brauchen, das Sie noch nicht angeboten haben?`,
      (p) => `Bevor Sie ${p.name} erneut schreiben: Was könnte aus ihrer Sicht ${plural(p.attempts, 'die unbeantwortete Nachricht', 'die # unbeantworteten Nachrichten')} erklären?`,
    ],
    'headline.dark.since-reply': [
      (p) => `Bevor Sie bei ${p.name} nachfassen: Was hat sich dort verändert, seit sie ${ago(p.days)} zuletzt geantwortet haben?`,
      (p) => `${p.name} hat zuletzt ${ago(p.days)} geantwortet: Was könnte sich seitdem bei ihnen verschoben haben?`,
      (p) => `Bevor Sie ${p.name} schreiben: Was wissen Sie heute über ihre Lage, das Sie bei ihrer letzten Antwort ${ago(p.days)} noch nicht wussten?`,
      (p) => `Seit der letzten Antwort von ${p.name} ${ago(p.days)} ist es still: Wonach wäre es sinnvoll, zuerst zu fragen?`,
    ],
    'headline.calm.since-touch': [
      (p) => `Bevor Sie bei ${p.name} nachfassen: Was hat sich dort seit ${SINCE_TOUCH[p.touch]} ${ago(p.days)} verändert?`,
      (p) => `Seit ${SINCE_TOUCH[p.touch]} mit ${p.name} ${ago(p.days)}: Was könnte heute für sie anders sein?`,
      (p) => `Bevor Sie sich bei ${p.name} melden: Was ist nach ${SINCE_TOUCH[p.touch]} ${ago(p.days)} für sie offen geblieben?`,
      (p) => `${LAST_TOUCH[p.touch]} mit ${p.name} war ${ago(p.days)}: Was würde den nächsten Kontakt für sie nützlich statt routiniert machen?`,
    ],
    'headline.calm.last-subject': [
      (p) => `Bevor Sie bei ${p.name} zu „${p.subject}“ nachfassen: Was hat sich seit ${SINCE_TOUCH[p.touch]} ${ago(p.days)} für sie bewegt?`,
      (p) => `${LAST_TOUCH[p.touch]} mit ${p.name} ${ago(p.days)} drehte sich um „${p.subject}“: Wo stehen sie dabei heute?`,
      (p) => `„${p.subject}“ war ${LAST_TOUCH[p.touch]} mit ${p.name}, ${ago(p.days)}: Was ist dort aus ihrer Sicht noch offen?`,
    ],
    'headline.dark.last-subject': [
      (p) => `„${p.subject}“ ging ${ago(p.days)} an ${p.name} und ist noch unbeantwortet: Was müssten sie hören, um zu antworten?`,
      (p) => `Bevor Sie ${p.name} erneut schreiben: Wie könnte „${p.subject}“ (${ago(p.days)} verschickt) bei ihnen angekommen sein?`,
    ],
    'headline.service.open': [
      (p) => `Bevor Sie sich bei ${p.name} melden: Wie ist es für sie, seit ${sinceDays(p.days)} auf ${plural(p.count, 'ein offenes Ticket', 'das älteste von # offenen Tickets')} zu warten?`,
      (p) => `${p.name} wartet seit ${sinceDays(p.days)} auf den Support: Wie könnte das ihren Blick auf Ihren nächsten Kontakt prägen?`,
    ],
    'headline.service.ticket-subject': [
      (p) => `Bevor Sie sich bei ${p.name} melden: Wie steht es aus ihrer Sicht um das offene Ticket „${p.subject}“?`,
      (p) => `${p.name} hat ein offenes Ticket zu „${p.subject}“: Was sollten Sie darüber wissen, bevor Sie anrufen?`,
    ],
    'headline.long-term.customer': [
      (p) => `Bevor Sie sich bei ${p.name} melden: Wie erleben sie die Zusammenarbeit mit Ihnen bisher?`,
      (p) => `${p.name} ist Kunde: Was würde den nächsten Kontakt für sie lohnend statt routiniert machen?`,
    ],
    'headline.urgency.close-date': [
      (p) => `Das Abschlussdatum für ${p.name} ist ${inDays(p.days)}: Ist das ihr Termin oder Ihrer?`,
      (p) => `Bevor Sie bei ${p.name} nachfassen: Was bedeutet das Abschlussdatum ${inDays(p.days)} auf ihrer Seite?`,
    ],
    'headline.urgency.pushed': [
      (p) => `Das Abschlussdatum mit ${p.name} hat sich ${times(p.count)} verschoben: Wie sieht ihr eigener Zeitplan aus, so wie sie ihn erzählen würden?`,
      (p) => `Bevor Sie bei ${p.name} nachfassen: Was verschiebt das Abschlussdatum (bisher ${times(p.count)}) auf ihrer Seite?`,
    ],
    'headline.scenes.stage': [
      (p) => `${p.name} steht seit ${sinceDays(p.days)} in „${p.stage}“: Was könnte bei ihnen hinter den Kulissen los sein?`,
      (p) => `Bevor Sie bei ${p.name} nachfassen: Was müsste bei ihnen passieren, damit es nach ${sinceDays(p.days)} über „${p.stage}“ hinausgeht?`,
    ],
    'headline.scenes.role': [
      (p) => `Bevor Sie sich bei ${p.person} melden: Wie sähe ein gutes Quartal für ${p.person} als ${p.title} bei ${p.company} aus?`,
      (p) => `Woran arbeitet ${p.person} als ${p.title} bei ${p.company} in diesem Quartal, und wie könnte Ihr nächster Kontakt dabei helfen?`,
    ],
    'headline.peers.stalled': [
      (p) => `${p.name} und ${p.count} ähnliche Kunden stehen alle in „${p.stage}“: Was hält diese Art von Unternehmen dort?`,
      (p) => `Bevor Sie bei ${p.name} nachfassen: Worauf warten ${p.count} ähnliche Kunden in „${p.stage}“, und gilt das auch hier?`,
    ],
    'headline.peers.theme': [
      (p) => `${p.count} ähnliche Kunden haben ${p.theme} beim Support angesprochen: Beschäftigt das auch ${p.name}?`,
      (p) => `Bevor Sie sich bei ${p.name} melden: Spielt das Thema ${p.theme}, das ${p.count} ähnliche Kunden gemeldet haben, auch für sie eine Rolle?`,
    ],
    'headline.experts.ticket-owner': [
      (p) => `Bevor Sie sich bei ${p.name} melden: Was hat ${p.person} bei der Bearbeitung ihrer Tickets von ihnen gehört?`,
      (p) => `${p.person} betreut die Support-Tickets von ${p.name}: Was würde ${p.person} Ihnen vor dem nächsten Kontakt sagen?`,
    ],
    'headline.experts.colleague': [
      (p) => `Bevor Sie sich bei ${p.name} melden: Was weiß ${p.person}, ebenfalls für diesen Kunden tätig, das Sie nicht wissen?`,
      (p) => `${p.person} arbeitet ebenfalls mit ${p.name}: Was sollten Sie ${p.person} fragen, bevor Sie sich melden?`,
    ],
    'headline.scenes.unknown': [
      (p) => `Bevor Sie sich bei ${p.name} melden: Was könnte in diesem Quartal in ihrem Geschäft los sein, das das CRM nicht zeigt?`,
      (p) => `Was beschäftigt ${p.name} in letzter Zeit, das nie in einem CRM-Feld auftauchen würde?`,
    ],
    'headline.long-term.unknown': [
      (p) => `Bevor Sie sich bei ${p.name} melden: Wie sähe aus ihrer Sicht ein gutes Jahr mit Ihnen aus?`,
      (p) => `Mit Blick auf das nächste Jahr: Was sollte dieser Kontakt für ${p.name} in Gang gebracht haben?`,
    ],
    'headline.urgency.unknown': [
      (p) => `Bevor Sie bei ${p.name} nachfassen: Wessen Zeitplan folgt diese Aufgabe, ihrem oder Ihrem?`,
      (p) => `Wie sieht der eigene Zeitplan von ${p.name} aus, soweit Sie ihn wirklich kennen, bevor Sie nachfassen?`,
    ],
    'headline.default': [
      (p) => `Bevor Sie diese Aufgabe erledigen: Was würde den nächsten Schritt für ${p.name} wirklich nützlich machen?`,
      (p) => `Was braucht ${p.name} von diesem nächsten Kontakt, in ihren eigenen Worten?`,
      (p) => `Bevor Sie diese Aufgabe angehen: Was möchte ${p.name} davon haben, von Ihnen zu hören?`,
      (p) => `Wenn ${p.name} wählen könnte, was Sie ins nächste Gespräch mitbringen: Was wäre es?`,
    ],
  },
  questions: {
    'urgency.quarter-end': [
      (p) => `Das Abschlussdatum mit ${p.name} ist ${inDays(p.days)}, das Quartal endet ${inDays(p.quarterDays)}. Folgt dieses Nachfassen Ihrem Zeitplan oder dem des Kunden?`,
      (p) => `Das Abschlussdatum mit ${p.name} ist ${inDays(p.days)}, das Quartal endet ${inDays(p.quarterDays)}: Auf welches dieser beiden Daten arbeitet ${p.name} tatsächlich hin?`,
      (p) => `Das Quartal endet ${inDays(p.quarterDays)}, das Abschlussdatum mit ${p.name} ist ${inDays(p.days)}: Was würde sich für sie ändern, wenn es sich verschiebt, und nicht für Sie?`,
    ],
    'urgency.pushed': [
      (p) => `Das Abschlussdatum mit ${p.name} wurde schon ${times(p.count)} verschoben. Was sagt Ihnen das über den Zeitplan des Kunden?`,
      (p) => `Das Abschlussdatum mit ${p.name} hat sich ${times(p.count)} verschoben: Was passiert bei ihnen, das die neuen Daten nicht erklären?`,
    ],
    'urgency.stage-pace': [
      (p) => `Der Deal mit ${p.name} steht seit ${sinceDays(p.days)} in „${p.stage}“; der Median Ihrer Pipeline liegt dort bei ${plural(p.median, '1 Tag', '# Tagen')}. Wessen Tempo bestimmt dieses Nachfassen: Ihres oder das des Kunden?`,
      (p) => `„${p.stage}“ dauert in Ihrer Pipeline meist ${plural(p.median, '1 Tag', '# Tage')}, ${p.name} steht dort seit ${sinceDays(p.days)}: Was sagt Ihnen ihr Tempo?`,
    ],
    'urgency.unknown': [
      (p) => `Wessen Zeitplan folgt dieses Nachfassen, Ihrem oder dem von ${p.name}, und woran würden Sie es erkennen?`,
      (p) => `Wie sieht der eigene Zeitplan von ${p.name} dafür aus, soweit Sie es tatsächlich wissen?`,
    ],
    'dark.attempts': [
      (p) => `${p.name} hat zuletzt ${ago(p.days)} geantwortet, seitdem haben Sie ${times(p.attempts)} nachgefasst. Was könnte Ihnen die Stille sagen?`,
      (p) => `Sie haben ${p.name} seit der letzten Antwort ${ago(p.days)} ${times(p.attempts)} geschrieben: Was könnten sie gerade abwägen, wovon Sie nichts wissen?`,
      (p) => `${times(p.attempts)} ohne Antwort, seit ${p.name} ${ago(p.days)} zuletzt geantwortet hat: Was würden Sie an ihrer Stelle anders machen?`,
    ],
    'dark.never-replied': [
      (p) => `${p.name} hat ${plural(p.attempts, 'auf Ihre Nachricht noch nicht', 'auf keine Ihrer # Nachrichten')} geantwortet. Was würde ein Gespräch für sie lohnenswert machen?`,
      (p) => `${plural(p.attempts, 'Ihre Nachricht', 'Ihre # Nachrichten')} an ${p.name} blieb bisher ohne Antwort: Wissen Sie, ob dies die richtige Person zur richtigen Zeit ist?`,
    ],
    'dark.silence': [
      (p) => `Seit ${sinceDays(p.days)} hat ${p.name} nicht mehr geantwortet. Was könnte sich in dieser Zeit bei ihnen verändert haben?`,
      (p) => `${p.name} ist seit ${sinceDays(p.days)} still: Gibt es etwas auf ihrer Seite, nach dem Sie fragen könnten, statt nachzuhaken?`,
      (p) => `Was beschäftigte ${p.name} vor ${sinceDays(p.days)}, bei der letzten Antwort, und was könnte seitdem an dessen Stelle getreten sein?`,
    ],
    'dark.last-subject': [
      (p) => `Ihre letzte E-Mail an ${p.name}, „${p.subject}“, ging ${ago(p.days)} hinaus und ist noch unbeantwortet: Was daran war für sie wichtig, und was nicht?`,
      (p) => `${p.name} hat auf „${p.subject}“ (${ago(p.days)} gesendet) nicht geantwortet: Wie könnte dieses Thema aus ihrer Sicht aussehen?`,
      (p) => `„${p.subject}“ ist bei ${p.name} seit ${sinceDays(p.days)} unbeantwortet: War es für sie die richtige Frage zur richtigen Zeit?`,
    ],
    'dark.unknown': [
      (p) => `Woran würden Sie merken, dass ${p.name} noch dabei ist, außer an einer schnellen Antwort?`,
      (p) => `Wenn ${p.name} länger für eine Antwort braucht: Was ist dann bei ihnen meist los?`,
    ],
    'scenes.stage': [
      (p) => `${p.name} steht seit ${sinceDays(p.days)} in „${p.stage}“. Was könnte hinter den Kulissen passieren (Budget, Personen, Prioritäten), das diese Phase nicht zeigt?`,
      (p) => `Was müsste sich bei ${p.name} ändern, damit sie über „${p.stage}“ hinauskommen, wo sie seit ${sinceDays(p.days)} stehen?`,
      (p) => `${p.name} steht seit ${sinceDays(p.days)} in „${p.stage}“: Wer auf ihrer Seite müsste zustimmen, und worauf wartet diese Person?`,
    ],
    'scenes.role': [
      (p) => `Was beschäftigt ${p.person} als ${p.title} bei ${p.company} in diesem Quartal, wonach Sie noch nicht gefragt haben?`,
      (p) => `Woran wird ${p.person} als ${p.title} bei ${p.company} in diesem Jahr gemessen, und wie hilft Ihr Nachfassen dabei?`,
      (p) => `Was würde die Woche von ${p.person} als ${p.title} bei ${p.company} leichter machen, und wissen Sie das sicher?`,
    ],
    'scenes.size': [
      (p) => `Was prägt dieses Jahr für ein Unternehmen mit ${p.employees} Beschäftigten (${p.industry}) wie ${p.name}, über diesen Deal hinaus?`,
      (p) => `Welcher Druck könnte in diesem Jahr hinter dem Gespräch stehen, für ein Unternehmen mit ${p.employees} Beschäftigten (${p.industry}) wie ${p.name}?`,
      (p) => `Was muss ein Unternehmen mit ${p.employees} Beschäftigten (${p.industry}) wie ${p.name} in diesem Jahr richtig machen, und wo passen Sie dazu?`,
    ],
    'scenes.unknown': [
      (p) => `Was passiert in diesem Quartal im Geschäft von ${p.name}, das Ihnen das CRM nicht zeigt?`,
      (p) => `Was hat sich bei ${p.name} zuletzt verändert, das in keinem CRM-Feld auftaucht?`,
      (p) => `Vor welchen Entscheidungen steht ${p.name} in diesem Quartal, die Sie bisher nur vermuten?`,
    ],
    'peers.stalled': [
      (p) => `${p.count} weitere Kunden aus der Branche ${p.industry} stehen ebenfalls in „${p.stage}“. Was haben sie mit ${p.name} gemeinsam, und was folgt daraus?`,
      (p) => `${p.name} und ${p.count} weitere Kunden der Branche ${p.industry} stehen alle in „${p.stage}“: Was hält solche Unternehmen an diesem Schritt auf?`,
    ],
    'peers.theme': [
      (p) => `${p.count} weitere Kunden aus der Branche ${p.industry} haben ebenfalls Tickets zu ${p.theme} gemeldet. Steckt dahinter ein Muster, über das Sie mit ${p.name} sprechen sollten?`,
      (p) => `${p.theme} taucht in Tickets von ${p.count} weiteren Kunden der Branche ${p.industry} auf: Spürt ${p.name} das auch?`,
    ],
    'peers.unknown': [
      (p) => `Welcher Ihrer anderen Kunden ähnelt ${p.name} am meisten, und was haben Sie aus der Arbeit mit ihm gelernt?`,
      (p) => `Womit ringen Kunden wie ${p.name} an diesem Punkt meist, und trifft das hier zu?`,
    ],
    'experts.ticket-owner': [
      (p) => `${p.person} betreut die Support-Tickets von ${p.name}. Was könnte ${p.person} Ihnen über die Lage erzählen, bevor Sie sich melden?`,
      (p) => `Bevor Sie sich bei ${p.name} melden: Was hat ${p.person} im Support von ihnen gehört?`,
    ],
    'experts.colleague': [
      (p) => `${p.person} arbeitet ebenfalls mit ${p.name}. Was weiß ${p.person} über diesen Kunden, das Sie nicht wissen?`,
      (p) => `Was sollten Sie nach Meinung von ${p.person}, die oder der ebenfalls mit ${p.name} arbeitet, vor diesem Kontakt wissen?`,
    ],
    'experts.unknown': [
      (p) => `Wer in Ihrem Unternehmen hat zuletzt mit ${p.name} gesprochen, und was hat er oder sie dabei gehört?`,
      (p) => `Welche Kollegin oder welcher Kollege kennt ${p.name} aus einem anderen Blickwinkel (Support, Finanzen, Umsetzung), und was würde sie oder er ergänzen?`,
      (p) => `Wer in Ihrem Unternehmen könnte Ihnen etwas über ${p.name} sagen, das nicht im Datensatz steht?`,
    ],
    'long-term.renewal': [
      (p) => `Was würde das nächste Jahr für ${p.name} wirklich besser machen, statt den Vertrag nur zu verlängern?`,
      (p) => `Über diese Verlängerung hinaus: Was bräuchte ${p.name} von Ihnen, um in den nächsten Jahren mit Ihnen zu wachsen?`,
    ],
    'long-term.customer': [
      (p) => `Wo soll Ihre Beziehung zu ${p.name} in einem Jahr stehen, und bringt dieses Nachfassen sie dorthin?`,
      (p) => `Was würde ${p.name} dazu bringen, Sie in einem Jahr einem Partner weiterzuempfehlen?`,
      (p) => `Was hat ${p.name} mit Ihnen bisher erreicht, und was möchten sie als Nächstes erreichen?`,
    ],
    'long-term.unknown': [
      (p) => `Wie sähe aus Sicht von ${p.name} ein gutes Jahr aus?`,
      (p) => `Wo könnte ${p.name} in zwei Jahren stehen, und welchen Anteil könnten Sie daran haben?`,
      (p) => `Was würde ${p.name} in einem Jahr rückblickend als gutes Ergebnis der Zusammenarbeit mit Ihnen sehen?`,
    ],
    'service.high': [
      (p) => `${p.name} hat ${tickets(p.count)}, davon ${p.high} mit hoher Priorität. Wer im Service-Team könnte Ihnen vor dem Anruf sagen, wie es damit steht?`,
      (p) => `Bei ${p.name} sind ${tickets(p.count)}, ${p.high} davon mit hoher Priorität: Wie kommt das bei ihnen an, und wer bei Ihnen weiß es?`,
    ],
    'service.open': [
      (p) => `${p.name} hat ${tickets(p.count)}; ${plural(p.count, 'es ist', 'eines ist')} seit ${sinceDays(p.days)} offen. Wie könnte das Ihr nächstes Gespräch prägen?`,
      (p) => `${p.name} wartet seit ${sinceDays(p.days)} auf ${plural(p.count, 'ein offenes Ticket', 'das älteste von # offenen Tickets')}: Wie wirkt es, mitten darin vom Vertrieb zu hören?`,
    ],
    'service.ticket-subject': [
      (p) => `${p.name} hat ${plural(p.count, 'ein offenes Ticket', '# offene Tickets, eines davon')} zu „${p.subject}“: Wie läuft das aus ihrer Sicht, und wer in Ihrem Team könnte es Ihnen sagen?`,
      (p) => `Was bedeutet „${p.subject}“, ${plural(p.count, 'das offene Ticket', 'eines der # offenen Tickets')} von ${p.name} im Support, für ihre tägliche Arbeit?`,
    ],
    'service.unknown': [
      (p) => `Wenn ${p.name} zuletzt etwas an Ihrem Produkt oder Service gestört hätte: Wie würden Sie davon erfahren?`,
      (p) => `Wie erlebt ${p.name} die Zusammenarbeit mit Ihrem Team bisher, aus ihrer Sicht statt aus dem CRM?`,
    ],
    'calm.fresh-lead': [
      (p) => `${p.name} wurde ${ago(p.days)} zum Lead. Was hat sie bewogen, sich zu melden, und was wäre für sie heute hilfreich?`,
      (p) => `${p.name} wurde ${ago(p.days)} zum Lead: Was wissen Sie darüber, was sie suchen, und was nehmen Sie nur an?`,
    ],
    'calm.last-touch': [
      (p) => `${LAST_TOUCH[p.touch]} mit ${p.name} war ${ago(p.days)}. Was haben Sie dabei erfahren, das Ihr nächstes Gespräch prägen sollte?`,
      (p) => `Was hat ${p.name} Ihnen in ${SINCE_TOUCH[p.touch]} ${ago(p.days)} gesagt, worauf dieses Nachfassen aufbauen sollte?`,
      (p) => `Zurück zu ${SINCE_TOUCH[p.touch]} mit ${p.name} ${ago(p.days)}: Worum haben sie gebeten, dem Sie noch nicht nachgegangen sind?`,
    ],
    'calm.last-subject': [
      (p) => `${LAST_TOUCH[p.touch]} mit ${p.name} ${ago(p.days)} drehte sich um „${p.subject}“: Was haben sie geantwortet, und was ist für sie noch offen?`,
      (p) => `Was haben Sie aus „${p.subject}“ mitgenommen, ${SINCE_TOUCH[p.touch]} mit ${p.name} ${ago(p.days)}, und woran würden sie gern anknüpfen?`,
      (p) => `Als Sie zuletzt mit ${p.name} über „${p.subject}“ gesprochen haben (${TOUCH[p.touch]}, ${ago(p.days)}): Was war ihnen dabei am wichtigsten?`,
    ],
    'calm.need': [
      (p) => `Was wissen Sie wirklich darüber, was ${p.name} heute braucht, und wie könnten Sie es herausfinden?`,
      (p) => `Was versucht ${p.name} gerade zu erreichen, und wo könnten Sie tatsächlich helfen?`,
      (p) => `Wenn Sie ${p.name} fragten, was ihnen diese Woche am meisten helfen würde: Was würden sie wohl sagen?`,
    ],
    'urgency.close-date': [
      (p) => `Was müsste auf der Seite von ${p.name} stimmen, damit das Abschlussdatum ${inDays(p.days)} hält, und haben sie das gesagt?`,
      (p) => `Wer hat das Abschlussdatum ${inDays(p.days)} für ${p.name} festgelegt: sie selbst oder Ihre Pipeline?`,
    ],
    'dark.last-touch': [
      (p) => `Worauf könnte ${p.name} seit ${SINCE_TOUCH[p.touch]} ${ago(p.days)} von Ihnen gewartet haben?`,
      (p) => `Was hat ${LAST_TOUCH[p.touch]} ${ago(p.days)} von ${p.name} verlangt, und war es für sie leicht zu beantworten?`,
    ],
    'peers.industry': [
      (p) => `Was war Ihren anderen Kunden aus ${p.industry} an diesem Punkt am wichtigsten, und gilt das auch für ${p.name}?`,
      (p) => `Worauf stoßen Unternehmen aus ${p.industry} wie ${p.name} um diese Jahreszeit oft, und haben Sie danach gefragt?`,
    ],
    'experts.role': [
      (p) => `Wer in Ihrem Unternehmen weiß, woran eine Rolle wie ${p.title} bei ${p.company} gemessen wird, und haben Sie gefragt?`,
      (p) => `Wer aus Ihrem Team hat schon mit Menschen in der Rolle ${p.title} gearbeitet und könnte sagen, was für sie bei ${p.company} zählt?`,
    ],
    'long-term.industry': [
      (p) => `Wo will ${p.name} als Unternehmen aus ${p.industry} in drei Jahren stehen, und woher würden Sie das wissen?`,
      (p) => `Was verändert sich in ${p.industry}, worauf ${p.name} in den nächsten Jahren eine Antwort finden muss?`,
    ],
    'service.customer': [
      (p) => `Wann hat zuletzt jemand ${p.name} gefragt, wie die Zusammenarbeit mit Ihrem Team läuft, und was war die Antwort?`,
      (p) => `Was würde ${p.name} an Ihrem Service loben, und was würden sie stillschweigend ändern?`,
    ],
    'dark.stage-silence': [
      (p) => `${p.name} ist seit ${sinceDays(p.days)} still, während der Deal in „${p.stage}“ steht: Was verlangt dieser Schritt von ihnen, das gerade schwer sein könnte?`,
      (p) => `Was würde „${p.stage}“ auf der Seite von ${p.name} erfordern, das ${p.days === 1 ? 'einen Tag' : `${p.days} Tage`} ohne Antwort erklären könnte?`,
    ],
    'scenes.role-stage': [
      (p) => `Was bräuchte ${p.person} als ${p.title}, um „${p.stage}“ bei ${p.company} voranzubringen?`,
      (p) => `Wer außer ${p.person} (${p.title}) redet bei ${p.company} mit, bevor sich „${p.stage}“ bewegen kann, und worauf achten sie?`,
    ],
  },
  facts: {
    'last-reply': (f) => `letzte Antwort ${ago(f.days)}`,
    'never-replied': () => 'noch keine Antwort',
    attempts: (f) => `seitdem ${plural(f.count, '1 Kontaktversuch', '# Kontaktversuche')}`,
    'last-touch': (f) => `${TOUCH[f.touch]} ${ago(f.days)}`,
    'last-subject': (f) => `${TOUCH[f.touch]} „${f.subject}“ ${ago(f.days)}`,
    'ticket-subject': (f) => `offenes Ticket „${f.subject}“`,
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
    'last-subject': 'Betreff der letzten E-Mail, des letzten Anrufs oder Termins',
    'ticket-subject': 'Betreff der offenen Tickets',
    'stale-engagements': 'aktuelle Aktivität (die neueste ist über 90 Tage alt)',
  },
  why: { label: 'Warum diese Karte', noFacts: 'das CRM weiß noch wenig über diesen Kunden', missing: 'nicht im CRM' },
  ui: { title: 'Bevor Sie nachfassen', helpful: 'Hilfreich', notHelpful: 'Nicht hilfreich', snooze: 'Für diesen Kunden pausieren', recognisedBy: 'Erkannt von der Regel „{rule}“', manageRules: 'Regeln verwalten' },
};
