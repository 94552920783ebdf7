// The settings page. Every value reaches the DOM through textContent or DOM properties, never
// innerHTML, so rule names, phrases and task subjects are shown as text whatever they contain.
import {
  adminLabel, adminsUpdate, analyticsView, apiErrorFrom, auditLine, CHANNEL_OPTIONS, checkNewEditor, checkUninstallConfirm, countsFromPreview, editorEntry,
  FIELDS, filterRules, pageMessages, isMe, LENS_IDS, LENS_LABELS, LOCALE_OPTIONS, patternLines, PHRASE_LOCALES, previewRequest, previewView, problemMessages,
  readOnlyNote, ruleMessages, rulePatch, ruleRow, SECTIONS, targetFromHash, TEXT_FIELDS,
} from './page-model.js';

// What the page shows and sends is decided in page-model.js (src/settings/page-model.ts, shared with
// the HubSpot extension); this file only lays it out in the DOM and wires the events.
const SVG = 'http://www.w3.org/2000/svg';

const state = { me: null, settings: null, rules: [], counts: null, edits: new Map(), target: null, admins: [] };

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
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw apiErrorFrom(response.status, data);
  return data;
}

// ---------- rules ----------

function ruleEdit(rule) {
  const edit = state.edits.get(rule.id) ?? {};
  state.edits.set(rule.id, edit);
  return edit;
}

const errorItems = (error, withPath) => problemMessages(error, withPath).map((message) => h('li', { dir: 'auto' }, message));

function renderRule(rule) {
  const id = `rule-${rule.id}`;
  const edit = ruleEdit(rule);
  const row = ruleRow(rule, { edit, counts: state.counts, target: state.target });
  const errors = h('ul', { class: 'errors', id: `${id}-errors` });
  const toggle = h('input', { type: 'checkbox', id: `${id}-enabled`, checked: row.enabled, 'aria-describedby': `${id}-desc ${id}-count`,
    onchange: (event) => { edit.enabled = event.target.checked; byId(`${id}-count`).textContent = ruleRow(rule, { edit, counts: state.counts }).recognised; markDirty(); } });
  const patterns = h('textarea', { id: `${id}-patterns`, rows: 2, dir: 'auto', 'aria-describedby': `${id}-patterns-help ${id}-errors`,
    oninput: (event) => { edit.patterns = patternLines(event.target.value); markDirty(); } });
  patterns.value = row.patterns;
  const locale = h('select', { id: `${id}-locale` }, ...PHRASE_LOCALES.map((code) => h('option', { value: code }, code)));
  const add = h('input', { type: 'text', id: `${id}-add`, dir: 'auto', autocomplete: 'off' });
  const remove = h('input', { type: 'text', id: `${id}-remove`, dir: 'auto', autocomplete: 'off' });
  const phraseLists = row.phraseLists.map((list) => h('p', { class: 'phrases' }, h('span', { class: 'locale' }, list.locale), ' ', h('bdi', {}, list.text)));
  const save = async () => {
    errors.replaceChildren();
    const patch = rulePatch(rule, edit, { locale: locale.value, add: add.value, remove: remove.value });
    if (patch === null) { status(ruleMessages.nothing(rule)); return; }
    try {
      await api('PATCH', `/api/v1/rules/${encodeURIComponent(rule.id)}`, patch);
      state.edits.delete(rule.id);
      status(ruleMessages.saved(rule));
      await Promise.all([loadRules(), loadAudit()]);
    } catch (error) {
      errors.append(...errorItems(error));
      status(ruleMessages.refused(rule));
      patterns.focus();
    }
  };
  return h('article', { class: row.targeted ? 'rule target' : 'rule', id, 'data-rule-id': rule.id, 'data-phrase-role': rule.phraseRole, tabindex: row.targeted ? '-1' : undefined,
    'aria-labelledby': `${id}-name`, 'aria-current': row.targeted ? 'true' : undefined },
    row.targetNote === null ? null : h('p', { class: 'target-note', id: `${id}-target` }, row.targetNote),
    h('div', { class: 'rule-head' },
      h('h3', { dir: 'auto', id: `${id}-name` }, row.name),
      h('label', { class: 'switch', for: `${id}-enabled` }, toggle, h('span', {}, ' On'))),
    h('p', { id: `${id}-desc`, dir: 'auto' }, row.description),
    h('p', { class: 'count', id: `${id}-count` }, row.recognised),
    h('p', { class: 'meta' }, row.meta),
    h('details', {},
      h('summary', {}, row.detailsLabel),
      ...phraseLists,
      h('div', { class: 'row' },
        h('label', { for: `${id}-locale` }, 'Language'), locale,
        h('label', { for: `${id}-add` }, row.addLabel), add,
        h('label', { for: `${id}-remove` }, row.removeLabel), remove),
      h('label', { for: `${id}-patterns` }, 'Patterns (one per line)'),
      h('p', { id: `${id}-patterns-help`, class: 'help' }, 'Regular expressions, at most 256 characters; look-around and back-references are not supported.'),
      patterns),
    errors,
    h('button', { type: 'button', onclick: save }, row.saveLabel));
}

function renderRules() {
  const visible = filterRules(state.rules, byId('rule-filter').value);
  byId('rule-list').replaceChildren(...(visible.length ? visible.map(renderRule) : [h('p', {}, 'No rule matches.')]));
  applyReadOnly();
}

async function loadRules() {
  const list = await api('GET', '/api/v1/rules');
  state.rules = list.rules;
  state.counts = list.counts;
  renderRules();
}

/** Opens the page at the rule a card named: scrolled to, focused, marked in text and colour. */
function showTarget() {
  const ruleId = targetFromHash(window.location.hash);
  if (!ruleId) return;
  const rule = state.rules.find((candidate) => candidate.id === ruleId);
  if (!rule) { status(ruleMessages.unknownTarget(ruleId)); return; }
  state.target = ruleId;
  // A filter that hides the rule would hide what the link promised.
  byId('rule-filter').value = '';
  renderRules();
  const node = byId(`rule-${ruleId}`);
  node.scrollIntoView({ block: 'start' });
  node.focus({ preventScroll: true });
  status(ruleMessages.target(rule));
}

function markDirty() { status(ruleMessages.dirty); }

// ---------- settings ----------

function field(id, label, input, help) {
  input.id = id;
  if (help) input.setAttribute('aria-describedby', `${id}-help`);
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, help ? h('p', { class: 'help', id: `${id}-help` }, help) : null);
}
const number = (value, { min, max, step }) => h('input', { type: 'number', value: String(value), min: String(min), max: String(max), step: String(step) });
const numberField = (id, key, value) => field(id, FIELDS[key].label, number(value, FIELDS[key]), FIELDS[key].help);

function renderSettings() {
  const v = state.settings;
  const form = byId('settings-form');
  const channel = h('select', {}, ...CHANNEL_OPTIONS.map((c) => h('option', { value: c.value, selected: v.delivery.channel === c.value }, c.label)));
  const lenses = LENS_IDS.map((lens) => h('div', { class: 'check' },
    h('input', { type: 'checkbox', id: `lens-${lens}`, checked: v.lenses[lens] }), h('label', { for: `lens-${lens}` }, LENS_LABELS[lens])));
  form.replaceChildren(
    h('fieldset', {}, h('legend', {}, SECTIONS.thresholds),
      numberField('silence-days', 'silenceDays', v.thresholds.silenceDays),
      numberField('stage-age', 'stageAgeMultiple', v.thresholds.stageAgeMultiple)),
    h('fieldset', {}, h('legend', {}, SECTIONS.lenses), ...lenses),
    h('fieldset', {}, h('legend', {}, SECTIONS.antiNoise), h('p', { class: 'help' }, SECTIONS.antiNoiseHelp),
      numberField('budget', 'dailyBudgetPerRep', v.antiNoise.dailyBudgetPerRep),
      numberField('cooldown', 'recordCooldownHours', v.antiNoise.recordCooldownHours),
      numberField('reply-window', 'clientReplyWindowHours', v.antiNoise.clientReplyWindowHours),
      numberField('snooze', 'snoozeDays', v.antiNoise.snoozeDays),
      field('quiet-start', TEXT_FIELDS.quietStart.label, h('input', { type: 'text', value: v.antiNoise.quietHours?.start ?? '', inputmode: 'numeric' }), TEXT_FIELDS.quietStart.help),
      field('quiet-end', TEXT_FIELDS.quietEnd.label, h('input', { type: 'text', value: v.antiNoise.quietHours?.end ?? '', inputmode: 'numeric' })),
      field('time-zone', TEXT_FIELDS.timeZone.label, h('input', { type: 'text', value: v.timeZone }), TEXT_FIELDS.timeZone.help)),
    h('fieldset', {}, h('legend', {}, SECTIONS.delivery),
      field('channel', TEXT_FIELDS.channel.label, channel),
      field('template-id', TEXT_FIELDS.eventTemplateId.label, h('input', { type: 'text', value: v.delivery.eventTemplateId ?? '' })),
      field('event-type', TEXT_FIELDS.eventTypeName.label, h('input', { type: 'text', value: v.delivery.eventTypeName ?? '' })),
      field('locale', TEXT_FIELDS.locale.label, h('select', {}, ...LOCALE_OPTIONS.map((c) => h('option', { value: c.value, selected: v.locale === c.value }, c.label))))),
    h('ul', { class: 'errors', id: 'settings-errors' }),
    h('button', { type: 'submit' }, pageMessages.saveSettings));
  form.oninput = markDirty;
  applyReadOnly();
}

function readSettingsForm() {
  const num = (id) => Number(byId(id).value);
  const value = (id) => byId(id).value.trim();
  const channel = value('channel');
  const delivery = channel === 'timeline-v3' ? { channel, eventTemplateId: value('template-id') }
    : channel === 'app-event' ? { channel, eventTypeName: value('event-type') } : { channel };
  const lenses = Object.fromEntries(LENS_IDS.map((lens) => [lens, byId(`lens-${lens}`).checked]));
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
    status(pageMessages.settingsSaved);
    await loadAudit();
  } catch (error) {
    errors.append(...errorItems(error, true));
    status('The settings were not saved; see the errors above the save button.');
  }
}

// ---------- preview ----------

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
    const { version, ...saved } = state.settings;
    const result = await api('POST', '/api/v1/preview', previewRequest(Number(byId('preview-days').value), { rules: state.rules, edits: state.edits, draft: readSettingsForm(), saved }));
    const view = previewView(result);
    out.replaceChildren(
      h('p', { class: 'summary' }, view.summary),
      h('p', { class: 'help', id: 'preview-source' }, view.source),
      h('table', {}, h('caption', {}, 'Cards by rule'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Rule'), h('th', { scope: 'col' }, 'Matched'), h('th', { scope: 'col' }, 'Cards'))),
        h('tbody', {}, ...view.rows.map((row) => h('tr', { 'data-rule-id': row.ruleId }, h('td', {}, h('bdi', {}, row.ruleName)), h('td', {}, row.matched), h('td', {}, row.cards))))),
      h('p', {}, view.skipped),
      h('h3', {}, 'Example cards'),
      ...(view.noExamples === null ? view.examples.map(renderExample) : [h('p', {}, view.noExamples)]));
    // The rule list now counts what this preview read; only the counts change, so nothing typed is lost.
    state.counts = countsFromPreview(result);
    for (const rule of state.rules) {
      const node = byId(`rule-${rule.id}-count`);
      if (node) node.textContent = ruleRow(rule, { edit: state.edits.get(rule.id), counts: state.counts }).recognised;
    }
    status('Preview ready. Nothing was saved.');
  } catch (error) {
    out.replaceChildren(h('ul', { class: 'errors' }, ...errorItems(error)));
    status('The preview could not run; see the errors in the preview section.');
  }
}

// ---------- analytics ----------

function barChart(title, rows) {
  const max = Math.max(1, ...rows.map((row) => row.value));
  const width = 320;
  const rowHeight = 22;
  const labelWidth = 230;
  const svg = s('svg', { viewBox: `0 0 ${labelWidth + width + 60} ${rows.length * rowHeight + 4}`, role: 'img', 'aria-label': title, class: 'chart' });
  rows.forEach((row, index) => {
    const y = index * rowHeight + 2;
    svg.append(s('text', { x: 0, y: y + 15, class: 'label' }, row.label));
    svg.append(s('rect', { x: labelWidth, y, width: Math.max(1, (row.value / max) * (width - 60)), height: rowHeight - 6, class: 'bar' }));
    svg.append(s('text', { x: labelWidth + Math.max(1, (row.value / max) * (width - 60)) + 6, y: y + 15, class: 'value' }, row.text ?? String(row.value)));
  });
  return h('figure', {}, h('figcaption', {}, title), svg);
}

async function loadAnalytics() {
  const view = analyticsView(await api('GET', `/api/v1/analytics?days=${byId('analytics-days').value}`));
  byId('analytics-result').replaceChildren(
    h('p', { class: 'summary' }, view.summary),
    barChart('Cards per day', view.perDay),
    barChart('Skips by reason', view.skips),
    barChart('Helpful rate by rule', view.byRule.map((row) => ({ label: row.label, value: row.helpfulRate ?? 0, text: row.helpful }))));
}

// ---------- audit ----------

async function loadAudit() {
  const { entries } = await api('GET', '/api/v1/audit?limit=20');
  byId('audit-list').replaceChildren(...(entries.length ? entries.map((entry) => {
    const line = auditLine(entry);
    return h('li', {},
      h('time', { datetime: entry.at }, new Date(entry.at).toLocaleString()), ' · ',
      h('bdi', {}, line.who), ' · ', h('strong', {}, entry.action), ' ', h('bdi', {}, entry.target),
      h('ul', {}, ...line.changes.map((change) => h('li', { dir: 'auto' }, change))));
  }) : [h('li', {}, pageMessages.noAudit)]));
}

// ---------- editors ----------


function renderEditors() {
  byId('editor-list').replaceChildren(...state.admins.map((admin, index) => h('tr', {},
    h('td', {}, admin.userId ?? '—'), h('td', {}, h('bdi', {}, admin.email ?? '—')),
    h('td', {}, h('bdi', {}, admin.addedBy ?? 'installed Unrobot')), h('td', {}, h('time', { datetime: admin.addedAt }, new Date(admin.addedAt).toLocaleDateString())),
    h('td', {}, isMe(admin, state.me) ? '(you)' : h('button', { type: 'button', class: 'remove', 'aria-label': `Remove editor ${adminLabel(admin)}`,
      onclick: () => saveEditors(state.admins.filter((_, i) => i !== index), pageMessages.editorRemoved(admin)) }, 'Remove')))));
  if (!state.me.canEdit) {
    const note = byId('read-only');
    note.textContent = readOnlyNote(state.admins);
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
    state.admins = (await api('PUT', '/api/v1/admins', adminsUpdate(admins))).admins;
    renderEditors();
    status(message);
    await loadAudit();
    return true;
  } catch (error) {
    errors.append(...errorItems(error));
    status('The editors were not saved; see the errors under the list.');
    return false;
  }
}

async function addEditor(event) {
  event.preventDefault();
  const entry = editorEntry(byId('editor-user-id').value, byId('editor-email').value);
  const problems = checkNewEditor(entry, state.admins);
  if (Object.keys(problems).length > 0) {
    byId('editor-errors').replaceChildren(...Object.values(problems).map((message) => h('li', { dir: 'auto' }, message)));
    byId(problems.email !== undefined && problems.userId === undefined ? 'editor-email' : 'editor-user-id').focus();
    return;
  }
  if (await saveEditors([...state.admins, entry], pageMessages.editorAdded(entry))) {
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
  const refusal = checkUninstallConfirm(typed, state.me.portalId);
  if (refusal !== null) {
    errors.append(h('li', {}, refusal));
    byId('uninstall-confirm').focus();
    return;
  }
  try {
    const response = await fetch('/api/v1/install', { method: 'DELETE', credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': state.me.csrfToken ?? '' }, body: JSON.stringify({ confirm: typed }) });
    if (response.status !== 204) {
      const data = await response.json().catch(() => ({}));
      throw apiErrorFrom(response.status, data);
    }
  } catch (error) {
    errors.append(...errorItems(error));
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
