import { deu, eng, fra, ita, nld, por, spa } from 'stopword';
import { foldWord } from './prompt-text.ts';
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
    first second third last another one more time day days step attempt attempts touch task tasks todo to do sample
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
    four five mql mqls sql lifecycle haven hasn didn doesn isn wasn won
    courtesy gentle gently friendly soft light little small quick brief further additional extra else sometime someday
    maybe perhaps possibly probably whenever after before since until during while once full busy unavailable away ooo
    left leave received got recent recently latest current items item stuff thing things matters topics bits everything
    something nothing whatever etc team teams folks guys everyone buyer buyers stakeholder stakeholders decision maker makers
    champion opportunity opportunities opp opps deal deals company companies org organization side end needed required
    pending outstanding loop thoughts feedback input concerns concern unclear clear sure okay ok interest interested
    update hear heard answer answered reach respond responded response responses pinged emailed called texted
    messaged wrote written spoke spoken talked talk speak said asked ask say tell told share shared remember around
    ahead along over out off into onto upon under again once twice later asap pronto their theirs them themselves ourselves
    whats hows lets let s o clock ish couple few bit lot lots very really maybe kindly quickie ya yo u ur thx tks
    status progress anyway regards since some every each such other others same own way like get got getting gotten
    mine via nudge ahead office offices hq headquarters premises
    discovery initial complete completed monthly weekly quarterly annual annually yearly daily biweekly pre post prep
    tmrw tmr tmw tomorow tom wks wk hrs hr mins min sec secs tbd tba tbc msg msgs related bad timing timeline chance thought
    calendar letter fax postcard literature dialer manual cadence
    salesloft outreach apollo hubspot value add shot worth thank thanks thx ty summary priority priorities door players
    partnership explore deadline extension access handwritten gift travel arrangements arrangments ship product products
    mailing list newsletter crew offsite calm down changed look looked review reviewed seems right worries leaving
    referencing mentioning mention q qs inbound outbound warm cold hot legal finance procurement purchasing ops
    hr marketing department dept cfo ceo cto cio coo vp svp evp director manager owner admin board
    decision makers users user buyer group inc llc ltd gmbh corp co plc pty limited missed trying tried
    already whole general generic usual regular routine overall possible potential relevant
    don aren weren couldn shouldn wouldn best discuss seconds closing find`,
  de: `der die das den dem des ein eine einen einem einer und oder mit bei an am um im in auf fur zu zum zur von vom per uber
    wegen bitte kurz kurze kurzes nochmal noch mal erneut wieder heute morgen ubermorgen spater bald nachste nachsten woche
    monat tag tage schritt versuch aufgabe kunde kunden kundin ansprechpartner ansprechpartnerin interessent ihn sie ihm ihr
    ihnen sich es er wir uns herr herrn frau hallo neuigkeiten ob alles gut senden schicken versenden machen betreff bzgl
    ggf evtl telefonisch montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar marz april mai juni juli august
    september oktober november dezember letzte letzten letzter letztes vorherige vorherigen mein meine meiner meinen unsere
    unserer ihrer wie ist sind war automatisch erstellt angelegt sequenz neu neue neuer danke
    freundlich freundliche kleine kleinen kleines schnell schnelle letzte erneute weitere weiteren nochmals irgendwann
    vielleicht evtl nach vor seit bis wahrend wenn als sobald voll besetzt abwesend offene offenen offenes punkte punkt
    thema themen dinge alles etwas nichts sachen team leute entscheider opportunity deal firma unternehmen bedarf benotigt
    notig fragen feedback ruckmeldung ruckfragen gedanken interesse antwort antworten stand status sachstand jetzt gleich
    sofort dringend mal nochmal dass damit ob welche welcher was wann wer wo es gibt sein hat haben hatte wird wurde
    kann konnen soll sollte mochte will ich du man ihre ihren ihrem seine seinen seinem dieser diese dieses jemand
    zwecks betreffend hinsichtlich bezuglich nachricht buro standort zentrale rechtsabteilung einkauf
    ihrem ihren ihres unserem unseren unseres unser dazu davon damit darauf daruber offen offene gedanken ruckfrage ruckfragen
    vorstellungsmail umzug tagen wochen monaten stunden minuten beim mal naechsten nachste nachsten projekt thema zeit gelegenheit
    kurzer kurzen moglich moglichkeit gerne wollte wollten mochten wurden konnten hatten haben sie ihnen alles klar passt
    weiter weiterhin dann schon inzwischen zwischenzeit ergebnis ergebnisse stand entscheidung entscheidungen`,
  fr: `le la les l un une des de du d et ou avec a au aux pour sur en chez par ce cet cette ces lui leur leurs il elle ils
    elles on nous vous se s y concernant rapide rapidement vite encore nouveau aujourd hui demain apres bientot plus tard
    prochaine prochain semaine mois jour etape tentative tache client cliente prospect contact m mme mlle monsieur madame
    bonjour merci svp stp n no numero telephone faire envoyer laisse lundi mardi mercredi jeudi vendredi samedi dimanche janvier
    fevrier mars avril mai juin juillet aout septembre octobre novembre decembre dernier derniere precedent precedente mon ma
    mes notre nos votre vos voir sont est suite cree creee automatiquement sequence
    petit petite petits rapide courtois courtoisie leger legere autre autres encore eventuellement peut etre quand lorsque
    apres avant depuis jusqu pendant plein occupe absent points point sujet sujets choses tout tous toutes quelque chose
    rien equipe gens decideur opportunite affaire societe entreprise besoin besoins questions retour retours avis interet
    reponse repondre statut etat maintenant tout de suite urgent qu que quoi qui ou comment si est ce c il y a avoir etre
    a ete ont fait peut doit veut je tu mon ton son sa ses cette cet quelqu n ne pas plus bureau bureaux locaux siege juridique achats dsi
    veuillez possedez possede toutes tous necessaires necessaire payer paye payee transaction transactions felicitations
    present travaillez stade depuis trois deux jours semaines mois heures minutes responsable informe mesure oubliez devez
    progresser transformer reussite objectif convertir faites envoi sans reponse occasion examiner souhaiteriez approfondir
    avez validite projet projets derniere nouveau nouvelles cote leur leurs etes vous votre vos sera serait pourriez
    aimerais voulais souhaite merci bien toujours deja encore besoin aide aider question questions retour
    nouvelle ajoutez donnees manquantes planifiez activites activite definissez taches reglee marquez comme finalisez aucune prise devriez depecher passer passez suivant suivante dans entonnoir accomplissant prevues etapes`,
  es: `el la los las lo un una unos unas y o con a al de del para por en sobre se le les su sus ella ellos nuevo nueva
    nuevamente otra vez rapido hoy manana pasado proxima proximo semana mes dia paso intento tarea cliente prospecto
    contacto sr sra senor senora hola favor hacer enviar mandar telefono lunes martes miercoles jueves viernes sabado domingo enero
    febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre mi mis ultimo ultima anterior nuestro
    nuestra tu ver como creada creado automaticamente secuencia
    pequeno pequena rapida rapido cortesia breve otro otros otra otras mas quizas quiza tal vez cuando despues antes desde
    hasta durante lleno ocupado ausente puntos punto tema temas cosas todo todos algo nada equipo gente decisor oportunidad
    trato negocio empresa necesidad necesita necesitan preguntas comentarios opinion interes respuesta responder estado
    ahora ya urgente que quien donde si es hay haber ser ha han hizo puede debe quiere yo tu mi su sus este esta estos
    estas alguien no pendiente pendientes oficina oficinas sede legal compras
    negociacion negociaciones creada creadas lea hechos elementos fecha limite pagada pagar pasar estas trabajando objetivo
    llevar exito avanzar atencion tres dos dias semanas meses horas minutos responsable notificada consecuencia usted tiene
    que adelante sea etapa envio introductorio mal momento luego obtener acuerdo propuesto participantes todos rever
    necesidades cerrar requerimientos soporte carta agregar lista producto productos arreglos viaje sus su cuando puede
    podria quisiera gracias aun ya necesita ayuda alguna algun novedad novedades proyecto
    importante planifique actividades actividad corresponde sido marquela pase siguiente felicitaciones hacia delante traves embudo completando planificadas ese persona sin embargo ninguna accion fue mejor siga`,
  nl: `de het een en of met bij aan voor op in naar van om over even nog weer opnieuw nogmaals snel kort vandaag morgen
    overmorgen later binnenkort volgende week maand dag stap poging taak klant klanten contactpersoon hem haar hun zij ze
    hij dhr mevr meneer mevrouw hallo graag sturen versturen maken doen telefonisch maandag dinsdag woensdag donderdag vrijdag zaterdag
    zondag januari februari maart april mei juni juli augustus september oktober november december laatste vorige mijn onze
    uw jouw je vragen hoe aangemaakt automatisch reeks
    klein kleine kort korte snelle vriendelijke andere nog meer misschien wanneer als na voor sinds tot tijdens vol bezet
    afwezig punten punt onderwerp onderwerpen dingen alles iets niets team mensen beslisser opportunity deal bedrijf
    behoefte nodig vragen feedback terugkoppeling reactie antwoord status stand nu meteen dringend dat wat wie waar of is
    er zijn heeft hebben had wordt werd kan kunnen moet wil ik jij mij zijn haar deze dit iemand niet geen openstaande
    openstaand kantoor vestiging juridisch inkoop
    heeft hebt hebben u uw onze ons ontvangen ik wilde wil even alles duidelijk ergens mee helpen loopt lopen gaat nieuws
    dagen weken maanden uren minuten verzenden versturen sturen ben als wanneer al nog zou kunnen graag dank bedankt project
    prijsoverzicht terugkomen terug vraag vragen iets zaken stand zaken ontwikkelingen
    na vorige`,
  pt: `o a os as um uma uns umas e ou com ao aos de do da dos das para pelo pela por em no na nos nas sobre se lhe ele ela
    eles elas seu sua novamente novo outra vez rapido hoje amanha depois proxima proximo semana mes dia etapa tentativa
    tarefa cliente contato sr sra senhor senhora ola oi fazer enviar mandar telefone segunda terca quarta quinta sexta sabado
    domingo feira janeiro fevereiro marco abril maio junho julho agosto setembro outubro novembro dezembro meu minha nosso
    nossa ultimo ultima anterior ver como criada criado automaticamente sequencia
    pequeno pequena rapida rapido cortesia breve outro outros outra outras mais talvez quando depois antes desde ate durante
    cheio ocupado ausente pontos ponto assunto assuntos coisas tudo todos algo nada equipe equipa pessoal decisor
    oportunidade negocio empresa necessidade precisa precisam perguntas duvidas feedback retorno opiniao interesse resposta
    responder status agora ja urgente que quem onde se e ha ter ser tem foi pode deve quer eu voce meu seu sua seus este
    esta isto alguem nao pendente pendentes escritorio sede juridico compras
    negocio negocios criado criada verifique voce possui todas necessarias informacoes leia dados itens pedidos prazo data
    inicio programada lembre pagar paga pagamento parabens agora esta trabalhando levar sucesso avance funil concluindo atencao
    ha tres dois dias semanas meses horas minutos etapa pessoa responsavel notificada convenientemente nenhuma precisa avancar
    torna lo bem sucedido pra pro dele dela deles delas retorno dar tudo certo ficou alguma algum novidade novidades estiver
    quando projeto obrigado obrigada ajuda ajudar
    adicione faltantes planeje atividades atividade defina tarefas esqueca importantes suas adequadamente tornar tiver marque conclua planejadas atualizando etapas acao tomada nesta melhor concluir estagio frente adiante leve converter passada passado`,
  it: `il lo la i gli le l un uno una di d del dello della dei degli delle a al allo alla ai agli alle da dal dallo dalla
    in nel nello nella con su sul sulla per tra fra e ed o lui lei loro suo sua suoi sue mio mia mie miei ultima ultimo
    precedente oggi domani dopodomani presto dopo prossima prossimo settimana mese giorno passo tentativo attivita compito
    cliente clienti contatto referente sig sigra signor signore signora dott dottssa ciao buongiorno salve grazie fare
    inviare mandare telefono telefonicamente ancora nuovo nuovamente di nuovo veloce breve subito come va giusto sapere
    creata creato generata generato automaticamente sequenza lunedi martedi mercoledi giovedi venerdi sabato domenica
    gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre
    piccolo piccola veloce cortesia breve altro altri altra altre ancora piu forse magari quando dopo prima da fino durante
    pieno occupato assente punti punto argomento argomenti cose tutto tutti qualcosa niente nulla team squadra gente
    decisore opportunita trattativa azienda societa bisogno serve servono domande feedback riscontro opinione interesse
    risposta rispondere stato ora adesso subito urgente che chi dove se e c ci sono essere ha hanno fatto puo deve vuole
    io tu mio suo sua loro questo questa qualcuno non in sospeso aperti aperte ufficio uffici sede legale acquisti
    avrebbe avete ha hai minuti ore giorni settimane mesi mattina pomeriggio sera martedi breve brevemente novita tornare
    aggiornamenti aggiornamento sessione scorsa scorso invitarlo invitarla invia inviare mandare spedire progetto grazie
    qualche eventuali eventuale bisogno aiuto aiutare ancora gia sempre`,
};

const FILLER_PHRASES = [
  'see how things are going', 'how are things', 'any updates', 'any news', 'next steps', 'status update', 'see if they need anything',
  'as discussed', 'wie besprochen', 'comme convenu', 'como acordado', 'zoals besproken', 'conforme combinado', 'come d accordo',
  'where things stand', 'where they stand', 'where we stand', 'as promised', 'close your file', 'reference the email',
  'reference my email', 'reference the previous email', 'wie der stand ist', 'ou ils en sont', 'ou en sont', 'ou ca en est',
  'como van las cosas', 'hoe het gaat', 'hoe het ervoor staat', 'como estao as coisas', 'il punto della situazione',
  'out of office', 'in touch', 'on track', 'in the loop', 'top of mind', 'up to date', 'at some point', 'when convenient',
  'when possible', 'if possible', 'as soon as possible', 'end of day', 'end of week', 'end of month', 'next week', 'this week',
  'last week', 'mailbox full', 'inbox full', 'no show', 'no shows', 'did not show', 'didn t show', 'all good', 'how it went',
  'how it s going', 'how they re doing', 'how they are doing', 'what they think', 'what s new', 'what is new',
  'auf dem laufenden', 'so bald wie moglich', 'wie es lauft', 'wie es gelaufen ist', 'was es neues gibt',
  'au courant', 'des que possible', 'comment ca va', 'comment ca se passe', 'quoi de neuf',
  'al dia', 'lo antes posible', 'que tal', 'como va', 'como le fue', 'que hay de nuevo',
  'op de hoogte', 'zo snel mogelijk', 'hoe gaat het', 'hoe het ging',
  'o mais rapido possivel', 'como foi', 'como vai', 'como esta', 'o que ha de novo',
  'al corrente', 'il prima possibile', 'come e andata', 'come sta andando', 'che novita',
];

/**
 * Function words of the seven locales from the `stopword` package's lists (articles, pronouns,
 * prepositions, auxiliaries: "unserem", "toutes", "quando"), folded: general knowledge of each
 * language, not words taken from any evaluation item. A topic word is never one of them.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([eng, deu, fra, spa, nld, por, ita].flat().map(foldWord).filter((word) => /^[\p{L}\p{N}]+$/u.test(word)));

/** Single filler words, folded. */
export const FILLER_WORDS: ReadonlySet<string> = new Set(Object.values(FILLER).flatMap((list) => list.split(/\s+/).filter(Boolean)));

/** Multi-word filler phrases, folded and split into words, indexed by their first word. */
export const FILLER_PHRASES_BY_FIRST: ReadonlyMap<string, readonly (readonly string[])[]> = FILLER_PHRASES.reduce((index, phrase) => {
  const words = phrase.split(' ');
  const first = words[0] as string;
  return index.set(first, [...(index.get(first) ?? []), words]);
}, new Map<string, (readonly string[])[]>());

/** Numbers, ordinals, times and quarters: "3", "2nd", "14h", "10am", "Q3", "n°2". */
export const DATE_LIKE = /^(?:\d+(?:st|nd|rd|th|er|eme|e|re|o|a|ste|de|h|am|pm|uhr)?\d*|q[1-4]|h[12])$/;

/** Words after which a capitalised word is taken to be a person's or company's name. */
export const NAME_INTRODUCERS: ReadonlySet<string> = new Set(
  'with w mit bei an avec chez a con com met bij aan to at from para pour voor give shoot send mr mrs ms dr prof herr herrn frau m mme mlle monsieur madame sr sra senor senora senhor senhora dhr mevr meneer mevrouw sig sigra signor signora dott'.split(' '),
);

/** Words after which a capitalised word is taken to be a place ("when I'm in Denver", "à Lyon"). */
export const PLACE_INTRODUCERS: ReadonlySet<string> = new Set('in near around nach en em'.split(' '));

/** Words that only qualify the pointer they stand before ("the revised quote", "the signed order form"). */
export const POINTER_MODIFIERS: ReadonlySet<string> = new Set(
  'updated revised latest new final draft signed tailored proposed amended current corrected official full complete detailed short aktualisierte aktualisierten neue neuen finale unterschriebene unterschriebenen revise revisee nouvelle nouveau nouveaux derniere signe signee actualizada actualizado nueva nuevo revisada firmada firmado bijgewerkte nieuwe herziene getekende atualizada atualizado nova novo revisada assinada assinado aggiornata aggiornato nuova nuovo rivista firmata firmato'.split(' '),
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
