/**
 * The CRM object types the sandbox serves, the names HubSpot accepts for them in paths, the
 * properties it returns when none are asked for, and the HubSpot-defined association type ids
 * (the same numbers as the SDK's `AssociationTypes` enum).
 * https://developers.hubspot.com/docs/api-reference/crm-associations-v4/guide
 */
export const OBJECT_TYPES = [
  'contacts', 'companies', 'deals', 'tickets', 'tasks', 'notes', 'emails', 'calls', 'meetings',
] as const;

export type ObjectType = (typeof OBJECT_TYPES)[number];

const ALIASES: Record<string, ObjectType> = {
  contact: 'contacts', '0-1': 'contacts',
  company: 'companies', '0-2': 'companies',
  deal: 'deals', '0-3': 'deals',
  ticket: 'tickets', '0-5': 'tickets',
  task: 'tasks', '0-27': 'tasks',
  note: 'notes', '0-46': 'notes',
  meeting: 'meetings', '0-47': 'meetings',
  call: 'calls', '0-48': 'calls',
  email: 'emails', '0-49': 'emails',
};

export const OBJECT_TYPE_IDS: Record<ObjectType, string> = {
  contacts: '0-1', companies: '0-2', deals: '0-3', tickets: '0-5', tasks: '0-27',
  notes: '0-46', meetings: '0-47', calls: '0-48', emails: '0-49',
};

const SINGULAR: Record<ObjectType, string> = {
  contacts: 'contact', companies: 'company', deals: 'deal', tickets: 'ticket', tasks: 'task',
  notes: 'note', emails: 'email', calls: 'call', meetings: 'meeting',
};

/** Resolves a path segment (`tasks`, `task`, `0-27`, any case) to an object type, or undefined. */
export function resolveObjectType(name: string): ObjectType | undefined {
  const lower = name.toLowerCase();
  if ((OBJECT_TYPES as readonly string[]).includes(lower)) return lower as ObjectType;
  return ALIASES[lower];
}

/** `task_to_contact`: the `type` v3 object reads put on each associated id. */
export function associationLabel(from: ObjectType, to: ObjectType): string {
  return `${SINGULAR[from]}_to_${SINGULAR[to]}`;
}

/** Date property HubSpot fills on create, which differs between the older objects and the rest. */
export function createdDateProperty(type: ObjectType): 'createdate' | 'hs_createdate' {
  return type === 'contacts' || type === 'companies' || type === 'deals' || type === 'tickets' ? 'createdate' : 'hs_createdate';
}

export function modifiedDateProperty(type: ObjectType): 'lastmodifieddate' | 'hs_lastmodifieddate' {
  return type === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate';
}

/** Properties HubSpot returns when a read names none. */
export const DEFAULT_PROPERTIES: Record<ObjectType, readonly string[]> = {
  contacts: ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'],
  companies: ['createdate', 'domain', 'hs_lastmodifieddate', 'hs_object_id', 'name'],
  deals: ['amount', 'closedate', 'createdate', 'dealname', 'dealstage', 'hs_lastmodifieddate', 'hs_object_id', 'pipeline'],
  tickets: ['content', 'createdate', 'hs_lastmodifieddate', 'hs_object_id', 'hs_pipeline', 'hs_pipeline_stage', 'hs_ticket_category', 'hs_ticket_priority', 'subject'],
  tasks: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id', 'hs_task_priority', 'hs_task_subject', 'hs_task_type'],
  notes: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  emails: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  calls: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  meetings: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
};

/** HubSpot-defined association type ids, keyed `from>to`. */
const TYPE_IDS: Record<string, number> = {};

function pair(a: ObjectType, b: ObjectType, aToB: number, bToA: number): void {
  TYPE_IDS[`${a}>${b}`] = aToB;
  TYPE_IDS[`${b}>${a}`] = bToA;
}

pair('contacts', 'companies', 279, 280);
pair('deals', 'contacts', 3, 4);
pair('deals', 'companies', 341, 342);
pair('tickets', 'contacts', 16, 15);
pair('tickets', 'companies', 339, 340);
pair('deals', 'tickets', 27, 28);
pair('tasks', 'contacts', 204, 203);
pair('tasks', 'companies', 192, 191);
pair('tasks', 'deals', 216, 215);
pair('tasks', 'tickets', 230, 229);
pair('notes', 'contacts', 202, 201);
pair('notes', 'companies', 190, 189);
pair('notes', 'deals', 214, 213);
pair('notes', 'tickets', 228, 227);
pair('emails', 'contacts', 198, 197);
pair('emails', 'companies', 186, 185);
pair('emails', 'deals', 210, 209);
pair('emails', 'tickets', 224, 223);
pair('calls', 'contacts', 194, 193);
pair('calls', 'companies', 182, 181);
pair('calls', 'deals', 206, 205);
pair('calls', 'tickets', 220, 219);
pair('meetings', 'contacts', 200, 199);
pair('meetings', 'companies', 188, 187);
pair('meetings', 'deals', 212, 211);
pair('meetings', 'tickets', 226, 225);

/** The HubSpot-defined type id for `from → to`, or undefined if HubSpot defines none. */
export function associationTypeId(from: ObjectType, to: ObjectType): number | undefined {
  return TYPE_IDS[`${from}>${to}`];
}

/** Primary company of a contact: HubSpot returns it as a second, labelled type on the same edge. */
export const PRIMARY_TYPE_IDS: Record<string, number> = { 'contacts>companies': 1, 'companies>contacts': 2, 'deals>companies': 5, 'companies>deals': 6 };

/** The object type a `from` record reaches through a HubSpot-defined type id (for create-with-associations). */
export function targetTypeOf(from: ObjectType, typeId: number): ObjectType | undefined {
  for (const [key, id] of Object.entries(TYPE_IDS)) {
    const [source, target] = key.split('>') as [ObjectType, ObjectType];
    if (source === from && id === typeId) return target;
  }
  return undefined;
}
