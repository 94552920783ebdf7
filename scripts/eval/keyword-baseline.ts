/**
 * The naive peer: a prompt is generic when it contains one of the contact keywords a plain
 * keyword match would use, in each language. No removal of names, fillers or pointers.
 */
const KEYWORDS = [
  'follow up', 'follow-up', 'followup', 'check in', 'check-in', 'checking in', 'touch base', 'circle back', 'reach out', 'ping', 'nudge', 'chase',
  'call', 'email', 'e-mail', 'reminder', 'linkedin', 'connect',
  'nachfassen', 'nachhaken', 'melden', 'anrufen', 'erinnerung',
  'relancer', 'relance', 'suivi', 'rappeler', 'appeler',
  'seguimiento', 'llamar', 'contactar', 'recordatorio',
  'opvolgen', 'nabellen', 'bellen', 'herinnering',
  'acompanhar', 'follow up', 'ligar', 'retomar contato', 'lembrete',
  'ricontattare', 'richiamare', 'sollecito', 'chiamare', 'sentire',
];

const PATTERN = new RegExp(`(?:^|[^\\p{L}])(?:${KEYWORDS.map((word) => word.replace(/[-]/g, '[- ]?')).join('|')})(?:$|[^\\p{L}])`, 'iu');

/** True when the subject or body holds a contact keyword. */
export function keywordSaysGeneric(subject: string, body: string): boolean {
  return PATTERN.test(subject) || PATTERN.test(body);
}
