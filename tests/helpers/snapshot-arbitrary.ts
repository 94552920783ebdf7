/**
 * Random CRM snapshots for property tests and the variety statistics (`npm run preview -- --demo-stats`):
 * every part optional, clients drawn from a small pool so the same client comes back, reps from five
 * owners, and subjects that mix ordinary CRM text with injection fixtures (markup, template syntax,
 * links, quote marks, control characters).
 */
import fc from 'fast-check';
import type { CrmSnapshotInput } from '../../src/context/crm-snapshot.ts';

export const ARBITRARY_NOW = Date.parse('2026-03-24T09:00:00Z');
const DAY = 86_400_000;

/** Subjects with markup, template syntax and links that must stay inert wherever a card quotes them. */
export const INJECTION_SUBJECTS = [
  '<script>alert(1)</script> Contract redlines', '{{#each owners}}{{email}}{{/each}}', 'Re: pricing https://evil.example/login?x=1',
  '[click](javascript:alert(1)) renewal terms', 'Call me: www.evil.example', '"><img src=x onerror=alert(1)>', 'Offer „final“ «now» “today”',
  'Q3 {{ undefined }} review', 'data:text/html,<b>x</b>', 'line\nbreak\u202Eoverride', 'Urgent: ASAP quota review', '${process.env.SECRET}',
];
const PLAIN_SUBJECTS = [
  'Contract redlines', 'Pricing for the Berlin rollout', 'Intro call', 'Security questionnaire', 'Quarterly review', 'Onboarding plan',
  'Re: pilot results', 'Invoice question', 'Demo follow-up', 'Data migration timeline', 'SSO setup', 'Budget for next year',
];
const ROBOTIC = ['Follow up', 'Check in', 'Touch base', 'Just checking in', 'Reach out', 'Nachfassen', 'Relancer', 'Hacer seguimiento'];

const daysAgo = (max: number) => fc.integer({ min: 0, max }).map((days) => ARBITRARY_NOW - days * DAY - 3_600_000);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
const subject = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PLAIN_SUBJECTS) }, { weight: 1, arbitrary: fc.constantFrom(...INJECTION_SUBJECTS) }, { weight: 1, arbitrary: fc.string({ maxLength: 90 }) });

const engagement = fc.record({
  type: fc.constantFrom('EMAIL', 'EMAIL', 'CALL', 'MEETING', 'NOTE'),
  direction: maybe(fc.constantFrom('INBOUND', 'OUTBOUND', 'OUTBOUND')),
  timestamp: daysAgo(120),
  subject: maybe(subject),
});

const ticket = fc.record({
  id: fc.integer({ min: 1, max: 9999 }).map(String),
  subject: maybe(subject),
  priority: maybe(fc.constantFrom('LOW', 'MEDIUM', 'HIGH', 'URGENT')),
  category: maybe(fc.constantFrom('BILLING_ISSUE', 'PRODUCT_ISSUE', 'FEATURE_REQUEST')),
  isOpen: maybe(fc.boolean()),
  createdAt: maybe(daysAgo(90)),
});

/** One client: its company (from a pool of 60) and contacts; tasks about the same client share them. */
const client = fc.record({
  companyId: fc.integer({ min: 1, max: 60 }),
  hasCompany: fc.boolean(),
  industry: maybe(fc.constantFrom('MACHINERY', 'LOGISTICS_AND_SUPPLY_CHAIN', 'HOSPITAL_HEALTH_CARE', 'COMPUTER_SOFTWARE')),
  employees: maybe(fc.integer({ min: 5, max: 5000 })),
  firstName: maybe(fc.constantFrom('Mei', 'Jonas', 'Amélie', 'Diego', 'Priya', 'Ola')),
  jobTitle: maybe(fc.constantFrom('CFO', 'Head of IT', 'VP Operations', 'Procurement Manager')),
  lifecycleStage: maybe(fc.constantFrom('lead', 'opportunity', 'customer', 'salesqualifiedlead')),
});

const deal = fc.record({
  id: fc.integer({ min: 1, max: 9999 }).map(String),
  name: maybe(fc.constantFrom('Pilot', 'Renewal 2026', 'Expansion')),
  stageId: fc.constantFrom('qualified', 'proposal', 'negotiation'),
  stageEnteredAt: maybe(daysAgo(150)),
  closeDate: maybe(fc.integer({ min: -10, max: 60 }).map((days) => ARBITRARY_NOW + days * DAY)),
  closeDateHistory: maybe(fc.array(fc.record({ value: daysAgo(60), changedAt: daysAgo(60) }), { maxLength: 3 })),
  dealType: maybe(fc.constantFrom('newbusiness', 'existingbusiness')),
});

/** A random snapshot; `index` makes the task id unique. */
export const snapshotArbitrary = (index = 0): fc.Arbitrary<CrmSnapshotInput> =>
  fc.record({
    client,
    ownerId: fc.constantFrom('501', '502', '503', '504', '505'),
    locale: fc.constantFrom('en', 'en', 'en', 'de', 'fr', 'es'),
    taskSubject: fc.constantFrom(...ROBOTIC),
    engagements: fc.array(engagement, { maxLength: 6 }),
    tickets: fc.array(ticket, { maxLength: 2 }),
    deals: fc.array(deal, { maxLength: 1 }),
    lastRepliedAt: maybe(daysAgo(60)),
    collaborator: fc.boolean(),
    peers: fc.array(fc.record({ daysInStage: fc.integer({ min: 0, max: 90 }), theme: fc.constantFrom('billing issue', 'product issue') }), { maxLength: 4 }),
  }).map((r): CrmSnapshotInput => {
    const companyId = `c${r.client.companyId}`;
    const industry = r.client.industry ?? undefined;
    return {
      capturedAt: ARBITRARY_NOW,
      portal: { id: '1', locale: r.locale },
      task: { id: `t${index}`, subject: r.taskSubject, ownerId: r.ownerId, createdAt: ARBITRARY_NOW - DAY },
      contacts: [{ id: `${companyId}-p`, firstName: r.client.firstName, lastName: 'Rivera', jobTitle: r.client.jobTitle, lifecycleStage: r.client.lifecycleStage, lastRepliedAt: r.lastRepliedAt, createdAt: ARBITRARY_NOW - 30 * DAY }],
      ...(r.client.hasCompany ? { company: { id: companyId, name: `Client ${r.client.companyId} GmbH`, industry, numberOfEmployees: r.client.employees } } : {}),
      deals: r.deals.map((d) => ({ ...d, stageLabel: d.stageId.toUpperCase(), pipelineId: 'default', isClosed: false })),
      pipelines: [{ id: 'default', stages: [{ id: 'qualified', label: 'Qualified', medianDays: 12 }, { id: 'proposal', label: 'Proposal sent', medianDays: 20 }, { id: 'negotiation', label: 'Negotiation' }] }],
      tickets: r.tickets.map((t) => ({ ...t, ...(r.collaborator ? { ownerId: '601' } : {}) })),
      engagements: r.engagements,
      owners: [{ id: r.ownerId, firstName: 'Rep' }, { id: '601', firstName: 'Sam', lastName: 'Okafor' }],
      peers: industry === undefined ? [] : r.peers.map((p, i) => ({ companyId: `peer${i}`, industry, dealStageId: 'proposal', daysInStage: p.daysInStage, ticketThemes: [p.theme] })),
    };
  });
