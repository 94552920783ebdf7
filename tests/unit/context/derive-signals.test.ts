import { deriveSignals, STALE_AFTER_DAYS } from '../../../src/context/derive-signals.ts';
import { buildSnapshot, daysAgo, daysAhead, NOW } from './build-snapshot.ts';

const PIPELINES = [
  { id: 'p', label: 'Sales', stages: [{ id: 'proposal', label: 'Proposal sent', medianDays: 14 }, { id: 'review', recentDays: [10, 20, 30, 40] }, { id: 'bare' }] },
];

describe('silence', () => {
  test('when the client replied and we reached out since, then days and attempts are counted from their last reply', () => {
    const s = deriveSignals(buildSnapshot({
      contacts: [{ id: '1', lastRepliedAt: daysAgo(30), lastContactedAt: daysAgo(5) }],
      engagements: [
        { type: 'EMAIL', direction: 'INBOUND', timestamp: daysAgo(23) },
        { type: 'EMAIL', direction: 'OUTBOUND', timestamp: daysAgo(25), subject: 'Before the reply' },
        { type: 'EMAIL', direction: 'OUTBOUND', timestamp: daysAgo(10), subject: 'Proposal v2' },
        { type: 'CALL', direction: 'OUTBOUND', timestamp: daysAgo(4) },
        { type: 'EMAIL', timestamp: daysAgo(3) },
        { type: 'NOTE', timestamp: daysAgo(1) },
        { type: 'EMAIL', direction: 'OUTBOUND', timestamp: daysAhead(2) },
      ],
    }), NOW).silence;
    expect(s).toMatchObject({ daysSinceLastReply: 23, daysSinceLastContacted: 4, attemptsSinceReply: 2, neverReplied: false });
    expect(s?.lastTouch).toEqual({ type: 'EMAIL', daysAgo: 3 });
    expect(s?.freshness).toEqual({ observedAt: daysAgo(4), ageDays: 4 });
  });

  test('when several contacts replied and were contacted, then the newest of each counts, whichever contact it was', () => {
    const s = deriveSignals(buildSnapshot({
      contacts: [
        { id: '1', lastRepliedAt: daysAgo(30), lastContactedAt: daysAgo(5) },
        { id: '2', lastRepliedAt: daysAgo(12), lastContactedAt: daysAgo(9) },
        { id: '3', lastRepliedAt: daysAgo(40), lastContactedAt: daysAgo(2) },
      ],
      engagements: [{ type: 'EMAIL', direction: 'OUTBOUND', timestamp: daysAgo(20) }, { type: 'EMAIL', direction: 'OUTBOUND', timestamp: daysAgo(7) }],
    }), NOW).silence;
    expect(s).toMatchObject({ daysSinceLastReply: 12, daysSinceLastContacted: 2, attemptsSinceReply: 1, neverReplied: false });
  });

  test('when a meeting was held, then it counts as the client engaging and as the last touch', () => {
    const s = deriveSignals(buildSnapshot({ engagements: [{ type: 'MEETING', timestamp: daysAgo(2), subject: 'Discovery' }, { type: 'EMAIL', direction: 'OUTBOUND', timestamp: daysAgo(6) }] }), NOW).silence;
    expect(s).toMatchObject({ daysSinceLastReply: 2, daysSinceLastContacted: 6, attemptsSinceReply: 0, lastTouch: { type: 'MEETING', daysAgo: 2, subject: 'Discovery' } });
  });

  test('when the client never replied, then every outreach counts and the silence says so', () => {
    const s = deriveSignals(buildSnapshot({ engagements: [{ type: 'EMAIL', direction: 'OUTBOUND', timestamp: daysAgo(9) }, { type: 'CALL', direction: 'OUTBOUND', timestamp: daysAgo(2) }] }), NOW).silence;
    expect(s).toMatchObject({ neverReplied: true, attemptsSinceReply: 2, daysSinceLastContacted: 2 });
    expect(s?.daysSinceLastReply).toBeUndefined();
  });

  test('when only a reply date is known, then the silence has a reply but no contact date and no last touch', () => {
    const s = deriveSignals(buildSnapshot({ contacts: [{ id: '1', lastRepliedAt: daysAgo(12) }] }), NOW).silence;
    expect(s).toMatchObject({ daysSinceLastReply: 12, attemptsSinceReply: 0 });
    expect(s?.daysSinceLastContacted).toBeUndefined();
    expect(s?.lastTouch).toBeUndefined();
  });

  test('when only the company has a last-contacted date, then that is used', () => {
    const s = deriveSignals(buildSnapshot({ company: { id: '2', lastContactedAt: daysAgo(8) } }), NOW).silence;
    expect(s?.daysSinceLastContacted).toBe(8);
  });

  test('when there is no contact history at all, then there is no silence signal', () => {
    expect(deriveSignals(buildSnapshot({ engagements: [{ type: 'NOTE', timestamp: daysAgo(1) }] }), NOW).silence).toBeUndefined();
  });
});

describe('deals', () => {
  test('when a deal sits in a stage with a known median, then its age, median and multiple are given', () => {
    const s = deriveSignals(buildSnapshot({
      pipelines: PIPELINES,
      deals: [{ id: '7', name: 'Acme – telemetry', stageId: 'proposal', pipelineId: 'p', stageEnteredAt: daysAgo(42), closeDate: daysAhead(6) }],
    }), NOW);
    expect(s.stageAge).toMatchObject({ dealId: '7', dealName: 'Acme – telemetry', stageLabel: 'Proposal sent', days: 42, medianDays: 14, multiple: 3 });
    expect(s.closeDate).toMatchObject({ daysToClose: 6, daysToQuarterEnd: 8, atQuarterEnd: true, pushedCount: 0, freshness: {} });
  });

  test('when the median comes from recent history or is missing, then it is computed or reported missing', () => {
    const snapshot = (stageId: string, pipelineId?: string) => buildSnapshot({
      pipelines: PIPELINES, company: { id: '1', name: 'Acme', industry: 'RETAIL' },
      deals: [{ id: '7', stageId, ...(pipelineId === undefined ? {} : { pipelineId }), stageEnteredAt: daysAgo(50) }],
    });
    expect(deriveSignals(snapshot('review'), NOW).stageAge).toMatchObject({ stageLabel: 'review', medianDays: 25, multiple: 2 });
    const bare = deriveSignals(snapshot('bare', 'p'), NOW);
    expect(bare.stageAge?.medianDays).toBeUndefined();
    expect(bare.completeness.missing).toContain('pipeline-medians');
    expect(deriveSignals(snapshot('unknown', 'p'), NOW).stageAge).toMatchObject({ stageLabel: 'unknown' });
  });

  test('when a deal has no stage entry date or no stage at all, then there is no stage-age signal', () => {
    expect(deriveSignals(buildSnapshot({ deals: [{ id: '7', stageId: 'x' }] }), NOW).stageAge).toBeUndefined();
    expect(deriveSignals(buildSnapshot({ deals: [{ id: '7', stageEnteredAt: daysAgo(3) }] }), NOW).stageAge).toBeUndefined();
  });

  test('when a deal has a stage label but no stage id, then the age is still given, without a median', () => {
    const s = deriveSignals(buildSnapshot({ pipelines: PIPELINES, deals: [{ id: '7', stageLabel: 'Negotiation', stageEnteredAt: daysAgo(9) }] }), NOW).stageAge;
    expect(s).toMatchObject({ stageLabel: 'Negotiation', days: 9, evidence: [{ property: 'hs_date_entered_stage' }] });
  });

  test('when the close date moved later twice and earlier once, then two pushes are counted, fresh as of the last change', () => {
    const s = deriveSignals(buildSnapshot({
      deals: [{ id: '7', closeDate: daysAhead(60), closeDateHistory: [
        { value: daysAhead(60), changedAt: daysAgo(2) },
        { value: daysAgo(30), changedAt: daysAgo(90) },
        { value: daysAhead(10), changedAt: daysAgo(40) },
        { value: daysAhead(5), changedAt: daysAgo(20) },
      ] }],
    }), NOW).closeDate;
    expect(s).toMatchObject({ pushedCount: 2, atQuarterEnd: false, daysToClose: 60, freshness: { observedAt: daysAgo(2), ageDays: 2 } });
  });

  test('when the close date has passed, then it is negative and not at quarter end', () => {
    expect(deriveSignals(buildSnapshot({ deals: [{ id: '7', closeDate: daysAgo(3) }] }), NOW).closeDate).toMatchObject({ daysToClose: -3, atQuarterEnd: false });
  });

  test('when there are several deals, then the open one closing soonest is in focus, undated and closed ones last', () => {
    const s = deriveSignals(buildSnapshot({
      deals: [
        { id: '9', closeDate: daysAhead(1), isClosed: true },
        { id: '3' },
        { id: '2' },
        { id: '5', name: 'Later', closeDate: daysAhead(40) },
        { id: '4', name: 'Sooner', closeDate: daysAhead(20) },
      ],
    }), NOW);
    expect(s.closeDate?.dealName).toBe('Sooner');
    expect(deriveSignals(buildSnapshot({ deals: [{ id: '3' }, { id: '2' }] }), NOW).closeDate).toBeUndefined();
    expect(deriveSignals(buildSnapshot({ deals: [{ id: '3', isClosed: true }] }), NOW).lifecycle).toBeUndefined();
  });
});

describe('tickets', () => {
  test('when tickets are open, then high priority ones come first with age and theme, closed ones are left out', () => {
    const s = deriveSignals(buildSnapshot({
      tickets: [
        { id: '1', subject: 'Login loop', priority: 'LOW', createdAt: daysAgo(30), category: 'PRODUCT_ISSUE' },
        { id: '2', subject: 'Scanner sync', priority: 'HIGH', createdAt: daysAgo(3) },
        { id: '3', priority: 'URGENT', createdAt: daysAgo(3) },
        { id: '4', priority: 'LOW' },
        { id: '5', isOpen: false, createdAt: daysAgo(1) },
      ],
    }), NOW).tickets;
    expect(s?.open.map((t) => t.id)).toEqual(['2', '3', '1', '4']);
    expect(s).toMatchObject({ highPriority: 2, oldestDays: 30, freshness: { observedAt: daysAgo(1), ageDays: 1 } });
    expect(s?.open[2]).toEqual({ id: '1', subject: 'Login loop', priority: 'OTHER', theme: 'product issue', ageDays: 30 });
  });

  test('when open tickets have no dates, then there is no age and no freshness', () => {
    expect(deriveSignals(buildSnapshot({ tickets: [{ id: '1' }] }), NOW).tickets).toMatchObject({ highPriority: 0, freshness: {} });
    expect(deriveSignals(buildSnapshot({ tickets: [{ id: '1' }] }), NOW).tickets?.oldestDays).toBeUndefined();
    expect(deriveSignals(buildSnapshot({ tickets: [{ id: '1', isOpen: false }] }), NOW).tickets).toBeUndefined();
  });
});

describe('lifecycle and firmographics', () => {
  const phase = (overrides: Parameters<typeof buildSnapshot>[0]) => deriveSignals(buildSnapshot(overrides), NOW).lifecycle;

  test('when a renewal deal is open, then the phase is renewal, whatever the lifecycle stage says', () => {
    expect(phase({ company: { id: '1', lifecycleStage: 'customer' }, deals: [{ id: '2', dealType: 'existingbusiness' }] })).toMatchObject({ phase: 'renewal', evidence: [{ property: 'dealtype', value: 'existingbusiness' }] });
    expect(phase({ deals: [{ id: '2', name: 'Acme 2026 renewal' }] })).toMatchObject({ phase: 'renewal', evidence: [{ value: 'renewal' }] });
    expect(phase({ deals: [{ id: '2', pipelineLabel: 'Vertragsverlängerungen' }] })?.phase).toBe('renewal');
    expect(phase({ deals: [{ id: '2', name: 'Renewal 2025', isClosed: true }] })).toBeUndefined();
  });

  test('when lifecycle stages are set, then customer beats opportunity beats lead', () => {
    expect(phase({ contacts: [{ id: '1', lifecycleStage: 'lead', createdAt: daysAgo(2) }], company: { id: '2', lifecycleStage: 'CUSTOMER' } })).toMatchObject({ phase: 'customer', recordAgeDays: 2 });
    expect(phase({ contacts: [{ id: '1', lifecycleStage: 'salesqualifiedlead' }] })).toMatchObject({ phase: 'opportunity', freshness: {} });
    expect(phase({ deals: [{ id: '2' }] })?.phase).toBe('opportunity');
    expect(phase({ company: { id: '2', lifecycleStage: 'marketingqualifiedlead', createdAt: daysAgo(4) } })).toMatchObject({ phase: 'lead', recordAgeDays: 4 });
    expect(phase({ contacts: [{ id: '1', lifecycleStage: 'other' }] })).toBeUndefined();
  });

  test('when the company has an industry and a size, then both are given with a size band', () => {
    const f = (n?: number, industry?: string) => deriveSignals(buildSnapshot({ company: { id: '1', ...(industry === undefined ? {} : { industry }), ...(n === undefined ? {} : { numberOfEmployees: n }) } }), NOW).firmographics;
    expect(f(12, 'LOGISTICS_AND_SUPPLY_CHAIN')).toMatchObject({ industry: 'logistics and supply chain', employees: 12, size: 'small' });
    expect(f(400)).toMatchObject({ size: 'mid' });
    expect(f(400)?.industry).toBeUndefined();
    expect(f(5000, 'Retail & wholesale')).toMatchObject({ size: 'large', industry: 'Retail & wholesale' });
    expect(f(undefined, 'RETAIL')?.employees).toBeUndefined();
    expect(f()).toBeUndefined();
    expect(deriveSignals(buildSnapshot(), NOW).firmographics).toBeUndefined();
  });
});

describe('people', () => {
  const owners = [
    { id: '500', firstName: 'Rep', lastName: 'Self' },
    { id: '600', firstName: 'Priya', lastName: 'Raman', teamName: 'Support' },
    { id: '700', firstName: 'Marco' },
    { id: '800' },
  ];

  test('when other owners work the company, deals, tickets or contacts, then they are collaborators, ticket people first', () => {
    const s = deriveSignals(buildSnapshot({
      owners,
      company: { id: '1', ownerId: '700' },
      deals: [{ id: '2', ownerId: '700' }, { id: '3', ownerId: '500' }],
      tickets: [{ id: '4', ownerId: '600' }, { id: '5', ownerId: '600' }],
      contacts: [{ id: '6', ownerId: '800' }, { id: '7', ownerId: '999' }, { id: '8' }],
    }), NOW).collaborators;
    expect(s?.people).toEqual([
      { ownerId: '600', name: 'Priya Raman', team: 'Support', on: ['ticket'] },
      { ownerId: '700', name: 'Marco', on: ['company', 'deal'] },
    ]);
  });

  test('when only the rep owns things, then there are no collaborators', () => {
    expect(deriveSignals(buildSnapshot({ owners, company: { id: '1', ownerId: '500' } }), NOW).collaborators).toBeUndefined();
  });

  test('when the record names a company or only a contact, then the display name follows', () => {
    expect(deriveSignals(buildSnapshot({ company: { id: '1', name: ' Acme\u0000 {{x}} ' }, contacts: [{ id: '2', firstName: 'Jane', lastName: 'Doe', jobTitle: 'CFO' }] }), NOW).client)
      .toEqual({ displayName: 'Acme x', companyName: 'Acme x', contactName: 'Jane Doe', contactFirstName: 'Jane', jobTitle: 'CFO' });
    expect(deriveSignals(buildSnapshot({ contacts: [{ id: '2', lastName: 'Doe' }] }), NOW).client).toEqual({ displayName: 'Doe', contactName: 'Doe' });
    expect(deriveSignals(buildSnapshot(), NOW).client).toEqual({});
  });
});

describe('peers', () => {
  const base = {
    pipelines: PIPELINES,
    company: { id: '1', industry: 'HOSPITAL_HEALTH_CARE' },
    deals: [{ id: '2', stageId: 'proposal', pipelineId: 'p', stageEnteredAt: daysAgo(40) }],
  };

  test('when peers in the industry are stalled at the same stage, then they are counted against the stage median', () => {
    const s = deriveSignals(buildSnapshot({
      ...base,
      peers: [
        { companyId: '10', dealStageId: 'proposal', daysInStage: 30 },
        { companyId: '11', industry: 'HOSPITAL_HEALTH_CARE', dealStageId: 'proposal', daysInStage: 14 },
        { companyId: '12', dealStageId: 'proposal', daysInStage: 3 },
        { companyId: '13', dealStageId: 'proposal' },
        { companyId: '14', industry: 'RETAIL', dealStageId: 'proposal', daysInStage: 90 },
        { companyId: '1', dealStageId: 'proposal', daysInStage: 90 },
      ],
    }), NOW).peers;
    expect(s).toMatchObject({ industry: 'hospital health care', sampleSize: 4, stalledSameStage: 2, stageLabel: 'Proposal sent' });
    expect(s?.sharedTheme).toBeUndefined();
  });

  test('when peers raise the same ticket theme, then the most shared theme is given', () => {
    const s = deriveSignals(buildSnapshot({
      company: { id: '1', industry: 'RETAIL' },
      tickets: [{ id: '3', category: 'BILLING_ISSUE' }, { id: '4', category: 'PRODUCT_ISSUE' }, { id: '5' }],
      peers: [{ companyId: '10', ticketThemes: ['PRODUCT_ISSUE'] }, { companyId: '11', ticketThemes: ['product issue', 'BILLING_ISSUE'] }, { companyId: '12' }],
    }), NOW).peers;
    expect(s).toMatchObject({ sampleSize: 3, stalledSameStage: 0, sharedTheme: { theme: 'product issue', peers: 2 } });
    expect(s?.stageLabel).toBeUndefined();
  });

  test('when a deal has no stage or no median, then peers are compared with a 30-day bar or not at all', () => {
    const peers = [{ companyId: '10', dealStageId: 'bare', daysInStage: 31 }, { companyId: '11', dealStageId: 'bare', daysInStage: 29 }];
    const withBare = deriveSignals(buildSnapshot({ ...base, deals: [{ id: '2', stageId: 'bare', stageLabel: 'Bare', pipelineId: 'p' }], peers }), NOW).peers;
    expect(withBare).toMatchObject({ stalledSameStage: 1, stageLabel: 'Bare' });
    expect(deriveSignals(buildSnapshot({ ...base, deals: [{ id: '2' }], peers }), NOW).peers).toBeUndefined();
  });

  test('when the industry is unknown or there are no peers, then there is no peer signal', () => {
    expect(deriveSignals(buildSnapshot({ peers: [{ companyId: '10' }] }), NOW).peers).toBeUndefined();
    expect(deriveSignals(buildSnapshot({ company: { id: '1', industry: 'RETAIL' } }), NOW).peers).toBeUndefined();
  });
});

describe('completeness', () => {
  test('when reads failed or parts are absent, then each is reported once, in a stable order', () => {
    const s = deriveSignals(buildSnapshot({
      company: { id: '1' },
      missing: [
        { part: 'pipelines', reason: 'no_access' }, { part: 'ticket', reason: 'read_failed' }, { part: 'owners', reason: 'read_failed' },
        { part: 'peers', reason: 'not_requested' }, { part: 'portal', reason: 'read_failed' }, { part: 'deal', reason: 'no_access' },
        { part: 'contact', reason: 'not_associated' },
      ],
    }), NOW);
    expect(s.completeness).toEqual({ missing: ['contact', 'deal', 'engagements', 'tickets', 'industry', 'pipeline-medians', 'owners', 'peers'], stale: [] });
  });

  test('when the newest engagement is older than the stale threshold, then history is reported stale', () => {
    const snapshot = (days: number) => buildSnapshot({ contacts: [{ id: '1' }], engagements: [{ type: 'NOTE', timestamp: daysAgo(days) }] });
    expect(deriveSignals(snapshot(STALE_AFTER_DAYS + 1), NOW).completeness.stale).toEqual(['engagements']);
    expect(deriveSignals(snapshot(STALE_AFTER_DAYS), NOW).completeness.stale).toEqual([]);
  });

  test('when the task has an owner and a creation date, then the task part carries them', () => {
    expect(deriveSignals(buildSnapshot({ task: { id: '1', subject: '  Touch base ', ownerId: 42, createdAt: daysAgo(2) } }), NOW).task).toEqual({ subject: 'Touch base', repOwnerId: '42', ageDays: 2 });
    expect(deriveSignals(buildSnapshot({ task: { id: '1' } }), NOW).task).toEqual({});
  });
});
