/**
 * The demo's pages, drawn like HubSpot's: the contacts index and a contact record (properties
 * on the left, the timeline with a new-task form in the middle, deals and tickets on the right).
 * Scripts and styles are same-origin files (`assets.ts`); the pages carry no inline code.
 */
import type { Portal } from '../portal.ts';
import type { SandboxState } from '../state.ts';
import type { ContactRecordView, ContactSummary, TimelineEntry } from './contact-view.ts';
import { isCard } from './contact-view.ts';
import { html, type SafeHtml } from './html.ts';
import type { TemplateRenderer } from './render-template.ts';
import { formatTime, renderTimelineEntry } from './render-timeline-entry.ts';

export const recordPath = (portalId: number, contactId: string): string => `/contacts/${portalId}/record/0-1/${encodeURIComponent(contactId)}`;

const fullName = (p: Record<string, string | null>): string => [p.firstname, p.lastname].filter(Boolean).join(' ') || p.email || '(no name)';
const titleCase = (value: string | null | undefined): string => (value ?? '').replace(/^\w/, (c) => c.toUpperCase());

function layout(title: string, portal: Portal, main: SafeHtml): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Unrobot demo (HubSpot sandbox)</title>
<link rel="stylesheet" href="/__sandbox/assets/demo.css"><script src="/__sandbox/assets/timeline.js" defer></script></head>
<body><header class="topbar"><a href="/" class="brand">HubSpot sandbox</a><span class="portal">Demo portal ${portal.portalId} · nothing here leaves this machine</span></header>
<main>${main}</main></body></html>`.value;
}

/** The index's table and its lede: the poller swaps exactly this. */
export function renderContactTable(portal: Portal, contacts: ContactSummary[]): SafeHtml {
  const rows = contacts.map((s) => html`<tr${s.cards > 0 ? html` class="has-cards"` : ''}>
    <td><a href="${recordPath(portal.portalId, s.contact.id)}">${fullName(s.contact.properties)}</a></td>
    <td>${s.companyName ?? ''}</td><td class="num">${s.openTasks}</td><td class="num">${s.cards}</td>
    <td>${s.newestCardAt === undefined ? '' : formatTime(s.newestCardAt)}</td></tr>`);
  const carded = contacts.filter((s) => s.cards > 0).length;
  return html`<p class="lede">${carded === 0 ? 'No Unrobot cards yet: they appear within seconds of a robotic task.' : `${carded} contacts have Unrobot cards; newest card first.`} Open a contact to see its timeline and create a task.</p>
<table class="contacts"><thead><tr><th scope="col">Name</th><th scope="col">Company</th><th scope="col" class="num">Open tasks</th><th scope="col" class="num">Unrobot cards</th><th scope="col">Newest card</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

export const contactListFragmentPath = (portalId: number): string => `/contacts/${portalId}/objects/0-1/fragment`;

export function renderContactList(portal: Portal, contacts: ContactSummary[]): string {
  return layout('Contacts', portal, html`<h1>Contacts <span class="count">${contacts.length}</span></h1>
<div id="contacts" data-poll="${contactListFragmentPath(portal.portalId)}">${renderContactTable(portal, contacts)}</div>`);
}

/** The timeline's inner HTML: the poller swaps exactly this. */
export function renderTimeline(state: SandboxState, renderer: TemplateRenderer, timeline: TimelineEntry[]): SafeHtml {
  const cards = timeline.filter(isCard).length;
  return html`<p class="timeline-count" data-cards="${cards}">${timeline.length} activities · ${cards} Unrobot ${cards === 1 ? 'card' : 'cards'}</p>
<ol class="timeline">${timeline.map((entry) => renderTimelineEntry(state, renderer, entry))}</ol>`;
}

function property(label: string, value: string | null | undefined): SafeHtml {
  return html`<dt>${label}</dt><dd>${value || '—'}</dd>`;
}

export function renderContactRecord(state: SandboxState, renderer: TemplateRenderer, portal: Portal, view: ContactRecordView): string {
  const p = view.contact.properties;
  const path = recordPath(portal.portalId, view.contact.id);
  const deals = view.deals.map(({ record, stageLabel }) => html`<li><strong>${record.properties.dealname ?? ''}</strong>
    <span class="meta">${stageLabel}${record.properties.closedate ? ` · closes ${formatTime(Date.parse(record.properties.closedate)).replace(/, .*$/, '')}` : ''}${record.properties.amount ? ` · ${Number(record.properties.amount).toLocaleString('en-US')}` : ''}</span></li>`);
  const tickets = view.tickets.map(({ record, stageLabel }) => html`<li><strong>${record.properties.subject ?? ''}</strong>
    <span class="meta">${stageLabel}${record.properties.hs_ticket_priority ? ` · ${titleCase(record.properties.hs_ticket_priority.toLowerCase())} priority` : ''}</span></li>`);
  return layout(fullName(p), portal, html`<nav class="crumbs"><a href="/">Contacts</a> › ${fullName(p)}</nav>
<div class="record">
<aside class="about"><h1>${fullName(p)}</h1><p class="meta">${p.jobtitle ?? ''}${p.jobtitle && view.company ? ' at ' : ''}${view.company?.properties.name ?? ''}</p>
<dl>${property('Email', p.email)}${property('Job title', p.jobtitle)}${property('Company', view.company?.properties.name ?? p.company)}${property('Lifecycle stage', titleCase(p.lifecyclestage))}${property('Contact owner', view.ownerName)}</dl></aside>
<section class="activity" aria-labelledby="timeline-heading">
<form class="new-task" method="post" action="${path}/tasks" data-timeline="${path}/timeline">
<label for="task-subject">New task for ${fullName(p)}</label>
<div class="row"><input id="task-subject" name="subject" required maxlength="500" placeholder="Follow up now" autocomplete="off">
<select name="type" aria-label="Task type"><option value="TODO">To-do</option><option value="CALL">Call</option><option value="EMAIL">Email</option></select>
<button type="submit">Create task</button></div><p class="status" role="status" aria-live="polite"></p></form>
<h2 id="timeline-heading">Activity</h2>
<div id="timeline" data-poll="${path}/timeline" aria-live="polite">${renderTimeline(state, renderer, view.timeline)}</div></section>
<aside class="associations"><h2>Company</h2><p>${view.company?.properties.name ?? '—'}${view.company?.properties.industry ? html` <span class="meta">${titleCase(view.company.properties.industry.toLowerCase().replaceAll('_', ' '))}</span>` : ''}</p>
<h2>Deals <span class="count">${view.deals.length}</span></h2>${view.deals.length === 0 ? html`<p class="meta">No deals.</p>` : html`<ul>${deals}</ul>`}
<h2>Tickets <span class="count">${view.tickets.length}</span></h2>${view.tickets.length === 0 ? html`<p class="meta">No tickets.</p>` : html`<ul>${tickets}</ul>`}</aside>
</div>`);
}

export function renderNotFound(portal: Portal | undefined, what: string): string {
  const body = html`<h1>Not found</h1><p>${what}</p><p><a href="/">Back to the contacts</a></p>`;
  return portal ? layout('Not found', portal, body) : html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title><link rel="stylesheet" href="/__sandbox/assets/demo.css"></head><body><main>${body}</main></body></html>`.value;
}
