/** The client names a rep would write in a task; the classifier removes them before judging genericness. */
import type { CrmSnapshot } from './crm-snapshot.ts';

/** Each contact's first, last and full name, the company's name and every deal's name. */
export function namesIn(snapshot: CrmSnapshot): string[] {
  const contacts = snapshot.contacts.flatMap((contact) => [contact.firstName, contact.lastName, [contact.firstName, contact.lastName].filter(Boolean).join(' ')]);
  return [...contacts, snapshot.company?.name, ...snapshot.deals.map((deal) => deal.name)].filter((name): name is string => typeof name === 'string' && name.trim() !== '');
}
