/**
 * Property definitions per object type, served by `/crm/v3/properties/{objectType}` and used
 * to reject writes to properties that do not exist (HubSpot's 400 `PROPERTY_DOESNT_EXIST`).
 * Compact spec: `name:kind` with kind s(tring) t(extarea) n(umber) d(atetime) b(oolean) or
 * `e=A|B|C` (enumeration). Names follow real portals' property lists (REFERENCE.md §4).
 */
import type { ObjectType } from './object-types.ts';
import type { PipelineDef } from './portal.ts';

const SOURCE = 'hs_object_source:s hs_object_source_id:s hs_object_source_label:s hs_object_source_detail_1:s hs_created_by_user_id:n';
const SYSTEM_HS = `hs_createdate:d hs_lastmodifieddate:d hs_object_id:n ${SOURCE}`;
const ACTIVITY = `hs_timestamp:d hubspot_owner_id:s ${SYSTEM_HS}`;

const SPECS: Record<ObjectType, string> = {
  contacts: `firstname:s lastname:s email:s phone:s jobtitle:s company:s hs_language:s associatedcompanyid:n
    lifecyclestage:e=subscriber|lead|marketingqualifiedlead|salesqualifiedlead|opportunity|customer|evangelist|other
    hs_lead_status:e=NEW|OPEN|IN_PROGRESS|OPEN_DEAL|UNQUALIFIED|ATTEMPTED_TO_CONTACT|CONNECTED|BAD_TIMING
    hubspot_owner_id:s notes_last_contacted:d notes_last_updated:d notes_next_activity_date:d num_contacted_notes:n num_notes:n
    hs_last_sales_activity_timestamp:d hs_sequences_actively_enrolled_count:n engagements_last_meeting_booked:d
    createdate:d lastmodifieddate:d hs_object_id:n ${SOURCE}`,
  companies: `name:s domain:s industry:s numberofemployees:n annualrevenue:n city:s country:s hubspot_owner_id:s
    lifecyclestage:e=lead|opportunity|customer|other notes_last_contacted:d notes_last_updated:d num_associated_deals:n
    num_associated_contacts:n hs_last_sales_activity_timestamp:d createdate:d hs_lastmodifieddate:d hs_object_id:n ${SOURCE}`,
  deals: `dealname:s dealstage:s pipeline:s amount:n closedate:d hs_next_step:t days_to_close:n hubspot_owner_id:s
    hs_deal_stage_probability:n hs_is_closed:b hs_is_closed_won:b notes_last_contacted:d notes_next_activity_date:d num_notes:n
    hs_forecast_category:e=OMIT|PIPELINE|BEST_CASE|COMMIT|CLOSED dealtype:e=newbusiness|existingbusiness
    createdate:d hs_lastmodifieddate:d hs_object_id:n ${SOURCE}`,
  tickets: `subject:s content:t hs_pipeline:s hs_pipeline_stage:s hs_ticket_priority:e=LOW|MEDIUM|HIGH|URGENT
    hs_ticket_category:e=PRODUCT_ISSUE|BILLING_ISSUE|FEATURE_REQUEST|GENERAL_INQUIRY hubspot_owner_id:s closed_date:d
    createdate:d hs_lastmodifieddate:d hs_object_id:n ${SOURCE}`,
  tasks: `hs_task_subject:s hs_task_body:t hs_task_status:e=NOT_STARTED|IN_PROGRESS|WAITING|COMPLETED|DEFERRED
    hs_task_priority:e=NONE|LOW|MEDIUM|HIGH hs_task_type:e=TODO|CALL|EMAIL|LINKED_IN|MEETING hs_task_completion_date:d
    hs_task_sequence_step_enrollment_id:s hs_task_sequence_enrollment_active:b hs_task_sequence_step_order:n hs_task_template_id:n
    hs_engagement_source:s hs_engagement_source_id:s hs_created_by:n hs_task_for_object_type:s hs_task_is_overdue:b
    hs_task_reminders:s hs_queue_membership_ids:s hs_task_repeat_interval:s hs_task_family:s hs_task_is_completed:n
    hs_task_last_contact_outreach:d hs_task_last_sales_activity_timestamp:d ${ACTIVITY}`,
  notes: `hs_note_body:t hs_attachment_ids:s ${ACTIVITY}`,
  emails: `hs_email_subject:s hs_email_text:t hs_email_html:t hs_email_direction:e=EMAIL|INCOMING_EMAIL|FORWARDED_EMAIL
    hs_email_status:e=BOUNCED|FAILED|SCHEDULED|SENDING|SENT hs_email_from_email:s hs_email_to_email:s ${ACTIVITY}`,
  calls: `hs_call_title:s hs_call_body:t hs_call_direction:e=INBOUND|OUTBOUND hs_call_duration:n hs_call_status:s
    hs_call_disposition:s ${ACTIVITY}`,
  meetings: `hs_meeting_title:s hs_meeting_body:t hs_internal_meeting_notes:t hs_meeting_start_time:d hs_meeting_end_time:d
    hs_meeting_outcome:e=SCHEDULED|COMPLETED|RESCHEDULED|NO_SHOW|CANCELED ${ACTIVITY}`,
};

export interface PropertyDefinition {
  name: string;
  label: string;
  type: 'string' | 'number' | 'datetime' | 'enumeration' | 'bool';
  fieldType: 'text' | 'textarea' | 'number' | 'date' | 'select' | 'booleancheckbox';
  groupName: string;
  description: string;
  options: Array<{ label: string; value: string; displayOrder: number; hidden: boolean }>;
  hubspotDefined: true;
  displayOrder: number;
  hidden: boolean;
  formField: boolean;
  hasUniqueValue: boolean;
  calculated: boolean;
  externalOptions: boolean;
}

const KINDS = {
  s: ['string', 'text'], t: ['string', 'textarea'], n: ['number', 'number'], d: ['datetime', 'date'], b: ['bool', 'booleancheckbox'],
} as const;

const labelOf = (name: string): string => name.replace(/^hs_/, '').split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');

function define(name: string, kind: string, groupName: string, displayOrder: number): PropertyDefinition {
  const enumeration = kind.startsWith('e=');
  const [type, fieldType] = enumeration ? (['enumeration', 'select'] as const) : KINDS[kind as keyof typeof KINDS];
  const values = enumeration ? kind.slice(2).split('|') : [];
  return {
    name, label: labelOf(name), type, fieldType, groupName, description: '', hubspotDefined: true, displayOrder,
    options: type === 'bool'
      ? [{ label: 'Yes', value: 'true', displayOrder: 0, hidden: false }, { label: 'No', value: 'false', displayOrder: 1, hidden: false }]
      : values.map((value, index) => ({ label: labelOf(value.toLowerCase()), value, displayOrder: index, hidden: false })),
    hidden: false, formField: false, hasUniqueValue: false, calculated: false, externalOptions: false,
  };
}

/** Every property of a type; deals gain `hs_date_entered_{stage}` / `hs_time_in_{stage}` per pipeline stage. */
export function propertyDefinitions(type: ObjectType, dealPipelines: readonly PipelineDef[] = []): PropertyDefinition[] {
  const group = `${type.replace(/s$/, '').replace(/ie$/, 'y')}information`;
  const defs = SPECS[type].trim().split(/\s+/).map((spec, index) => {
    const [name, kind] = spec.split(':') as [string, string];
    return define(name, kind, group, index);
  });
  if (type === 'deals') {
    for (const stage of dealPipelines.flatMap((p) => p.stages)) {
      defs.push(define(`hs_date_entered_${stage.id}`, 'd', 'dealstages', defs.length), define(`hs_time_in_${stage.id}`, 'n', 'dealstages', defs.length + 1));
    }
  }
  return defs;
}

/** Names of writable-or-readable properties, for validating writes. */
export function propertyNames(type: ObjectType, dealPipelines: readonly PipelineDef[] = []): Set<string> {
  return new Set(propertyDefinitions(type, dealPipelines).map((d) => d.name));
}
