// The settings page. Every value reaches the DOM through textContent or DOM properties, never
// innerHTML, so rule names, phrases and task subjects are shown as text whatever they contain.
const SVG = 'http://www.w3.org/2000/svg';
const LENS_NAMES = {
  'whose-urgency': 'Whose urgency is this?', 'going-dark': 'What a silent client may be telling you',
  'behind-the-scenes': 'Behind the scenes of their business', 'common-denominators': 'Common denominators across clients',
  'internal-experts': 'Internal experts who could help', 'long-term': "The client's long-term health",
  'service-experience': 'Their service experience', 'calm-attention': 'Calm attention to what they need',
};
const SKIP_NAMES = {
  'not-robotic': 'Prompt was specific', 'rule-disabled': 'Rule switched off', 'below-threshold': 'Below confidence threshold',
  'task-completed': 'Task completed', 'task-deleted': 'Task deleted', 'no-associated-record': 'No contact, company or deal',
  'task-already-carded': 'Task already had a card', 'privacy-deletion': 'Contact asked to be forgotten', 'portal-unknown': 'No HubSpot access for this portal then', 'record-snoozed': 'Client snoozed', 'client-replied-recently': 'Client replied recently',
  'record-cooldown': 'Record cooldown', 'rep-daily-budget': "Rep's daily budget reached",
};

const state = { me: null, settings: null, rules: [], edits: new Map(), target: null, admins: [] };

/** The rule a card links to: `/settings#rule-<id>` (ids are lowercase letters, digits and dashes). */
function targetFromHash() {
  const match = /^#rule-([a-z0-9][a-z0-9-]{0,63})$/.exec(decodeURIComponent(window.location.hash));
  return match ? match[1] : null;
}

/** Creates an element; strings become text nodes, never markup. */
function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key in node && typeof value !== 'string') node[key] = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) if (child !== undefined && child !== null) node.append(child instanceof Node ? child : String(child));
  return node;
}
function s(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = String(text);
  return node;
}
const byId = (id) => document.getElementById(id);
const status = (message) => { byId('status').textContent = message; };

async function api(method, path, body) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && state.me?.csrfToken) headers['x-csrf-token'] = state.me.csrfToken;
  const response = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401) { window.location.assign('/settings'); throw new Error('signed out'); }
  const data = await response.json();
  if (!response.ok) { const error = new Error(data.error?.message ?? 'Request failed'); error.body = data.error; throw error; }
  return data;
}

// ---------- rules ----------

function ruleEdit(rule) {
  const edit = state.edits.get(rule.id) ?? {};
  state.edits.set(rule.id, edit);
  return edit;
}

function problemsFor(error) {
  return error.body?.problems ?? [{ path: '', message: error.message }];
}

function renderRule(rule) {
  const id = `rule-${rule.id}`;
  const edit = ruleEdit(rule);
  const errors = h('ul', { class: 'errors', id: `${id}-errors` });
  const toggle = h('input', { type: 'checkbox', id: `${id}-enabled`, checked: edit.enabled ?? rule.enabled, 'aria-describedby': `${id}-desc`,
    onchange: (event) => { edit.enabled = event.target.checked; markDirty(); } });
  const patterns = h('textarea', { id: `${id}-patterns`, rows: 2, dir: 'auto', 'aria-describedby': `${id}-patterns-help ${id}-errors`,
    oninput: (event) => { edit.patterns = event.target.value.split('\n').map((line) => line.trim()).filter(Boolean); markDirty(); } });
  patterns.value = (edit.patterns ?? rule.patterns).join('\n');
  const locale = h('select', { id: `${id}-locale` }, ...['en', 'de', 'fr', 'es', 'nl', 'pt', 'it'].map((code) => h('option', { value: code }, code)));
  const add = h('input', { type: 'text', id: `${id}-add`, dir: 'auto', autocomplete: 'off' });
  const remove = h('input', { type: 'text', id: `${id}-remove`, dir: 'auto', autocomplete: 'off' });
  const phraseLists = Object.entries(rule.phrases).map(([code, list]) =>
    h('p', { class: 'phrases' }, h('span', { class: 'locale' }, code), ' ', h('bdi', {}, list.phrases.join(' · ') || '(none)')));
  const save = async () => {
    errors.replaceChildren();
    const patch = {};
    if (edit.enabled !== undefined && edit.enabled !== rule.enabled) patch.enabled = edit.enabled;
    if (edit.patterns !== undefined && edit.patterns.join('\n') !== rule.patterns.join('\n')) patch.patterns = edit.patterns;
    const split = (value) => value.split(',').map((p) => p.trim()).filter(Boolean);
    const phrases = { ...(split(add.value).length && { add: split(add.value) }), ...(split(remove.value).length && { remove: split(remove.value) }) };
    if (Object.keys(phrases).length > 0) patch.phrases = { [locale.value]: phrases };
    if (Object.keys(patch).length === 0) { status(`Nothing to save for “${rule.name}”.`); return; }
    try {
      await api('PATCH', `/api/v1/rules/${encodeURIComponent(rule.id)}`, patch);
      state.edits.delete(rule.id);
      status(`Saved “${rule.name}”.`);
      await Promise.all([loadRules(), loadAudit()]);
    } catch (error) {
      for (const problem of problemsFor(error)) errors.append(h('li', { dir: 'auto' }, problem.message));
      status(`“${rule.name}” was not saved; see the errors under it.`);
      patterns.focus();
    }
  };
  const targeted = state.target === rule.id;
  return h('article', { class: targeted ? 'rule target' : 'rule', id, 'data-rule-id': rule.id, tabindex: targeted ? '-1' : undefined,
    'aria-labelledby': `${id}-name`, 'aria-current': targeted ? 'true' : undefined },
    targeted ? h('p', { class: 'target-note', id: `${id}-target` }, '★ The rule named on your card. Switch it off below, then run a preview to see the effect before you save.') : null,
    h('div', { class: 'rule-head' },
      h('h3', { dir: 'auto', id: `${id}-name` }, rule.name),
      h('label', { class: 'switch', for: `${id}-enabled` }, toggle, h('span', {}, ' On'))),
    h('p', { id: `${id}-desc`, dir: 'auto' }, rule.description),
    h('p', { class: 'meta' }, `Rule id: ${rule.id} · ${rule.customized ? 'changed for this portal' : 'default'}`),
    h('details', {},
      h('summary', {}, 'Phrases and patterns'),
      ...phraseLists,
      h('div', { class: 'row' },
        h('label', { for: `${id}-locale` }, 'Language'), locale,
        h('label', { for: `${id}-add` }, 'Add phrases (comma-separated)'), add,
        h('label', { for: `${id}-remove` }, 'Remove phrases (comma-separated)'), remove),
      h('label', { for: `${id}-patterns` }, 'Patterns (one per line)'),
      h('p', { id: `${id}-patterns-help`, class: 'help' }, 'Regular expressions, at most 256 characters; look-around and back-references are not supported.'),
      patterns),
    errors,
    h('button', { type: 'button', onclick: save }, `Save “${rule.name}”`));
}

function renderRules() {
  const filter = byId('rule-filter').value.trim().toLowerCase();
  const visible = state.rules.filter((rule) => !filter || [rule.id, rule.name, rule.description, ...Object.values(rule.phrases).flatMap((list) => list.phrases)]
    .some((text) => text.toLowerCase().includes(filter)));
  byId('rule-list').replaceChildren(...(visible.length ? visible.map(renderRule) : [h('p', {}, 'No rule matches.')]));
  applyReadOnly();
}

async function loadRules() {
  state.rules = (await api('GET', '/api/v1/rules')).rules;
  renderRules();
}

/** Opens the page at the rule a card named: scrolled to, focused, marked in text and colour. */
function showTarget() {
  const ruleId = targetFromHash();
  if (!ruleId) return;
  const rule = state.rules.find((candidate) => candidate.id === ruleId);
  if (!rule) { status(`No rule with the id “${ruleId}” exists for this portal; it may have been removed.`); return; }
  state.target = ruleId;
  // A filter that hides the rule would hide what the link promised.
  byId('rule-filter').value = '';
  renderRules();
  const node = byId(`rule-${ruleId}`);
  node.scrollIntoView({ block: 'start' });
  node.focus({ preventScroll: true });
  status(`Showing the rule “${rule.name}”, named on your card.`);
}

function markDirty() { status('You have unsaved changes. Run a preview to see their effect, or save them.'); }

// ---------- settings ----------

function field(id, label, input, help) {
  input.id = id;
  if (help) input.setAttribute('aria-describedby', `${id}-help`);
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, help ? h('p', { class: 'help', id: `${id}-help` }, help) : null);
}
const number = (value, min, max, step = 1) => h('input', { type: 'number', value: String(value), min: String(min), max: String(max), step: String(step) });

function renderSettings() {
  const v = state.settings;
  const form = byId('settings-form');
  const channel = h('select', {}, ...['note', 'timeline-v3', 'app-event', 'task-body'].map((c) => h('option', { value: c, selected: v.delivery.channel === c }, c)));
  const lenses = Object.keys(LENS_NAMES).map((lens) => h('div', { class: 'check' },
    h('input', { type: 'checkbox', id: `lens-${lens}`, checked: v.lenses[lens] }), h('label', { for: `lens-${lens}` }, LENS_NAMES[lens])));
  form.replaceChildren(
    h('fieldset', {}, h('legend', {}, 'Thresholds'),
      field('silence-days', 'Days of client silence that count as a signal', number(v.thresholds.silenceDays, 1, 365)),
      field('stage-age', 'Stalled deal: multiple of the median time in stage', number(v.thresholds.stageAgeMultiple, 1, 10, 0.1))),
    h('fieldset', {}, h('legend', {}, 'Lenses (at least one on)'), ...lenses),
    h('fieldset', {}, h('legend', {}, 'Anti-noise'),
      field('budget', 'Cards per rep per day', number(v.antiNoise.dailyBudgetPerRep, 0, 100), '0 pauses cards without switching rules off.'),
      field('cooldown', 'Hours between cards about the same record', number(v.antiNoise.recordCooldownHours, 0, 2160)),
      field('reply-window', 'No card when the client replied within (hours)', number(v.antiNoise.clientReplyWindowHours, 0, 2160)),
      field('snooze', 'Days a snooze lasts', number(v.antiNoise.snoozeDays, 1, 365)),
      field('quiet-start', 'Quiet hours start (HH:MM, empty for none)', h('input', { type: 'text', value: v.antiNoise.quietHours?.start ?? '', inputmode: 'numeric' })),
      field('quiet-end', 'Quiet hours end (HH:MM)', h('input', { type: 'text', value: v.antiNoise.quietHours?.end ?? '', inputmode: 'numeric' })),
      field('time-zone', 'Time zone', h('input', { type: 'text', value: v.timeZone }), 'An IANA time zone such as Europe/Amsterdam.')),
    h('fieldset', {}, h('legend', {}, 'Delivery'),
      field('channel', 'Channel', channel),
      field('template-id', 'Timeline v3 event template id (timeline-v3 only)', h('input', { type: 'text', value: v.delivery.eventTemplateId ?? '' })),
      field('event-type', 'App-event type name (app-event only)', h('input', { type: 'text', value: v.delivery.eventTypeName ?? '' })),
      field('locale', 'Language of the questions', h('select', {}, ...['en', 'de', 'fr', 'es', 'nl', 'pt'].map((c) => h('option', { value: c, selected: v.locale === c }, c))))),
    h('ul', { class: 'errors', id: 'settings-errors' }),
    h('button', { type: 'submit' }, 'Save settings'));
  form.oninput = markDirty;
  applyReadOnly();
}

function readSettingsForm() {
  const num = (id) => Number(byId(id).value);
  const value = (id) => byId(id).value.trim();
  const channel = value('channel');
  const delivery = channel === 'timeline-v3' ? { channel, eventTemplateId: value('template-id') }
    : channel === 'app-event' ? { channel, eventTypeName: value('event-type') } : { channel };
  const lenses = Object.fromEntries(Object.keys(LENS_NAMES).map((lens) => [lens, byId(`lens-${lens}`).checked]));
  return {
    locale: value('locale'), timeZone: value('time-zone'), delivery, lenses,
    thresholds: { silenceDays: num('silence-days'), stageAgeMultiple: num('stage-age') },
    antiNoise: { dailyBudgetPerRep: num('budget'), recordCooldownHours: num('cooldown'), clientReplyWindowHours: num('reply-window'), snoozeDays: num('snooze'),
      quietHours: value('quiet-start') ? { start: value('quiet-start'), end: value('quiet-end') } : null },
  };
}

async function saveSettings(event) {
  event.preventDefault();
  const errors = byId('settings-errors');
  errors.replaceChildren();
  try {
    const { portalId, updatedAt, updatedBy, ...rest } = await api('PUT', '/api/v1/settings', { ...readSettingsForm(), version: state.settings.version });
    state.settings = { ...rest, version: rest.version };
    renderSettings();
    status('Settings saved.');
    await loadAudit();
  } catch (error) {
    for (const problem of problemsFor(error)) errors.append(h('li', { dir: 'auto' }, problem.path ? `${problem.path}: ${problem.message}` : problem.message));
    status('The settings were not saved; see the errors above the save button.');
  }
}

// ---------- preview ----------

function previewRequest(days) {
  const rules = [];
  for (const rule of state.rules) {
    const edit = state.edits.get(rule.id);
    if (!edit) continue;
    const change = { ruleId: rule.id };
    if (edit.enabled !== undefined && edit.enabled !== rule.enabled) change.enabled = edit.enabled;
    if (edit.patterns !== undefined && edit.patterns.join('\n') !== rule.patterns.join('\n')) change.patterns = edit.patterns;
    if (Object.keys(change).length > 1) rules.push(change);
  }
  const { version, ...saved } = state.settings;
  const now = readSettingsForm();
  const settings = {};
  for (const key of Object.keys(now)) if (JSON.stringify(now[key]) !== JSON.stringify(saved[key])) settings[key] = now[key];
  return { days, ...(rules.length && { rules }), ...(Object.keys(settings).length && { settings }) };
}

function renderExample(card) {
  return h('article', { class: 'card' },
    h('p', { class: 'meta' }, 'Task: ', h('bdi', {}, card.taskSubject)),
    h('h4', { dir: 'auto' }, card.headline),
    h('ul', {}, ...card.questions.map((q) => h('li', { dir: 'auto' }, q))),
    h('p', { class: 'why', dir: 'auto' }, card.why),
    h('p', { class: 'meta' }, 'Rule: ', h('bdi', {}, card.ruleName)));
}

async function runPreview(event) {
  event.preventDefault();
  const out = byId('preview-result');
  out.replaceChildren(h('p', {}, 'Running…'));
  try {
    const result = await api('POST', '/api/v1/preview', previewRequest(Number(byId('preview-days').value)));
    out.replaceChildren(
      h('p', { class: 'summary' }, `${result.tasksScanned} tasks scanned · ${result.robotic} robotic · ${result.cards} cards would be posted${result.truncated ? ' (newest tasks only)' : ''}`),
      h('p', { class: 'help', id: 'preview-source' }, result.source === 'hubspot' ? `Source: HubSpot. ${result.note}` : `Source: stored webhook events. ${result.note}`),
      h('table', {}, h('caption', {}, 'Cards by rule'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Rule'), h('th', { scope: 'col' }, 'Matched'), h('th', { scope: 'col' }, 'Cards'))),
        h('tbody', {}, ...result.byRule.map((row) => h('tr', {}, h('td', {}, h('bdi', {}, row.ruleName)), h('td', {}, row.matched), h('td', {}, row.cards))))),
      h('p', {}, 'Skipped: ', result.skipped.map((row) => `${SKIP_NAMES[row.reason] ?? row.reason} ${row.count}`).join(' · ') || 'none'),
      h('h3', {}, 'Example cards'),
      ...(result.examples.length ? result.examples.map(renderExample) : [h('p', {}, 'No cards in this window.')]));
    status('Preview ready. Nothing was saved.');
  } catch (error) {
    out.replaceChildren(h('ul', { class: 'errors' }, ...problemsFor(error).map((problem) => h('li', { dir: 'auto' }, problem.message))));
    status('The preview could not run; see the errors in the preview section.');
  }
}

// ---------- analytics ----------

function barChart(title, rows, format = (value) => String(value)) {
  const max = Math.max(1, ...rows.map((row) => row.value));
  const width = 320;
  const rowHeight = 22;
  const labelWidth = 230;
  const svg = s('svg', { viewBox: `0 0 ${labelWidth + width + 60} ${rows.length * rowHeight + 4}`, role: 'img', 'aria-label': title, class: 'chart' });
  rows.forEach((row, index) => {
    const y = index * rowHeight + 2;
    svg.append(s('text', { x: 0, y: y + 15, class: 'label' }, row.label));
    svg.append(s('rect', { x: labelWidth, y, width: Math.max(1, (row.value / max) * (width - 60)), height: rowHeight - 6, class: 'bar' }));
    svg.append(s('text', { x: labelWidth + Math.max(1, (row.value / max) * (width - 60)) + 6, y: y + 15, class: 'value' }, format(row.value)));
  });
  return h('figure', {}, h('figcaption', {}, title), svg);
}

async function loadAnalytics() {
  const a = await api('GET', `/api/v1/analytics?days=${byId('analytics-days').value}`);
  const pct = (rate) => (rate === null ? 'no feedback' : `${Math.round(rate * 100)}%`);
  byId('analytics-result').replaceChildren(
    h('p', { class: 'summary' }, `${a.from} to ${a.to} (${a.timeZone}): ${a.totals.delivered} cards delivered · ${a.totals.skipped} skipped · helpful rate ${pct(a.totals.helpfulRate)}`),
    barChart('Cards per day', a.deliveredPerDay.map((d) => ({ label: d.date.slice(5), value: d.delivered }))),
    barChart('Skips by reason', a.skipsByReason.map((row) => ({ label: SKIP_NAMES[row.reason] ?? row.reason, value: row.count }))),
    barChart('Helpful rate by rule', a.byRule.map((row) => ({ label: row.ruleName, value: row.helpfulRate ?? 0 })), (v) => `${Math.round(v * 100)}%`));
}

// ---------- audit ----------

async function loadAudit() {
  const { entries } = await api('GET', '/api/v1/audit?limit=20');
  byId('audit-list').replaceChildren(...(entries.length ? entries.map((entry) => h('li', {},
    h('time', { datetime: entry.at }, new Date(entry.at).toLocaleString()), ' · ',
    h('bdi', {}, entry.actor.email ?? entry.actor.userId ?? entry.actor.via), ' · ', h('strong', {}, entry.action), ' ', h('bdi', {}, entry.target),
    h('ul', {}, ...entry.changes.slice(0, 10).map((change) => h('li', { dir: 'auto' }, `${change.path}: ${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}`)))))
    : [h('li', {}, 'No changes yet.')]));
}

// ---------- editors ----------

const adminLabel = (admin) => [admin.email, admin.userId && `user ${admin.userId}`].filter(Boolean).join(' / ');
const isMe = (admin) => admin.userId === state.me.user.id || (admin.email && state.me.user.email && admin.email.toLowerCase() === state.me.user.email.toLowerCase());

function renderEditors() {
  byId('editor-list').replaceChildren(...state.admins.map((admin, index) => h('tr', {},
    h('td', {}, admin.userId ?? '—'), h('td', {}, h('bdi', {}, admin.email ?? '—')),
    h('td', {}, h('bdi', {}, admin.addedBy ?? 'installed Unrobot')), h('td', {}, h('time', { datetime: admin.addedAt }, new Date(admin.addedAt).toLocaleDateString())),
    h('td', {}, isMe(admin) ? '(you)' : h('button', { type: 'button', class: 'remove', 'aria-label': `Remove editor ${adminLabel(admin)}`,
      onclick: () => saveEditors(state.admins.filter((_, i) => i !== index), `Removed ${adminLabel(admin)}.`) }, 'Remove')))));
  if (!state.me.canEdit) {
    const note = byId('read-only');
    note.textContent = `You can read these settings but not change them. Editing can be granted by: ${state.admins.map(adminLabel).join(', ') || 'the user who installed Unrobot'}.`;
    note.hidden = false;
  }
  applyReadOnly();
}

async function loadEditors() {
  state.admins = (await api('GET', '/api/v1/admins')).admins;
  renderEditors();
}

async function saveEditors(admins, message) {
  const errors = byId('editor-errors');
  errors.replaceChildren();
  try {
    state.admins = (await api('PUT', '/api/v1/admins', { admins: admins.map(({ userId, email }) => ({ ...(userId && { userId }), ...(email && { email }) })) })).admins;
    renderEditors();
    status(message);
    await loadAudit();
    return true;
  } catch (error) {
    for (const problem of problemsFor(error)) errors.append(h('li', { dir: 'auto' }, problem.message));
    status('The editors were not saved; see the errors under the list.');
    return false;
  }
}

async function addEditor(event) {
  event.preventDefault();
  const userId = byId('editor-user-id').value.trim();
  const email = byId('editor-email').value.trim();
  if (!userId && !email) { byId('editor-errors').replaceChildren(h('li', {}, 'Give a HubSpot user id, an email, or both.')); byId('editor-user-id').focus(); return; }
  const entry = { ...(userId && { userId }), ...(email && { email }) };
  if (await saveEditors([...state.admins, entry], `Added ${adminLabel(entry)} as an editor.`)) {
    byId('editor-user-id').value = '';
    byId('editor-email').value = '';
  }
}

// ---------- uninstall ----------

async function uninstall(event) {
  event.preventDefault();
  const errors = byId('uninstall-errors');
  const typed = byId('uninstall-confirm').value.trim();
  errors.replaceChildren();
  if (typed !== String(state.me.portalId)) {
    errors.append(h('li', {}, `Type ${state.me.portalId}, this portal's id, to confirm. Nothing was deleted.`));
    byId('uninstall-confirm').focus();
    return;
  }
  try {
    const response = await fetch('/api/v1/install', { method: 'DELETE', credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': state.me.csrfToken ?? '' }, body: JSON.stringify({ confirm: typed }) });
    if (response.status !== 204) {
      const data = await response.json().catch(() => ({}));
      throw Object.assign(new Error(data.error?.message ?? 'The uninstall failed.'), { body: data.error });
    }
  } catch (error) {
    for (const problem of problemsFor(error)) errors.append(h('li', { dir: 'auto' }, problem.message));
    status('Unrobot was not uninstalled; see the error in the uninstall section.');
    return;
  }
  const done = h('section', { id: 'uninstalled', tabindex: '-1' }, h('h2', {}, 'Unrobot was uninstalled'),
    h('p', {}, `The app was removed from portal ${state.me.portalId} and its data here was deleted. You are signed out.`));
  byId('main').replaceChildren(done);
  document.querySelector('nav')?.remove();
  status('Unrobot was uninstalled and its data deleted.');
  done.focus();
}

/** A user who is not an editor reads the page: every control that would change something is disabled. */
function applyReadOnly() {
  if (!state.me || state.me.canEdit) return;
  const selectors = ['#rule-list input', '#rule-list textarea', '#rule-list select', '#rule-list button', '#settings-form input', '#settings-form select',
    '#settings-form button', '#preview-form button', '#editor-form input', '#editor-form button', '#editor-list button', '#uninstall-form input', '#uninstall-form button'];
  for (const node of document.querySelectorAll(selectors.join(', '))) node.disabled = true;
}

// ---------- start ----------

async function start() {
  state.me = await api('GET', '/api/v1/me');
  byId('who').textContent = `Portal ${state.me.portalId} · ${state.me.user.email ?? `user ${state.me.user.id}`}${state.me.canEdit ? ' · editor' : ' · read only'}${state.me.demo ? ' · demo mode' : ''}`;
  byId('uninstall-portal').textContent = String(state.me.portalId);
  byId('signout-csrf').value = state.me.csrfToken ?? '';
  const { portalId, updatedAt, updatedBy, ...settings } = await api('GET', '/api/v1/settings');
  state.settings = settings;
  renderSettings();
  byId('settings-form').addEventListener('submit', saveSettings);
  byId('preview-form').addEventListener('submit', runPreview);
  byId('rule-filter').addEventListener('input', renderRules);
  byId('editor-form').addEventListener('submit', addEditor);
  byId('uninstall-form').addEventListener('submit', uninstall);
  byId('analytics-days').addEventListener('change', () => { loadAnalytics().catch((error) => status(error.message)); });
  await Promise.all([loadRules(), loadAnalytics(), loadAudit(), loadEditors()]);
  showTarget();
  window.addEventListener('hashchange', showTarget);
  document.body.dataset.ready = 'true';
}

start().catch((error) => status(`The settings could not load: ${error.message}`));
