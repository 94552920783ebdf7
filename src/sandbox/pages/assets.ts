/**
 * The pages' only script and stylesheet, served as same-origin files (`script-src 'self'`, no
 * inline code). Kept as strings here so the service ships them with its sources, built or not.
 * The script polls the fragments a page names (`data-poll`: the timeline, the contacts table) and posts the new-task form without a reload; the
 * pages work without it (the form posts and redirects back).
 */

export const TIMELINE_JS = `'use strict';
(() => {
  const polled = [...document.querySelectorAll('[data-poll]')];
  const last = new Map();
  let busy = false;
  async function refresh() {
    if (busy || document.hidden) return;
    busy = true;
    try {
      for (const element of polled) {
        const res = await fetch(element.dataset.poll, { headers: { accept: 'text/html' }, cache: 'no-store' });
        const text = res.ok ? await res.text() : undefined;
        if (text !== undefined && text !== last.get(element)) {
          last.set(element, text);
          element.innerHTML = text;
        }
      }
    } catch {
      // The sandbox is restarting or gone: the next tick tries again.
    } finally {
      busy = false;
    }
  }
  if (polled.length > 0) setInterval(refresh, 1500);
  const form = document.querySelector('form.new-task');
  if (!form) return;
  const status = form.querySelector('.status');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      const res = await fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)), headers: { accept: 'application/json' } });
      const answer = await res.json().catch(() => ({}));
      if (res.ok) {
        form.reset();
        status.textContent = 'Task created. When its wording is generic, an Unrobot card appears above it within seconds.';
        await refresh();
      } else {
        status.textContent = 'The task was not created: ' + (answer.message || res.status);
      }
    } catch {
      status.textContent = 'The task was not created: the sandbox did not answer.';
    } finally {
      button.disabled = false;
    }
  });
})();
`;

export const DEMO_CSS = `:root { --ink: #33475b; --muted: #516f90; --line: #cbd6e2; --panel: #fff; --bg: #f5f8fa; --accent: #ff7a59; --card: #fff8f5; --link: #0091ae; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
a { color: var(--link); }
.topbar { display: flex; gap: 16px; align-items: center; background: #2d3e50; color: #fff; padding: 10px 20px; }
.topbar .brand { color: #fff; font-weight: 600; text-decoration: none; }
.topbar .portal { color: #cbd6e2; font-size: 13px; }
main { padding: 16px 20px; }
h1 { font-size: 22px; margin: 4px 0 8px; }
h2 { font-size: 15px; margin: 18px 0 8px; }
.count { color: var(--muted); font-weight: 400; font-size: 0.8em; }
.meta { color: var(--muted); font-size: 13px; }
.lede { color: var(--muted); }
table.contacts { border-collapse: collapse; width: 100%; background: var(--panel); border: 1px solid var(--line); }
table.contacts th, table.contacts td { text-align: left; padding: 8px 12px; border-bottom: 1px solid var(--line); }
table.contacts th { background: #eaf0f6; font-weight: 600; }
table.contacts .num { text-align: right; }
tr.has-cards td:nth-child(4) { font-weight: 600; color: #c3552f; }
.crumbs { margin-bottom: 8px; color: var(--muted); }
.record { display: grid; grid-template-columns: 260px minmax(0, 1fr) 280px; gap: 16px; align-items: start; }
.about, .associations, .activity { background: var(--panel); border: 1px solid var(--line); border-radius: 4px; padding: 12px 16px; }
.about dl { margin: 12px 0 0; }
.about dt { font-size: 12px; color: var(--muted); margin-top: 8px; }
.about dd { margin: 0; overflow-wrap: anywhere; }
.associations ul { list-style: none; padding: 0; margin: 0; }
.associations li { border-top: 1px solid var(--line); padding: 6px 0; }
.associations li .meta { display: block; }
form.new-task { border: 1px solid var(--line); border-radius: 4px; padding: 10px 12px; background: #f5f8fa; }
form.new-task label { font-weight: 600; display: block; margin-bottom: 6px; }
form.new-task .row { display: flex; gap: 8px; }
form.new-task input { flex: 1; padding: 6px 8px; border: 1px solid var(--line); border-radius: 3px; font: inherit; }
form.new-task button { background: var(--accent); color: #fff; border: 0; border-radius: 3px; padding: 6px 14px; font: inherit; font-weight: 600; cursor: pointer; }
form.new-task .status { margin: 6px 0 0; min-height: 1.5em; color: var(--muted); }
ol.timeline { list-style: none; margin: 0; padding: 0; }
.entry { border: 1px solid var(--line); border-radius: 4px; padding: 10px 14px; margin: 0 0 10px; background: var(--panel); }
.entry header { font-size: 12px; color: var(--muted); display: flex; gap: 8px; align-items: baseline; }
.entry header .kind { font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; color: var(--ink); }
.entry header time { margin-left: auto; }
.entry .app { background: var(--accent); color: #fff; border-radius: 3px; padding: 0 6px; font-weight: 600; }
.entry.card { border-left: 4px solid var(--accent); background: var(--card); }
.entry .entry-title { font-size: 14px; margin: 6px 0 4px; }
.entry .entry-title p { margin: 0; font-weight: 600; }
.entry .body p { margin: 4px 0; }
.entry .body ul { margin: 4px 0; padding-left: 20px; }
.entry .plain { white-space: pre-wrap; }
.timeline-count { color: var(--muted); font-size: 13px; margin: 0 0 8px; }
[data-unrobot-card] { display: none; }
@media (max-width: 1000px) { .record { grid-template-columns: 1fr; } }
`;
