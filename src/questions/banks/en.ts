/** English: the reference bank; the other locales follow its meaning, not its word order. */
import type { TouchType } from '../facts.ts';
import { plural, relative, type QuestionBank } from './bank.ts';

const ago = (n: number) => relative(n, 'earlier today', 'yesterday', '# days ago');
const inDays = (n: number) => relative(n, 'today', 'tomorrow', 'in # days');
const days = (n: number) => plural(n, '1 day', '# days');
const times = (n: number) => plural(n, 'once', '# times');
const tickets = (n: number) => plural(n, '1 open support ticket', '# open support tickets');
const TOUCH: Record<TouchType, string> = { EMAIL: 'email', CALL: 'call', MEETING: 'meeting' };

export const en: QuestionBank = {
  locale: 'en',
  unnamedClient: 'this client',
  headlines: {
    'headline.ticket': (p) => `Before you check in with ${p.name}: ${plural(p.count, 'how is their open ticket going', 'how are their # open tickets going')} from their side?`,
    'headline.renewal': (p) => `Before you talk renewal with ${p.name}: what has this past year been like for them?`,
    'headline.fresh-lead': (p) => `Before you reach out to ${p.name}: what made them get in touch ${ago(p.days)}?`,
    'headline.unanswered': (p) => `Before you reach out to ${p.name} again after ${plural(p.attempts, 'an unanswered message', '# unanswered messages')}: what would make the next one worth their time?`,
    'headline.since-reply': (p) => `Before you follow up with ${p.name}: what has changed for them since they last replied ${ago(p.days)}?`,
    'headline.since-touch': (p) => `Before you follow up with ${p.name}: what has changed for them since your last ${TOUCH[p.touch]} ${ago(p.days)}?`,
    'headline.default': (p) => `Before you act on this task: what would make the next step genuinely useful to ${p.name}?`,
  },
  questions: {
    'urgency.quarter-end': (p) => `The close date for ${p.name} is ${inDays(p.days)}, and the quarter ends ${inDays(p.quarterDays)}. Is this follow-up on your timeline or on theirs?`,
    'urgency.pushed': (p) => `The close date with ${p.name} has moved ${times(p.count)} already. What is their own timeline telling you?`,
    'urgency.stage-pace': (p) => `The deal with ${p.name} has sat in “${p.stage}” for ${days(p.days)}; your pipeline's median there is ${days(p.median)}. Whose pace is this follow-up set to, yours or theirs?`,
    'dark.attempts': (p) => `${p.name} last replied ${ago(p.days)}, and you have reached out ${times(p.attempts)} since. What might the silence be telling you?`,
    'dark.never-replied': (p) => `${p.name} has not replied to ${plural(p.attempts, 'your message', 'any of your # messages')} yet. What would make a conversation worth their time?`,
    'dark.silence': (p) => `It has been ${days(p.days)} since ${p.name} last replied. What might have changed on their side in that time?`,
    'scenes.stage': (p) => `${p.name} has been in “${p.stage}” for ${days(p.days)}. What might be happening behind the scenes (budget, people, priorities) that the stage does not show?`,
    'scenes.role': (p) => `What is on ${p.person}'s plate as ${p.title} at ${p.company} this quarter that you have not asked about yet?`,
    'scenes.size': (p) => `What is shaping this year for a ${p.employees}-person ${p.industry} business like ${p.name}, beyond this deal?`,
    'scenes.unknown': (p) => `What is going on in ${p.name}'s business this quarter that the CRM would not show you?`,
    'peers.stalled': (p) => `${p.count} other ${p.industry} clients are also sitting in “${p.stage}”. What do they have in common with ${p.name}, and what does that suggest?`,
    'peers.theme': (p) => `${p.count} other ${p.industry} clients have raised tickets about ${p.theme} too. Is there a pattern here worth talking through with ${p.name}?`,
    'experts.ticket-owner': (p) => `${p.person} works ${p.name}'s support tickets. What could they tell you about how things are going before you reach out?`,
    'experts.colleague': (p) => `${p.person} also works with ${p.name}. What do they know about this client that you do not?`,
    'experts.unknown': (p) => `Who else in your company has spoken with ${p.name} lately, and what did they hear?`,
    'long-term.renewal': (p) => `What would make the next year genuinely better for ${p.name}, rather than simply renewed?`,
    'long-term.customer': (p) => `Where would you like your relationship with ${p.name} to be in a year's time, and does this follow-up move it there?`,
    'long-term.unknown': (p) => `What would a good year look like for ${p.name}, from their side of the table?`,
    'service.high': (p) => `${p.name} has ${tickets(p.count)}, ${p.high} of them high priority. Who on the service team could tell you how that is going before you call?`,
    'service.open': (p) => `${p.name} has ${tickets(p.count)}; ${plural(p.count, 'it has', 'one has')} been open for ${days(p.days)}. How might that colour the conversation you are about to have?`,
    'calm.fresh-lead': (p) => `${p.name} became a lead ${ago(p.days)}. What made them reach out, and what would be useful to them today?`,
    'calm.last-touch': (p) => `Your last ${TOUCH[p.touch]} with ${p.name} was ${ago(p.days)}. What did you learn then that should shape what you say next?`,
    'calm.need': (p) => `What do you actually know ${p.name} needs today, and how could you find out?`,
  },
  facts: {
    'last-reply': (f) => `last reply ${ago(f.days)}`,
    'never-replied': () => 'no reply yet',
    attempts: (f) => `${plural(f.count, '1 outreach attempt', '# outreach attempts')} since`,
    'last-touch': (f) => `last ${TOUCH[f.touch]} ${ago(f.days)}`,
    'stage-age': (f) => `${days(f.days)} in “${f.stage}”`,
    'stage-median': (f) => `pipeline median ${days(f.days)}`,
    'close-date': (f) => `close date ${inDays(f.days)}`,
    'quarter-end': (f) => `quarter ends ${inDays(f.days)}`,
    'close-pushed': (f) => `close date moved ${times(f.count)}`,
    'open-tickets': (f) => plural(f.count, '1 open ticket', '# open tickets'),
    'high-priority': (f) => `${f.count} high priority`,
    lifecycle: (f) => ({ lead: 'lead', opportunity: 'open opportunity', customer: 'customer', renewal: 'renewal ahead' })[f.phase],
    'record-age': (f) => `became a lead ${ago(f.days)}`,
    industry: (f) => f.industry,
    employees: (f) => `${f.count} employees`,
    'job-title': (f) => f.title,
    'peers-stalled': (f) => `${f.count} industry peers stalled at the same stage`,
    'peers-theme': (f) => `${f.count} industry peers with ${f.theme} tickets`,
    collaborator: (f) => `${f.person} also on the account`,
  },
  missing: {
    contact: 'contact',
    company: 'company',
    deal: 'deal',
    engagements: 'email and call history',
    industry: 'industry',
    'pipeline-medians': 'stage medians',
    peers: 'industry peers',
    owners: 'owners',
    tickets: 'tickets',
    'stale-engagements': 'recent activity (the newest is over 90 days old)',
  },
  why: { label: 'Why this card', noFacts: 'the CRM holds little about this client yet', missing: 'not in the CRM' },
  ui: { title: 'Before you follow up', helpful: 'Helpful', notHelpful: 'Not helpful', snooze: 'Snooze for this client', recognisedBy: 'Recognised by the rule “{rule}”', manageRules: 'Manage rules' },
};
