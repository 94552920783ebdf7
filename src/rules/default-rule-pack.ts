import { ACTION_PHRASES, POINTER_PHRASES, TOPIC_WORDS } from './default-rule-phrases.ts';
import type { PhrasesByLocale, Rule } from './rule-schema.ts';

type Conditions = Rule['conditions'];

const NO_CONDITIONS: Conditions = { phrases: {}, patterns: [], taskTypes: [], origins: [], exclusions: TOPIC_WORDS, matchesBarePrompt: false, phraseRole: 'action', matchesTemplateSlots: false, matchesScorer: false };

function rule(id: string, name: string, description: string, conditions: Partial<Conditions>): Rule {
  return { id, name, description, enabled: true, version: 2, conditions: { ...NO_CONDITIONS, ...conditions } };
}

function phrasesOf(id: keyof typeof ACTION_PHRASES): PhrasesByLocale {
  return ACTION_PHRASES[id];
}

/**
 * The rules every portal starts with, for prompts as HubSpot users and sequences write them in
 * English, German, French, Spanish, Dutch, Portuguese and Italian.
 *
 * What "robotic" means (the labelling rules the evaluation corpus follows, `eval/corpus/README.md`):
 * a prompt is generic when it asks the rep to contact or act with no client-specific reason or
 * content. A name, a channel, a time, a company, or a bare pointer to an earlier artifact ("the
 * proposal", "the demo") does not make it specific; nor do politeness and urgency words. Topic-less
 * invitations ("Grab coffee sometime?"), topic-less questions ("See whether they need anything
 * else") and templates whose only slots are name, company or days are generic. A prompt is
 * specific when it holds a concrete purpose, topic, client need or deliverable content ("Send the
 * HIPAA addendum their counsel asked for"). Bare stage steps ("Send pricing sheet") are borderline.
 *
 * Each rule fires only when nothing client-specific remains besides its phrases: the engine removes
 * names, dates, channels, pointers, fillers and template slots, and judges what is left.
 */
/** The rule of general task verbs ("prepare", "send", "review"): a contact verb beside one speaks first. */
export const VAGUE_WORK_RULE = 'vague-work';

export const DEFAULT_RULE_PACK: readonly Rule[] = [
  rule('follow-up', 'Generic follow-up', 'A task that only says to follow up or chase ("Follow up", "Nachfassen", "Relancer"), with nothing about what to follow up on.', { phrases: phrasesOf('follow-up') }),
  rule('check-in', 'Check in / touch base', 'A task that only says to check in, touch base or circle back ("Check in with Jane", "Touch base"), without a topic.', { phrases: phrasesOf('check-in') }),
  rule('reach-out', 'Reach out / contact', 'A task that only says to reach out, contact, reply to or ping someone ("Reach out to Tom", "Send a quick intro", "Kontakt aufnehmen"), without a reason.', { phrases: phrasesOf('reach-out') }),
  rule('call-again', 'Call / call back', 'A call task that only says to call, call back or try again after no answer ("Call - no answer, try again"), without a reason for the call.', { phrases: phrasesOf('call-again') }),
  rule('email-again', 'Email without a topic', 'A task that only says to send an email ("Email", "Reminder email", "E-Mail schicken"), without saying what about.', { phrases: phrasesOf('email-again') }),
  rule('reminder', 'Reminder', 'A task that only says to send or act on a reminder ("Reminder: reach out", "Erinnerung senden").', { phrases: phrasesOf('reminder') }),
  rule('linkedin-touch', 'LinkedIn touch', 'A sequence-style LinkedIn step ("Connect on LinkedIn", "Send connection request") with no personal reason.', { phrases: phrasesOf('linkedin-touch') }),
  rule('meeting-no-agenda', 'Meeting without an agenda', 'A task to book, move or confirm a meeting that says nothing about what it is for ("Move our call to Thursday", "Termin vereinbaren").', { phrases: phrasesOf('meeting-no-agenda') }),
  rule('topicless-invitation', 'Invitation without a topic', 'A relationship invitation with nothing to talk about ("Grab breakfast sometime?", "Drinks after the conference?", "Visit their office when I\'m in Denver").', { phrases: phrasesOf('topicless-invitation') }),
  rule('topicless-question', 'Question without a topic', 'A question with no subject ("See whether they need anything else", "Ask if the team has further thoughts", "Any questions?").', { phrases: phrasesOf('topicless-question') }),
  rule(VAGUE_WORK_RULE, 'Vague work item', 'A work item that names no work ("Work the Globex account", "Progress open items", "More info needed on the opportunity").', { phrases: phrasesOf('vague-work') }),
  rule(
    'pointer-follow-up',
    'Bare pointer to an earlier artifact',
    'A prompt whose only object is a bare pointer to something earlier ("Follow up re: the SOW", "Chase the order form", "Ping them about the trial"): the noun points at an artifact but says nothing about the client. Switched off, such pointers count as specific content.',
    { phrases: POINTER_PHRASES, phraseRole: 'pointer' },
  ),
  rule(
    'template-slots',
    'Unfilled template',
    'A prompt whose only content was unfilled template slots or sequence shorthand ("{{company.name}}", "[First Name] - intro", "%DAYS% days since last reply", "<<Account>>").',
    { matchesTemplateSlots: true },
  ),
  rule(
    'learned-generic',
    'Generic wording (trained scorer)',
    'A prompt where the rules leave words they cannot place, no topic is named, and a small scorer trained on labelled task prompts reads the whole prompt as generic wording ("Follow up, crickets so far"). Switched off, such prompts count as specific.',
    { matchesScorer: true },
  ),
  rule(
    'nothing-specific',
    'Nothing client-specific',
    'A task with no client-specific content at all: once names, dates, channels, bare pointers and filler are removed, nothing is left ("Send info", "Need a price: urgent", "Deadline!").',
    { matchesBarePrompt: true },
  ),
  rule(
    'bare-contact-task',
    'Call or email task with only a name',
    'A call, email or LinkedIn task whose subject holds nothing but the contact\'s name, a date or a template token, so the task type is the whole instruction.',
    { taskTypes: ['CALL', 'EMAIL', 'LINKED_IN'], matchesBarePrompt: true },
  ),
];
