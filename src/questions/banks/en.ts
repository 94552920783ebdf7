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
    'headline.service.high': [
      (p) => `Before you check in with ${p.name}: ${plural(p.count, 'how is their open ticket going', 'how are their # open tickets going')} from their side?`,
      (p) => `${p.name} has ${plural(p.count, 'an open support ticket', '# open support tickets')}: what would they want you to know about it before you check in?`,
      (p) => `Before you check in with ${p.name}: what is ${plural(p.count, 'their open ticket', 'each of their # open tickets')} costing them day to day?`,
    ],
    'headline.long-term.renewal': [
      (p) => `Before you talk renewal with ${p.name}: what has this past year been like for them?`,
      (p) => `With a renewal ahead for ${p.name}: what did they get from this past year, in their own words?`,
      (p) => `Before the renewal talk with ${p.name}: what would they change about working with you if they could?`,
    ],
    'headline.calm.fresh-lead': [
      (p) => `Before you reach out to ${p.name}: what made them get in touch ${ago(p.days)}?`,
      (p) => `${p.name} got in touch ${ago(p.days)}: what were they hoping to find when they did?`,
      (p) => `Before your first conversation with ${p.name}: what problem brought them to you ${ago(p.days)}?`,
    ],
    'headline.dark.unanswered': [
      (p) => `Before you reach out to ${p.name} again after ${plural(p.attempts, 'an unanswered message', '# unanswered messages')}: what would make the next one worth their time?`,
      (p) => `After ${plural(p.attempts, 'one unanswered message', '# unanswered messages')} to ${p.name}: what might they need from you that you have not offered yet?`,
      (p) => `Before you write to ${p.name} again: what could explain ${plural(p.attempts, 'the unanswered message', 'the # unanswered messages')} from their side?`,
    ],
    'headline.dark.since-reply': [
      (p) => `Before you follow up with ${p.name}: what has changed for them since they last replied ${ago(p.days)}?`,
      (p) => `${p.name} last replied ${ago(p.days)}: what might have shifted on their side since then?`,
      (p) => `Before you write to ${p.name}: what do you know about their situation today that you did not know when they last replied ${ago(p.days)}?`,
      (p) => `It has been quiet since ${p.name} last replied ${ago(p.days)}: what would be worth asking them about first?`,
    ],
    'headline.calm.since-touch': [
      (p) => `Before you follow up with ${p.name}: what has changed for them since your last ${TOUCH[p.touch]} ${ago(p.days)}?`,
      (p) => `Since your last ${TOUCH[p.touch]} with ${p.name} ${ago(p.days)}: what might be different for them today?`,
      (p) => `Before you reach out to ${p.name}: what did your last ${TOUCH[p.touch]} ${ago(p.days)} leave open for them?`,
      (p) => `Your last ${TOUCH[p.touch]} with ${p.name} was ${ago(p.days)}: what would make the next contact useful to them rather than routine?`,
    ],
    'headline.calm.last-subject': [
      (p) => `Before you follow up with ${p.name} on “${p.subject}”: what has moved for them since your ${TOUCH[p.touch]} ${ago(p.days)}?`,
      (p) => `Your last ${TOUCH[p.touch]} with ${p.name} was about “${p.subject}”, ${ago(p.days)}: where do things stand for them on it?`,
      (p) => `“${p.subject}” was your last ${TOUCH[p.touch]} with ${p.name}, ${ago(p.days)}: what is still open there from their side?`,
    ],
    'headline.dark.last-subject': [
      (p) => `“${p.subject}” went to ${p.name} ${ago(p.days)} and has no answer yet: what would they need to hear before replying?`,
      (p) => `Before you write to ${p.name} again: how might “${p.subject}”, sent ${ago(p.days)}, have read on their side?`,
    ],
    'headline.service.open': [
      (p) => `Before you reach out to ${p.name}: what is it like for them to have waited ${days(p.days)} on ${plural(p.count, 'an open ticket', 'the oldest of # open tickets')}?`,
      (p) => `${p.name} has been waiting ${days(p.days)} on support: how might that colour the way they hear from you?`,
    ],
    'headline.service.ticket-subject': [
      (p) => `Before you check in with ${p.name}: where do things stand for them with their open ticket “${p.subject}”?`,
      (p) => `${p.name} has an open ticket about “${p.subject}”: what would they want you to know about it before you call?`,
    ],
    'headline.long-term.customer': [
      (p) => `Before you reach out to ${p.name}: what has working with you been like for them so far?`,
      (p) => `${p.name} is a customer: what would make the next contact worth their time rather than routine?`,
    ],
    'headline.urgency.close-date': [
      (p) => `The close date for ${p.name} is ${inDays(p.days)}: is that their date or yours?`,
      (p) => `Before you follow up with ${p.name}: what does the close date ${inDays(p.days)} mean on their side?`,
    ],
    'headline.urgency.pushed': [
      (p) => `The close date with ${p.name} has moved ${times(p.count)}: what is their own timeline, as they would tell it?`,
      (p) => `Before you follow up with ${p.name}: what has kept the close date moving (${times(p.count)} so far) on their side?`,
    ],
    'headline.scenes.stage': [
      (p) => `${p.name} has been in “${p.stage}” for ${days(p.days)}: what might be going on behind the scenes on their side?`,
      (p) => `Before you follow up with ${p.name}: what would have to happen at their end to move past “${p.stage}” after ${days(p.days)}?`,
    ],
    'headline.scenes.role': [
      (p) => `Before you reach out to ${p.person} at ${p.company}: what does a good quarter look like for them as ${p.title}?`,
      (p) => `What is ${p.person} working towards as ${p.title} at ${p.company} this quarter, and how could your next contact serve that?`,
    ],
    'headline.peers.stalled': [
      (p) => `${p.name} and ${p.count} similar clients are all sitting in “${p.stage}”: what might be holding that kind of business there?`,
      (p) => `Before you follow up with ${p.name}: what are ${p.count} similar clients in “${p.stage}” waiting for, and does it apply here?`,
    ],
    'headline.peers.theme': [
      (p) => `${p.count} similar clients have raised ${p.theme} with support: is it on ${p.name}'s mind too?`,
      (p) => `Before you reach out to ${p.name}: does the ${p.theme} issue that ${p.count} similar clients raised matter to them as well?`,
    ],
    'headline.experts.ticket-owner': [
      (p) => `Before you reach out to ${p.name}: what has ${p.person} heard from them while working their tickets?`,
      (p) => `${p.person} works ${p.name}'s support tickets: what would ${p.person} tell you before your next contact?`,
    ],
    'headline.experts.colleague': [
      (p) => `Before you reach out to ${p.name}: what does ${p.person}, who also works with them, know that you do not?`,
      (p) => `${p.person} also works with ${p.name}: what should you ask ${p.person} before you get in touch?`,
    ],
    'headline.scenes.unknown': [
      (p) => `Before you reach out to ${p.name}: what might be going on in their business this quarter that the CRM does not show?`,
      (p) => `What has been on ${p.name}'s mind lately that would never show up in a CRM field?`,
    ],
    'headline.long-term.unknown': [
      (p) => `Before you reach out to ${p.name}: what would a good year with you look like from their side?`,
      (p) => `Looking a year ahead, what would ${p.name} want this next contact to have started?`,
    ],
    'headline.urgency.unknown': [
      (p) => `Before you follow up with ${p.name}: whose timeline is this task on, theirs or yours?`,
      (p) => `What is ${p.name}'s own timeline here, as far as you actually know, before you follow up?`,
    ],
    'headline.default': [
      (p) => `Before you act on this task: what would make the next step genuinely useful to ${p.name}?`,
      (p) => `What does ${p.name} need from this next contact, as they would put it themselves?`,
      (p) => `Before you work through this task: what would ${p.name} want to get out of hearing from you?`,
      (p) => `If ${p.name} could choose what you bring to the next conversation, what would it be?`,
    ],
  },
  questions: {
    'urgency.quarter-end': [
      (p) => `The close date for ${p.name} is ${inDays(p.days)}, and the quarter ends ${inDays(p.quarterDays)}. Is this follow-up on your timeline or on theirs?`,
      (p) => `${p.name}'s close date is ${inDays(p.days)} and the quarter ends ${inDays(p.quarterDays)}: which of those two dates is ${p.name} actually working towards?`,
      (p) => `The quarter ends ${inDays(p.quarterDays)} and ${p.name}'s close date is ${inDays(p.days)}: what would change for them if it moved, rather than for you?`,
    ],
    'urgency.pushed': [
      (p) => `The close date with ${p.name} has moved ${times(p.count)} already. What is their own timeline telling you?`,
      (p) => `${p.name}'s close date has slipped ${times(p.count)}: what is happening on their side that the new dates do not explain?`,
    ],
    'urgency.stage-pace': [
      (p) => `The deal with ${p.name} has sat in “${p.stage}” for ${days(p.days)}; your pipeline's median there is ${days(p.median)}. Whose pace is this follow-up set to, yours or theirs?`,
      (p) => `“${p.stage}” usually takes ${days(p.median)} in your pipeline, and ${p.name} has been there ${days(p.days)}: what is their pace telling you?`,
    ],
    'urgency.unknown': [
      (p) => `Whose timeline is this follow-up on, yours or ${p.name}'s, and how would you know?`,
      (p) => `What is ${p.name}'s own timeline for this, as far as you actually know?`,
    ],
    'dark.attempts': [
      (p) => `${p.name} last replied ${ago(p.days)}, and you have reached out ${times(p.attempts)} since. What might the silence be telling you?`,
      (p) => `You have written to ${p.name} ${times(p.attempts)} since their last reply ${ago(p.days)}: what could they be weighing up that you have not heard about?`,
      (p) => `${times(p.attempts)} without an answer since ${p.name} last replied ${ago(p.days)}: what would you do differently if you were in their shoes?`,
    ],
    'dark.never-replied': [
      (p) => `${p.name} has not replied to ${plural(p.attempts, 'your message', 'any of your # messages')} yet. What would make a conversation worth their time?`,
      (p) => `${plural(p.attempts, 'Your message', 'Your # messages')} to ${p.name} went unanswered so far: do you know whether this is the right person, at the right time?`,
    ],
    'dark.silence': [
      (p) => `It has been ${days(p.days)} since ${p.name} last replied. What might have changed on their side in that time?`,
      (p) => `${p.name} has been quiet for ${days(p.days)}: is there something on their side you could ask about, rather than something to chase?`,
      (p) => `What was going on for ${p.name} ${days(p.days)} ago, when they last replied, and what might have taken its place since?`,
    ],
    'dark.last-subject': [
      (p) => `Your last email to ${p.name}, “${p.subject}”, went out ${ago(p.days)} and has no reply yet: what in it mattered to them, and what did not?`,
      (p) => `${p.name} has not answered “${p.subject}”, sent ${ago(p.days)}: how might that subject look from where they sit?`,
      (p) => `“${p.subject}” has gone unanswered by ${p.name} for ${days(p.days)}: was it the right question for them, at the right time?`,
    ],
    'dark.unknown': [
      (p) => `What would tell you that ${p.name} is still with you, other than a quick reply?`,
      (p) => `When ${p.name} takes longer to answer, what is usually going on at their end?`,
    ],
    'scenes.stage': [
      (p) => `${p.name} has been in “${p.stage}” for ${days(p.days)}. What might be happening behind the scenes (budget, people, priorities) that the stage does not show?`,
      (p) => `What would have to change at ${p.name} for them to move past “${p.stage}”, where they have been for ${days(p.days)}?`,
      (p) => `${days(p.days)} in “${p.stage}” is a long time for ${p.name}: who on their side would have to say yes, and what are they waiting for?`,
    ],
    'scenes.role': [
      (p) => `What is on ${p.person}'s plate as ${p.title} at ${p.company} this quarter that you have not asked about yet?`,
      (p) => `As ${p.title} at ${p.company}, what is ${p.person} measured on this year, and how does your follow-up help with it?`,
      (p) => `What would make ${p.person}'s week easier as ${p.title} at ${p.company}, and do you know that for sure?`,
    ],
    'scenes.size': [
      (p) => `What is shaping this year for a ${p.employees}-person ${p.industry} business like ${p.name}, beyond this deal?`,
      (p) => `For a ${p.industry} business of ${p.employees} people like ${p.name}, what pressures this year might sit behind this conversation?`,
      (p) => `What does a ${p.employees}-person ${p.industry} business like ${p.name} have to get right this year, and where do you fit in?`,
    ],
    'scenes.unknown': [
      (p) => `What is going on in ${p.name}'s business this quarter that the CRM would not show you?`,
      (p) => `What has changed at ${p.name} lately that would not show up in a CRM field?`,
      (p) => `Which decisions is ${p.name} facing this quarter that you have only guessed at so far?`,
    ],
    'peers.stalled': [
      (p) => `${p.count} other ${p.industry} clients are also sitting in “${p.stage}”. What do they have in common with ${p.name}, and what does that suggest?`,
      (p) => `${p.name} and ${p.count} other ${p.industry} clients are all in “${p.stage}”: what holds that kind of business at this step?`,
    ],
    'peers.theme': [
      (p) => `${p.count} other ${p.industry} clients have raised tickets about ${p.theme} too. Is there a pattern here worth talking through with ${p.name}?`,
      (p) => `${p.theme} keeps coming up in tickets from ${p.count} other ${p.industry} clients: does ${p.name} feel it too?`,
    ],
    'peers.unknown': [
      (p) => `Which of your other clients is most like ${p.name}, and what did you learn from working with them?`,
      (p) => `What do clients like ${p.name} usually struggle with at this point, and does it apply here?`,
    ],
    'experts.ticket-owner': [
      (p) => `${p.person} works ${p.name}'s support tickets. What could they tell you about how things are going before you reach out?`,
      (p) => `Before you reach out to ${p.name}, what has ${p.person} heard from them on the support side?`,
    ],
    'experts.colleague': [
      (p) => `${p.person} also works with ${p.name}. What do they know about this client that you do not?`,
      (p) => `What would ${p.person}, who also works with ${p.name}, want you to know before this contact?`,
    ],
    'experts.unknown': [
      (p) => `Who else in your company has spoken with ${p.name} lately, and what did they hear?`,
      (p) => `Which colleague knows ${p.name} from another angle (support, finance, delivery), and what would they add?`,
      (p) => `Who in your company could tell you something about ${p.name} that the record does not?`,
    ],
    'long-term.renewal': [
      (p) => `What would make the next year genuinely better for ${p.name}, rather than simply renewed?`,
      (p) => `Looking past this renewal, what would ${p.name} need from you to grow with you over the next few years?`,
    ],
    'long-term.customer': [
      (p) => `Where would you like your relationship with ${p.name} to be in a year's time, and does this follow-up move it there?`,
      (p) => `What would make ${p.name} recommend you to a peer a year from today?`,
      (p) => `What has ${p.name} achieved with you so far, and what would they want to achieve next?`,
    ],
    'long-term.unknown': [
      (p) => `What would a good year look like for ${p.name}, from their side of the table?`,
      (p) => `Where could ${p.name} be in two years, and what part could you play in getting them there?`,
      (p) => `Looking back a year from today, what would ${p.name} count as a good outcome of working with you?`,
    ],
    'service.high': [
      (p) => `${p.name} has ${tickets(p.count)}, ${p.high} of them high priority. Who on the service team could tell you how that is going before you call?`,
      (p) => `With ${tickets(p.count)} at ${p.name}, ${p.high} of them high priority: how is that landing with them, and who on your side knows?`,
    ],
    'service.open': [
      (p) => `${p.name} has ${tickets(p.count)}; ${plural(p.count, 'it has', 'one has')} been open for ${days(p.days)}. How might that colour the conversation you are about to have?`,
      (p) => `${p.name} has waited ${days(p.days)} on ${plural(p.count, 'an open ticket', 'the oldest of # open tickets')}: what is it like to hear from sales in the middle of that?`,
    ],
    'service.ticket-subject': [
      (p) => `${p.name} has ${plural(p.count, 'an open ticket', '# open tickets, one of them')} about “${p.subject}”: how is that going from their side, and who on your team could tell you?`,
      (p) => `What does “${p.subject}”, ${plural(p.count, 'the ticket', 'one of the # tickets')} ${p.name} has open with support, mean for their work day to day?`,
    ],
    'service.unknown': [
      (p) => `If something about your product or service were bothering ${p.name} lately, how would you hear about it?`,
      (p) => `How is ${p.name}'s experience with your team so far, from their side rather than from the CRM?`,
    ],
    'calm.fresh-lead': [
      (p) => `${p.name} became a lead ${ago(p.days)}. What made them reach out, and what would be useful to them today?`,
      (p) => `${p.name} became a lead ${ago(p.days)}: what do you know about what they were looking for, and what are you assuming?`,
    ],
    'calm.last-touch': [
      (p) => `Your last ${TOUCH[p.touch]} with ${p.name} was ${ago(p.days)}. What did you learn then that should shape what you say next?`,
      (p) => `What did ${p.name} tell you in your ${TOUCH[p.touch]} ${ago(p.days)} that this follow-up should build on?`,
      (p) => `Thinking back to your ${TOUCH[p.touch]} with ${p.name} ${ago(p.days)}: what did they ask for that you have not followed up on yet?`,
    ],
    'calm.last-subject': [
      (p) => `Your last ${TOUCH[p.touch]} with ${p.name} was about “${p.subject}”, ${ago(p.days)}: what did they answer, and what is still open for them?`,
      (p) => `What did you take away from “${p.subject}”, your ${TOUCH[p.touch]} with ${p.name} ${ago(p.days)}, and what would they want to pick up from there?`,
      (p) => `When you last spoke with ${p.name} about “${p.subject}” (${TOUCH[p.touch]}, ${ago(p.days)}), what did they care about most?`,
    ],
    'calm.need': [
      (p) => `What do you actually know ${p.name} needs today, and how could you find out?`,
      (p) => `What is ${p.name} trying to get done at the moment, and where could you actually help?`,
      (p) => `If you asked ${p.name} what would help them most this week, what do you think they would say?`,
    ],
    'urgency.close-date': [
      (p) => `What would have to be true on ${p.name}'s side for the close date ${inDays(p.days)} to hold, and have they said so?`,
      (p) => `Who set the close date ${inDays(p.days)} for ${p.name}: them, or your pipeline?`,
    ],
    'dark.last-touch': [
      (p) => `Since your last ${TOUCH[p.touch]} with ${p.name} ${ago(p.days)}, what might they have been waiting to hear from you?`,
      (p) => `What did your ${TOUCH[p.touch]} ${ago(p.days)} ask of ${p.name}, and was it easy for them to answer?`,
    ],
    'peers.industry': [
      (p) => `What have your other ${p.industry} clients cared about most at this point, and does ${p.name} share it?`,
      (p) => `What do ${p.industry} businesses like ${p.name} tend to run into this time of year, and have you asked?`,
    ],
    'experts.role': [
      (p) => `Who in your company knows what a role like ${p.title} at ${p.company} is judged on, and have you asked them?`,
      (p) => `Which colleague has worked with people in the role of ${p.title} and could tell you what matters to them at ${p.company}?`,
    ],
    'long-term.industry': [
      (p) => `Where does ${p.name} want to be as a ${p.industry} business in three years, and how would you know?`,
      (p) => `What is changing in ${p.industry} that ${p.name} will have to answer in the next few years?`,
    ],
    'service.customer': [
      (p) => `When did someone last ask ${p.name} how working with your team is going, and what did they say?`,
      (p) => `What would ${p.name} say works well with your service, and what would they quietly change?`,
    ],
    'dark.stage-silence': [
      (p) => `${p.name} went quiet ${days(p.days)} ago while the deal sits in “${p.stage}”: what does that step ask of them that might be hard right at this point?`,
      (p) => `What would “${p.stage}” take on ${p.name}'s side that could explain ${days(p.days)} without a reply?`,
    ],
    'scenes.role-stage': [
      (p) => `What would ${p.person} need, as ${p.title}, to take “${p.stage}” forward inside ${p.company}?`,
      (p) => `Who besides ${p.person} (${p.title}) has a say at ${p.company} before “${p.stage}” can move, and what do they care about?`,
    ],
  },
  facts: {
    'last-reply': (f) => `last reply ${ago(f.days)}`,
    'never-replied': () => 'no reply yet',
    attempts: (f) => `${plural(f.count, '1 outreach attempt', '# outreach attempts')} since`,
    'last-touch': (f) => `last ${TOUCH[f.touch]} ${ago(f.days)}`,
    'last-subject': (f) => `last ${TOUCH[f.touch]} “${f.subject}” ${ago(f.days)}`,
    'ticket-subject': (f) => `open ticket “${f.subject}”`,
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
    'last-subject': 'the subject of the last email, call or meeting',
    'ticket-subject': 'the subjects of the open tickets',
    'stale-engagements': 'recent activity (the newest is over 90 days old)',
  },
  why: { label: 'Why this card', noFacts: 'the CRM holds little about this client yet', missing: 'not in the CRM' },
  ui: { title: 'Before you follow up', helpful: 'Helpful', notHelpful: 'Not helpful', snooze: 'Snooze for this client', recognisedBy: 'Recognised by the rule “{rule}”', manageRules: 'Manage rules' },
};
