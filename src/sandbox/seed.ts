/**
 * The deterministic demo portal: owners, a deal pipeline with stage entry dates, companies in
 * seven industries, contacts, deals, tickets, then activity history and tasks
 * (`seed-activity.ts`). Same `now` in, same portal out; every date is relative to `now`.
 */
import { PRIMARY_TYPE_IDS } from './object-types.ts';
import { addLabelledType, associate, insertRecord, type PipelineDef, type Portal } from './portal.ts';
import { seedActivity, type SeedGroundTruth } from './seed-activity.ts';
import { COMPANIES, FIRST_NAMES, JOB_TITLES, LAST_NAMES, OWNERS } from './seed-data.ts';

export type { SeedGroundTruth } from './seed-activity.ts';

export const DAY = 86_400_000;

/** mulberry32: a small seeded PRNG, so the demo portal is the same on every run. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** HubSpot's default sales pipeline and its stage ids. */
export const DEAL_PIPELINE: PipelineDef = {
  id: 'default', label: 'Sales Pipeline', displayOrder: 0,
  stages: [
    ['appointmentscheduled', 'Appointment scheduled', '0.2', 'false'],
    ['qualifiedtobuy', 'Qualified to buy', '0.4', 'false'],
    ['presentationscheduled', 'Presentation scheduled', '0.6', 'false'],
    ['decisionmakerboughtin', 'Decision maker bought-in', '0.8', 'false'],
    ['contractsent', 'Contract sent', '0.9', 'false'],
    ['closedwon', 'Closed won', '1.0', 'true'],
    ['closedlost', 'Closed lost', '0.0', 'true'],
  ].map(([id, label, probability, isClosed], displayOrder) => ({
    id: id as string, label: label as string, displayOrder, metadata: { probability: probability as string, isClosed: isClosed as string },
  })),
};

export const TICKET_PIPELINE: PipelineDef = {
  id: '0', label: 'Support Pipeline', displayOrder: 0,
  stages: [['1', 'New', 'OPEN'], ['2', 'Waiting on contact', 'OPEN'], ['3', 'Waiting on us', 'OPEN'], ['4', 'Closed', 'CLOSED']]
    .map(([id, label, ticketState], displayOrder) => ({ id: id as string, label: label as string, displayOrder, metadata: { ticketState: ticketState as string, isClosed: String(ticketState === 'CLOSED') } })),
};

const iso = (ms: number): string => new Date(ms).toISOString();

/** Fills an empty portal with the demo data; returns which tasks are meant to be robotic. */
export function seedDemoPortal(portal: Portal, now: number, seed = 42): SeedGroundTruth {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  portal.owners = OWNERS.map((o, i) => ({
    id: String(71_000_001 + i), userId: 5_100_001 + i, email: o.email, firstName: o.first, lastName: o.last,
    teams: [{ id: String(300 + (o.team === 'Enterprise' ? 2 : o.team === 'Mid-market' ? 1 : 3)), name: o.team, primary: true }],
  }));
  portal.pipelines = { deals: [DEAL_PIPELINE], tickets: [TICKET_PIPELINE] };
  const ownerIds = portal.owners.map((o) => o.id);

  const companies = COMPANIES.map(([name, domain, industry, employees, city, country], i) => insertRecord(portal, 'companies', {
    name, domain, industry, numberofemployees: String(employees), city, country, lifecyclestage: i % 3 === 0 ? 'customer' : 'opportunity',
    annualrevenue: String(employees * 150_000), hubspot_owner_id: ownerIds[i % ownerIds.length] ?? null,
  }, now - (400 - i * 7) * DAY));

  const contacts = Array.from({ length: 60 }, (_, i) => {
    const company = companies[i % companies.length]!;
    const first = FIRST_NAMES[i % FIRST_NAMES.length]!;
    const last = LAST_NAMES[(i * 7) % LAST_NAMES.length]!;
    const domain = company.properties.domain ?? 'example.com';
    const contact = insertRecord(portal, 'contacts', {
      firstname: first, lastname: last, email: `${first}.${last}`.toLowerCase().normalize('NFD').replace(/[^a-z.]/g, '') + `@${domain}`,
      jobtitle: pick(JOB_TITLES), company: company.properties.name ?? null, associatedcompanyid: company.id,
      lifecyclestage: company.properties.lifecyclestage ?? null, hs_lead_status: pick(['OPEN', 'IN_PROGRESS', 'CONNECTED', 'OPEN_DEAL']),
      hubspot_owner_id: company.properties.hubspot_owner_id ?? null, hs_language: i % 9 === 0 ? 'de' : i % 11 === 0 ? 'es' : 'en',
    }, now - (300 - i * 3) * DAY);
    associate(portal, 'contacts', contact.id, 'companies', company.id);
    addLabelledType(portal, 'contacts', contact.id, 'companies', company.id, [PRIMARY_TYPE_IDS['contacts>companies']!, PRIMARY_TYPE_IDS['companies>contacts']!], 'Primary');
    return contact;
  });

  const openStages = DEAL_PIPELINE.stages.slice(0, 5);
  const deals = Array.from({ length: 30 }, (_, i) => {
    const company = companies[i % companies.length]!;
    const stageIndex = i < 24 ? i % openStages.length : 5 + (i % 2);
    const stage = DEAL_PIPELINE.stages[stageIndex]!;
    const created = now - (120 - i * 2) * DAY;
    const properties: Record<string, string | null> = {
      dealname: `${company.properties.name} – ${pick(['Platform rollout', 'Renewal 2025', 'Pilot', 'Expansion', 'Phase 2'])}`,
      pipeline: DEAL_PIPELINE.id, dealstage: stage.id, amount: String(Math.round(5 + random() * 195) * 1_000),
      closedate: iso(now + (stageIndex >= 5 ? -10 : Math.round(3 + random() * 60)) * DAY), hubspot_owner_id: company.properties.hubspot_owner_id ?? null,
      hs_deal_stage_probability: stage.metadata.probability ?? null, hs_is_closed: String(stageIndex >= 5), hs_is_closed_won: String(stage.id === 'closedwon'),
      dealtype: i % 3 === 0 ? 'existingbusiness' : 'newbusiness',
    };
    // Walk the stages up to the current one; the last entry date is how long the deal has sat there.
    let entered = created;
    const path = stageIndex >= 5 ? [...openStages, stage] : openStages.slice(0, stageIndex + 1);
    path.forEach((s, step) => {
      properties[`hs_date_entered_${s.id}`] = iso(entered);
      if (step < path.length - 1) entered = Math.min(now - DAY, entered + Math.round(4 + random() * 20) * DAY);
    });
    const deal = insertRecord(portal, 'deals', properties, created);
    associate(portal, 'deals', deal.id, 'companies', company.id);
    addLabelledType(portal, 'deals', deal.id, 'companies', company.id, [PRIMARY_TYPE_IDS['deals>companies']!, PRIMARY_TYPE_IDS['companies>deals']!], 'Primary');
    for (const contact of contacts.filter((c) => c.properties.associatedcompanyid === company.id).slice(0, 2)) associate(portal, 'deals', deal.id, 'contacts', contact.id);
    return deal;
  });

  const priorities = ['LOW', 'MEDIUM', 'HIGH', 'URGENT'] as const;
  Array.from({ length: 18 }, (_, i) => {
    const company = companies[(i * 3) % companies.length]!;
    const ticket = insertRecord(portal, 'tickets', {
      subject: pick(['Export to CSV times out', 'Invoice shows wrong VAT', 'SSO login loop', 'Dashboard missing data', 'Feature request: bulk edit', 'Sync delay with ERP']),
      content: 'Reported by the customer through the portal.', hs_pipeline: TICKET_PIPELINE.id,
      hs_pipeline_stage: TICKET_PIPELINE.stages[i % 4]!.id, hs_ticket_priority: priorities[i % priorities.length] ?? 'LOW',
      hs_ticket_category: pick(['PRODUCT_ISSUE', 'BILLING_ISSUE', 'FEATURE_REQUEST', 'GENERAL_INQUIRY']), hubspot_owner_id: ownerIds[4] ?? null,
    }, now - Math.round(1 + random() * 40) * DAY);
    associate(portal, 'tickets', ticket.id, 'companies', company.id);
    const contact = contacts.find((c) => c.properties.associatedcompanyid === company.id);
    if (contact) associate(portal, 'tickets', ticket.id, 'contacts', contact.id);
    return ticket;
  });

  return seedActivity({ portal, now, random, companies, contacts, deals });
}
