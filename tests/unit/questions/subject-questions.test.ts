import { composeCard } from '../../../src/cards/compose-card.ts';
import { quoteText } from '../../../src/context/clean-text.ts';
import type { CrmSnapshotInput } from '../../../src/context/crm-snapshot.ts';
import { deriveSignals } from '../../../src/context/derive-signals.ts';
import { DEFAULT_THRESHOLDS } from '../../../src/questions/composer-settings.ts';
import { HEADLINES, QUESTIONS } from '../../../src/questions/templates.ts';
import { buildSnapshot, daysAgo, NOW } from '../context/build-snapshot.ts';

const client: Partial<CrmSnapshotInput> = { company: { id: '1', name: 'Acme', industry: 'MACHINERY' }, contacts: [{ id: '2', firstName: 'Mei' }] };
const signalsOf = (overrides: Partial<CrmSnapshotInput>) => deriveSignals(buildSnapshot({ ...client, ...overrides }), NOW);
const matches = (overrides: Partial<CrmSnapshotInput>) => {
  const s = signalsOf(overrides);
  return [...Object.entries(HEADLINES).filter(([, t]) => (t.match as typeof HEADLINES['headline.default']['match'])(s, DEFAULT_THRESHOLDS) !== undefined).map(([id]) => id),
    ...Object.entries(QUESTIONS).filter(([, t]) => (t.match as typeof QUESTIONS['calm.need']['match'])(s, DEFAULT_THRESHOLDS) !== undefined).map(([id]) => id)];
};
const compose = (overrides: Partial<CrmSnapshotInput>, locale = 'en') => {
  const snapshot = buildSnapshot({ ...client, ...overrides });
  return composeCard({ snapshot, signals: deriveSignals(snapshot, NOW), now: NOW, locale });
};

describe('questions in the client\'s own words', () => {
  const answered = [
    { type: 'EMAIL' as const, direction: 'OUTBOUND' as const, timestamp: daysAgo(6), subject: 'Contract redlines' },
    { type: 'EMAIL' as const, direction: 'INBOUND' as const, timestamp: daysAgo(5) },
  ];

  test('when the client answered the last email, then the calm question quotes its subject and "why this card" shows it', () => {
    const ids = matches({ engagements: answered });
    expect(ids).toEqual(expect.arrayContaining(['headline.calm.last-subject', 'calm.last-subject']));
    expect(ids).not.toContain('dark.last-subject');
    const card = compose({ engagements: answered });
    const quoting = [card.headline.text, ...card.questions.map((q) => q.text)].filter((text) => text.includes('“Contract redlines”'));
    expect(quoting.length).toBeGreaterThan(0);
    expect(card.why.text).toContain('last email “Contract redlines” 6 days ago');
  });

  test('when the last email went unanswered, then going-dark asks about that subject instead', () => {
    const ids = matches({ engagements: [answered[0]!] });
    expect(ids).toEqual(expect.arrayContaining(['dark.last-subject', 'headline.calm.last-subject']));
    expect(ids).not.toContain('calm.last-subject');
  });

  test('when the last touch was a call with a title, then the calm question can quote it; without a subject nothing quotes', () => {
    expect(matches({ engagements: [{ type: 'CALL', direction: 'OUTBOUND', timestamp: daysAgo(2), subject: 'Pilot scope' }] })).toContain('calm.last-subject');
    const bare = matches({ engagements: [{ type: 'EMAIL', direction: 'OUTBOUND', timestamp: daysAgo(2) }] });
    expect(bare.filter((id) => id.endsWith('last-subject'))).toEqual([]);
  });

  test('when the last touch came without a subject, then the card falls back and the completeness line says so', () => {
    const card = compose({ engagements: [{ type: 'EMAIL', direction: 'OUTBOUND', timestamp: daysAgo(2) }] });
    expect(card.why.missing).toContain('the subject of the last email, call or meeting');
    expect(compose({ engagements: answered }).why.missing).not.toContain('the subject of the last email, call or meeting');
    expect(compose({ engagements: [{ type: 'CALL', direction: 'OUTBOUND', timestamp: daysAgo(2) }] }, 'de').why.text).toContain('Betreff der letzten E-Mail');
  });

  test('when an open ticket has a subject, then the service question quotes it; when none has, the completeness line says so', () => {
    const tickets = [{ id: '7', isOpen: true, createdAt: daysAgo(3) }, { id: '8', isOpen: true, subject: 'Login fails after SSO change', createdAt: daysAgo(9) }];
    expect(matches({ tickets })).toContain('service.ticket-subject');
    expect(signalsOf({ tickets }).completeness.missing).not.toContain('ticket-subject');
    const bare = [{ id: '7', isOpen: true, createdAt: daysAgo(3) }];
    expect(matches({ tickets: bare })).not.toContain('service.ticket-subject');
    expect(compose({ tickets: bare }).why.missing).toContain('the subjects of the open tickets');
    expect(matches({})).not.toContain('service.ticket-subject');
  });
});

describe('quoted CRM text stays inert', () => {
  test.each([
    ['<b>Contract</b> redlines https://evil.example/x?a=1', '<b>Contract</b> redlines …'],
    ['{{#each owners}}{{email}}{{/each}} pricing', '#each ownersemail/each pricing'],
    ['See [terms](javascript:alert(1)) “final”', "See [terms](… 'final'"],
    ['Call me: www.evil.example or mailto:x@evil.example', 'Call me: … or …'],
  ])('when a subject is %j, then it is quoted as %j', (subject, quoted) => {
    expect(quoteText(subject)).toBe(quoted);
  });

  test('when a subject is only a link, empty or absent, then there is nothing to quote', () => {
    expect(quoteText('https://evil.example/login')).toBeUndefined();
    expect(quoteText('   ')).toBeUndefined();
    expect(quoteText(undefined)).toBeUndefined();
  });

  test('when a subject is long, then it is clipped to whole characters with an ellipsis', () => {
    const quoted = quoteText(`${'Renewal terms '.repeat(10)}🙂`, 60) as string;
    expect(Array.from(quoted)).toHaveLength(60);
    expect(quoted.endsWith('…')).toBe(true);
  });

  test('when an email subject carries markup, template syntax and a link, then the card quotes it as plain text', () => {
    const subject = '<script>x</script> {{token}} https://evil.example “q”';
    const card = compose({ engagements: [{ type: 'EMAIL', direction: 'OUTBOUND', timestamp: daysAgo(6), subject }] });
    const texts = [card.headline.text, ...card.questions.map((q) => q.text), card.why.text].join('\n');
    expect(texts).toContain('“<script>x</script> token …');
    expect(texts).not.toMatch(/\{\{|https:|“q”/);
  });
});
