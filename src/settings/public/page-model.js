// GENERATED from src/settings/page-model.ts by `npm run page-model` (types removed, for the standalone page). Do not edit: change the source and run it again.
/**
 * The settings page's behaviour, once, for both of its renderers: the standalone page at
 * `/settings` (plain DOM, src/settings/public/settings.js) and the HubSpot settings extension
 * (React, extension-manifest/src/app/settings/). Everything an admin reads or sends is decided
 * here — which rules a filter keeps, what a rule row says (its phrases or pointers, how many recent
 * tasks it recognised), which rule edits and unsaved settings a save or a preview sends, the
 * preview table, the analytics rows, the audit lines, and every validation message — so the two
 * renderers only lay the result out, and the behaviour is tested once (tests/unit/settings/page-model.test.ts).
 *
 * Framework-free, no imports, no I/O. This file is the one source; `npm run page-model`
 * (scripts/page-model.ts) writes the copy each surface can load — the browser's with the types
 * removed (src/settings/public/page-model.js, served next to settings.js), the extension's
 * verbatim (extension-manifest/src/app/settings/page-model.ts: HubSpot's bundler sees only files
 * inside the project) — and tests/unit/settings/page-model-copies.test.ts fails while either is
 * out of step. Edit this file, never a copy.
 */
/** A refused call, with the server's message and the problems an admin can fix. Both renderers throw it. */
export class ApiError extends Error {
    status;
    code;
    problems;
    constructor(status, code, message, problems) {
        super(message);
        this.status = status;
        this.code = code;
        this.problems = problems;
    }
}
/** The error an API answer carries (`ErrorBody`), as an ApiError. */
export function apiErrorFrom(status, body) {
    const error = (typeof body === 'object' && body !== null && 'error' in body ? body.error : undefined);
    return new ApiError(status, error?.code ?? 'internal', error?.message ?? `Request failed (${status})`, error?.problems ?? []);
}
// ---------- labels ----------
export const LENS_LABELS = {
    'whose-urgency': 'Whose urgency is this: the rep\'s quarter or the client\'s timeline?',
    'going-dark': 'When a client goes quiet, what might they be telling you?',
    'behind-the-scenes': 'Behind-the-scenes factors in the client\'s business',
    'common-denominators': 'Common denominators across clients and industries',
    'internal-experts': 'Colleagues who could help on the client\'s behalf',
    'long-term': 'The long-term health of the client\'s business',
    'service-experience': 'Their service experience (open tickets)',
    'calm-attention': 'What do you actually know they need now?',
};
export const LENS_IDS = Object.keys(LENS_LABELS);
export const LOCALE_OPTIONS = [
    { label: 'English', value: 'en' }, { label: 'Deutsch', value: 'de' }, { label: 'Français', value: 'fr' },
    { label: 'Español', value: 'es' }, { label: 'Nederlands', value: 'nl' }, { label: 'Português', value: 'pt' },
];
/** The languages a rule's phrases can be edited in (the rule pack's, one more than the cards'). */
export const PHRASE_LOCALES = ['en', 'de', 'fr', 'es', 'nl', 'pt', 'it'];
export const CHANNEL_OPTIONS = [
    { label: 'Note on the record (recommended)', value: 'note' },
    { label: 'Timeline event (v3 template)', value: 'timeline-v3' },
    { label: 'App event (needs HubSpot approval)', value: 'app-event' },
    { label: 'Append to the task body', value: 'task-body' },
];
/** The settings form's section titles and text fields, the same on both surfaces. */
export const SECTIONS = {
    delivery: 'Language and delivery',
    thresholds: 'Signals',
    lenses: 'Question lenses (at least one on)',
    antiNoise: 'Keeping it calm',
    antiNoiseHelp: 'Limits that keep cards rare enough to be read.',
};
export const TEXT_FIELDS = {
    locale: { label: 'Language of the cards' },
    timeZone: { label: 'Time zone', help: 'An IANA time zone such as Europe/Amsterdam.' },
    channel: { label: 'Where cards go' },
    eventTemplateId: { label: 'Event template id (timeline-v3 only)' },
    eventTypeName: { label: 'App-event type name (app-event only)' },
    quietHours: { label: 'Quiet hours (cards wait until they end)' },
    quietStart: { label: 'Quiet from (HH:MM)', help: 'Leave empty for no quiet hours.' },
    quietEnd: { label: 'Quiet until (HH:MM)' },
};
/** The number fields: label, bounds and help, the same on both surfaces. */
export const FIELDS = {
    silenceDays: { label: 'Days without a reply before silence counts', min: 1, max: 365, step: 1 },
    stageAgeMultiple: { label: 'A deal is stalled after this many times the usual time in its stage', min: 1, max: 10, step: 0.1 },
    dailyBudgetPerRep: { label: 'Cards per rep per day', min: 0, max: 100, step: 1, help: '0 pauses cards without switching rules off.' },
    recordCooldownHours: { label: 'Hours between two cards about the same record', min: 0, max: 2160, step: 1 },
    clientReplyWindowHours: { label: 'No card if the client replied within (hours)', min: 0, max: 2160, step: 1 },
    snoozeDays: { label: 'Days a snooze lasts', min: 1, max: 365, step: 1 },
};
const SKIP_LABELS = {
    'not-robotic': 'Prompt was specific', 'rule-disabled': 'Rule switched off', 'below-threshold': 'Below confidence threshold',
    'task-completed': 'Task completed', 'task-deleted': 'Task deleted', 'no-associated-record': 'No contact, company or deal',
    'task-already-carded': 'Task already had a card', 'privacy-deletion': 'Contact asked to be forgotten', 'portal-unknown': 'No HubSpot access for this portal then', 'record-snoozed': 'Client snoozed',
    'client-replied-recently': 'Client replied recently', 'record-cooldown': 'Record cooldown', 'rep-daily-budget': 'Rep\'s daily budget reached',
};
/** A skip reason in words; an unknown one as its code. */
export function skipLabel(reason) {
    return Object.hasOwn(SKIP_LABELS, reason) ? SKIP_LABELS[reason] ?? reason : reason;
}
/** "75%" for a rate, "no feedback" when there was none. */
export function formatRate(rate) {
    return rate === null ? 'no feedback' : `${Math.round(rate * 100)}%`;
}
const plural = (count, one, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
// ---------- rules ----------
/** What a rule's phrases are called: a pointer rule's are nouns ("the proposal"), not what to do. */
export function phraseWords(rule) {
    return rule.phraseRole === 'pointer' ? { plural: 'pointers', Plural: 'Pointers' } : { plural: 'phrases', Plural: 'Phrases' };
}
/** The rules a search keeps: by id, name, description or any phrase, ignoring case. */
export function filterRules(rules, query) {
    const needle = query.trim().toLowerCase();
    if (needle === '')
        return [...rules];
    return rules.filter((rule) => [rule.id, rule.name, rule.description, ...Object.values(rule.phrases).flatMap((list) => list?.phrases ?? [])]
        .some((text) => text.toLowerCase().includes(needle)));
}
/** The rule list's counts from a preview: each rule's "Matched" over the tasks the preview read. */
export function countsFromPreview(result) {
    return {
        days: result.days, source: result.source, tasks: result.tasksScanned, truncated: result.truncated === true,
        byRule: result.byRule.filter((row) => row.matched > 0).map((row) => ({ ruleId: row.ruleId, recognised: row.matched })),
    };
}
/**
 * How many recent tasks a rule recognised, in words ("Recognised 3 of the 40 tasks stored from
 * webhooks in the last 7 days"). Counts are taken with every rule on, so a rule that is off says
 * what it would have recognised.
 */
export function recognisedText(ruleId, counts, enabled = true) {
    if (counts === null)
        return 'Not counted yet.';
    const window = `the last ${plural(counts.days, 'day')}`;
    const where = counts.source === 'hubspot' ? 'read from HubSpot by the preview' : 'stored from webhooks';
    if (counts.tasks === 0)
        return `No tasks ${where} in ${window} to count.`;
    const recognised = counts.byRule.find((row) => row.ruleId === ruleId)?.recognised ?? 0;
    const of = `${counts.truncated ? 'the newest ' : 'the '}${plural(counts.tasks, 'task')} ${where} in ${window}`;
    return `${enabled ? 'Recognised' : 'Off; would have recognised'} ${recognised === 0 ? 'none' : recognised} of ${of}.`;
}
export function ruleRow(rule, options) {
    const words = phraseWords(rule);
    const targeted = options.target === rule.id;
    const enabled = options.edit?.enabled ?? rule.enabled;
    return {
        id: rule.id, name: rule.name, description: rule.description,
        enabled,
        recognised: recognisedText(rule.id, options.counts, enabled),
        meta: `Rule id: ${rule.id} · ${rule.customized ? 'changed for this portal' : 'default'}`,
        words,
        phraseLists: Object.entries(rule.phrases).map(([locale, list]) => ({ locale, text: list?.phrases.join(' · ') || '(none)' })),
        patterns: (options.edit?.patterns ?? rule.patterns).join('\n'),
        detailsLabel: `${words.Plural} and patterns`,
        addLabel: `Add ${words.plural} (comma-separated)`,
        removeLabel: `Remove ${words.plural} (comma-separated)`,
        saveLabel: `Save “${rule.name}”`,
        targeted,
        targetNote: targeted ? '★ The rule named on your card. Switch it off below, then run a preview to see the effect before you save.' : null,
    };
}
/** A comma-separated list as its trimmed, non-empty items. */
export function splitList(text) {
    return text.split(',').map((item) => item.trim()).filter((item) => item !== '');
}
/** A patterns box as its trimmed, non-empty lines. */
export function patternLines(text) {
    return text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
}
export function rulePatch(rule, edit, phrases) {
    const patch = {};
    if (edit?.enabled !== undefined && edit.enabled !== rule.enabled)
        patch.enabled = edit.enabled;
    if (edit?.patterns !== undefined && edit.patterns.join('\n') !== rule.patterns.join('\n'))
        patch.patterns = edit.patterns;
    const add = splitList(phrases?.add ?? '');
    const remove = splitList(phrases?.remove ?? '');
    if (phrases !== undefined && add.length + remove.length > 0) {
        patch.phrases = { [phrases.locale]: { ...(add.length > 0 && { add }), ...(remove.length > 0 && { remove }) } };
    }
    return Object.keys(patch).length === 0 ? null : patch;
}
/** What the status line says after a rule save, or when there was nothing to save. */
export const ruleMessages = {
    nothing: (rule) => `Nothing to save for “${rule.name}”.`,
    saved: (rule) => `Saved “${rule.name}”.`,
    refused: (rule) => `“${rule.name}” was not saved; see the errors under it.`,
    target: (rule) => `Showing the rule “${rule.name}”, named on your card.`,
    unknownTarget: (ruleId) => `No rule with the id “${ruleId}” exists for this portal; it may have been removed.`,
    dirty: 'You have unsaved changes. Run a preview to see their effect, or save them.',
};
/** The rule a card links to: `#rule-<id>` (ids are lowercase letters, digits and dashes). */
export function targetFromHash(hash) {
    let decoded;
    try {
        decoded = decodeURIComponent(hash);
    }
    catch {
        return null;
    }
    const match = /^#rule-([a-z0-9][a-z0-9-]{0,63})$/.exec(decoded);
    return match?.[1] ?? null;
}
// ---------- settings and the preview request ----------
/** The channel switched, keeping the id or name typed for that channel before. */
export function deliveryFor(channel, current) {
    if (channel === 'timeline-v3')
        return { channel, eventTemplateId: current.channel === channel ? current.eventTemplateId : '' };
    if (channel === 'app-event')
        return { channel, eventTypeName: current.channel === channel ? current.eventTypeName : '' };
    return { channel };
}
/** Drops the read-only fields of a settings answer, keeping what PUT and preview accept. */
export function settingsValuesOf(settings) {
    const { locale, timeZone, delivery, thresholds, lenses, antiNoise } = settings;
    return { locale, timeZone, delivery, thresholds, lenses, antiNoise };
}
/** The top-level settings that differ from the saved ones. */
export function changedSettings(draft, saved) {
    const changed = {};
    for (const key of Object.keys(draft)) {
        if (JSON.stringify(draft[key]) !== JSON.stringify(saved[key]))
            changed[key] = draft[key];
    }
    return changed;
}
/** `PreviewRequest`: the unsaved rule switches and patterns, and the unsaved settings; nothing saved is repeated. */
export function previewRequest(days, input) {
    const rules = [];
    for (const rule of input.rules) {
        const patch = rulePatch(rule, input.edits.get(rule.id));
        if (patch === null)
            continue;
        rules.push({ ruleId: rule.id, ...(patch.enabled !== undefined && { enabled: patch.enabled }), ...(patch.patterns !== undefined && { patterns: patch.patterns }) });
    }
    const settings = changedSettings(input.draft, input.saved);
    return { days, ...(rules.length > 0 && { rules }), ...(Object.keys(settings).length > 0 && { settings }) };
}
export function previewView(result) {
    return {
        summary: `${plural(result.tasksScanned, 'task')} scanned · ${result.robotic} robotic · ${plural(result.cards, 'card')} would be posted${result.truncated === true ? ' (newest tasks only)' : ''}`,
        source: `Source: ${result.source === 'hubspot' ? 'HubSpot' : 'stored webhook events'}. ${result.note}`,
        rows: result.byRule.map(({ ruleId, ruleName, matched, cards }) => ({ ruleId, ruleName, matched, cards })),
        skipped: `Skipped: ${result.skipped.map((row) => `${skipLabel(row.reason)} ${row.count}`).join(' · ') || 'none'}`,
        examples: result.examples,
        noExamples: result.examples.length === 0 ? 'No cards in this window.' : null,
    };
}
export function analyticsView(analytics) {
    const { totals } = analytics;
    return {
        summary: `${analytics.from} to ${analytics.to} (${analytics.timeZone}): ${plural(totals.delivered, 'card')} delivered · ${totals.skipped} skipped · helpful rate ${formatRate(totals.helpfulRate)}`,
        totals: [
            { label: 'Cards delivered', value: String(totals.delivered) },
            { label: 'Tasks skipped', value: String(totals.skipped) },
            { label: 'Found helpful', value: formatRate(totals.helpfulRate) },
        ],
        perDay: analytics.deliveredPerDay.map((day) => ({ label: day.date.slice(5), value: day.delivered })),
        skips: analytics.skipsByReason.map((row) => ({ label: skipLabel(row.reason), value: row.count })),
        byRule: analytics.byRule.map((row) => ({ ruleId: row.ruleId, label: row.ruleName, delivered: row.delivered, helpfulRate: row.helpfulRate, helpful: formatRate(row.helpfulRate) })),
    };
}
/** One audit entry in words: who did what, and each change (the first ten). */
export function auditLine(entry) {
    return {
        who: entry.actor.email ?? entry.actor.userId ?? entry.actor.via,
        what: `${entry.action} ${entry.target}`,
        changes: entry.changes.slice(0, 10).map((change) => `${change.path}: ${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}`),
    };
}
// ---------- validation messages ----------
/** The messages of a refused call: its problems, each with its field when it names one, or its message. */
export function problemMessages(error, withPath = false) {
    if (error instanceof ApiError && error.problems.length > 0) {
        return error.problems.map((problem) => (withPath && problem.path !== '' ? `${problem.path}: ${problem.message}` : problem.message));
    }
    return [error instanceof Error ? error.message : 'Something went wrong.'];
}
/** A failed settings save in words; a version conflict says what to do. */
export function describeError(error) {
    if (error instanceof ApiError && error.code === 'version_conflict') {
        return 'Someone else saved the settings meanwhile. Reload the page to see their changes, then apply yours again.';
    }
    return problemMessages(error).join(' ');
}
// ---------- editors and uninstall ----------
/** The API's rules for one entry (settings-router.ts `AdminEntrySchema`, at most 50 entries). */
const USER_ID = /^[1-9][0-9]{0,19}$/;
/** zod 4's `z.email()` pattern, which the API applies. */
const EMAIL = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
export const MAX_EDITORS = 50;
export const adminLabel = (admin) => [admin.email, admin.userId !== undefined ? `user ${admin.userId}` : undefined].filter((part) => part !== undefined).join(' / ');
export const isMe = (admin, me) => admin.userId === me.user.id || (admin.email !== undefined && me.user.email !== undefined && admin.email.toLowerCase() === me.user.email.toLowerCase());
/** The entry an admin typed: trimmed, empty fields left out. */
export function editorEntry(userId, email) {
    return { ...(userId.trim() !== '' && { userId: userId.trim() }), ...(email.trim() !== '' && { email: email.trim() }) };
}
/** Checks a new entry as the API would, so the admin hears about it before a round trip. */
export function checkNewEditor(entry, admins) {
    if (entry.userId === undefined && entry.email === undefined)
        return { userId: 'Give a HubSpot user id, an email, or both.' };
    const problems = {};
    if (entry.userId !== undefined && !USER_ID.test(entry.userId))
        problems.userId = 'A HubSpot user id is digits only.';
    if (entry.email !== undefined && entry.email.length > 254)
        problems.email = 'The email is too long; the limit is 254 characters.';
    else if (entry.email !== undefined && !EMAIL.test(entry.email))
        problems.email = 'This is not an email address.';
    const sameId = admins.findIndex((admin) => entry.userId !== undefined && admin.userId === entry.userId);
    const email = entry.email?.toLowerCase();
    const sameEmail = admins.findIndex((admin) => email !== undefined && admin.email?.toLowerCase() === email);
    if (problems.userId === undefined && sameId >= 0)
        problems.userId = `This user id is already an editor (entry ${sameId + 1}).`;
    if (problems.email === undefined && sameEmail >= 0)
        problems.email = `This email is already an editor (entry ${sameEmail + 1}).`;
    if (admins.length >= MAX_EDITORS)
        problems.list = `A portal has at most ${MAX_EDITORS} editors; remove one first.`;
    return problems;
}
/**
 * Places the API's 400 problems: those about the added entry (the last one sent) on its fields, one
 * about the entry as a whole on the field it was given by, the rest on the list.
 */
export function placeProblems(error, added) {
    if (!(error instanceof ApiError) || error.problems.length === 0) {
        return { list: error instanceof Error ? error.message : 'The editors were not saved.' };
    }
    const placed = { userId: [], email: [], list: [] };
    const entry = added === null ? null : `admins[${added.index}]`;
    const wholeEntryOn = added?.entry.userId === undefined ? 'email' : 'userId';
    for (const problem of error.problems) {
        if (entry !== null && problem.path === `${entry}.email`)
            placed.email.push(problem.message);
        else if (entry !== null && problem.path === `${entry}.userId`)
            placed.userId.push(problem.message);
        else if (entry !== null && problem.path === entry)
            placed[wholeEntryOn].push(problem.message);
        else
            placed.list.push(problem.message);
    }
    return Object.fromEntries(Object.entries(placed).filter(([, messages]) => messages.length > 0).map(([key, messages]) => [key, messages.join(' ')]));
}
/** The whole list as `AdminsUpdate` sends it: only the identity of each entry. */
export function adminsUpdate(admins) {
    return { admins: admins.map(({ userId, email }) => ({ ...(userId !== undefined && { userId }), ...(email !== undefined && { email }) })) };
}
/** What a reader is told: they cannot edit, and who can grant it. */
export function readOnlyNote(admins) {
    return `You can read these settings but not change them. Editing can be granted by: ${admins.map(adminLabel).join(', ') || 'the user who installed Unrobot'}.`;
}
/** What the uninstall deletes: both pages list it (the standalone page's shell, settings-page.ts, and the extension's uninstall section). */
export const UNINSTALL_DELETES = [
    'the portal\'s HubSpot tokens (HubSpot revokes them too);',
    'its settings, rule changes, editors and audit log;',
    'its cards, skips and feedback, stored task events and queued work;',
    'every signed-in session of the portal.',
];
/** What the page says after the saves both surfaces share. */
export const pageMessages = {
    saveSettings: 'Save settings',
    settingsSaved: 'Settings saved.',
    noAudit: 'No changes yet.',
    editorAdded: (entry) => `Added ${adminLabel(entry)} as an editor.`,
    editorRemoved: (admin) => `Removed ${adminLabel(admin)}.`,
};
/** The typed confirmation checked before anything is sent: null when it is this portal's id. */
export function checkUninstallConfirm(typed, portalId) {
    return typed.trim() === String(portalId) ? null : `Type ${portalId}, this portal's id, to confirm. Nothing was deleted.`;
}
