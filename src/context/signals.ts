/**
 * What the snapshot says about the client, as typed signals. Each carries its evidence (which
 * record and property it came from) and its freshness (when that data point was observed), so
 * a card can say exactly why it asks what it asks.
 */

export interface Evidence {
  part: 'task' | 'contact' | 'company' | 'deal' | 'pipeline' | 'ticket' | 'engagement' | 'owner' | 'peer';
  id?: string;
  /** The HubSpot property (or derived field) the value came from. */
  property: string;
  value: string | number | boolean;
}

export interface Freshness {
  /** Epoch ms of the newest data point behind the signal. */
  observedAt?: number;
  /** Whole days between that data point and `now`. */
  ageDays?: number;
}

interface SignalBase {
  evidence: Evidence[];
  freshness: Freshness;
}

export interface ClientIdentity {
  /** Company name, or the contact's full name, or undefined if the record has neither. */
  displayName?: string;
  companyName?: string;
  contactName?: string;
  contactFirstName?: string;
  jobTitle?: string;
}

export interface SilenceSignal extends SignalBase {
  daysSinceLastReply?: number;
  daysSinceLastContacted?: number;
  /** Outbound emails and calls after the last reply (all of them when there was never a reply). */
  attemptsSinceReply: number;
  neverReplied: boolean;
  lastTouch?: { type: 'EMAIL' | 'CALL' | 'MEETING'; daysAgo: number; subject?: string };
}

export interface StageAgeSignal extends SignalBase {
  dealId: string;
  dealName?: string;
  stageLabel: string;
  days: number;
  medianDays?: number;
  /** days / medianDays, when a median is known. */
  multiple?: number;
}

export interface CloseDateSignal extends SignalBase {
  dealId: string;
  dealName?: string;
  /** Negative when the close date has passed. */
  daysToClose: number;
  daysToQuarterEnd: number;
  /** The close date falls in the last two weeks of the current quarter. */
  atQuarterEnd: boolean;
  /** How many times the close date moved later. */
  pushedCount: number;
}

export interface OpenTicket {
  id: string;
  subject?: string;
  priority: 'HIGH' | 'OTHER';
  ageDays?: number;
  theme?: string;
}

export interface TicketSignal extends SignalBase {
  open: OpenTicket[];
  highPriority: number;
  oldestDays?: number;
}

export type LifecyclePhase = 'lead' | 'opportunity' | 'customer' | 'renewal';

export interface LifecycleSignal extends SignalBase {
  phase: LifecyclePhase;
  /** Days since the contact or company record was created, for fresh leads. */
  recordAgeDays?: number;
}

export interface FirmographicsSignal extends SignalBase {
  industry?: string;
  employees?: number;
  size?: 'small' | 'mid' | 'large';
}

export interface PeerSignal extends SignalBase {
  industry: string;
  sampleSize: number;
  /** Peers with an open deal in the same stage as this client's. */
  stalledSameStage: number;
  stageLabel?: string;
  sharedTheme?: { theme: string; peers: number };
}

export interface Collaborator {
  ownerId: string;
  name: string;
  team?: string;
  on: Array<'company' | 'deal' | 'ticket' | 'contact'>;
}

export interface CollaboratorSignal extends SignalBase {
  people: Collaborator[];
}

/**
 * What a card can report as missing, in the order the "why this card" line lists it. `last-subject` and
 * `ticket-subject`: the last email, call or meeting (or every open ticket) came without a subject,
 * so the card could not ask about it in the client's own words.
 */
export const MISSING_PARTS = ['contact', 'company', 'deal', 'engagements', 'last-subject', 'tickets', 'ticket-subject', 'industry', 'pipeline-medians', 'owners', 'peers'] as const;
export type MissingPart = (typeof MISSING_PARTS)[number];

export interface Completeness {
  missing: MissingPart[];
  /** Parts whose newest data point is older than the stale threshold. */
  stale: Array<'engagements'>;
}

export interface Signals {
  client: ClientIdentity;
  task: { subject?: string; repOwnerId?: string; ageDays?: number };
  silence?: SilenceSignal;
  stageAge?: StageAgeSignal;
  closeDate?: CloseDateSignal;
  tickets?: TicketSignal;
  lifecycle?: LifecycleSignal;
  firmographics?: FirmographicsSignal;
  peers?: PeerSignal;
  collaborators?: CollaboratorSignal;
  completeness: Completeness;
}
