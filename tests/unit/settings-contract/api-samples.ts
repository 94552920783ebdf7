/**
 * Sample bodies of the settings API, one per schema. The contract tests check each against
 * `src/settings/openapi.json`; the UI extension tests serve them from a mocked `hubspot.fetch`,
 * so the React components are tested against answers the contract allows.
 */
export const PORTAL_ID = 62515;

export const settingsSample = {
  portalId: PORTAL_ID,
  version: 3,
  updatedAt: '2026-09-01T09:30:00.000Z',
  updatedBy: { userId: '98499705', email: 'revops@acme.example', via: 'settings-page' },
  locale: 'en',
  timeZone: 'Europe/Amsterdam',
  delivery: { channel: 'note' },
  thresholds: { silenceDays: 14, stageAgeMultiple: 2 },
  lenses: {
    'whose-urgency': true,
    'going-dark': true,
    'behind-the-scenes': true,
    'common-denominators': true,
    'internal-experts': true,
    'long-term': false,
    'service-experience': true,
    'calm-attention': true,
  },
  antiNoise: {
    dailyBudgetPerRep: 5,
    recordCooldownHours: 72,
    clientReplyWindowHours: 48,
    quietHours: { start: '19:00', end: '08:00' },
    snoozeDays: 14,
  },
} as const;

export const meSample = {
  portalId: PORTAL_ID,
  user: { id: '98499705', email: 'revops@acme.example' },
  canEdit: true,
  authenticatedBy: 'hubspot-signature',
  demo: false,
} as const;

export const rulesSample = {
  version: 'r-7f3a9c',
  rules: [
    {
      id: 'follow-up',
      name: 'Bare "follow up"',
      description: 'Tasks that only say to follow up, with nothing about the client.',
      enabled: true,
      enabledByDefault: true,
      phrases: {
        en: { phrases: ['follow up', 'following up'], added: [], removed: [] },
        de: { phrases: ['nachfassen'], added: [], removed: [] },
      },
      patterns: [],
      threshold: 0.7,
      customized: false,
      phraseRole: 'action',
    },
    {
      id: 'check-in',
      name: 'Check in / touch base',
      description: 'Tasks that say to check in or touch base without a reason.',
      enabled: false,
      enabledByDefault: true,
      phrases: { en: { phrases: ['check in', 'touch base'], added: ['circle back'], removed: ['ping'] } },
      patterns: ['^check[- ]?in\\b'],
      threshold: 0.8,
      customized: true,
      phraseRole: 'action',
    },
    {
      id: 'pointer-follow-up',
      name: 'Bare pointer to an earlier artifact',
      description: 'A prompt whose only object is a bare pointer to something earlier ("Follow up re: the SOW").',
      enabled: true,
      enabledByDefault: true,
      phrases: { en: { phrases: ['proposal', 'sow'], added: [], removed: [] } },
      patterns: [],
      threshold: 0.7,
      customized: false,
      phraseRole: 'pointer',
    },
  ],
  counts: { days: 7, source: 'stored-events', tasks: 40, truncated: false, byRule: [{ ruleId: 'follow-up', recognised: 12 }, { ruleId: 'pointer-follow-up', recognised: 3 }] },
} as const;

export const exampleCard = {
  ruleId: 'follow-up',
  ruleName: 'Bare "follow up"',
  taskSubject: 'Follow up now',
  headline: 'Before you follow up with Acme Robotics: what has changed for them since your proposal 23 days ago?',
  questions: [
    'Acme has sat in Proposal sent for 41 days; is this follow-up on your timeline or on theirs?',
    'Who on the service team could tell you how their two open tickets are going?',
  ],
  why: 'last reply 23 days ago · 4 outreach attempts since · deal stage age 41 d',
  lenses: ['whose-urgency', 'internal-experts'],
} as const;

export const previewSample = {
  days: 7,
  from: '2026-08-26T00:00:00.000Z',
  to: '2026-09-02T00:00:00.000Z',
  source: 'stored-events',
  tasksScanned: 120,
  robotic: 48,
  cards: 31,
  byRule: [
    { ruleId: 'follow-up', ruleName: 'Bare "follow up"', matched: 40, cards: 27 },
    { ruleId: 'check-in', ruleName: 'Check in / touch base', matched: 8, cards: 4 },
  ],
  skipped: [
    { reason: 'not-robotic', count: 72 },
    { reason: 'rep-daily-budget', count: 11 },
    { reason: 'record-cooldown', count: 6 },
  ],
  examples: [exampleCard],
  taskLimit: 2000,
  note: 'Read from the task subjects stored from webhooks (no HubSpot connection is configured).',
  truncated: false,
} as const;

export const analyticsSample = {
  days: 7,
  from: '2026-08-27',
  to: '2026-09-02',
  timeZone: 'Europe/Amsterdam',
  totals: { delivered: 31, skipped: 89, helpful: 12, notHelpful: 4, snoozed: 1, helpfulRate: 0.75 },
  deliveredPerDay: ['27', '28', '29', '30', '31'].map((d, i) => ({ date: `2026-08-${d}`, delivered: i + 2 }))
    .concat([{ date: '2026-09-01', delivered: 7 }, { date: '2026-09-02', delivered: 4 }]),
  skipsByReason: [
    { reason: 'rep-daily-budget', count: 11 },
    { reason: 'client-replied-recently', count: 3 },
  ],
  byRule: [
    { ruleId: 'follow-up', ruleName: 'Bare "follow up"', delivered: 27, helpful: 10, notHelpful: 3, snoozed: 1, helpfulRate: 0.769 },
    { ruleId: 'check-in', ruleName: 'Check in / touch base', delivered: 4, helpful: 0, notHelpful: 0, snoozed: 0, helpfulRate: null },
  ],
  byLens: [
    { lens: 'whose-urgency', delivered: 20, helpful: 8, notHelpful: 1, snoozed: 0, helpfulRate: 0.889 },
  ],
};

export const auditSample = {
  entries: [
    {
      id: 'a-1001',
      at: '2026-09-01T09:30:00.000Z',
      actor: { userId: '98499705', email: 'revops@acme.example', via: 'hubspot-settings' },
      action: 'rule.disabled',
      target: 'rule:check-in',
      changes: [{ path: 'rules.check-in.enabled', before: true, after: false }],
    },
  ],
  nextCursor: null,
} as const;

export const cardsSample = {
  cards: [
    {
      ...exampleCard,
      id: 'card_0001abcd',
      objectType: 'contact',
      objectId: '9',
      taskId: '546500061938',
      channel: 'note',
      deliveredAt: '2026-09-01T10:00:00.000Z',
      feedback: null,
    },
  ],
} as const;

export const feedbackSample = {
  cardId: 'card_0001abcd',
  reaction: 'snooze',
  recordedAt: '2026-09-01T10:05:00.000Z',
  snoozedUntil: '2026-09-15T10:05:00.000Z',
} as const;

export const invalidPatternError = {
  error: {
    code: 'invalid_request',
    message: 'The rule was not saved: 1 problem to fix.',
    problems: [
      {
        path: 'patterns[0]',
        code: 'unsupported_regex',
        message: 'Pattern 1 uses a look-ahead "(?!", which Unrobot cannot run safely.',
      },
    ],
  },
} as const;

export const adminsSample = {
  admins: [
    { userId: '98499705', email: 'revops@acme.example', addedBy: null, addedAt: '2026-08-01T09:00:00.000Z' },
    { email: 'ops@acme.example', addedBy: '98499705', addedAt: '2026-09-01T09:30:00.000Z' },
  ],
} as const;

export const adminsUpdateSample = { admins: [{ userId: '98499705' }, { email: 'ops@acme.example' }] } as const;

export const uninstallSample = { confirm: String(PORTAL_ID) } as const;

/** A PUT /api/v1/admins refusal about the third entry's email (src/settings/settings-router.ts wording). */
export const invalidEditorError = {
  error: {
    code: 'invalid_request',
    message: 'The editors were not saved: 1 problem to fix.',
    problems: [{ path: 'admins[2].email', code: 'invalid_format', message: 'This is not an email address.' }],
  },
} as const;

/** Which schema each sample must satisfy. */
export const SAMPLES: Array<[schema: string, sample: unknown]> = [
  ['Settings', settingsSample],
  ['Me', meSample],
  ['RuleList', rulesSample],
  ['PreviewResult', previewSample],
  ['Analytics', analyticsSample],
  ['AuditPage', auditSample],
  ['CardList', cardsSample],
  ['Feedback', feedbackSample],
  ['ErrorBody', invalidPatternError],
  ['AdminList', adminsSample],
  ['AdminsUpdate', adminsUpdateSample],
  ['UninstallRequest', uninstallSample],
  ['ErrorBody', invalidEditorError],
];
