/**
 * Which CRM properties the snapshot reader asks for, and how a raw HubSpot record (string
 * properties, ISO or epoch-ms dates) becomes the snapshot's typed parts (`src/context/
 * crm-snapshot.ts`). Property names: REFERENCE.md §4.2 and §4.4.
 */
import { MAX_TASK_TEXT, type CrmSnapshotInput } from '../context/crm-snapshot.ts';

type Part<K extends keyof CrmSnapshotInput> = NonNullable<CrmSnapshotInput[K]>;
type ContactInput = Part<'contacts'>[number];
type CompanyInput = NonNullable<CrmSnapshotInput['company']>;
type DealInput = Part<'deals'>[number];
type TicketInput = Part<'tickets'>[number];
type EngagementInput = Part<'engagements'>[number];

/** A CRM object as the SDK returns it, reduced to what is read here. */
export interface RawRecord {
  id: string;
  properties: Record<string, string | null | undefined>;
  propertiesWithHistory?: Record<string, Array<{ value: string; timestamp: Date | string }>> | undefined;
}

/** The task's own fields plus its origin (sequence, workflow, rep), which the rules read. */
export const TASK_PROPERTIES = [
  'hs_task_subject', 'hs_task_body', 'hs_task_status', 'hs_task_type', 'hs_task_priority', 'hs_timestamp',
  'hubspot_owner_id', 'hs_createdate', 'hs_task_completion_date', 'hs_task_for_object_type',
  'hs_task_sequence_step_enrollment_id', 'hs_task_sequence_enrollment_active', 'hs_task_sequence_step_order', 'hs_task_template_id',
  'hs_engagement_source', 'hs_engagement_source_id', 'hs_object_source', 'hs_object_source_id', 'hs_object_source_label',
  'hs_object_source_detail_1', 'hs_created_by', 'hs_created_by_user_id',
];

/** Task properties mapped to named snapshot fields; the rest go to `task.properties`. */
const TASK_NAMED = new Set(['hs_task_subject', 'hs_task_body', 'hs_task_type', 'hs_task_status', 'hs_task_priority', 'hubspot_owner_id', 'hs_createdate', 'hs_timestamp']);

export const CONTACT_PROPERTIES = [
  'firstname', 'lastname', 'email', 'hs_email_domain', 'jobtitle', 'lifecyclestage', 'hs_lead_status', 'notes_last_contacted',
  'hs_sales_email_last_replied', 'hubspot_owner_id', 'createdate', 'hs_language',
];

export const COMPANY_PROPERTIES = [
  'name', 'domain', 'industry', 'numberofemployees', 'lifecyclestage', 'hubspot_owner_id', 'notes_last_contacted', 'createdate',
];

export const DEAL_PROPERTIES = [
  'dealname', 'dealstage', 'pipeline', 'dealtype', 'closedate', 'amount', 'hs_is_closed', 'hs_is_closed_won', 'hubspot_owner_id',
  'createdate', 'hs_v2_date_entered_current_stage',
];

export const TICKET_PROPERTIES = [
  'subject', 'hs_ticket_priority', 'hs_ticket_category', 'hs_pipeline', 'hs_pipeline_stage', 'hs_is_closed', 'hubspot_owner_id', 'createdate',
];

export const ENGAGEMENT_TYPES = ['emails', 'calls', 'meetings', 'notes'] as const;
export type EngagementType = (typeof ENGAGEMENT_TYPES)[number];

export const ENGAGEMENT_PROPERTIES: Record<EngagementType, string[]> = {
  emails: ['hs_timestamp', 'hubspot_owner_id', 'hs_email_direction', 'hs_email_subject'],
  calls: ['hs_timestamp', 'hubspot_owner_id', 'hs_call_direction', 'hs_call_title'],
  meetings: ['hs_timestamp', 'hubspot_owner_id', 'hs_meeting_title', 'hs_meeting_outcome'],
  notes: ['hs_timestamp', 'hubspot_owner_id'],
};

/** Epoch ms from HubSpot's datetime values (ISO 8601 or epoch-ms digits); undefined when blank or unreadable. */
export function parseTime(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const text = value.trim();
  const ms = /^-?\d+$/.test(text) ? Number(text) : Date.parse(text);
  return Number.isFinite(ms) ? ms : undefined;
}

function parseNumber(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

function parseBoolean(value: string | null | undefined): boolean | undefined {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return undefined;
}

const text = (value: string | null | undefined): string | undefined => (value === null || value === undefined || value === '' ? undefined : value);

/** Keeps a string within a schema's limit, so one overlong CRM value never fails the whole snapshot. */
const clip = (value: string | undefined, max: number): string | undefined => (value === undefined ? undefined : Array.from(value).slice(0, max).join(''));

/** True when {@link clip} would cut `value` (code points, as clip and zod count them). */
const overLimit = (value: string | undefined, max: number): boolean => value !== undefined && value.length > max && Array.from(value).length > max;

export function toTask(record: RawRecord): CrmSnapshotInput['task'] {
  const p = record.properties;
  const extra: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(p)) if (!TASK_NAMED.has(name) && value !== undefined) extra[name] = value;
  const subject = text(p.hs_task_subject);
  const body = text(p.hs_task_body);
  // The snapshot keeps the classifier's window of each; the cut is carried so the verdict says so.
  const truncated = overLimit(subject, MAX_TASK_TEXT) || overLimit(body, MAX_TASK_TEXT);
  return {
    id: record.id, subject: clip(subject, MAX_TASK_TEXT), body: clip(body, MAX_TASK_TEXT),
    type: clip(text(p.hs_task_type), 64), status: clip(text(p.hs_task_status), 64), priority: clip(text(p.hs_task_priority), 64),
    ownerId: text(p.hubspot_owner_id), createdAt: parseTime(p.hs_createdate), dueAt: parseTime(p.hs_timestamp), properties: extra,
    ...(truncated && { truncated }),
  };
}

export function toContact(record: RawRecord): ContactInput {
  const p = record.properties;
  const domain = text(p.hs_email_domain) ?? text(p.email)?.split('@')[1];
  return {
    id: record.id, firstName: clip(text(p.firstname), 200), lastName: clip(text(p.lastname), 200), emailDomain: clip(domain, 255),
    jobTitle: clip(text(p.jobtitle), 200), lifecycleStage: clip(text(p.lifecyclestage), 64), leadStatus: clip(text(p.hs_lead_status), 64),
    lastContactedAt: parseTime(p.notes_last_contacted), lastRepliedAt: parseTime(p.hs_sales_email_last_replied),
    ownerId: text(p.hubspot_owner_id), createdAt: parseTime(p.createdate),
  };
}

export function toCompany(record: RawRecord): CompanyInput {
  const p = record.properties;
  const employees = parseNumber(p.numberofemployees);
  return {
    id: record.id, name: clip(text(p.name), 500), domain: clip(text(p.domain), 255), industry: clip(text(p.industry), 200),
    numberOfEmployees: employees === undefined || employees < 0 ? undefined : Math.round(employees),
    lifecycleStage: clip(text(p.lifecyclestage), 64), ownerId: text(p.hubspot_owner_id),
    lastContactedAt: parseTime(p.notes_last_contacted), createdAt: parseTime(p.createdate),
  };
}

/** Labels come from the (cached) deal pipelines; the stage entry date from `hs_date_entered_{stage}`. */
export function toDeal(record: RawRecord, labels: (pipelineId?: string, stageId?: string) => { pipeline?: string; stage?: string }): DealInput {
  const p = record.properties;
  const stageId = text(p.dealstage);
  const pipelineId = text(p.pipeline);
  const label = labels(pipelineId, stageId);
  const history = (record.propertiesWithHistory?.closedate ?? []).flatMap((entry) => {
    const value = parseTime(entry.value);
    const changedAt = entry.timestamp instanceof Date ? entry.timestamp.getTime() : parseTime(entry.timestamp);
    return value === undefined || changedAt === undefined ? [] : [{ value, changedAt }];
  });
  return {
    id: record.id, name: clip(text(p.dealname), 500), stageId: clip(stageId, 100), stageLabel: clip(label.stage, 200),
    pipelineId: clip(pipelineId, 100), pipelineLabel: clip(label.pipeline, 200), dealType: clip(text(p.dealtype), 64),
    stageEnteredAt: parseTime(stageId === undefined ? undefined : p[`hs_date_entered_${stageId}`]) ?? parseTime(p.hs_v2_date_entered_current_stage),
    closeDate: parseTime(p.closedate), closeDateHistory: history.slice(0, 100), amount: parseNumber(p.amount),
    isClosed: parseBoolean(p.hs_is_closed), isClosedWon: parseBoolean(p.hs_is_closed_won), ownerId: text(p.hubspot_owner_id), createdAt: parseTime(p.createdate),
  };
}

/** `isOpen` from the ticket pipeline stage's metadata when known, else from `hs_is_closed`. */
export function toTicket(record: RawRecord, stage: (pipelineId?: string, stageId?: string) => { label?: string; isClosed?: boolean }): TicketInput {
  const p = record.properties;
  const info = stage(text(p.hs_pipeline), text(p.hs_pipeline_stage));
  const closed = info.isClosed ?? parseBoolean(p.hs_is_closed);
  return {
    id: record.id, subject: clip(text(p.subject), 500), priority: clip(text(p.hs_ticket_priority), 64), category: clip(text(p.hs_ticket_category), 200),
    isOpen: closed === undefined ? undefined : !closed, stageLabel: clip(info.label, 200), ownerId: text(p.hubspot_owner_id), createdAt: parseTime(p.createdate),
  };
}

const ENGAGEMENT_KIND: Record<EngagementType, EngagementInput['type']> = { emails: 'EMAIL', calls: 'CALL', meetings: 'MEETING', notes: 'NOTE' };

function directionOf(type: EngagementType, p: RawRecord['properties']): 'INBOUND' | 'OUTBOUND' | undefined {
  if (type === 'emails') {
    if (p.hs_email_direction === 'INCOMING_EMAIL') return 'INBOUND';
    if (p.hs_email_direction === 'EMAIL' || p.hs_email_direction === 'FORWARDED_EMAIL') return 'OUTBOUND';
  }
  if (type === 'calls' && (p.hs_call_direction === 'INBOUND' || p.hs_call_direction === 'OUTBOUND')) return p.hs_call_direction;
  return undefined;
}

/** An engagement without a readable `hs_timestamp` is dropped: the signals are all about time. */
export function toEngagement(type: EngagementType, record: RawRecord): EngagementInput | undefined {
  const p = record.properties;
  const timestamp = parseTime(p.hs_timestamp);
  if (timestamp === undefined) return undefined;
  const subject = text(p.hs_email_subject) ?? text(p.hs_call_title) ?? text(p.hs_meeting_title);
  return { id: record.id, type: ENGAGEMENT_KIND[type], direction: directionOf(type, p), timestamp, ownerId: text(p.hubspot_owner_id), subject: clip(subject, 500) };
}
