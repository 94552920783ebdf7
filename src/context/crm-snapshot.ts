/**
 * The input contract of the pure core: everything the HubSpot adapter read about one task's
 * client, already flattened from CRM batch reads. Times are epoch milliseconds; HubSpot's
 * own property names are in the comments so the adapter can map them (REFERENCE.md §4.4).
 * Everything HubSpot may not have is optional; `null` is accepted wherever HubSpot sends it.
 */
import { z } from 'zod';
import { MAX_TEXT_LENGTH } from '../rules/prompt-text.ts';

/** HubSpot object ids are numeric strings; numbers are accepted and turned into strings. */
const IdSchema = z.union([z.string().min(1).max(64), z.number().int().nonnegative()]).transform(String);
/** Epoch milliseconds. */
const MsSchema = z.number().finite();
/** The longest task subject or body a snapshot holds: the classifier's window, so the cut is made once. */
export const MAX_TASK_TEXT = MAX_TEXT_LENGTH;
const TextSchema = z.string().max(MAX_TASK_TEXT);

const opt = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? undefined);

export const PortalSchema = z.object({
  id: IdSchema, // webhook `portalId`, OAuth `hub_id`
  timeZone: opt(z.string().max(64)), // GET /account-info/v3/details → timeZone
  utcOffsetMilliseconds: opt(z.number().int().min(-16 * 3_600_000).max(16 * 3_600_000)), // → utcOffsetMilliseconds
  locale: opt(z.string().max(35)), // the rep's or the portal's language, e.g. "de-DE"
  fiscalYearStartMonth: opt(z.number().int().min(1).max(12)), // quarter convention; 1 = calendar quarters
});

export const TaskSchema = z.object({
  id: IdSchema,
  subject: opt(TextSchema), // hs_task_subject
  body: opt(TextSchema), // hs_task_body
  type: opt(z.string().max(64)), // hs_task_type: EMAIL | CALL | TODO | LINKED_IN | MEETING
  status: opt(z.string().max(64)), // hs_task_status: NOT_STARTED | IN_PROGRESS | WAITING | COMPLETED | DEFERRED
  priority: opt(z.string().max(64)), // hs_task_priority: LOW | MEDIUM | HIGH | NONE
  ownerId: opt(IdSchema), // hubspot_owner_id
  createdAt: opt(MsSchema), // hs_createdate
  dueAt: opt(MsSchema), // hs_timestamp
  properties: opt(z.record(z.string(), z.string().nullable())), // any other task properties, raw
  // true when the adapter cut the subject or the body to MAX_TASK_TEXT (HubSpot holds up to 65,536),
  // so the classifier can say it judged only part of the prompt
  truncated: opt(z.boolean()),
});

export const ContactSchema = z.object({
  id: IdSchema,
  firstName: opt(z.string().max(200)), // firstname
  lastName: opt(z.string().max(200)), // lastname
  emailDomain: opt(z.string().max(255)), // hs_email_domain
  jobTitle: opt(z.string().max(200)), // jobtitle
  lifecycleStage: opt(z.string().max(64)), // lifecyclestage: subscriber | lead | marketingqualifiedlead | salesqualifiedlead | opportunity | customer | evangelist | other
  leadStatus: opt(z.string().max(64)), // hs_lead_status
  lastContactedAt: opt(MsSchema), // notes_last_contacted
  lastRepliedAt: opt(MsSchema), // hs_sales_email_last_replied
  ownerId: opt(IdSchema), // hubspot_owner_id
  createdAt: opt(MsSchema), // createdate
});

export const CompanySchema = z.object({
  id: IdSchema,
  name: opt(z.string().max(500)), // name
  domain: opt(z.string().max(255)), // domain
  industry: opt(z.string().max(200)), // industry (HubSpot enum, e.g. LOGISTICS_AND_SUPPLY_CHAIN)
  numberOfEmployees: opt(z.number().int().nonnegative()), // numberofemployees
  lifecycleStage: opt(z.string().max(64)), // lifecyclestage
  ownerId: opt(IdSchema), // hubspot_owner_id
  lastContactedAt: opt(MsSchema), // notes_last_contacted
  createdAt: opt(MsSchema), // createdate
});

export const CloseDateChangeSchema = z.object({
  value: MsSchema, // a past value of closedate
  changedAt: MsSchema, // its timestamp in propertiesWithHistory=closedate
});

export const DealSchema = z.object({
  id: IdSchema,
  name: opt(z.string().max(500)), // dealname
  stageId: opt(z.string().max(100)), // dealstage
  stageLabel: opt(z.string().max(200)), // label of dealstage from GET /crm/v3/pipelines/deals
  pipelineId: opt(z.string().max(100)), // pipeline
  pipelineLabel: opt(z.string().max(200)), // label of the pipeline
  dealType: opt(z.string().max(64)), // dealtype: newbusiness | existingbusiness
  stageEnteredAt: opt(MsSchema), // hs_date_entered_{dealstage} (or hs_v2_date_entered_current_stage)
  closeDate: opt(MsSchema), // closedate
  closeDateHistory: opt(z.array(CloseDateChangeSchema).max(100)), // propertiesWithHistory=closedate
  amount: opt(z.number().finite()), // amount (read but never put in a question: money talk is quota talk)
  isClosed: opt(z.boolean()), // hs_is_closed
  isClosedWon: opt(z.boolean()), // hs_is_closed_won
  ownerId: opt(IdSchema), // hubspot_owner_id
  createdAt: opt(MsSchema), // createdate
});

export const StageSchema = z.object({
  id: z.string().max(100),
  label: opt(z.string().max(200)),
  isClosed: opt(z.boolean()), // stage metadata.isClosed
  /** Median days deals spend in this stage, if the adapter computed it (from hs_time_in_{stageId}). */
  medianDays: opt(z.number().nonnegative()),
  /** Days recent deals spent in this stage, when the median has not been computed yet. */
  recentDays: opt(z.array(z.number().nonnegative()).max(1000)),
});

export const PipelineSchema = z.object({
  id: z.string().max(100),
  label: opt(z.string().max(200)),
  stages: z.array(StageSchema).max(100),
});

export const TicketSchema = z.object({
  id: IdSchema,
  subject: opt(z.string().max(500)), // subject
  priority: opt(z.string().max(64)), // hs_ticket_priority: LOW | MEDIUM | HIGH | URGENT
  category: opt(z.string().max(200)), // hs_ticket_category, used as the ticket's theme
  isOpen: opt(z.boolean()), // from hs_pipeline_stage's metadata.isClosed (or hs_is_closed)
  stageLabel: opt(z.string().max(200)), // label of hs_pipeline_stage
  ownerId: opt(IdSchema), // hubspot_owner_id
  createdAt: opt(MsSchema), // createdate
});

export const EngagementSchema = z.object({
  id: opt(IdSchema),
  type: z.enum(['EMAIL', 'CALL', 'MEETING', 'NOTE', 'OTHER']), // object type: emails | calls | meetings | notes
  /** hs_email_direction (INCOMING_EMAIL → INBOUND, EMAIL/FORWARDED_EMAIL → OUTBOUND) or hs_call_direction. */
  direction: opt(z.enum(['INBOUND', 'OUTBOUND'])),
  timestamp: MsSchema, // hs_timestamp
  ownerId: opt(IdSchema), // hubspot_owner_id
  subject: opt(z.string().max(500)), // hs_email_subject | hs_meeting_title | hs_call_title
});

export const OwnerSchema = z.object({
  id: IdSchema, // GET /crm/v3/owners → id
  firstName: opt(z.string().max(200)),
  lastName: opt(z.string().max(200)),
  teamName: opt(z.string().max(200)), // teams[primary].name
});

export const PeerSchema = z.object({
  companyId: IdSchema,
  industry: opt(z.string().max(200)),
  dealStageId: opt(z.string().max(100)), // their open deal's dealstage
  daysInStage: opt(z.number().nonnegative()),
  ticketThemes: opt(z.array(z.string().max(200)).max(50)), // hs_ticket_category of their open tickets
});

export const MissingSchema = z.object({
  part: z.enum(['contact', 'company', 'deal', 'ticket', 'engagements', 'owners', 'pipelines', 'peers', 'portal']),
  reason: z.enum(['not_associated', 'no_access', 'read_failed', 'not_requested']),
});

export const CrmSnapshotSchema = z.object({
  capturedAt: opt(MsSchema), // when the adapter read all this
  portal: PortalSchema,
  task: TaskSchema,
  contacts: z.array(ContactSchema).max(100).default([]),
  company: opt(CompanySchema),
  deals: z.array(DealSchema).max(100).default([]),
  pipelines: z.array(PipelineSchema).max(50).default([]),
  tickets: z.array(TicketSchema).max(100).default([]),
  engagements: z.array(EngagementSchema).max(500).default([]),
  owners: z.array(OwnerSchema).max(500).default([]),
  peers: z.array(PeerSchema).max(100).default([]),
  missing: z.array(MissingSchema).max(50).default([]),
});

export type CrmSnapshot = z.infer<typeof CrmSnapshotSchema>;
export type CrmSnapshotInput = z.input<typeof CrmSnapshotSchema>;
export type Contact = z.infer<typeof ContactSchema>;
export type Company = z.infer<typeof CompanySchema>;
export type Deal = z.infer<typeof DealSchema>;
export type Pipeline = z.infer<typeof PipelineSchema>;
export type Ticket = z.infer<typeof TicketSchema>;
export type Engagement = z.infer<typeof EngagementSchema>;
export type Owner = z.infer<typeof OwnerSchema>;
export type Peer = z.infer<typeof PeerSchema>;
export type Missing = z.infer<typeof MissingSchema>;

/** Parses what the adapter built; throws a ZodError listing every problem. */
export function parseCrmSnapshot(input: unknown): CrmSnapshot {
  return CrmSnapshotSchema.parse(input);
}
