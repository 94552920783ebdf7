import { BANKS, LOCALES, resolveLocale } from '../../../src/questions/locale.ts';
import { checkText, LENGTH } from '../../../src/questions/guardrails.ts';
import { HEADLINES, QUESTIONS, type TemplateId, type TemplateParams } from '../../../src/questions/templates.ts';
import { FACT_IDS, type Fact } from '../../../src/questions/facts.ts';

/** Sample parameters for every template; numbers are replaced by 0, 1 and 7 to hit every plural form. */
const SAMPLES: { [K in TemplateId]: TemplateParams[K] } = {
  'headline.dark.since-reply': { days: 7 },
  'headline.dark.unanswered': { attempts: 7 },
  'headline.dark.last-subject': { days: 7, subject: 'Contract redlines' },
  'headline.calm.since-touch': { touch: 'EMAIL', days: 7 },
  'headline.calm.last-subject': { touch: 'MEETING', days: 7, subject: 'Contract redlines' },
  'headline.calm.fresh-lead': { days: 7 },
  'headline.service.high': { count: 7 },
  'headline.service.open': { count: 7, days: 7 },
  'headline.service.ticket-subject': { subject: 'Login fails after SSO change' },
  'headline.long-term.renewal': {},
  'headline.long-term.customer': {},
  'headline.urgency.close-date': { days: 7 },
  'headline.urgency.pushed': { count: 7 },
  'headline.scenes.stage': { stage: 'Proposal sent', days: 7 },
  'headline.scenes.role': { person: 'Jane', title: 'Head of Operations', company: 'Acme Robotics' },
  'headline.peers.stalled': { count: 7, stage: 'Proposal sent' },
  'headline.peers.theme': { count: 7, theme: 'product issue' },
  'headline.experts.ticket-owner': { person: 'Priya Raman' },
  'headline.experts.colleague': { person: 'Priya Raman' },
  'headline.scenes.unknown': {},
  'headline.long-term.unknown': {},
  'headline.urgency.unknown': {},
  'headline.default': {},
  'urgency.quarter-end': { days: 7, quarterDays: 7 },
  'urgency.pushed': { count: 7 },
  'urgency.stage-pace': { stage: 'Proposal sent', days: 7, median: 7 },
  'dark.attempts': { days: 7, attempts: 7 },
  'dark.never-replied': { attempts: 7 },
  'dark.silence': { days: 7 },
  'dark.last-subject': { days: 7, subject: 'Contract redlines' },
  'scenes.stage': { stage: 'Proposal sent', days: 7 },
  'scenes.role': { person: 'Jane', title: 'Head of Operations', company: 'Acme Robotics' },
  'scenes.size': { employees: 7, industry: 'machinery' },
  'scenes.unknown': {},
  'peers.stalled': { count: 7, industry: 'machinery', stage: 'Proposal sent' },
  'peers.theme': { count: 7, industry: 'machinery', theme: 'product issue' },
  'experts.ticket-owner': { person: 'Priya Raman' },
  'experts.colleague': { person: 'Priya Raman' },
  'experts.unknown': {},
  'long-term.renewal': {},
  'long-term.customer': {},
  'long-term.unknown': {},
  'service.high': { count: 7, high: 7 },
  'service.open': { count: 7, days: 7 },
  'service.ticket-subject': { count: 7, subject: 'Login fails after SSO change' },
  'calm.fresh-lead': { days: 7 },
  'calm.last-touch': { touch: 'CALL', days: 7 },
  'calm.last-subject': { touch: 'EMAIL', days: 7, subject: 'Contract redlines' },
  'calm.need': {},
  'urgency.unknown': {},
  'peers.unknown': {},
  'service.unknown': {},
  'dark.unknown': {},
  'urgency.close-date': { days: 7 },
  'dark.last-touch': { touch: 'MEETING', days: 7 },
  'peers.industry': { industry: 'machinery' },
  'experts.role': { title: 'Head of Operations', company: 'Acme Robotics' },
  'long-term.industry': { industry: 'machinery' },
  'service.customer': {},
  'dark.stage-silence': { days: 7, stage: 'Proposal sent' },
  'scenes.role-stage': { person: 'Jane', title: 'Head of Operations', company: 'Acme Robotics', stage: 'Proposal sent' },
};

const FACTS: Fact[] = [
  { id: 'last-reply', days: 7 }, { id: 'never-replied' }, { id: 'attempts', count: 7 }, { id: 'last-touch', touch: 'MEETING', days: 7 },
  { id: 'last-subject', touch: 'CALL', days: 7, subject: 'Contract redlines' }, { id: 'ticket-subject', subject: 'Login fails' },
  { id: 'stage-age', days: 7, stage: 'Proposal sent' }, { id: 'stage-median', days: 7 }, { id: 'close-date', days: 7 },
  { id: 'quarter-end', days: 7 }, { id: 'close-pushed', count: 7 }, { id: 'open-tickets', count: 7 }, { id: 'high-priority', count: 7 },
  { id: 'lifecycle', phase: 'lead' }, { id: 'lifecycle', phase: 'opportunity' }, { id: 'lifecycle', phase: 'customer' },
  { id: 'lifecycle', phase: 'renewal' }, { id: 'record-age', days: 7 }, { id: 'industry', industry: 'machinery' },
  { id: 'employees', count: 7 }, { id: 'job-title', title: 'CFO' }, { id: 'peers-stalled', count: 7 },
  { id: 'peers-theme', count: 7, theme: 'billing' }, { id: 'collaborator', person: 'Priya Raman' },
];

function withNumber<T extends object>(params: T, n: number): T {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, typeof value === 'number' ? n : value])) as T;
}

type Forms = ReadonlyArray<(p: object) => string>;
const formsOf = (locale: (typeof LOCALES)[number], id: TemplateId): Forms =>
  ((id.startsWith('headline.') ? BANKS[locale].headlines : BANKS[locale].questions) as unknown as Record<string, Forms>)[id] as Forms;

const cases = LOCALES.flatMap((locale) =>
  (Object.keys(SAMPLES) as TemplateId[]).flatMap((id) => formsOf(locale, id).flatMap((_, form) => [0, 1, 7].map((n) => ({ locale, id, form, n })))),
);

test.each(cases)('when $locale renders $id in form $form with numbers $n, then the text passes every guardrail', ({ locale, id, form, n }) => {
  const headline = id.startsWith('headline.');
  const params = { ...withNumber(SAMPLES[id], n), name: 'Acme Robotics' };
  const text = (formsOf(locale, id)[form] as (p: object) => string)(params);
  const values = Object.entries(params).filter(([key]) => key !== 'touch').map(([, value]) => value);
  expect(checkText(text, values, headline ? LENGTH.maxHeadline : LENGTH.maxQuestion)).toEqual([]);
  for (const value of values) if (typeof value === 'string') expect(text).toContain(value);
  if (n === 7 && Object.values(params).includes(7)) expect(text).toContain('7');
});

test.each([...LOCALES])('when %s words a template, then it has as many forms as English, every headline at least two, and no two alike', (locale) => {
  for (const id of Object.keys(SAMPLES) as TemplateId[]) {
    const forms = formsOf(locale, id);
    expect(forms.length).toBe(formsOf('en', id).length);
    if (id.startsWith('headline.')) expect(forms.length).toBeGreaterThanOrEqual(2);
    const texts = forms.map((form) => form({ ...SAMPLES[id], name: 'Acme Robotics' }));
    expect(new Set(texts).size).toBe(texts.length);
  }
});

test.each(LOCALES.flatMap((locale) => [0, 1, 7].map((n) => ({ locale, n }))))(
  'when $locale words every fact with $n, then it is short, plain and filled',
  ({ locale, n }) => {
    for (const fact of FACTS) {
      const text = (BANKS[locale].facts[fact.id] as (f: Fact) => string)(withNumber(fact, n));
      expect(text.length).toBeGreaterThan(1);
      expect(text.length).toBeLessThan(80);
      expect(text).not.toMatch(/\{\{|undefined|NaN|null|\[object/);
    }
  },
);

test('when every template is listed, then every locale has wording for it and nothing else', () => {
  for (const locale of LOCALES) {
    expect(Object.keys(BANKS[locale].headlines).sort()).toEqual(Object.keys(HEADLINES).sort());
    expect(Object.keys(BANKS[locale].questions).sort()).toEqual(Object.keys(QUESTIONS).sort());
    expect(Object.keys(BANKS[locale].facts).sort()).toEqual([...FACT_IDS].sort());
    expect([...new Set(FACTS.map((fact) => fact.id))].sort()).toEqual([...FACT_IDS].sort());
  }
});

test('when a locale is asked for, then the first one with a bank wins, else English', () => {
  expect(resolveLocale('de-DE')).toBe('de');
  expect(resolveLocale('FR_ca')).toBe('fr');
  expect(resolveLocale(undefined, 'es-MX')).toBe('es');
  expect(resolveLocale('ja-JP', 'pt-BR')).toBe('en');
  expect(resolveLocale()).toBe('en');
});
