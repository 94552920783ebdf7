/**
 * Words that carry no client-specific content in a task prompt, in the seven languages: articles,
 * pronouns, prepositions, politeness, urgency, time words, the nouns every CRM task shares
 * ("contact", "lead", "task", "step"), and the vocabulary of generic correspondence that sequence
 * and workflow bodies are made of ("previous", "last", "created", "inbox", "hope", "know").
 * Written folded (lowercase, no accents). Multi-word entries are phrases removed as a whole
 * ("see where things stand"), for words that are only empty inside the phrase.
 */
const FILLER: Record<string, string> = {
  en: `a an the to with w for on in at by of and or up back again quick quickly short brief just now today tonight tomorrow
    asap urgent urgently please pls plz re regarding about them him her they their his its it this that these those he she
    contact contacts lead leads prospect prospects client clients customer customers account person someone people
    first second third final last another one more time day days step attempt attempts touch task tasks todo to do sample
    auto automated fyi hey hi hello see how things are is going doing status update updates any news if need needs anything
    question questions next steps week weeks month months morning afternoon evening eod eow cob later soon still yet no not
    some send sent make do get give let try thread from via per t s ll d m ve re fw fwd sequence workflow automation
    mr mrs ms dr prof sir madam monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri
    sat sun january february march april may june july august september october november december jan feb mar apr jun jul
    aug sep sept oct nov dec am pm give shoot drop
    previous prior last earlier below above my our your yours you we i me us hope hoping well great good nice weekend know let
    wanted want wants note inbox top conversation conversations chat created generated assigned new within hour hours
    minutes reply replies thread open opened all end heard had has have did does done be been was were will would can could
    should what where when who which whether there here so also keep going gone quiet use script log logged one two three
    four five mql mqls sql lifecycle haven hasn didn doesn isn wasn won`,
  de: `der die das den dem des ein eine einen einem einer und oder mit bei an am um im in auf fur zu zum zur von vom per uber
    wegen bitte kurz kurze kurzes nochmal noch mal erneut wieder heute morgen ubermorgen spater bald nachste nachsten woche
    monat tag tage schritt versuch aufgabe kunde kunden kundin ansprechpartner ansprechpartnerin interessent ihn sie ihm ihr
    ihnen sich es er wir uns herr herrn frau hallo neuigkeiten ob alles gut senden schicken versenden machen betreff bzgl
    ggf evtl telefonisch montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar marz april mai juni juli august
    september oktober november dezember letzte letzten letzter letztes vorherige vorherigen mein meine meiner meinen unsere
    unserer ihrer wie ist sind war automatisch erstellt angelegt sequenz neu neue neuer danke`,
  fr: `le la les l un une des de du d et ou avec a au aux pour sur en chez par ce cet cette ces lui leur leurs il elle ils
    elles on nous vous se s y concernant rapide rapidement vite encore nouveau aujourd hui demain apres bientot plus tard
    prochaine prochain semaine mois jour etape tentative tache client cliente prospect contact m mme mlle monsieur madame
    bonjour merci svp stp n no numero telephone faire envoyer laisse lundi mardi mercredi jeudi vendredi samedi dimanche janvier
    fevrier mars avril mai juin juillet aout septembre octobre novembre decembre dernier derniere precedent precedente mon ma
    mes notre nos votre vos voir sont est suite cree creee automatiquement sequence`,
  es: `el la los las lo un una unos unas y o con a al de del para por en sobre se le les su sus ella ellos nuevo nueva
    nuevamente otra vez rapido hoy manana pasado proxima proximo semana mes dia paso intento tarea cliente prospecto
    contacto sr sra senor senora hola favor hacer enviar mandar telefono lunes martes miercoles jueves viernes sabado domingo enero
    febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre mi mis ultimo ultima anterior nuestro
    nuestra tu ver como creada creado automaticamente secuencia`,
  nl: `de het een en of met bij aan voor op in naar van om over even nog weer opnieuw nogmaals snel kort vandaag morgen
    overmorgen later binnenkort volgende week maand dag stap poging taak klant klanten contactpersoon hem haar hun zij ze
    hij dhr mevr meneer mevrouw hallo graag sturen versturen maken doen telefonisch maandag dinsdag woensdag donderdag vrijdag zaterdag
    zondag januari februari maart april mei juni juli augustus september oktober november december laatste vorige mijn onze
    uw jouw je vragen hoe aangemaakt automatisch reeks`,
  pt: `o a os as um uma uns umas e ou com ao aos de do da dos das para pelo pela por em no na nos nas sobre se lhe ele ela
    eles elas seu sua novamente novo outra vez rapido hoje amanha depois proxima proximo semana mes dia etapa tentativa
    tarefa cliente contato sr sra senhor senhora ola oi fazer enviar mandar telefone segunda terca quarta quinta sexta sabado
    domingo feira janeiro fevereiro marco abril maio junho julho agosto setembro outubro novembro dezembro meu minha nosso
    nossa ultimo ultima anterior ver como criada criado automaticamente sequencia`,
  it: `il lo la i gli le l un uno una di d del dello della dei degli delle a al allo alla ai agli alle da dal dallo dalla
    in nel nello nella con su sul sulla per tra fra e ed o lui lei loro suo sua suoi sue mio mia mie miei ultima ultimo
    precedente oggi domani dopodomani presto dopo prossima prossimo settimana mese giorno passo tentativo attivita compito
    cliente clienti contatto referente sig sigra signor signore signora dott dottssa ciao buongiorno salve grazie fare
    inviare mandare telefono telefonicamente ancora nuovo nuovamente di nuovo veloce breve subito come va giusto sapere
    creata creato generata generato automaticamente sequenza lunedi martedi mercoledi giovedi venerdi sabato domenica
    gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre`,
};

const FILLER_PHRASES = [
  'see how things are going', 'how are things', 'any updates', 'any news', 'next steps', 'status update', 'see if they need anything',
  'as discussed', 'wie besprochen', 'comme convenu', 'como acordado', 'zoals besproken', 'conforme combinado', 'come d accordo',
  'where things stand', 'where they stand', 'where we stand', 'as promised', 'close your file', 'reference the email',
  'reference my email', 'reference the previous email', 'wie der stand ist', 'ou ils en sont', 'ou en sont', 'ou ca en est',
  'como van las cosas', 'hoe het gaat', 'hoe het ervoor staat', 'como estao as coisas', 'il punto della situazione',
];

/** Single filler words, folded. */
export const FILLER_WORDS: ReadonlySet<string> = new Set(Object.values(FILLER).flatMap((list) => list.split(/\s+/).filter(Boolean)));

/** Multi-word filler phrases, folded and split into words. */
export const FILLER_PHRASE_WORDS: readonly (readonly string[])[] = FILLER_PHRASES.map((phrase) => phrase.split(' '));

/** Numbers, ordinals, times and quarters: "3", "2nd", "14h", "10am", "Q3", "n°2". */
export const DATE_LIKE = /^(?:\d+(?:st|nd|rd|th|er|eme|e|re|o|a|ste|de|h|am|pm|uhr)?\d*|q[1-4]|h[12])$/;

/** Words after which a capitalised word is taken to be a person's or company's name. */
export const NAME_INTRODUCERS: ReadonlySet<string> = new Set(
  'with w mit bei an avec chez a con com met bij aan to at from para pour voor give shoot send mr mrs ms dr prof herr herrn frau m mme mlle monsieur madame sr sra senor senora senhor senhora dhr mevr meneer mevrouw sig sigra signor signora dott'.split(' '),
);

/** Introducers for a lowercase last word taken as a name ("touch base w/ maria"). */
export const PERSON_INTRODUCERS: ReadonlySet<string> = new Set('with mit bei avec con com met bij'.split(' '));

/** Articles that may stand between an introducer and a name ("com a Ana", "with the"). */
export const ARTICLES: ReadonlySet<string> = new Set('a o the la le el de der die den het'.split(' '));

/**
 * Body lines that HubSpot or an automation writes, which say nothing about the client. Matched
 * against a line's folded words joined by single spaces; a matching line is dropped whole.
 */
export const BOILERPLATE_LINES: readonly RegExp[] = [
  /^(?:this )?(?:task )?(?:was )?(?:automatically )?(?:created|generated|added) (?:by|via|from|in) (?:a |an |the )?(?:hubspot )?(?:workflow|sequence|automation)\b/,
  /^(?:sequence )?step \d+(?: of \d+)?(?: (?:of|in) (?:the )?sequence)?$/,
  /^(?:sequence|workflow) (?:step|task)(?: \d+)?(?: of \d+)?$/,
  /^(?:aufgabe )?(?:wurde )?(?:automatisch )?(?:erstellt|angelegt) (?:durch|von|vom|uber|per) (?:den |einen |einer |die )?(?:workflow|sequenz)\b/,
  /^schritt \d+(?: von \d+)?(?: der sequenz)?$/,
  /^(?:tache )?(?:creee|generee) (?:automatiquement )?(?:par|via) (?:le |la |un |une )?(?:workflow|sequence)\b/,
  /^etape \d+(?: sur \d+)?(?: de la sequence)?$/,
  /^(?:tarea )?(?:creada|generada|creado|generado) (?:automaticamente )?(?:por|desde) (?:el |la |un |una )?(?:flujo de trabajo|workflow|secuencia)\b/,
  /^paso \d+(?: de \d+)?(?: de la secuencia)?$/,
  /^(?:taak )?(?:automatisch )?(?:aangemaakt|gemaakt) (?:automatisch )?door (?:de |een )?(?:workflow|reeks|sequence|sequentie)\b/,
  /^stap \d+(?: van \d+)?(?: (?:van|in) de (?:reeks|sequence|sequentie))?$/,
  /^(?:tarefa )?(?:criada|gerada|criado|gerado) (?:automaticamente )?(?:por|pelo|pela) (?:o |a |um |uma )?(?:fluxo de trabalho|workflow|sequencia)\b/,
  /^etapa \d+(?: de \d+)?(?: da sequencia)?$/,
  /^(?:attivita )?(?:creata|generata|creato|generato) (?:automaticamente )?(?:da|dal|dalla|tramite) (?:il |la |un |una )?(?:workflow|flusso di lavoro|sequenza)\b/,
  /^passo \d+(?: di \d+)?(?: della sequenza)?$/,
  /^(?:sent from my|envoye de mon|von meinem|enviado desde mi|enviado do meu|inviato da|inviato dal mio|verzonden (?:met|vanaf) mijn|verstuurd (?:met|vanaf) mijn) \w+(?: \w+)?(?: gesendet)?$/,
];

/**
 * Sign-offs that open an email signature when they stand alone on a body line ("Best,",
 * "Mit freundlichen Grüßen"). The line and the few lines after it (name, title, phone) are dropped.
 */
export const VALEDICTIONS: ReadonlySet<string> = new Set([
  'best', 'best regards', 'regards', 'kind regards', 'warm regards', 'warmly', 'cheers', 'thanks', 'thank you', 'many thanks', 'thanks again',
  'sincerely', 'all the best', 'talk soon', 'best wishes', 'mit freundlichen grussen', 'freundliche grusse', 'viele grusse', 'beste grusse',
  'liebe grusse', 'gruss', 'grusse', 'lg', 'vg', 'mfg', 'cordialement', 'bien cordialement', 'bien a vous', 'salutations', 'bonne journee',
  'saludos', 'un saludo', 'saludos cordiales', 'atentamente', 'abrazos', 'un abrazo', 'met vriendelijke groet', 'vriendelijke groet', 'groet',
  'groeten', 'mvg', 'hartelijke groet', 'atenciosamente', 'abracos', 'abraco', 'cumprimentos', 'att', 'cordiali saluti', 'saluti',
  'distinti saluti', 'un saluto', 'a presto',
]);

/** Most lines a signature may have after its sign-off; a longer tail is not taken for a signature. */
export const MAX_SIGNATURE_LINES = 6;

/** Most words a signature line may have ("Sales Development Representative | Northpeak Inc."). */
export const MAX_SIGNATURE_LINE_WORDS = 8;
