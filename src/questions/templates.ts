/**
 * Question and headline templates, locale-independent: each declares the signals it needs by
 * returning a match (parameters, the facts it rests on, and how strongly the signals call for it)
 * or undefined. The wording lives in the per-locale banks.
 */
import type { Signals } from '../context/signals.ts';
import type { Thresholds } from './composer-settings.ts';
import type { Fact, FactId, TouchType } from './facts.ts';
import type { LensId } from './lenses.ts';

type None = Record<never, never>;

export interface TemplateParams {
  'headline.dark.since-reply': { days: number };
  'headline.dark.unanswered': { attempts: number };
  'headline.dark.last-subject': { days: number; subject: string };
  'headline.calm.since-touch': { touch: TouchType; days: number };
  'headline.calm.last-subject': { touch: TouchType; days: number; subject: string };
  'headline.calm.fresh-lead': { days: number };
  'headline.service.high': { count: number };
  'headline.service.open': { count: number; days: number };
  'headline.service.ticket-subject': { subject: string };
  'headline.long-term.renewal': None;
  'headline.long-term.customer': None;
  'headline.urgency.close-date': { days: number };
  'headline.urgency.pushed': { count: number };
  'headline.scenes.stage': { stage: string; days: number };
  'headline.scenes.role': { person: string; title: string; company: string };
  'headline.peers.stalled': { count: number; stage: string };
  'headline.peers.theme': { count: number; theme: string };
  'headline.experts.ticket-owner': { person: string };
  'headline.experts.colleague': { person: string };
  'headline.scenes.unknown': None;
  'headline.long-term.unknown': None;
  'headline.urgency.unknown': None;
  'headline.default': None;
  'urgency.quarter-end': { days: number; quarterDays: number };
  'urgency.pushed': { count: number };
  'urgency.stage-pace': { stage: string; days: number; median: number };
  'urgency.unknown': None;
  'dark.attempts': { days: number; attempts: number };
  'dark.never-replied': { attempts: number };
  'dark.silence': { days: number };
  'dark.last-subject': { days: number; subject: string };
  'dark.unknown': None;
  'scenes.stage': { stage: string; days: number };
  'scenes.role': { person: string; title: string; company: string };
  'scenes.size': { employees: number; industry: string };
  'scenes.unknown': None;
  'peers.stalled': { count: number; industry: string; stage: string };
  'peers.theme': { count: number; industry: string; theme: string };
  'peers.unknown': None;
  'experts.ticket-owner': { person: string };
  'experts.colleague': { person: string };
  'experts.unknown': None;
  'long-term.renewal': None;
  'long-term.customer': None;
  'long-term.unknown': None;
  'service.high': { count: number; high: number };
  'service.open': { count: number; days: number };
  'service.ticket-subject': { count: number; subject: string };
  'service.unknown': None;
  'calm.fresh-lead': { days: number };
  'calm.last-touch': { touch: TouchType; days: number };
  'calm.last-subject': { touch: TouchType; days: number; subject: string };
  'calm.need': None;
  'urgency.close-date': { days: number };
  'dark.last-touch': { touch: TouchType; days: number };
  'peers.industry': { industry: string };
  'experts.role': { title: string; company: string };
  'long-term.industry': { industry: string };
  'service.customer': None;
  'dark.stage-silence': { days: number; stage: string };
  'scenes.role-stage': { person: string; title: string; company: string; stage: string };
}

export type TemplateId = keyof TemplateParams;
export type HeadlineId = Extract<TemplateId, `headline.${string}`>;
export type QuestionId = Exclude<TemplateId, HeadlineId>;

export interface Match<K extends TemplateId = TemplateId> {
  id: K;
  params: TemplateParams[K];
  facts: Fact[];
  /** 0–1: how strongly the signals call for this question. */
  strength: number;
  /** A fact this question joins to its own, and so only asks about when nothing else on the card shows it yet. */
  joins?: FactId;
}

type Matcher<K extends TemplateId> = (signals: Signals, t: Thresholds) => Omit<Match<K>, 'id'> | undefined;

const cap = (value: number, max = 0.95): number => Math.min(max, value);

/** The client's own words: the subject of the last email, call or meeting (already quoted safely by context/). */
const subjectFact = (touch: TouchType, days: number, subject: string): Fact => ({ id: 'last-subject', touch, days, subject });

/**
 * Headlines, several per lens (the lens is the second part of the id): the card opens on whichever
 * angle the signals call for most, after rotation, so no single opening sentence carries the day.
 */
export const HEADLINES: { [K in HeadlineId]: { lens?: LensId; match: Matcher<K> } } = {
  'headline.dark.since-reply': {
    lens: 'going-dark',
    match: ({ silence }, t) =>
      silence?.daysSinceLastReply !== undefined && silence.daysSinceLastReply >= t.silenceDays
        ? { params: { days: silence.daysSinceLastReply }, facts: [{ id: 'last-reply', days: silence.daysSinceLastReply }], strength: 0.7 }
        : undefined,
  },
  'headline.dark.unanswered': {
    lens: 'going-dark',
    match: ({ silence }) =>
      silence?.neverReplied === true && silence.attemptsSinceReply >= 2
        ? {
            params: { attempts: silence.attemptsSinceReply },
            facts: [{ id: 'never-replied' }, { id: 'attempts', count: silence.attemptsSinceReply }],
            strength: 0.72,
          }
        : undefined,
  },
  'headline.dark.last-subject': {
    lens: 'going-dark',
    match: ({ silence: s }) =>
      s?.lastTouch?.subject !== undefined && s.lastTouch.type === 'EMAIL' && s.attemptsSinceReply > 0
        ? { params: { days: s.lastTouch.daysAgo, subject: s.lastTouch.subject }, facts: [subjectFact('EMAIL', s.lastTouch.daysAgo, s.lastTouch.subject)], strength: 0.64 }
        : undefined,
  },
  'headline.calm.since-touch': {
    lens: 'calm-attentiveness',
    match: ({ silence }) =>
      silence?.lastTouch === undefined
        ? undefined
        : {
            params: { touch: silence.lastTouch.type, days: silence.lastTouch.daysAgo },
            facts: [{ id: 'last-touch', touch: silence.lastTouch.type, days: silence.lastTouch.daysAgo }],
            strength: 0.6,
          },
  },
  'headline.calm.last-subject': {
    lens: 'calm-attentiveness',
    match: ({ silence }) => {
      const touch = silence?.lastTouch;
      return touch?.subject === undefined
        ? undefined
        : { params: { touch: touch.type, days: touch.daysAgo, subject: touch.subject }, facts: [subjectFact(touch.type, touch.daysAgo, touch.subject)], strength: 0.62 };
    },
  },
  'headline.calm.fresh-lead': {
    lens: 'calm-attentiveness',
    match: ({ lifecycle }, t) =>
      lifecycle?.phase === 'lead' && lifecycle.recordAgeDays !== undefined && lifecycle.recordAgeDays <= t.freshLeadDays
        ? { params: { days: lifecycle.recordAgeDays }, facts: [{ id: 'record-age', days: lifecycle.recordAgeDays }], strength: 0.75 }
        : undefined,
  },
  'headline.service.high': {
    lens: 'service-experience',
    match: ({ tickets }) =>
      tickets !== undefined && tickets.highPriority > 0
        ? { params: { count: tickets.open.length }, facts: [{ id: 'open-tickets', count: tickets.open.length }, { id: 'high-priority', count: tickets.highPriority }], strength: 0.9 }
        : undefined,
  },
  'headline.service.open': {
    lens: 'service-experience',
    match: ({ tickets: t }) =>
      t?.oldestDays !== undefined
        ? { params: { count: t.open.length, days: t.oldestDays }, facts: [{ id: 'open-tickets', count: t.open.length }], strength: cap(0.5 + t.oldestDays / 100, 0.7) }
        : undefined,
  },
  'headline.service.ticket-subject': {
    lens: 'service-experience',
    match: ({ tickets: t }) => {
      const quoted = t?.open.find((ticket) => ticket.subject !== undefined)?.subject;
      return quoted === undefined ? undefined : { params: { subject: quoted }, facts: [{ id: 'ticket-subject', subject: quoted }], strength: 0.66 };
    },
  },
  'headline.long-term.renewal': {
    lens: 'long-term',
    match: ({ lifecycle }) => (lifecycle?.phase === 'renewal' ? { params: {}, facts: [{ id: 'lifecycle', phase: 'renewal' }], strength: 0.8 } : undefined),
  },
  'headline.long-term.customer': {
    lens: 'long-term',
    match: ({ lifecycle }) => (lifecycle?.phase === 'customer' ? { params: {}, facts: [{ id: 'lifecycle', phase: 'customer' }], strength: 0.55 } : undefined),
  },
  'headline.urgency.close-date': {
    lens: 'whose-urgency',
    match: ({ closeDate: c }, t) =>
      c !== undefined && c.daysToClose >= 0 && c.daysToClose <= c.daysToQuarterEnd + t.quarterEndDays
        ? { params: { days: c.daysToClose }, facts: [{ id: 'close-date', days: c.daysToClose }], strength: c.atQuarterEnd ? 0.68 : 0.56 }
        : undefined,
  },
  'headline.urgency.pushed': {
    lens: 'whose-urgency',
    match: ({ closeDate: c }) =>
      c !== undefined && c.pushedCount > 0 ? { params: { count: c.pushedCount }, facts: [{ id: 'close-pushed', count: c.pushedCount }], strength: cap(0.55 + 0.05 * c.pushedCount, 0.75) } : undefined,
  },
  'headline.scenes.stage': {
    lens: 'behind-the-scenes',
    match: ({ stageAge: s }, t) =>
      s !== undefined && s.days >= (s.medianDays === undefined ? t.stageAgeDays : s.medianDays * t.stageAgeMultiple)
        ? { params: { stage: s.stageLabel, days: s.days }, facts: [{ id: 'stage-age', days: s.days, stage: s.stageLabel }], strength: cap(0.5 + s.days / 400, 0.7) }
        : undefined,
  },
  'headline.scenes.role': {
    lens: 'behind-the-scenes',
    match: ({ client: c }) =>
      c.contactFirstName !== undefined && c.jobTitle !== undefined && c.companyName !== undefined
        ? { params: { person: c.contactFirstName, title: c.jobTitle, company: c.companyName }, facts: [{ id: 'job-title', title: c.jobTitle }], strength: 0.5 }
        : undefined,
  },
  'headline.peers.stalled': {
    lens: 'common-denominators',
    match: ({ peers: p }, t) =>
      p?.stageLabel !== undefined && p.stalledSameStage >= t.peersMin
        ? { params: { count: p.stalledSameStage, stage: p.stageLabel }, facts: [{ id: 'peers-stalled', count: p.stalledSameStage }], strength: 0.6 }
        : undefined,
  },
  'headline.peers.theme': {
    lens: 'common-denominators',
    match: ({ peers: p }, t) =>
      p?.sharedTheme !== undefined && p.sharedTheme.peers >= t.peersMin
        ? { params: { count: p.sharedTheme.peers, theme: p.sharedTheme.theme }, facts: [{ id: 'peers-theme', count: p.sharedTheme.peers, theme: p.sharedTheme.theme }], strength: 0.62 }
        : undefined,
  },
  'headline.experts.ticket-owner': {
    lens: 'internal-experts',
    match: ({ collaborators: c, tickets }) => {
      const person = c?.people.find((p) => p.on.includes('ticket'));
      return person !== undefined && tickets !== undefined
        ? { params: { person: person.name }, facts: [{ id: 'collaborator', person: person.name }], strength: 0.6 }
        : undefined;
    },
  },
  'headline.experts.colleague': {
    lens: 'internal-experts',
    match: ({ collaborators: c }) => {
      const person = c?.people[0];
      return person === undefined ? undefined : { params: { person: person.name }, facts: [{ id: 'collaborator', person: person.name }], strength: 0.5 };
    },
  },
  // Always available, like the default (which comes first on a tie, by id): a sparse record's last three cards need not open the same way.
  'headline.scenes.unknown': { lens: 'behind-the-scenes', match: () => ({ params: {}, facts: [], strength: 0 }) },
  'headline.long-term.unknown': { lens: 'long-term', match: () => ({ params: {}, facts: [], strength: 0 }) },
  'headline.urgency.unknown': { lens: 'whose-urgency', match: () => ({ params: {}, facts: [], strength: 0 }) },
  'headline.default': { match: () => ({ params: {}, facts: [], strength: 0 }) },
};

export const QUESTIONS: { [K in QuestionId]: { lens: LensId; match: Matcher<K> } } = {
  'urgency.quarter-end': {
    lens: 'whose-urgency',
    match: ({ closeDate: c }, t) =>
      c !== undefined && c.daysToClose >= 0 && c.daysToQuarterEnd <= t.quarterEndDays && c.daysToClose <= c.daysToQuarterEnd + t.quarterEndDays
        ? {
            params: { days: c.daysToClose, quarterDays: c.daysToQuarterEnd },
            facts: [{ id: 'close-date', days: c.daysToClose }, { id: 'quarter-end', days: c.daysToQuarterEnd }],
            strength: c.atQuarterEnd ? 0.9 : 0.65,
          }
        : undefined,
  },
  'urgency.pushed': {
    lens: 'whose-urgency',
    match: ({ closeDate: c }) =>
      c !== undefined && c.pushedCount > 0
        ? { params: { count: c.pushedCount }, facts: [{ id: 'close-pushed', count: c.pushedCount }], strength: cap(0.5 + 0.1 * c.pushedCount, 0.85) }
        : undefined,
  },
  'urgency.stage-pace': {
    lens: 'whose-urgency',
    match: ({ stageAge: s }, t) =>
      s?.medianDays !== undefined && s.days >= s.medianDays * t.stageAgeMultiple
        ? {
            params: { stage: s.stageLabel, days: s.days, median: s.medianDays },
            facts: [{ id: 'stage-age', days: s.days, stage: s.stageLabel }, { id: 'stage-median', days: s.medianDays }],
            strength: cap(0.4 + 0.15 * (s.days / s.medianDays)),
          }
        : undefined,
  },
  'urgency.unknown': { lens: 'whose-urgency', match: () => ({ params: {}, facts: [], strength: 0.02 }) },
  'dark.attempts': {
    lens: 'going-dark',
    match: ({ silence: s }, t) =>
      s?.daysSinceLastReply !== undefined && s.attemptsSinceReply >= t.attemptsWithoutReply
        ? {
            params: { days: s.daysSinceLastReply, attempts: s.attemptsSinceReply },
            facts: [{ id: 'last-reply', days: s.daysSinceLastReply }, { id: 'attempts', count: s.attemptsSinceReply }],
            strength: cap(0.6 + 0.05 * s.attemptsSinceReply),
          }
        : undefined,
  },
  'dark.never-replied': {
    lens: 'going-dark',
    match: ({ silence: s }) =>
      s?.neverReplied === true && s.attemptsSinceReply > 0
        ? {
            params: { attempts: s.attemptsSinceReply },
            facts: [{ id: 'never-replied' }, { id: 'attempts', count: s.attemptsSinceReply }],
            strength: cap(0.5 + 0.05 * s.attemptsSinceReply, 0.8),
          }
        : undefined,
  },
  'dark.silence': {
    lens: 'going-dark',
    match: ({ silence: s }, t) =>
      s?.daysSinceLastReply !== undefined && s.daysSinceLastReply >= t.silenceDays
        ? { params: { days: s.daysSinceLastReply }, facts: [{ id: 'last-reply', days: s.daysSinceLastReply }], strength: cap(0.5 + s.daysSinceLastReply / 200, 0.85) }
        : undefined,
  },
  'dark.last-subject': {
    lens: 'going-dark',
    // An email that went out and was not answered since: the client's silence is about that subject.
    match: ({ silence: s }) =>
      s?.lastTouch?.subject !== undefined && s.lastTouch.type === 'EMAIL' && s.attemptsSinceReply > 0
        ? { params: { days: s.lastTouch.daysAgo, subject: s.lastTouch.subject }, facts: [subjectFact('EMAIL', s.lastTouch.daysAgo, s.lastTouch.subject)], strength: 0.62 }
        : undefined,
  },
  'dark.unknown': { lens: 'going-dark', match: () => ({ params: {}, facts: [], strength: 0.01 }) },
  'scenes.stage': {
    lens: 'behind-the-scenes',
    match: ({ stageAge: s }, t) =>
      s !== undefined && s.days >= (s.medianDays === undefined ? t.stageAgeDays : s.medianDays * t.stageAgeMultiple)
        ? { params: { stage: s.stageLabel, days: s.days }, facts: [{ id: 'stage-age', days: s.days, stage: s.stageLabel }], strength: cap(0.45 + s.days / 300, 0.8) }
        : undefined,
  },
  'scenes.role': {
    lens: 'behind-the-scenes',
    match: ({ client: c }) =>
      c.contactFirstName !== undefined && c.jobTitle !== undefined && c.companyName !== undefined
        ? { params: { person: c.contactFirstName, title: c.jobTitle, company: c.companyName }, facts: [{ id: 'job-title', title: c.jobTitle }], strength: 0.4 }
        : undefined,
  },
  'scenes.size': {
    lens: 'behind-the-scenes',
    match: ({ firmographics: f }) =>
      f?.industry !== undefined && f.employees !== undefined
        ? {
            params: { employees: f.employees, industry: f.industry },
            facts: [{ id: 'industry', industry: f.industry }, { id: 'employees', count: f.employees }],
            strength: 0.35,
          }
        : undefined,
  },
  'scenes.unknown': { lens: 'behind-the-scenes', match: () => ({ params: {}, facts: [], strength: 0.05 }) },
  'peers.stalled': {
    lens: 'common-denominators',
    match: ({ peers: p }, t) =>
      p?.stageLabel !== undefined && p.stalledSameStage >= t.peersMin
        ? {
            params: { count: p.stalledSameStage, industry: p.industry, stage: p.stageLabel },
            facts: [{ id: 'peers-stalled', count: p.stalledSameStage }, { id: 'industry', industry: p.industry }],
            strength: cap(0.5 + 0.08 * p.stalledSameStage, 0.85),
          }
        : undefined,
  },
  'peers.theme': {
    lens: 'common-denominators',
    match: ({ peers: p }, t) =>
      p?.sharedTheme !== undefined && p.sharedTheme.peers >= t.peersMin
        ? {
            params: { count: p.sharedTheme.peers, industry: p.industry, theme: p.sharedTheme.theme },
            facts: [{ id: 'peers-theme', count: p.sharedTheme.peers, theme: p.sharedTheme.theme }],
            strength: 0.7,
          }
        : undefined,
  },
  'peers.unknown': { lens: 'common-denominators', match: () => ({ params: {}, facts: [], strength: 0.01 }) },
  'experts.ticket-owner': {
    lens: 'internal-experts',
    match: ({ collaborators: c, tickets }) => {
      const person = c?.people.find((p) => p.on.includes('ticket'));
      return person !== undefined && tickets !== undefined
        ? { params: { person: person.name }, facts: [{ id: 'collaborator', person: person.name }], strength: 0.65 }
        : undefined;
    },
  },
  'experts.colleague': {
    lens: 'internal-experts',
    match: ({ collaborators: c }) => {
      const person = c?.people[0];
      return person === undefined ? undefined : { params: { person: person.name }, facts: [{ id: 'collaborator', person: person.name }], strength: 0.4 };
    },
  },
  'experts.unknown': { lens: 'internal-experts', match: () => ({ params: {}, facts: [], strength: 0.04 }) },
  'long-term.renewal': {
    lens: 'long-term',
    match: ({ lifecycle }) => (lifecycle?.phase === 'renewal' ? { params: {}, facts: [{ id: 'lifecycle', phase: 'renewal' }], strength: 0.7 } : undefined),
  },
  'long-term.customer': {
    lens: 'long-term',
    match: ({ lifecycle }) => (lifecycle?.phase === 'customer' ? { params: {}, facts: [{ id: 'lifecycle', phase: 'customer' }], strength: 0.45 } : undefined),
  },
  'long-term.unknown': { lens: 'long-term', match: () => ({ params: {}, facts: [], strength: 0.03 }) },
  'service.high': {
    lens: 'service-experience',
    match: ({ tickets: t }) =>
      t !== undefined && t.highPriority > 0
        ? {
            params: { count: t.open.length, high: t.highPriority },
            facts: [{ id: 'open-tickets', count: t.open.length }, { id: 'high-priority', count: t.highPriority }],
            strength: 0.85,
          }
        : undefined,
  },
  'service.open': {
    lens: 'service-experience',
    match: ({ tickets: t }) =>
      t?.oldestDays !== undefined
        ? { params: { count: t.open.length, days: t.oldestDays }, facts: [{ id: 'open-tickets', count: t.open.length }], strength: cap(0.5 + t.oldestDays / 100, 0.75) }
        : undefined,
  },
  'service.ticket-subject': {
    lens: 'service-experience',
    match: ({ tickets: t }) => {
      const quoted = t?.open.find((ticket) => ticket.subject !== undefined)?.subject;
      return t === undefined || quoted === undefined
        ? undefined
        : { params: { count: t.open.length, subject: quoted }, facts: [{ id: 'ticket-subject', subject: quoted }], strength: 0.6 };
    },
  },
  'service.unknown': { lens: 'service-experience', match: () => ({ params: {}, facts: [], strength: 0.02 }) },
  'calm.fresh-lead': {
    lens: 'calm-attentiveness',
    match: ({ lifecycle: l }, t) =>
      l?.phase === 'lead' && l.recordAgeDays !== undefined && l.recordAgeDays <= t.freshLeadDays
        ? { params: { days: l.recordAgeDays }, facts: [{ id: 'record-age', days: l.recordAgeDays }], strength: 0.7 }
        : undefined,
  },
  'calm.last-touch': {
    lens: 'calm-attentiveness',
    // Only a conversation teaches something; an unanswered email does not.
    match: ({ silence: s }) =>
      s?.lastTouch === undefined || s.lastTouch.type === 'EMAIL'
        ? undefined
        : {
            params: { touch: s.lastTouch.type, days: s.lastTouch.daysAgo },
            facts: [{ id: 'last-touch', touch: s.lastTouch.type, days: s.lastTouch.daysAgo }],
            strength: 0.3,
          },
  },
  'calm.last-subject': {
    lens: 'calm-attentiveness',
    // A conversation, or an email they answered since: there is something they said about it to build on.
    match: ({ silence: s }) =>
      s?.lastTouch?.subject === undefined || (s.lastTouch.type === 'EMAIL' && s.attemptsSinceReply > 0)
        ? undefined
        : {
            params: { touch: s.lastTouch.type, days: s.lastTouch.daysAgo, subject: s.lastTouch.subject },
            facts: [subjectFact(s.lastTouch.type, s.lastTouch.daysAgo, s.lastTouch.subject)],
            strength: 0.55,
          },
  },
  'calm.need': { lens: 'calm-attentiveness', match: () => ({ params: {}, facts: [], strength: 0.1 }) },
  'urgency.close-date': {
    lens: 'whose-urgency',
    // Any close date ahead, quarter end or not: what has to be true on their side for it to hold.
    match: ({ closeDate: c }) =>
      c !== undefined && c.daysToClose >= 0 ? { params: { days: c.daysToClose }, facts: [{ id: 'close-date', days: c.daysToClose }], strength: 0.5 } : undefined,
  },
  'dark.last-touch': {
    lens: 'going-dark',
    match: ({ silence: s }) =>
      s?.lastTouch !== undefined && s.attemptsSinceReply > 0
        ? { params: { touch: s.lastTouch.type, days: s.lastTouch.daysAgo }, facts: [{ id: 'last-touch', touch: s.lastTouch.type, days: s.lastTouch.daysAgo }], strength: 0.5 }
        : undefined,
  },
  'peers.industry': {
    lens: 'common-denominators',
    match: ({ firmographics: f }) => (f?.industry === undefined ? undefined : { params: { industry: f.industry }, facts: [{ id: 'industry', industry: f.industry }], strength: 0.4 }),
  },
  'experts.role': {
    lens: 'internal-experts',
    match: ({ client: c }) =>
      c.jobTitle === undefined || c.companyName === undefined ? undefined : { params: { title: c.jobTitle, company: c.companyName }, facts: [{ id: 'job-title', title: c.jobTitle }], strength: 0.38 },
  },
  'long-term.industry': {
    lens: 'long-term',
    match: ({ firmographics: f }) => (f?.industry === undefined ? undefined : { params: { industry: f.industry }, facts: [{ id: 'industry', industry: f.industry }], strength: 0.36 }),
  },
  'service.customer': {
    lens: 'service-experience',
    // A customer with no open ticket: the service question is how it is going, not what is broken.
    match: ({ lifecycle: l, tickets: t }) =>
      (l?.phase === 'customer' || l?.phase === 'renewal') && (t === undefined || t.open.length === 0)
        ? { params: {}, facts: [{ id: 'lifecycle', phase: l.phase }], strength: 0.42 }
        : undefined,
  },
  'dark.stage-silence': {
    lens: 'going-dark',
    // Quiet while a deal waits at a step: what that step asks of them may be the reason.
    match: ({ silence: s, stageAge: d }, t) =>
      s?.daysSinceLastReply !== undefined && s.daysSinceLastReply >= t.silenceDays && d !== undefined
        ? {
            params: { days: s.daysSinceLastReply, stage: d.stageLabel },
            facts: [{ id: 'last-reply', days: s.daysSinceLastReply }, { id: 'stage-age', days: d.days, stage: d.stageLabel }],
            strength: 0.6,
            joins: 'stage-age',
          }
        : undefined,
  },
  'scenes.role-stage': {
    lens: 'behind-the-scenes',
    match: ({ client: c, stageAge: d }) =>
      c.contactFirstName !== undefined && c.jobTitle !== undefined && c.companyName !== undefined && d !== undefined
        ? {
            params: { person: c.contactFirstName, title: c.jobTitle, company: c.companyName, stage: d.stageLabel },
            facts: [{ id: 'job-title', title: c.jobTitle }, { id: 'stage-age', days: d.days, stage: d.stageLabel }],
            strength: 0.55,
            joins: 'stage-age',
          }
        : undefined,
  },
};
