/** Open tickets, lifecycle phase, industry and size. */
import type { CrmSnapshot, Deal } from './crm-snapshot.ts';
import type { FirmographicsSignal, LifecyclePhase, LifecycleSignal, OpenTicket, TicketSignal } from './signals.ts';
import { humanizeEnum, quoteText } from './clean-text.ts';
import { daysSince } from './time.ts';

export function deriveTickets(snapshot: CrmSnapshot, now: number): TicketSignal | undefined {
  const open: OpenTicket[] = snapshot.tickets
    .filter((ticket) => ticket.isOpen !== false)
    .map((ticket) => {
      const subject = quoteText(ticket.subject, 60);
      const theme = humanizeEnum(ticket.category);
      const high = ticket.priority === 'HIGH' || ticket.priority === 'URGENT';
      return {
        id: ticket.id,
        priority: high ? ('HIGH' as const) : ('OTHER' as const),
        ...(subject === undefined ? {} : { subject }),
        ...(theme === undefined ? {} : { theme }),
        ...(ticket.createdAt === undefined ? {} : { ageDays: daysSince(ticket.createdAt, now) }),
      };
    })
    .sort((a, b) => Number(b.priority === 'HIGH') - Number(a.priority === 'HIGH') || (b.ageDays ?? -1) - (a.ageDays ?? -1) || a.id.localeCompare(b.id));
  if (open.length === 0) return undefined;
  const ages = open.flatMap((ticket) => (ticket.ageDays === undefined ? [] : [ticket.ageDays]));
  const newestCreated = Math.max(...snapshot.tickets.map((ticket) => ticket.createdAt ?? -Infinity));
  return {
    open,
    highPriority: open.filter((ticket) => ticket.priority === 'HIGH').length,
    ...(ages.length === 0 ? {} : { oldestDays: Math.max(...ages) }),
    evidence: open.map((ticket) => ({ part: 'ticket' as const, id: ticket.id, property: 'hs_ticket_priority', value: ticket.priority })),
    freshness: newestCreated === -Infinity ? {} : { observedAt: newestCreated, ageDays: daysSince(newestCreated, now) },
  };
}

const RENEWAL_WORDS = /renew|verläng|renouvel|renova/i;
const LEAD_STAGES = new Set(['subscriber', 'lead', 'marketingqualifiedlead']);
const OPPORTUNITY_STAGES = new Set(['salesqualifiedlead', 'opportunity']);
const CUSTOMER_STAGES = new Set(['customer', 'evangelist']);

function isRenewal(deal: Deal): boolean {
  return deal.isClosed !== true && (deal.dealType === 'existingbusiness' || RENEWAL_WORDS.test(`${deal.name ?? ''} ${deal.pipelineLabel ?? ''}`));
}

export function deriveLifecycle(snapshot: CrmSnapshot, now: number): LifecycleSignal | undefined {
  const contact = snapshot.contacts[0];
  // The company's stage, then each contact's, lower-cased (one array, not three).
  const stages: string[] = [];
  const companyStage = snapshot.company?.lifecycleStage;
  if (companyStage !== undefined) stages.push(companyStage.toLowerCase());
  for (const c of snapshot.contacts) if (c.lifecycleStage !== undefined) stages.push(c.lifecycleStage.toLowerCase());
  const renewal = snapshot.deals.find(isRenewal);
  let phase: LifecyclePhase | undefined;
  if (renewal !== undefined) phase = 'renewal';
  else if (stages.some((stage) => CUSTOMER_STAGES.has(stage))) phase = 'customer';
  else if (stages.some((stage) => OPPORTUNITY_STAGES.has(stage)) || snapshot.deals.some((d) => d.isClosed !== true)) phase = 'opportunity';
  else if (stages.some((stage) => LEAD_STAGES.has(stage))) phase = 'lead';
  if (phase === undefined) return undefined;
  const createdAt = contact?.createdAt ?? snapshot.company?.createdAt;
  return {
    phase,
    ...(createdAt === undefined ? {} : { recordAgeDays: daysSince(createdAt, now) }),
    evidence: [
      renewal === undefined
        ? { part: 'contact', property: 'lifecyclestage', value: stages.join(',') }
        : { part: 'deal', id: renewal.id, property: 'dealtype', value: renewal.dealType ?? 'renewal' },
    ],
    freshness: createdAt === undefined ? {} : { observedAt: createdAt, ageDays: daysSince(createdAt, now) },
  };
}

export function deriveFirmographics(snapshot: CrmSnapshot): FirmographicsSignal | undefined {
  const company = snapshot.company;
  const industry = humanizeEnum(company?.industry);
  const employees = company?.numberOfEmployees;
  if (company === undefined || (industry === undefined && employees === undefined)) return undefined;
  const signal: FirmographicsSignal = { evidence: [], freshness: {} };
  if (industry !== undefined) {
    signal.industry = industry;
    signal.evidence.push({ part: 'company', id: company.id, property: 'industry', value: industry });
  }
  if (employees !== undefined) {
    signal.employees = employees;
    signal.size = employees < 50 ? 'small' : employees < 1000 ? 'mid' : 'large';
    signal.evidence.push({ part: 'company', id: company.id, property: 'numberofemployees', value: employees });
  }
  return signal;
}
