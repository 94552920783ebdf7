/**
 * Question and headline templates, locale-independent: each declares the signals it needs. Its
 * `match` says whether the signals call for it and how strongly (0–1, or undefined), cheaply and
 * for every template on every card; its `build` gives the parameters and the facts it rests on,
 * only for the few candidates actually worded (and only after `match` said yes). The wording
 * lives in the per-locale banks.
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

/** What a template is worded from: its parameters and the facts it rests on. */
export interface Built<K extends TemplateId = TemplateId> {
  params: TemplateParams[K];
  facts: Fact[];
}

export interface Template<K extends TemplateId> {
  lens?: LensId;
  /** 0–1: how strongly the signals call for this template, or undefined when they do not. Allocates nothing. */
  match: (signals: Signals, t: Thresholds) => number | undefined;
  /** The parameters and facts, for signals `match` accepted (it may rely on what `match` checked). */
  build: (signals: Signals) => Built<K>;
  /** A fact this question joins to its own, and so only asks about when nothing else on the card shows it yet. */
  joins?: FactId;
}

const cap = (value: number, max = 0.95): number => Math.min(max, value);

/** The client's own words: the subject of the last email, call or meeting (already quoted safely by context/). */
const subjectFact = (touch: TouchType, days: number, subject: string): Fact => ({ id: 'last-subject', touch, days, subject });

/** For the always-available templates: no parameters, no facts (new each time, as callers may keep them). */
const nothing = (): Built<never> => ({ params: {} as never, facts: [] });

/**
 * Headlines, several per lens (the lens is the second part of the id): the card opens on whichever
 * angle the signals call for most, after rotation, so no single opening sentence carries the day.
 */
export const HEADLINES: { [K in HeadlineId]: Template<K> } = {
  'headline.dark.since-reply': {
    lens: 'going-dark',
    match: ({ silence }, t) => (silence?.daysSinceLastReply !== undefined && silence.daysSinceLastReply >= t.silenceDays ? 0.7 : undefined),
    build: ({ silence }) => {
      const days = silence!.daysSinceLastReply!;
      return { params: { days }, facts: [{ id: 'last-reply', days }] };
    },
  },
  'headline.dark.unanswered': {
    lens: 'going-dark',
    match: ({ silence }) => (silence?.neverReplied === true && silence.attemptsSinceReply >= 2 ? 0.72 : undefined),
    build: ({ silence }) => {
      const attempts = silence!.attemptsSinceReply;
      return { params: { attempts }, facts: [{ id: 'never-replied' }, { id: 'attempts', count: attempts }] };
    },
  },
  'headline.dark.last-subject': {
    lens: 'going-dark',
    match: ({ silence: s }) => (s?.lastTouch?.subject !== undefined && s.lastTouch.type === 'EMAIL' && s.attemptsSinceReply > 0 ? 0.64 : undefined),
    build: ({ silence }) => {
      const touch = silence!.lastTouch!;
      return { params: { days: touch.daysAgo, subject: touch.subject! }, facts: [subjectFact('EMAIL', touch.daysAgo, touch.subject!)] };
    },
  },
  'headline.calm.since-touch': {
    lens: 'calm-attentiveness',
    match: ({ silence }) => (silence?.lastTouch === undefined ? undefined : 0.6),
    build: ({ silence }) => {
      const touch = silence!.lastTouch!;
      return { params: { touch: touch.type, days: touch.daysAgo }, facts: [{ id: 'last-touch', touch: touch.type, days: touch.daysAgo }] };
    },
  },
  'headline.calm.last-subject': {
    lens: 'calm-attentiveness',
    match: ({ silence }) => (silence?.lastTouch?.subject === undefined ? undefined : 0.62),
    build: ({ silence }) => {
      const touch = silence!.lastTouch!;
      return { params: { touch: touch.type, days: touch.daysAgo, subject: touch.subject! }, facts: [subjectFact(touch.type, touch.daysAgo, touch.subject!)] };
    },
  },
  'headline.calm.fresh-lead': {
    lens: 'calm-attentiveness',
    match: ({ lifecycle }, t) => (lifecycle?.phase === 'lead' && lifecycle.recordAgeDays !== undefined && lifecycle.recordAgeDays <= t.freshLeadDays ? 0.75 : undefined),
    build: ({ lifecycle }) => {
      const days = lifecycle!.recordAgeDays!;
      return { params: { days }, facts: [{ id: 'record-age', days }] };
    },
  },
  'headline.service.high': {
    lens: 'service-experience',
    match: ({ tickets }) => (tickets !== undefined && tickets.highPriority > 0 ? 0.9 : undefined),
    build: ({ tickets }) => {
      const t = tickets!;
      return { params: { count: t.open.length }, facts: [{ id: 'open-tickets', count: t.open.length }, { id: 'high-priority', count: t.highPriority }] };
    },
  },
  'headline.service.open': {
    lens: 'service-experience',
    match: ({ tickets: t }) => (t?.oldestDays !== undefined ? cap(0.5 + t.oldestDays / 100, 0.7) : undefined),
    build: ({ tickets }) => {
      const t = tickets!;
      return { params: { count: t.open.length, days: t.oldestDays! }, facts: [{ id: 'open-tickets', count: t.open.length }] };
    },
  },
  'headline.service.ticket-subject': {
    lens: 'service-experience',
    match: ({ tickets: t }) => (t?.open.find((ticket) => ticket.subject !== undefined) === undefined ? undefined : 0.66),
    build: ({ tickets }) => {
      const quoted = tickets!.open.find((ticket) => ticket.subject !== undefined)!.subject!;
      return { params: { subject: quoted }, facts: [{ id: 'ticket-subject', subject: quoted }] };
    },
  },
  'headline.long-term.renewal': {
    lens: 'long-term',
    match: ({ lifecycle }) => (lifecycle?.phase === 'renewal' ? 0.8 : undefined),
    build: () => ({ params: {}, facts: [{ id: 'lifecycle', phase: 'renewal' }] }),
  },
  'headline.long-term.customer': {
    lens: 'long-term',
    match: ({ lifecycle }) => (lifecycle?.phase === 'customer' ? 0.55 : undefined),
    build: () => ({ params: {}, facts: [{ id: 'lifecycle', phase: 'customer' }] }),
  },
  'headline.urgency.close-date': {
    lens: 'whose-urgency',
    match: ({ closeDate: c }, t) => (c !== undefined && c.daysToClose >= 0 && c.daysToClose <= c.daysToQuarterEnd + t.quarterEndDays ? (c.atQuarterEnd ? 0.68 : 0.56) : undefined),
    build: ({ closeDate }) => {
      const days = closeDate!.daysToClose;
      return { params: { days }, facts: [{ id: 'close-date', days }] };
    },
  },
  'headline.urgency.pushed': {
    lens: 'whose-urgency',
    match: ({ closeDate: c }) => (c !== undefined && c.pushedCount > 0 ? cap(0.55 + 0.05 * c.pushedCount, 0.75) : undefined),
    build: ({ closeDate }) => {
      const count = closeDate!.pushedCount;
      return { params: { count }, facts: [{ id: 'close-pushed', count }] };
    },
  },
  'headline.scenes.stage': {
    lens: 'behind-the-scenes',
    match: ({ stageAge: s }, t) => (s !== undefined && s.days >= (s.medianDays === undefined ? t.stageAgeDays : s.medianDays * t.stageAgeMultiple) ? cap(0.5 + s.days / 400, 0.7) : undefined),
    build: ({ stageAge }) => {
      const s = stageAge!;
      return { params: { stage: s.stageLabel, days: s.days }, facts: [{ id: 'stage-age', days: s.days, stage: s.stageLabel }] };
    },
  },
  'headline.scenes.role': {
    lens: 'behind-the-scenes',
    match: ({ client: c }) => (c.contactFirstName !== undefined && c.jobTitle !== undefined && c.companyName !== undefined ? 0.5 : undefined),
    build: ({ client: c }) => ({ params: { person: c.contactFirstName!, title: c.jobTitle!, company: c.companyName! }, facts: [{ id: 'job-title', title: c.jobTitle! }] }),
  },
  'headline.peers.stalled': {
    lens: 'common-denominators',
    match: ({ peers: p }, t) => (p?.stageLabel !== undefined && p.stalledSameStage >= t.peersMin ? 0.6 : undefined),
    build: ({ peers }) => {
      const p = peers!;
      return { params: { count: p.stalledSameStage, stage: p.stageLabel! }, facts: [{ id: 'peers-stalled', count: p.stalledSameStage }] };
    },
  },
  'headline.peers.theme': {
    lens: 'common-denominators',
    match: ({ peers: p }, t) => (p?.sharedTheme !== undefined && p.sharedTheme.peers >= t.peersMin ? 0.62 : undefined),
    build: ({ peers }) => {
      const theme = peers!.sharedTheme!;
      return { params: { count: theme.peers, theme: theme.theme }, facts: [{ id: 'peers-theme', count: theme.peers, theme: theme.theme }] };
    },
  },
  'headline.experts.ticket-owner': {
    lens: 'internal-experts',
    match: ({ collaborators: c, tickets }) => (c?.people.find((p) => p.on.includes('ticket')) !== undefined && tickets !== undefined ? 0.6 : undefined),
    build: ({ collaborators }) => {
      const person = collaborators!.people.find((p) => p.on.includes('ticket'))!;
      return { params: { person: person.name }, facts: [{ id: 'collaborator', person: person.name }] };
    },
  },
  'headline.experts.colleague': {
    lens: 'internal-experts',
    match: ({ collaborators: c }) => (c?.people[0] === undefined ? undefined : 0.5),
    build: ({ collaborators }) => {
      const person = collaborators!.people[0]!;
      return { params: { person: person.name }, facts: [{ id: 'collaborator', person: person.name }] };
    },
  },
  // Always available, like the default (which comes first on a tie, by id): a sparse record's last three cards need not open the same way.
  'headline.scenes.unknown': { lens: 'behind-the-scenes', match: () => 0, build: nothing },
  'headline.long-term.unknown': { lens: 'long-term', match: () => 0, build: nothing },
  'headline.urgency.unknown': { lens: 'whose-urgency', match: () => 0, build: nothing },
  'headline.default': { match: () => 0, build: nothing },
};

export const QUESTIONS: { [K in QuestionId]: Template<K> & { lens: LensId } } = {
  'urgency.quarter-end': {
    lens: 'whose-urgency',
    match: ({ closeDate: c }, t) =>
      c !== undefined && c.daysToClose >= 0 && c.daysToQuarterEnd <= t.quarterEndDays && c.daysToClose <= c.daysToQuarterEnd + t.quarterEndDays ? (c.atQuarterEnd ? 0.9 : 0.65) : undefined,
    build: ({ closeDate }) => {
      const c = closeDate!;
      return { params: { days: c.daysToClose, quarterDays: c.daysToQuarterEnd }, facts: [{ id: 'close-date', days: c.daysToClose }, { id: 'quarter-end', days: c.daysToQuarterEnd }] };
    },
  },
  'urgency.pushed': {
    lens: 'whose-urgency',
    match: ({ closeDate: c }) => (c !== undefined && c.pushedCount > 0 ? cap(0.5 + 0.1 * c.pushedCount, 0.85) : undefined),
    build: ({ closeDate }) => {
      const count = closeDate!.pushedCount;
      return { params: { count }, facts: [{ id: 'close-pushed', count }] };
    },
  },
  'urgency.stage-pace': {
    lens: 'whose-urgency',
    match: ({ stageAge: s }, t) => (s?.medianDays !== undefined && s.days >= s.medianDays * t.stageAgeMultiple ? cap(0.4 + 0.15 * (s.days / s.medianDays)) : undefined),
    build: ({ stageAge }) => {
      const s = stageAge!;
      return { params: { stage: s.stageLabel, days: s.days, median: s.medianDays! }, facts: [{ id: 'stage-age', days: s.days, stage: s.stageLabel }, { id: 'stage-median', days: s.medianDays! }] };
    },
  },
  'urgency.unknown': { lens: 'whose-urgency', match: () => 0.02, build: nothing },
  'dark.attempts': {
    lens: 'going-dark',
    match: ({ silence: s }, t) => (s?.daysSinceLastReply !== undefined && s.attemptsSinceReply >= t.attemptsWithoutReply ? cap(0.6 + 0.05 * s.attemptsSinceReply) : undefined),
    build: ({ silence }) => {
      const s = silence!;
      return { params: { days: s.daysSinceLastReply!, attempts: s.attemptsSinceReply }, facts: [{ id: 'last-reply', days: s.daysSinceLastReply! }, { id: 'attempts', count: s.attemptsSinceReply }] };
    },
  },
  'dark.never-replied': {
    lens: 'going-dark',
    match: ({ silence: s }) => (s?.neverReplied === true && s.attemptsSinceReply > 0 ? cap(0.5 + 0.05 * s.attemptsSinceReply, 0.8) : undefined),
    build: ({ silence }) => {
      const attempts = silence!.attemptsSinceReply;
      return { params: { attempts }, facts: [{ id: 'never-replied' }, { id: 'attempts', count: attempts }] };
    },
  },
  'dark.silence': {
    lens: 'going-dark',
    match: ({ silence: s }, t) => (s?.daysSinceLastReply !== undefined && s.daysSinceLastReply >= t.silenceDays ? cap(0.5 + s.daysSinceLastReply / 200, 0.85) : undefined),
    build: ({ silence }) => {
      const days = silence!.daysSinceLastReply!;
      return { params: { days }, facts: [{ id: 'last-reply', days }] };
    },
  },
  'dark.last-subject': {
    lens: 'going-dark',
    // An email that went out and was not answered since: the client's silence is about that subject.
    match: ({ silence: s }) => (s?.lastTouch?.subject !== undefined && s.lastTouch.type === 'EMAIL' && s.attemptsSinceReply > 0 ? 0.62 : undefined),
    build: ({ silence }) => {
      const touch = silence!.lastTouch!;
      return { params: { days: touch.daysAgo, subject: touch.subject! }, facts: [subjectFact('EMAIL', touch.daysAgo, touch.subject!)] };
    },
  },
  'dark.unknown': { lens: 'going-dark', match: () => 0.01, build: nothing },
  'scenes.stage': {
    lens: 'behind-the-scenes',
    match: ({ stageAge: s }, t) => (s !== undefined && s.days >= (s.medianDays === undefined ? t.stageAgeDays : s.medianDays * t.stageAgeMultiple) ? cap(0.45 + s.days / 300, 0.8) : undefined),
    build: ({ stageAge }) => {
      const s = stageAge!;
      return { params: { stage: s.stageLabel, days: s.days }, facts: [{ id: 'stage-age', days: s.days, stage: s.stageLabel }] };
    },
  },
  'scenes.role': {
    lens: 'behind-the-scenes',
    match: ({ client: c }) => (c.contactFirstName !== undefined && c.jobTitle !== undefined && c.companyName !== undefined ? 0.4 : undefined),
    build: ({ client: c }) => ({ params: { person: c.contactFirstName!, title: c.jobTitle!, company: c.companyName! }, facts: [{ id: 'job-title', title: c.jobTitle! }] }),
  },
  'scenes.size': {
    lens: 'behind-the-scenes',
    match: ({ firmographics: f }) => (f?.industry !== undefined && f.employees !== undefined ? 0.35 : undefined),
    build: ({ firmographics }) => {
      const f = firmographics!;
      return { params: { employees: f.employees!, industry: f.industry! }, facts: [{ id: 'industry', industry: f.industry! }, { id: 'employees', count: f.employees! }] };
    },
  },
  'scenes.unknown': { lens: 'behind-the-scenes', match: () => 0.05, build: nothing },
  'peers.stalled': {
    lens: 'common-denominators',
    match: ({ peers: p }, t) => (p?.stageLabel !== undefined && p.stalledSameStage >= t.peersMin ? cap(0.5 + 0.08 * p.stalledSameStage, 0.85) : undefined),
    build: ({ peers }) => {
      const p = peers!;
      return { params: { count: p.stalledSameStage, industry: p.industry, stage: p.stageLabel! }, facts: [{ id: 'peers-stalled', count: p.stalledSameStage }, { id: 'industry', industry: p.industry }] };
    },
  },
  'peers.theme': {
    lens: 'common-denominators',
    match: ({ peers: p }, t) => (p?.sharedTheme !== undefined && p.sharedTheme.peers >= t.peersMin ? 0.7 : undefined),
    build: ({ peers }) => {
      const p = peers!;
      const theme = p.sharedTheme!;
      return { params: { count: theme.peers, industry: p.industry, theme: theme.theme }, facts: [{ id: 'peers-theme', count: theme.peers, theme: theme.theme }] };
    },
  },
  'peers.unknown': { lens: 'common-denominators', match: () => 0.01, build: nothing },
  'experts.ticket-owner': {
    lens: 'internal-experts',
    match: ({ collaborators: c, tickets }) => (c?.people.find((p) => p.on.includes('ticket')) !== undefined && tickets !== undefined ? 0.65 : undefined),
    build: ({ collaborators }) => {
      const person = collaborators!.people.find((p) => p.on.includes('ticket'))!;
      return { params: { person: person.name }, facts: [{ id: 'collaborator', person: person.name }] };
    },
  },
  'experts.colleague': {
    lens: 'internal-experts',
    match: ({ collaborators: c }) => (c?.people[0] === undefined ? undefined : 0.4),
    build: ({ collaborators }) => {
      const person = collaborators!.people[0]!;
      return { params: { person: person.name }, facts: [{ id: 'collaborator', person: person.name }] };
    },
  },
  'experts.unknown': { lens: 'internal-experts', match: () => 0.04, build: nothing },
  'long-term.renewal': {
    lens: 'long-term',
    match: ({ lifecycle }) => (lifecycle?.phase === 'renewal' ? 0.7 : undefined),
    build: () => ({ params: {}, facts: [{ id: 'lifecycle', phase: 'renewal' }] }),
  },
  'long-term.customer': {
    lens: 'long-term',
    match: ({ lifecycle }) => (lifecycle?.phase === 'customer' ? 0.45 : undefined),
    build: () => ({ params: {}, facts: [{ id: 'lifecycle', phase: 'customer' }] }),
  },
  'long-term.unknown': { lens: 'long-term', match: () => 0.03, build: nothing },
  'service.high': {
    lens: 'service-experience',
    match: ({ tickets: t }) => (t !== undefined && t.highPriority > 0 ? 0.85 : undefined),
    build: ({ tickets }) => {
      const t = tickets!;
      return { params: { count: t.open.length, high: t.highPriority }, facts: [{ id: 'open-tickets', count: t.open.length }, { id: 'high-priority', count: t.highPriority }] };
    },
  },
  'service.open': {
    lens: 'service-experience',
    match: ({ tickets: t }) => (t?.oldestDays !== undefined ? cap(0.5 + t.oldestDays / 100, 0.75) : undefined),
    build: ({ tickets }) => {
      const t = tickets!;
      return { params: { count: t.open.length, days: t.oldestDays! }, facts: [{ id: 'open-tickets', count: t.open.length }] };
    },
  },
  'service.ticket-subject': {
    lens: 'service-experience',
    match: ({ tickets: t }) => (t?.open.find((ticket) => ticket.subject !== undefined) === undefined ? undefined : 0.6),
    build: ({ tickets }) => {
      const t = tickets!;
      const quoted = t.open.find((ticket) => ticket.subject !== undefined)!.subject!;
      return { params: { count: t.open.length, subject: quoted }, facts: [{ id: 'ticket-subject', subject: quoted }] };
    },
  },
  'service.unknown': { lens: 'service-experience', match: () => 0.02, build: nothing },
  'calm.fresh-lead': {
    lens: 'calm-attentiveness',
    match: ({ lifecycle: l }, t) => (l?.phase === 'lead' && l.recordAgeDays !== undefined && l.recordAgeDays <= t.freshLeadDays ? 0.7 : undefined),
    build: ({ lifecycle }) => {
      const days = lifecycle!.recordAgeDays!;
      return { params: { days }, facts: [{ id: 'record-age', days }] };
    },
  },
  'calm.last-touch': {
    lens: 'calm-attentiveness',
    // Only a conversation teaches something; an unanswered email does not.
    match: ({ silence: s }) => (s?.lastTouch === undefined || s.lastTouch.type === 'EMAIL' ? undefined : 0.3),
    build: ({ silence }) => {
      const touch = silence!.lastTouch!;
      return { params: { touch: touch.type, days: touch.daysAgo }, facts: [{ id: 'last-touch', touch: touch.type, days: touch.daysAgo }] };
    },
  },
  'calm.last-subject': {
    lens: 'calm-attentiveness',
    // A conversation, or an email they answered since: there is something they said about it to build on.
    match: ({ silence: s }) => (s?.lastTouch?.subject === undefined || (s.lastTouch.type === 'EMAIL' && s.attemptsSinceReply > 0) ? undefined : 0.55),
    build: ({ silence }) => {
      const touch = silence!.lastTouch!;
      return { params: { touch: touch.type, days: touch.daysAgo, subject: touch.subject! }, facts: [subjectFact(touch.type, touch.daysAgo, touch.subject!)] };
    },
  },
  'calm.need': { lens: 'calm-attentiveness', match: () => 0.1, build: nothing },
  'urgency.close-date': {
    lens: 'whose-urgency',
    // Any close date ahead, quarter end or not: what has to be true on their side for it to hold.
    match: ({ closeDate: c }) => (c !== undefined && c.daysToClose >= 0 ? 0.5 : undefined),
    build: ({ closeDate }) => {
      const days = closeDate!.daysToClose;
      return { params: { days }, facts: [{ id: 'close-date', days }] };
    },
  },
  'dark.last-touch': {
    lens: 'going-dark',
    match: ({ silence: s }) => (s?.lastTouch !== undefined && s.attemptsSinceReply > 0 ? 0.5 : undefined),
    build: ({ silence }) => {
      const touch = silence!.lastTouch!;
      return { params: { touch: touch.type, days: touch.daysAgo }, facts: [{ id: 'last-touch', touch: touch.type, days: touch.daysAgo }] };
    },
  },
  'peers.industry': {
    lens: 'common-denominators',
    match: ({ firmographics: f }) => (f?.industry === undefined ? undefined : 0.4),
    build: ({ firmographics }) => {
      const industry = firmographics!.industry!;
      return { params: { industry }, facts: [{ id: 'industry', industry }] };
    },
  },
  'experts.role': {
    lens: 'internal-experts',
    match: ({ client: c }) => (c.jobTitle === undefined || c.companyName === undefined ? undefined : 0.38),
    build: ({ client: c }) => ({ params: { title: c.jobTitle!, company: c.companyName! }, facts: [{ id: 'job-title', title: c.jobTitle! }] }),
  },
  'long-term.industry': {
    lens: 'long-term',
    match: ({ firmographics: f }) => (f?.industry === undefined ? undefined : 0.36),
    build: ({ firmographics }) => {
      const industry = firmographics!.industry!;
      return { params: { industry }, facts: [{ id: 'industry', industry }] };
    },
  },
  'service.customer': {
    lens: 'service-experience',
    // A customer with no open ticket: the service question is how it is going, not what is broken.
    match: ({ lifecycle: l, tickets: t }) => ((l?.phase === 'customer' || l?.phase === 'renewal') && (t === undefined || t.open.length === 0) ? 0.42 : undefined),
    build: ({ lifecycle }) => ({ params: {}, facts: [{ id: 'lifecycle', phase: lifecycle!.phase }] }),
  },
  'dark.stage-silence': {
    lens: 'going-dark',
    // Quiet while a deal waits at a step: what that step asks of them may be the reason.
    match: ({ silence: s, stageAge: d }, t) => (s?.daysSinceLastReply !== undefined && s.daysSinceLastReply >= t.silenceDays && d !== undefined ? 0.6 : undefined),
    build: ({ silence, stageAge }) => {
      const days = silence!.daysSinceLastReply!;
      const d = stageAge!;
      return { params: { days, stage: d.stageLabel }, facts: [{ id: 'last-reply', days }, { id: 'stage-age', days: d.days, stage: d.stageLabel }] };
    },
    joins: 'stage-age',
  },
  'scenes.role-stage': {
    lens: 'behind-the-scenes',
    match: ({ client: c, stageAge: d }) => (c.contactFirstName !== undefined && c.jobTitle !== undefined && c.companyName !== undefined && d !== undefined ? 0.55 : undefined),
    build: ({ client: c, stageAge }) => {
      const d = stageAge!;
      return { params: { person: c.contactFirstName!, title: c.jobTitle!, company: c.companyName!, stage: d.stageLabel }, facts: [{ id: 'job-title', title: c.jobTitle! }, { id: 'stage-age', days: d.days, stage: d.stageLabel }] };
    },
    joins: 'stage-age',
  },
};
