/**
 * One timeline entry as HubSpot's record timeline shows it: a kind label, who and when, a title
 * and the body. Plain-text properties (subjects, titles, email text) are escaped; rich-text ones
 * (note, call, meeting and task bodies) go through the allowlist sanitiser; the app's timeline
 * events are rendered from their templates. Unrobot's cards are marked `data-card="true"`.
 */
import type { SandboxState } from '../state.ts';
import { isCard, type TimelineEntry } from './contact-view.ts';
import { html, type SafeHtml } from './html.ts';
import type { TemplateRenderer } from './render-template.ts';
import { sanitizeRichText } from './sanitize.ts';

const WHEN = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** "3 Dec 2026, 12:05 UTC": the sandbox has no user time zone, so UTC, said so. */
export const formatTime = (at: number): string => `${WHEN.format(new Date(at))} UTC`;

const LABEL = { emails: 'Email', calls: 'Call', meetings: 'Meeting', tasks: 'Task', notes: 'Note' } as const;
const TASK_TYPE: Record<string, string> = { TODO: 'To-do', CALL: 'Call', EMAIL: 'Email', LINKED_IN: 'LinkedIn', MEETING: 'Meeting' };
const TASK_STATUS: Record<string, string> = { NOT_STARTED: 'Not started', IN_PROGRESS: 'In progress', WAITING: 'Waiting', COMPLETED: 'Completed', DEFERRED: 'Deferred' };

function engagementBody(entry: Extract<TimelineEntry, { kind: 'emails' | 'calls' | 'meetings' | 'tasks' | 'notes' }>): SafeHtml {
  const p = entry.record.properties;
  switch (entry.kind) {
    case 'emails': return html`<h3 class="entry-title">${p.hs_email_subject ?? '(no subject)'}</h3>
      ${p.hs_email_html ? sanitizeRichText(p.hs_email_html) : html`<p class="plain">${p.hs_email_text ?? ''}</p>`}`;
    case 'calls': return html`<h3 class="entry-title">${p.hs_call_title ?? 'Call'}</h3>${sanitizeRichText(p.hs_call_body ?? '')}`;
    case 'meetings': return html`<h3 class="entry-title">${p.hs_meeting_title ?? 'Meeting'}</h3>${sanitizeRichText(p.hs_meeting_body ?? '')}`;
    case 'tasks': {
      const due = p.hs_timestamp ? Date.parse(p.hs_timestamp) : Number.NaN;
      return html`<h3 class="entry-title task-subject">${p.hs_task_subject ?? ''}</h3>
        <p class="meta">${TASK_STATUS[p.hs_task_status ?? ''] ?? p.hs_task_status ?? ''}${Number.isNaN(due) ? '' : ` · due ${formatTime(due)}`}${p.hs_task_type ? ` · ${TASK_TYPE[p.hs_task_type] ?? p.hs_task_type}` : ''}</p>
        ${sanitizeRichText(p.hs_task_body ?? '')}`;
    }
    case 'notes': return sanitizeRichText(p.hs_note_body ?? '');
  }
}

function eventBody(state: SandboxState, renderer: TemplateRenderer, entry: Extract<TimelineEntry, { kind: 'event' }>): SafeHtml {
  const { event } = entry;
  const template = event.kind === 'timeline-v3' ? state.templates.get(event.eventTemplateId ?? '') : state.appEventTemplates.get(event.eventTypeName ?? '');
  if (template === undefined) return html`<p class="meta">The event's ${event.kind === 'timeline-v3' ? 'template' : 'event type'} no longer exists.</p>`;
  const context = event.kind === 'timeline-v3' ? { ...event.tokens, extraData: event.extraData } : { ...event.tokens };
  return html`<div class="entry-title">${renderer.render(template.headerTemplate ?? '', context)}</div>${renderer.render(template.detailTemplate ?? '', context)}`;
}

/** The entry as an `<li>` of the timeline list. */
export function renderTimelineEntry(state: SandboxState, renderer: TemplateRenderer, entry: TimelineEntry): SafeHtml {
  const card = isCard(entry);
  if (entry.kind === 'event') {
    const label = entry.event.kind === 'timeline-v3' ? 'Timeline event' : 'App event';
    return html`<li><article class="entry card" data-card="true" data-kind="${entry.event.kind}">
      <header><span class="kind">${label}</span> <span class="app">Unrobot</span> <time>${formatTime(entry.at)}</time></header>
      <div class="body">${eventBody(state, renderer, entry)}</div></article></li>`;
  }
  const who = card && entry.kind === 'notes' ? 'Unrobot' : entry.ownerName;
  return html`<li><article class="entry${card ? ' card' : ''}" data-card="${String(card)}" data-kind="${entry.kind}" data-id="${entry.record.id}">
    <header><span class="kind">${LABEL[entry.kind]}</span>${who ? html` <span class="${card ? 'app' : 'who'}">${who}</span>` : ''} <time>${formatTime(entry.at)}</time></header>
    <div class="body">${engagementBody(entry)}</div></article></li>`;
}
