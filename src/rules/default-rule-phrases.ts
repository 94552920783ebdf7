import type { PhrasesByLocale } from './rule-schema.ts';

/**
 * Topics that make a prompt specific even beside a contact verb ("Check in on security"): they say
 * what the conversation is about, and are never taken for a name. Departments ("legal",
 * "procurement") are not topics: they say whom to talk to, like a name.
 */
export const TOPIC_WORDS: PhrasesByLocale = {
  // A topic, or a change at the client that is itself the reason ("their champion left the company").
  en: ['onboarding', 'implementation', 'security', 'integration', 'budget', 'migration', 'training', 'compliance', 'left the company', 'leaving the company'],
  de: ['einführung', 'sicherheit', 'budget', 'migration', 'schulung', 'unternehmen verlassen', 'firma verlassen'],
  fr: ['sécurité', 'budget', 'migration', 'formation', "quitté l'entreprise", 'quitte l entreprise'],
  es: ['seguridad', 'migración', 'capacitación', 'dejó la empresa', 'deja la empresa'],
  nl: ['beveiliging', 'budget', 'migratie', 'training', 'bedrijf verlaten', 'bedrijf verlaat'],
  pt: ['segurança', 'migração', 'treinamento', 'saiu da empresa', 'deixou a empresa'],
  it: ['sicurezza', 'budget', 'migrazione', 'formazione', "lasciato l'azienda", 'lascia l azienda'],
};

/**
 * Bare pointers to an earlier artifact or touch ("the proposal", "the SOW", "our call"): a noun
 * that points at something without saying anything about the client. "Follow up on the proposal"
 * is as generic as "Follow up"; "…on the SSO clause in the order form" is not, because of "SSO clause".
 */
export const POINTER_PHRASES: PhrasesByLocale = {
  en: [
    'proposal', 'quote', 'quotation', 'estimate', 'contract', 'agreement', 'renewal', 'invoice', 'bill', 'payment', 'demo', 'demonstration',
    'presentation', 'deck', 'slides', 'slide deck', 'pricing', 'pricing deck', 'price', 'prices', 'price list', 'pricing sheet', 'price sheet',
    'sow', 'nda', 'msa', 'dpa', 'rfp', 'rfi', 'rfq', 'poc', 'proof of concept', 'qbr', 'sla', 'po', 'purchase order', 'order form', 'order',
    'trial', 'free trial', 'pilot', 'offer', 'paperwork', 'documents', 'document', 'docs', 'doc', 'info', 'information', 'details', 'materials',
    'material', 'brochure', 'one pager', 'onepager', 'whitepaper', 'white paper', 'ebook', 'case study', 'case studies', 'references',
    'webinar', 'event', 'conference', 'trade show', 'tradeshow', 'booth', 'conversation', 'discussion', 'session', 'workshop', 'message',
    'request', 'inquiry', 'enquiry', 'form', 'signature', 'attachment', 'link', 'file', 'files', 'recording', 'video', 'report', 'summary',
    'recap', 'questionnaire', 'survey', 'samples', 'sample', 'application', 'registration', 'download', 'content', 'resources', 'ticket',
    'terms', 'redlines', 'quote request', 'kickoff', 'kick off', 'intro call', 'discovery call', 'product tour', 'walkthrough', 'assessment',
    'evaluation', 'license', 'licenses', 'subscription', 'plan', 'package', 'upgrade', 'order status', 'signed contract', 'e signature',
    'docusign', 'pdf', 'spreadsheet', 'deal', 'deals', 'rate card', 'support request', 'support ticket', 'security questionnaire', 'security assessment', 'literature', 'case', 'opportunity', 'lead form', 'one sheet', 'sell sheet', 'spec sheet', 'datasheet', 'data sheet', 'brochures', 'catalog', 'catalogue', 'free trial', 'trial access', 'sandbox', 'voicemail', 'email', 'call', 'meeting', 'note', 'notes', 'thread', 'chat',
  ],
  de: [
    'angebot', 'kostenvoranschlag', 'vertrag', 'vertragsentwurf', 'verlängerung', 'rechnung', 'offene rechnung', 'zahlung', 'demo', 'präsentation',
    'unterlagen', 'dokumente', 'infos', 'informationen', 'infomaterial', 'broschüre', 'preise', 'preisliste', 'preis', 'testphase', 'pilot',
    'pilotprojekt', 'bestellung', 'auftrag', 'nda', 'webinar', 'messe', 'veranstaltung', 'termin', 'gespräch', 'telefonat', 'anfrage', 'formular',
    'unterschrift', 'link', 'datei', 'bericht', 'zusammenfassung', 'fragebogen', 'muster', 'konditionen', 'lizenz', 'lizenzen', 'workshop', 'sitzung',
  ],
  fr: [
    'proposition', 'devis', 'offre', 'contrat', 'renouvellement', 'facture', 'paiement', 'démo', 'démonstration', 'présentation', 'documents',
    'documentation', 'infos', 'informations', 'brochure', 'tarifs', 'tarif', 'prix', 'grille tarifaire', 'essai', 'pilote', 'commande',
    'bon de commande', 'webinaire', 'salon', 'événement', 'rendez vous', 'rdv', 'échange', 'entretien', 'demande', 'formulaire', 'signature',
    'lien', 'fichier', 'compte rendu', 'questionnaire', 'échantillon', 'dossier', 'licence', 'atelier', 'séance', 'session',
  ],
  es: [
    'propuesta', 'cotización', 'presupuesto', 'oferta', 'contrato', 'renovación', 'factura', 'pago', 'demo', 'demostración', 'presentación',
    'documentos', 'documentación', 'info', 'información', 'folleto', 'precios', 'precio', 'lista de precios', 'tarifas', 'prueba', 'piloto',
    'pedido', 'orden de compra', 'webinar', 'feria', 'evento', 'reunión', 'llamada', 'solicitud', 'formulario', 'firma', 'enlace', 'archivo',
    'informe', 'resumen', 'cuestionario', 'muestra', 'muestras', 'licencia', 'taller', 'sesión',
  ],
  nl: [
    'offerte', 'voorstel', 'contract', 'overeenkomst', 'verlenging', 'factuur', 'openstaande factuur', 'betaling', 'demo', 'presentatie',
    'documenten', 'info', 'informatie', 'brochure', 'prijzen', 'prijs', 'prijslijst', 'proefperiode', 'pilot', 'bestelling', 'order', 'webinar',
    'beurs', 'evenement', 'afspraak', 'gesprek', 'aanvraag', 'formulier', 'handtekening', 'link', 'bestand', 'rapport', 'verslag',
    'samenvatting', 'vragenlijst', 'licentie', 'workshop', 'sessie',
  ],
  pt: [
    'proposta', 'orçamento', 'cotação', 'oferta', 'contrato', 'renovação', 'fatura', 'boleto', 'pagamento', 'demo', 'demonstração',
    'apresentação', 'documentos', 'documentação', 'info', 'informações', 'material', 'folheto', 'preços', 'preço', 'tabela de preços', 'teste',
    'piloto', 'pedido', 'webinar', 'feira', 'evento', 'reunião', 'ligação', 'solicitação', 'formulário', 'assinatura', 'link', 'arquivo',
    'relatório', 'resumo', 'questionário', 'amostra', 'licença', 'workshop', 'sessão',
  ],
  it: [
    'preventivo', 'offerta', 'proposta', 'contratto', 'rinnovo', 'fattura', 'pagamento', 'demo', 'dimostrazione', 'presentazione', 'documenti',
    'documentazione', 'info', 'informazioni', 'brochure', 'listino', 'listino prezzi', 'prezzi', 'prezzo', 'prova', 'periodo di prova', 'pilota',
    'ordine', 'webinar', 'fiera', 'evento', 'riunione', 'chiamata', 'richiesta', 'modulo', 'firma', 'link', 'file', 'report', 'resoconto',
    'questionario', 'campione', 'licenza', 'workshop', 'sessione',
  ],
};

/** The contact verbs and phrases of each default action rule, by rule id. */
export const ACTION_PHRASES = {
  'follow-up': {
    en: ['follow up', 'followup', 'following up', 'followed up', 'follow', 'fu', 'chase', 'chase up', 'chase down', 'chasing', 'nudge', 'gentle nudge', 'bump', 'bump up', 'bumping', 'poke', 'prod', 'pursue', 'revisit', 'close the loop', 'closing the loop', 'next touch'],
    de: ['nachfassen', 'nachhaken', 'nachfragen', 'nachverfolgen', 'nachverfolgung', 'wiedervorlage', 'follow up', 'followup', 'dranbleiben', 'am ball bleiben', 'nachgehen', 'nachtelefonieren', 'nachfassung'],
    fr: ['relancer', 'relance', 'relances', 'faire un suivi', 'faire le suivi', 'suivi', 'suivre', 'faire suite', 'donner suite', 'follow up'],
    es: ['seguimiento', 'dar seguimiento', 'hacer seguimiento', 'hacer un seguimiento', 'darle seguimiento', 'seguir', 'insistir', 'retomar', 'follow up'],
    nl: ['opvolgen', 'opvolging', 'nahaken', 'navragen', 'follow up', 'najagen', 'achteraan zitten'],
    pt: ['acompanhar', 'acompanhamento', 'fazer follow up', 'dar seguimento', 'follow up', 'cobrar', 'seguimento', 'retomar'],
    it: ['ricontattare', 'ricontatto', 'fare follow up', 'follow up', 'sollecitare', 'sollecito', 'seguire', 'dare seguito', 'fare seguito'],
  },
  'check-in': {
    en: ['check in', 'checking in', 'checkin', 'check back', 'check back in', 'check up', 'checkup', 'touch base', 'touching base', 'touchbase', 'circle back', 'circling back', 'catch up', 'catching up', 'reconnect', 're engage', 'reengage', 'keep in touch', 'stay in touch', 'stay connected', 'say hi', 'say hello', 'pulse check', 'temperature check', 'sync', 'touch point', 'touchpoint', 'keep warm'],
    de: ['check in', 'melden', 'sich melden', 'nachhoren', 'nachhorchen', 'austauschen', 'abstimmen', 'hallo sagen', 'durchmelden'],
    fr: ['faire le point', 'faire un point', 'point', 'prendre des nouvelles', 'reprendre contact', 'prendre la temperature', 'garder le contact', 'maintenir le contact', 'dire bonjour', 'check in'],
    es: ['retomar contacto', 'ponerse al dia', 'check in', 'saludar', 'mantener contacto', 'mantener el contacto', 'reconectar'],
    nl: ['checken', 'even checken', 'inchecken', 'bijpraten', 'contact houden', 'afstemmen', 'polsen', 'contact onderhouden', 'hallo zeggen', 'check in'],
    pt: ['retomar contato', 'check in', 'dar um alo', 'dar um oi', 'manter contato', 'reconectar', 'alinhar'],
    it: ['sentire', 'risentire', 'farsi sentire', 'fare il punto', 'aggiornarsi', 'check in', 'tenersi in contatto', 'salutare', 'sentirsi'],
  },
  'reach-out': {
    en: ['reach out', 'reaching out', 'get in touch', 'contact', 'contact again', 'recontact', 're contact', 'ping', 'message', 'send a message', 'text', 'sms', 'write', 'intro', 'introduce', 'introduction', 'introduce myself', 'outreach', 'engage', 'drop a note', 'drop a line', 'note', 'reply', 'respond', 'write back', 'get back', 'get back to', 'first touch', 'initial outreach', 'dm', 'whatsapp'],
    de: ['kontakt aufnehmen', 'kontaktieren', 'anschreiben', 'schreiben', 'nachricht', 'vorstellen', 'erstkontakt', 'ansprechen', 'zurückschreiben', 'antworten', 'rückmelden', 'whatsapp'],
    fr: ['prendre contact', 'contacter', 'recontacter', 'écrire', 'envoyer un message', 'se présenter', 'premier contact', 'répondre', 'petit mot', 'whatsapp'],
    es: ['contactar', 'ponerse en contacto', 'escribir', 'mensaje', 'contactar de nuevo', 'presentarse', 'primer contacto', 'responder', 'contestar', 'whatsapp'],
    nl: ['contact opnemen', 'benaderen', 'email verzenden', 'bericht', 'berichtje', 'appen', 'voorstellen', 'eerste contact', 'antwoorden', 'reageren', 'terugschrijven', 'appje', 'whatsapp'],
    pt: ['entrar em contato', 'contatar', 'contactar', 'mensagem', 'escrever', 'apresentar', 'primeiro contato', 'responder', 'whatsapp', 'zap'],
    it: ['contattare', 'mettersi in contatto', 'scrivere', 'messaggio', 'mandare un messaggio', 'presentarsi', 'primo contatto', 'rispondere', 'whatsapp'],
  },
  'call-again': {
    en: ['call', 'call back', 'callback', 'call again', 'phone', 'phone call', 'ring', 'ring back', 'dial', 'redial', 'try again', 'try', 'retry', 'attempt', 'no answer', 'no response', 'no reply', 'nothing heard', 'no reaction', 'no luck', 'not reached', 'unreachable', 'could not reach', 'couldn t reach', 'voicemail', 'voicemail full', 'left voicemail', 'left a voicemail', 'left vm', 'left a message', 'left message', 'leave voicemail', 'went to voicemail', 'lvm', 'vm', 'not heard back', 'haven t heard back', 'no word back', 'did not pick up', 'didn t pick up', 'no pickup', 'no pick up', 'missed call', 'cold call', 'calling', 'called', 'tried calling', 'tried', 'dialer', 'dial in'],
    de: ['anrufen', 'anruf', 'anrufversuch', 'rückruf', 'zurückrufen', 'telefonieren', 'telefonat', 'nicht erreicht', 'nicht erreichbar', 'keine antwort', 'keine rückmeldung', 'keine reaktion', 'mailbox', 'auf mailbox gesprochen', 'erneut versuchen', 'nochmal versuchen', 'durchklingeln', 'durchrufen'],
    fr: ['appeler', 'rappeler', 'appel', 'coup de fil', 'téléphoner', 'pas de réponse', 'pas de retour', 'message vocal', 'laisser un message', 'réessayer', 'messagerie', 'injoignable', 'pas joignable', 'répondeur'],
    es: ['llamar', 'volver a llamar', 'llamada', 'telefonear', 'sin respuesta', 'sin noticias', 'no contesta', 'no contestó', 'no atiende', 'buzón de voz', 'buzón', 'intentar de nuevo', 'volver a intentar', 'reintentar', 'devolver llamada'],
    nl: ['bellen', 'nabellen', 'terugbellen', 'opbellen', 'belletje', 'geen gehoor', 'geen reactie', 'voicemail', 'voicemail ingesproken', 'opnieuw proberen', 'nogmaals proberen', 'niet bereikbaar', 'neemt niet op', 'niet opgenomen'],
    pt: ['ligar', 'ligar novamente', 'ligar de novo', 'retornar ligação', 'ligação', 'chamada', 'telefonar', 'retorno', 'dar retorno', 'sem resposta', 'sem retorno', 'não atendeu', 'não atende', 'caixa postal', 'tentar novamente', 'tentar de novo', 'sem sucesso'],
    it: ['chiamare', 'richiamare', 'telefonare', 'chiamata', 'telefonata', 'squillo', 'nessuna risposta', 'nessun riscontro', 'non risponde', 'non ha risposto', 'segreteria', 'lasciato messaggio in segreteria', 'riprovare', 'non raggiunto', 'irraggiungibile'],
  },
  'email-again': {
    en: ['email', 'emails', 'send email', 'send an email', 'email again', 'drop a line', 'shoot an email', 'breakup email', 'break up email', 'follow up email', 'email follow up', 'emailed', 'bounced'],
    de: ['email', 'mail', 'mailen', 'email schicken', 'mail schicken', 'email senden', 'email schreiben'],
    fr: ['email', 'mail', 'courriel', 'envoyer un email', 'envoyer un mail'],
    es: ['email', 'correo', 'enviar correo', 'mandar correo', 'correo electrónico', 'mail'],
    nl: ['email', 'mail', 'mailen', 'email sturen', 'mail sturen', 'mailtje', 'mailtje sturen'],
    pt: ['email', 'enviar email', 'mandar email', 'mail'],
    it: ['email', 'mail', 'inviare una mail', 'mandare una mail'],
  },
  reminder: {
    en: ['reminder', 'reminders', 'remind', 'friendly reminder', 'gentle reminder', 'don t forget', 'dont forget'],
    de: ['erinnerung', 'erinnern', 'erinnerungsmail', 'nicht vergessen', 'vorstellungsmail'],
    fr: ['rappel', 'rappelez', 'rappeler au client', 'ne pas oublier', 'n oubliez pas', 'penser à'],
    es: ['recordatorio', 'recordar', 'recuerde', 'no olvidar'],
    nl: ['herinnering', 'herinneringsmail', 'herinneren', 'niet vergeten'],
    pt: ['lembrete', 'lembrar', 'lembre', 'lembre se', 'não esquecer'],
    it: ['promemoria', 'ricordare', 'ricordarsi', 'non dimenticare'],
  },
  'linkedin-touch': {
    en: ['linkedin', 'linked in', 'connect', 'connect with', 'connection request', 'inmail', 'view profile', 'like post', 'comment on post', 'social touch', 'twitter'],
    de: ['linkedin', 'vernetzen', 'kontaktanfrage', 'xing'],
    fr: ['linkedin', 'demande de connexion'],
    es: ['linkedin', 'solicitud de conexion', 'conectar'],
    nl: ['linkedin', 'connectieverzoek', 'connecten'],
    pt: ['linkedin', 'solicitacao de conexao', 'conectar'],
    it: ['linkedin', 'richiesta di collegamento', 'collegarsi'],
  },
  'meeting-no-agenda': {
    en: ['meeting', 'meet', 'book a meeting', 'book meeting', 'schedule', 'schedule meeting', 'schedule a call', 'set up a call', 'set up', 'book', 'book a call', 'calendar invite', 'send invite', 'reschedule', 'move', 'postpone', 'push', 'rebook', 'confirm', 'zoom', 'teams call', 'appointment', 'meetings', 'mtg', 'mtng', 'sched', 'calendar invite', 'find time', 'get time'],
    de: ['termin', 'termine', 'termin vereinbaren', 'termin ausmachen', 'meeting', 'besprechung', 'besprechungen', 'einladung', 'verschieben', 'termin bestätigen', 'bestätigen', 'vereinbaren'],
    fr: ['réunion', 'réunions', 'planifier', 'programmer', 'organiser', 'caler', 'prendre rdv', 'reporter', 'décaler', 'invitation', 'confirmer'],
    es: ['cita', 'reuniones', 'agendar', 'programar', 'planificar', 'reprogramar', 'mover', 'confirmar', 'invitación'],
    nl: ['afspraak maken', 'afspraak inplannen', 'inplannen', 'meeting', 'vergadering', 'vergaderingen', 'verzetten', 'uitnodiging', 'bevestigen'],
    pt: ['agendar', 'programar', 'marcar', 'remarcar', 'reagendar', 'convite', 'confirmar', 'reuniões'],
    it: ['incontro', 'riunioni', 'appuntamento', 'fissare', 'programmare', 'organizzare', 'spostare', 'rinviare', 'invito', 'confermare'],
  },
  'topicless-invitation': {
    en: ['coffee', 'grab coffee', 'lunch', 'grab lunch', 'breakfast', 'dinner', 'drinks', 'drink', 'beer', 'beers', 'happy hour', 'golf', 'meet up', 'meetup', 'get together', 'visit', 'stop by', 'drop by', 'swing by', 'pop by', 'pop in', 'in person', 'hang out', 'invite', 'grab'],
    de: ['kaffee', 'mittagessen', 'essen gehen', 'abendessen', 'frühstück', 'besuchen', 'besuch', 'vorbeischauen', 'vorbeifahren', 'vorbeikommen', 'treffen', 'einladen', 'bier', 'drink'],
    fr: ['café', 'déjeuner', 'dîner', 'petit déjeuner', 'verre', 'boire un verre', 'apéro', 'visiter', 'visite', 'passer voir', 'rencontrer', 'inviter'],
    es: ['café', 'almuerzo', 'almorzar', 'comida', 'cena', 'desayuno', 'invitar a', 'cerveza', 'cervezas', 'tomar algo', 'visitar', 'visita', 'pasar por', 'quedar', 'invitar'],
    nl: ['koffie', 'kopje koffie', 'lunch', 'lunchen', 'ontbijt', 'diner', 'borrel', 'borrelen', 'biertje', 'langsgaan', 'langskomen', 'bezoeken', 'bezoek', 'uitnodigen'],
    pt: ['café', 'almoço', 'almoçar', 'convidar pra', 'jantar', 'café da manhã', 'cerveja', 'chopp', 'happy hour', 'visitar', 'visita', 'convidar'],
    it: ['caffè', 'pranzo', 'pranzare', 'invitarlo', 'invitarla', 'cena', 'colazione', 'aperitivo', 'birra', 'visitare', 'visita', 'passare', 'invitare'],
  },
  'topicless-question': {
    en: ['ask', 'ask if', 'ask whether', 'ask how', 'ask about', 'see if', 'see whether', 'see how', 'find out', 'check if', 'check whether', 'confirm if', 'confirm whether', 'wonder if', 'learn if', 'anything unclear', 'any questions', 'questions', 'any concerns', 'anything else', 'anything', 'get feedback', 'gather feedback', 'how did it go', 'how was it'],
    de: ['fragen', 'fragen ob', 'nachfragen ob', 'erkundigen', 'herausfinden', 'klären ob', 'prüfen ob', 'noch fragen', 'offene fragen', 'feedback einholen', 'wie war', 'wie lief', 'rückfrage', 'kurze rückfrage', 'neuigkeiten'],
    fr: ['demander', 'demander si', 'savoir si', 'voir si', 'vérifier si', 'vérifier', 'des questions', 'questions', 'recueillir', 'du nouveau', 'quoi de neuf', 'avez vous eu l occasion'],
    es: ['preguntar', 'preguntar si', 'ver si', 'saber si', 'averiguar', 'confirmar si', 'dudas', 'alguna duda', 'preguntas', 'novedades', 'alguna novedad', 'rever'],
    nl: ['vragen', 'vragen of', 'navragen of', 'kijken of', 'checken of', 'nagaan', 'polsen of', 'uitzoeken', 'hoe was', 'hoe ging', 'al nieuws', 'nieuws', 'kan ik helpen', 'ergens mee helpen'],
    pt: ['perguntar', 'perguntar se', 'ver se', 'saber se', 'verificar se', 'verifique', 'confirmar se', 'dúvidas', 'dúvida', 'alguma dúvida', 'perguntas', 'alguma novidade', 'novidades', 'tudo certo'],
    it: ['chiedere', 'chiedere se', 'vedere se', 'sapere se', 'verificare se', 'capire se', 'domande', 'dubbi', 'novità', 'aggiornamenti', 'tornare su'],
  },
  'vague-work': {
    en: ['work', 'work on', 'progress', 'advance', 'move forward', 'push forward', 'nurture', 'qualify', 'prospect', 'prospecting', 'research', 'look into', 'look at', 'review', 'handle', 'take care of', 'deal with', 'sort out', 'action', 'action items', 'open items', 'follow through', 'more info', 'info needed', 'needs attention', 'attention', 'strategize', 'reactivate', 'revive', 'close', 'close out', 'win back', 'upsell', 'cross sell', 'expand', 'update crm', 'touch', 'explore', 'coordinate', 'coordinate with', 'align with', 'loop in', 'prepare', 'prep', 'submit', 'complete', 'finalize', 'finalise', 'compile', 'gather', 'collect', 'verify', 'discuss', 'arrange', 'organize', 'organise', 'plan', 'planning', 'update', 'log', 'enter', 'record', 'document', 'build', 'deliver', 'hand deliver', 'send', 'share', 'provide', 'obtain', 'check', 'assess', 'evaluate', 'analyze', 'analyse', 'wait for', 'waiting for', 'await', 'awaiting'],
    de: ['bearbeiten', 'voranbringen', 'vorantreiben', 'weiterverfolgen', 'kümmern', 'recherchieren', 'prüfen', 'anschauen', 'durchgehen', 'qualifizieren', 'pflegen', 'reaktivieren', 'klären', 'erledigen', 'mehr infos', 'offene punkte', 'vorbereiten', 'einreichen', 'abschließen', 'fertigstellen', 'zusammenstellen', 'sammeln', 'überprüfen', 'besprechen', 'organisieren', 'planen', 'aktualisieren', 'eintragen', 'dokumentieren', 'senden', 'schicken', 'zusenden', 'teilen', 'liefern', 'bereitstellen', 'warten auf'],
    fr: ['travailler', 'traiter', 'avancer', 'faire avancer', 'faire progresser', 'progresser', 'examiner', 'gérer', 'qualifier', 'étudier', 'regarder', 'revoir', 'analyser', 'plus d infos', 'points ouverts', 's occuper', 'occuper', 'préparer', 'soumettre', 'compléter', 'finaliser', 'compiler', 'rassembler', 'vérifier', 'discuter', 'organiser', 'mettre à jour', 'saisir', 'documenter', 'envoyer', 'partager', 'fournir', 'livrer', 'attendre'],
    es: ['trabajar', 'avanzar', 'llevar adelante', 'gestionar', 'cerrar', 'obtener', 'presentar', 'calificar', 'cualificar', 'revisar', 'investigar', 'mirar', 'ocuparse', 'encargarse', 'más información', 'más info', 'puntos abiertos', 'temas pendientes', 'preparar', 'enviar', 'mandar', 'completar', 'finalizar', 'recopilar', 'reunir', 'verificar', 'discutir', 'organizar', 'actualizar', 'registrar', 'documentar', 'compartir', 'proporcionar', 'entregar', 'esperar'],
    nl: ['bewerken', 'oppakken', 'behandelen', 'terugkomen op', 'kwalificeren', 'bekijken', 'doornemen', 'afhandelen', 'meer info', 'openstaande punten', 'actiepunten', 'voorbereiden', 'indienen', 'afronden', 'voltooien', 'verzamelen', 'verifiëren', 'controleren', 'bespreken', 'organiseren', 'plannen', 'bijwerken', 'invoeren', 'registreren', 'documenteren', 'sturen', 'versturen', 'verzenden', 'delen', 'leveren', 'wachten op'],
    pt: ['trabalhar', 'avançar', 'avance', 'gerir', 'gerenciar', 'qualificar', 'revisar', 'analisar', 'pesquisar', 'cuidar', 'tratar', 'mais informações', 'mais info', 'pendências', 'itens abertos', 'preparar', 'enviar', 'mandar', 'submeter', 'completar', 'finalizar', 'compilar', 'reunir', 'verificar', 'discutir', 'organizar', 'planejar', 'atualizar', 'registrar', 'documentar', 'compartilhar', 'fornecer', 'entregar', 'aguardar', 'esperar'],
    it: ['lavorare', 'lavorare su', 'portare avanti', 'avanzare', 'gestire', 'qualificare', 'rivedere', 'analizzare', 'studiare', 'occuparsi', 'più info', 'maggiori informazioni', 'punti aperti', 'preparare', 'inviare', 'mandare', 'completare', 'finalizzare', 'raccogliere', 'verificare', 'discutere', 'pianificare', 'aggiornare', 'registrare', 'documentare', 'condividere', 'fornire', 'consegnare', 'attendere', 'aspettare'],
  },
} satisfies Record<string, PhrasesByLocale>;
