import type { PhrasesByLocale, Rule } from './rule-schema.ts';

/** Words that mark a concrete purpose; a prompt mentioning one is never robotic under the default rules. */
const SPECIFIC_PURPOSE: PhrasesByLocale = {
  en: ['pricing', 'price', 'quote', 'proposal', 'contract', 'renewal', 'invoice', 'payment', 'demo', 'onboarding', 'implementation', 'legal', 'procurement', 'security', 'integration', 'budget', 'sow', 'nda', 'msa', 'dpa', 'rfp', 'rfi', 'poc', 'qbr', 'sla', 'po', 'trial', 'pilot', 'migration', 'training', 'questionnaire', 'case study', 'references', 'finance', 'compliance'],
  de: ['angebot', 'preis', 'preise', 'vertrag', 'verlängerung', 'rechnung', 'zahlung', 'demo', 'einführung', 'rechtsabteilung', 'einkauf', 'sicherheit', 'budget', 'pilot', 'migration', 'schulung', 'testphase'],
  fr: ['devis', 'prix', 'tarif', 'tarifs', 'proposition', 'contrat', 'renouvellement', 'facture', 'paiement', 'démo', 'juridique', 'achats', 'sécurité', 'budget', 'pilote', 'migration', 'formation'],
  es: ['precio', 'precios', 'cotización', 'propuesta', 'contrato', 'renovación', 'factura', 'pago', 'demo', 'legal', 'compras', 'seguridad', 'presupuesto', 'piloto', 'migración', 'capacitación'],
  nl: ['offerte', 'prijs', 'prijzen', 'voorstel', 'contract', 'verlenging', 'factuur', 'betaling', 'demo', 'juridisch', 'inkoop', 'beveiliging', 'budget', 'pilot', 'migratie', 'training'],
  pt: ['preço', 'preços', 'orçamento', 'proposta', 'contrato', 'renovação', 'fatura', 'pagamento', 'demo', 'jurídico', 'compras', 'segurança', 'piloto', 'migração', 'treinamento'],
  it: ['preventivo', 'prezzo', 'prezzi', 'offerta', 'proposta', 'contratto', 'rinnovo', 'fattura', 'fatturazione', 'pagamento', 'demo', 'legale', 'ufficio legale', 'acquisti', 'sicurezza', 'budget', 'pilota', 'migrazione', 'formazione'],
};

function rule(id: string, name: string, description: string, phrases: PhrasesByLocale): Rule {
  return {
    id,
    name,
    description,
    enabled: true,
    version: 1,
    conditions: { phrases, patterns: [], taskTypes: [], origins: [], exclusions: SPECIFIC_PURPOSE, matchesBarePrompt: false },
  };
}

/**
 * The rules every portal starts with, for prompts as HubSpot users and sequences write them in
 * English, German, French, Spanish, Dutch, Portuguese and Italian. Each fires only when nothing
 * client-specific remains besides its phrase.
 */
export const DEFAULT_RULE_PACK: readonly Rule[] = [
  rule('follow-up', 'Generic follow-up', 'A task that only says to follow up or chase ("Follow up", "Nachfassen", "Relancer"), with nothing about what to follow up on.', {
    en: ['follow up', 'followup', 'following up', 'chase', 'chase up', 'chasing', 'nudge', 'bump', 'bumping'],
    de: ['nachfassen', 'nachhaken', 'nachfragen', 'nachverfolgen', 'wiedervorlage', 'follow up'],
    fr: ['relancer', 'relance', 'faire un suivi', 'faire le suivi', 'suivi', 'suivre'],
    es: ['seguimiento', 'dar seguimiento', 'hacer seguimiento', 'hacer un seguimiento', 'darle seguimiento'],
    nl: ['opvolgen', 'opvolging', 'nahaken', 'navragen', 'follow up'],
    pt: ['acompanhar', 'acompanhamento', 'fazer follow up', 'dar seguimento', 'follow up'],
    it: ['ricontattare', 'ricontatto', 'fare follow up', 'follow up', 'sollecitare', 'sollecito', 'seguire'],
  }),
  rule('check-in', 'Check in / touch base', 'A task that only says to check in, touch base or circle back ("Check in with Jane", "Touch base"), without a topic.', {
    en: ['check in', 'checking in', 'checkin', 'check back', 'check back in', 'touch base', 'touching base', 'touchbase', 'circle back', 'circling back', 'catch up', 'catching up', 'reconnect', 're engage', 'reengage', 'keep in touch', 'stay in touch'],
    de: ['check in', 'melden', 'sich melden', 'nachhoren', 'austauschen'],
    fr: ['faire le point', 'faire un point', 'prendre des nouvelles', 'reprendre contact'],
    es: ['retomar contacto', 'ponerse al dia', 'check in'],
    nl: ['checken', 'even checken', 'inchecken', 'bijpraten', 'contact houden'],
    pt: ['retomar contato', 'check in', 'dar um alo'],
    it: ['sentire', 'risentire', 'farsi sentire', 'fare il punto', 'aggiornarsi', 'check in'],
  }),
  rule('reach-out', 'Reach out / contact', 'A task that only says to reach out, contact or ping someone ("Reach out to Tom", "Kontakt aufnehmen"), without a reason.', {
    en: ['reach out', 'reaching out', 'get in touch', 'contact', 'contact again', 'recontact', 're contact', 'ping', 'message', 'send a message', 'text', 'sms', 'write'],
    de: ['kontakt aufnehmen', 'kontaktieren', 'anschreiben', 'schreiben', 'nachricht'],
    fr: ['prendre contact', 'contacter', 'recontacter', 'écrire', 'envoyer un message'],
    es: ['contactar', 'ponerse en contacto', 'escribir', 'mensaje', 'contactar de nuevo'],
    nl: ['contact opnemen', 'benaderen', 'bericht', 'berichtje', 'appen'],
    pt: ['entrar em contato', 'contatar', 'contactar', 'mensagem', 'escrever'],
    it: ['contattare', 'mettersi in contatto', 'scrivere', 'messaggio', 'mandare un messaggio'],
  }),
  rule('call-again', 'Call / call back', 'A call task that only says to call, call back or try again after no answer ("Call - no answer, try again"), without a reason for the call.', {
    en: ['call', 'call back', 'callback', 'call again', 'phone', 'ring', 'dial', 'try again', 'retry', 'no answer', 'no response', 'no reply', 'nothing heard', 'no reaction', 'no luck', 'not reached', 'voicemail', 'left voicemail', 'left a voicemail', 'left vm', 'left a message', 'left message', 'leave voicemail', 'lvm', 'vm', 'not heard back', 'haven t heard back', 'no word back', 'did not pick up', 'didn t pick up', 'missed call'],
    de: ['anrufen', 'anruf', 'rückruf', 'zurückrufen', 'telefonieren', 'telefonat', 'nicht erreicht', 'keine antwort', 'keine rückmeldung', 'keine reaktion', 'mailbox', 'auf mailbox gesprochen', 'erneut versuchen', 'nochmal versuchen', 'durchklingeln'],
    fr: ['appeler', 'rappeler', 'appel', 'pas de réponse', 'pas de retour', 'message vocal', 'laisser un message', 'réessayer', 'messagerie', 'injoignable'],
    es: ['llamar', 'volver a llamar', 'llamada', 'sin respuesta', 'sin noticias', 'no contesta', 'buzón de voz', 'intentar de nuevo', 'volver a intentar', 'reintentar', 'devolver llamada'],
    nl: ['bellen', 'nabellen', 'terugbellen', 'geen gehoor', 'geen reactie', 'voicemail', 'voicemail ingesproken', 'opnieuw proberen', 'nogmaals proberen'],
    pt: ['ligar', 'ligar novamente', 'retornar ligação', 'ligação', 'sem resposta', 'sem retorno', 'não atendeu', 'caixa postal', 'tentar novamente', 'tentar de novo'],
    it: ['chiamare', 'richiamare', 'telefonare', 'chiamata', 'telefonata', 'nessuna risposta', 'nessun riscontro', 'non risponde', 'non ha risposto', 'segreteria', 'lasciato messaggio in segreteria', 'riprovare', 'non raggiunto'],
  }),
  rule('email-again', 'Email without a topic', 'A task that only says to send an email ("Email", "Send follow-up email", "E-Mail schicken"), without saying what about.', {
    en: ['email', 'send email', 'email again', 'drop a line', 'shoot an email', 'breakup email', 'break up email'],
    de: ['email', 'mail', 'mailen'],
    fr: ['email', 'mail', 'courriel'],
    es: ['email', 'correo'],
    nl: ['email', 'mail', 'mailen'],
    pt: ['email'],
    it: ['email', 'mail'],
  }),
  rule('reminder', 'Reminder', 'A task that only says to send or act on a reminder ("Reminder: reach out", "Erinnerung senden").', {
    en: ['reminder', 'remind'],
    de: ['erinnerung', 'erinnern'],
    fr: ['rappel'],
    es: ['recordatorio', 'recordar'],
    nl: ['herinnering', 'herinneren'],
    pt: ['lembrete', 'lembrar'],
    it: ['promemoria', 'ricordare'],
  }),
  rule('linkedin-touch', 'LinkedIn touch', 'A sequence-style LinkedIn step ("Connect on LinkedIn", "Send connection request") with no personal reason.', {
    en: ['linkedin', 'connect', 'connection request', 'inmail', 'view profile'],
    de: ['linkedin', 'vernetzen', 'kontaktanfrage'],
    fr: ['linkedin', 'demande de connexion'],
    es: ['linkedin', 'solicitud de conexion', 'conectar'],
    nl: ['linkedin', 'connectieverzoek', 'connecten'],
    pt: ['linkedin', 'solicitacao de conexao', 'conectar'],
    it: ['linkedin', 'richiesta di collegamento', 'collegarsi'],
  }),
  {
    id: 'bare-contact-task',
    name: 'Call or email task with only a name',
    description: 'A call, email or LinkedIn task whose subject holds nothing but the contact\'s name, a date or a template token, so the task type is the whole instruction.',
    enabled: true,
    version: 1,
    conditions: { phrases: {}, patterns: [], taskTypes: ['CALL', 'EMAIL', 'LINKED_IN'], origins: [], exclusions: SPECIFIC_PURPOSE, matchesBarePrompt: true },
  },
];
