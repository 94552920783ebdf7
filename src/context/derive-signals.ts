/** From one CRM snapshot to the typed signals the questions are built on. Pure: `now` is passed in. */
import type { CrmSnapshot } from './crm-snapshot.ts';
import { MISSING_PARTS, type Completeness, type MissingPart, type Signals } from './signals.ts';
import { deriveFirmographics, deriveLifecycle, deriveTickets } from './account-signals.ts';
import { cleanText } from './clean-text.ts';
import { deriveCloseDate, deriveStageAge, primaryDeal } from './deal-signals.ts';
import { deriveCollaborators, deriveIdentity, derivePeers } from './people-signals.ts';
import { deriveSilence } from './silence-signal.ts';
import { daysSince } from './time.ts';

/** Engagement history older than this many days is reported as stale. */
export const STALE_AFTER_DAYS = 90;

/** Derives every signal the snapshot supports; absent data gives an absent signal, never a guess. */
export function deriveSignals(snapshot: CrmSnapshot, now: number): Signals {
  const deal = primaryDeal(snapshot);
  const tickets = deriveTickets(snapshot, now);
  const themes = (tickets?.open ?? []).flatMap((ticket) => (ticket.theme === undefined ? [] : [ticket.theme]));
  const subject = cleanText(snapshot.task.subject, 80);
  const task: Signals['task'] = {};
  if (subject !== undefined) task.subject = subject;
  if (snapshot.task.ownerId !== undefined) task.repOwnerId = snapshot.task.ownerId;
  if (snapshot.task.createdAt !== undefined) task.ageDays = daysSince(snapshot.task.createdAt, now);
  const signals: Signals = { client: deriveIdentity(snapshot), task, completeness: { missing: [], stale: [] } };
  // The optional signals, in this order, each only when present (no undefined keys).
  const silence = deriveSilence(snapshot, now);
  if (silence !== undefined) signals.silence = silence;
  const stageAge = deal === undefined ? undefined : deriveStageAge(snapshot, deal, now);
  if (stageAge !== undefined) signals.stageAge = stageAge;
  const closeDate = deal === undefined ? undefined : deriveCloseDate(snapshot, deal, now);
  if (closeDate !== undefined) signals.closeDate = closeDate;
  if (tickets !== undefined) signals.tickets = tickets;
  const lifecycle = deriveLifecycle(snapshot, now);
  if (lifecycle !== undefined) signals.lifecycle = lifecycle;
  const firmographics = deriveFirmographics(snapshot);
  if (firmographics !== undefined) signals.firmographics = firmographics;
  const peers = derivePeers(snapshot, deal, themes);
  if (peers !== undefined) signals.peers = peers;
  const collaborators = deriveCollaborators(snapshot);
  if (collaborators !== undefined) signals.collaborators = collaborators;
  signals.completeness = assessCompleteness(snapshot, signals, now);
  return signals;
}

function assessCompleteness(snapshot: CrmSnapshot, signals: Signals, now: number): Completeness {
  const missing = new Set<MissingPart>();
  for (const gap of snapshot.missing) {
    if (gap.part === 'ticket') missing.add('tickets');
    else if (gap.part === 'pipelines') missing.add('pipeline-medians');
    else if (gap.part !== 'portal') missing.add(gap.part);
  }
  if (snapshot.contacts.length === 0) missing.add('contact');
  if (snapshot.company === undefined) missing.add('company');
  else if (signals.firmographics?.industry === undefined) missing.add('industry');
  if (snapshot.engagements.length === 0 && signals.silence === undefined) missing.add('engagements');
  if (signals.stageAge !== undefined && signals.stageAge.medianDays === undefined) missing.add('pipeline-medians');
  if (signals.silence?.lastTouch !== undefined && signals.silence.lastTouch.subject === undefined) missing.add('last-subject');
  if (signals.tickets !== undefined && signals.tickets.open.every((ticket) => ticket.subject === undefined)) missing.add('ticket-subject');
  let newest = -Infinity;
  for (const engagement of snapshot.engagements) newest = Math.max(newest, engagement.timestamp);
  const stale: Completeness['stale'] =
    snapshot.engagements.length > 0 && daysSince(newest, now) > STALE_AFTER_DAYS ? ['engagements'] : [];
  return { missing: MISSING_PARTS.filter((part) => missing.has(part)), stale };
}
