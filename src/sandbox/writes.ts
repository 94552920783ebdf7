/**
 * Creating, changing and archiving records, with the checks HubSpot makes (properties must
 * exist, association targets must exist) and a change listener, which is how webhooks learn
 * that a task was created or its subject or body changed.
 */
import { targetTypeOf, type ObjectType } from './object-types.ts';
import { associate, findRecord, insertRecord, updateRecord, type CrmRecord, type Portal, type Properties } from './portal.ts';
import { propertyNames } from './properties.ts';

/** Who made a change, as webhook payloads report it (`changeSource`, `sourceId`). */
export interface ChangeOrigin {
  changeSource: string;
  sourceId: string;
}

export type Change = { kind: 'creation' } | { kind: 'propertyChange'; names: string[] };

export type ChangeListener = (portal: Portal, record: CrmRecord, change: Change, origin: ChangeOrigin) => void;

export interface AssociationInput {
  to: { id: string };
  types: Array<{ associationCategory: string; associationTypeId: number }>;
}

/** A rejected write: HubSpot's 400 message and error details. */
export class WriteRejected extends Error {
  readonly errors: Array<{ message: string; code: string; context?: Record<string, string[]> }>;
  constructor(message: string, errors: Array<{ message: string; code: string; context?: Record<string, string[]> }> = []) {
    super(message);
    this.errors = errors;
  }
}

function checkProperties(portal: Portal, type: ObjectType, properties: Properties): void {
  const known = propertyNames(type, portal.pipelines.deals);
  const unknown = Object.keys(properties).filter((name) => !known.has(name));
  if (unknown.length === 0) return;
  throw new WriteRejected('Property values were not valid: ' + JSON.stringify(unknown.map((name) => ({
    isValid: false, message: `Property "${name}" does not exist`, error: 'PROPERTY_DOESNT_EXIST', name,
  }))), unknown.map((name) => ({ message: `Property "${name}" does not exist`, code: 'PROPERTY_DOESNT_EXIST', context: { propertyName: [name] } })));
}

/** Creates a record with its associations; notes, emails, calls, meetings and tasks need `hs_timestamp`. */
export function createObject(
  portal: Portal, type: ObjectType, properties: Properties, associations: readonly AssociationInput[],
  at: number, origin: ChangeOrigin, onChange: ChangeListener,
): CrmRecord {
  checkProperties(portal, type, properties);
  const activity = type === 'notes' || type === 'emails' || type === 'calls' || type === 'meetings' || type === 'tasks';
  if (activity && !properties.hs_timestamp) {
    throw new WriteRejected('Property values were not valid: hs_timestamp is required', [{ message: 'hs_timestamp is required', code: 'REQUIRED_PROPERTY' }]);
  }
  const targets = associations.flatMap((association) => association.types.map((spec) => {
    const toType = targetTypeOf(type, spec.associationTypeId);
    if (!toType) throw new WriteRejected(`${spec.associationTypeId} is not a valid association type id from ${type}`, [{ message: 'invalid association type', code: 'INVALID_ASSOCIATION_TYPE' }]);
    if (!findRecord(portal, toType, association.to.id)) {
      throw new WriteRejected(`One or more associations are invalid: ${toType} ${association.to.id} was not found`, [{ message: `${toType} ${association.to.id} not found`, code: 'INVALID_OBJECT_ID' }]);
    }
    return { toType, toId: association.to.id, typeId: spec.associationTypeId };
  }));
  const record = insertRecord(portal, type, properties, at);
  for (const target of targets) associate(portal, type, record.id, target.toType, target.toId, target.typeId);
  onChange(portal, record, { kind: 'creation' }, origin);
  return record;
}

/** Updates properties; only values that actually change are reported to the listener. */
export function patchObject(portal: Portal, record: CrmRecord, properties: Properties, at: number, origin: ChangeOrigin, onChange: ChangeListener): CrmRecord {
  checkProperties(portal, record.type, properties);
  const changed = updateRecord(record, properties, at);
  if (changed.length > 0) onChange(portal, record, { kind: 'propertyChange', names: changed }, origin);
  return record;
}

export function archiveObject(record: CrmRecord, at: number): void {
  record.archived = true;
  record.updatedAt = at;
}
