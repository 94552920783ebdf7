/**
 * The settings page's behaviour, tested once against the model both renderers use (the standalone
 * page and the HubSpot extension render these views; their own tests only check the layout).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  analyticsView, ApiError, apiErrorFrom, auditLine, changedSettings, checkNewEditor, checkUninstallConfirm, countsFromPreview, deliveryFor, describeError,
  editorEntry, filterRules, patternLines, placeProblems, previewRequest, previewView, problemMessages, readOnlyNote, recognisedText, rulePatch, ruleRow,
  splitList, targetFromHash, type Rule, type RuleCounts, type SettingsValues,
} from '../../../src/settings/page-model.ts';
import { analyticsSample, previewSample, rulesSample, settingsSample } from '../settings-contract/api-samples.ts';

const rules = rulesSample.rules as unknown as Rule[];
const followUp = rules[0] as Rule;
const pointer = rules[2] as Rule;
const counts = rulesSample.counts as unknown as RuleCounts;
const { portalId: _portal, version: _version, ...saved } = settingsSample as unknown as SettingsValues & { portalId: number; version: number };

describe('rule list', () => {
  test('when a rule\'s phrases are pointer nouns, then its row calls them pointers; an action rule\'s stay phrases', () => {
    const row = ruleRow(pointer, { counts });
    expect([row.detailsLabel, row.addLabel, row.removeLabel]).toEqual(['Pointers and patterns', 'Add pointers (comma-separated)', 'Remove pointers (comma-separated)']);
    expect(row.phraseLists).toEqual([{ locale: 'en', text: 'proposal · sow' }]);
    expect(ruleRow(followUp, { counts }).detailsLabel).toBe('Phrases and patterns');
  });

  test('when the rule list counts recent tasks, then each rule says how many it recognised, none when it recognised none', () => {
    expect(ruleRow(pointer, { counts }).recognised).toBe('Recognised 3 of the 40 tasks stored from webhooks in the last 7 days.');
    expect(recognisedText('check-in', counts)).toBe('Recognised none of the 40 tasks stored from webhooks in the last 7 days.');
    expect(recognisedText('follow-up', { ...counts, truncated: true })).toBe('Recognised 12 of the newest 40 tasks stored from webhooks in the last 7 days.');
    expect(recognisedText('follow-up', { ...counts, tasks: 0, byRule: [] })).toBe('No tasks stored from webhooks in the last 7 days to count.');
    expect(recognisedText('follow-up', null)).toBe('Not counted yet.');
    expect(ruleRow(pointer, { edit: { enabled: false }, counts }).recognised).toBe('Off; would have recognised 3 of the 40 tasks stored from webhooks in the last 7 days.');
  });

  test('when a preview ran, then the rule list counts its matches over the tasks it read, rules matching nothing left out', () => {
    const fromPreview = countsFromPreview({ ...previewSample, source: 'hubspot', byRule: [...previewSample.byRule, { ruleId: 'vague-work', ruleName: 'Vague', matched: 0, cards: 0 }] });
    expect(fromPreview).toEqual({ days: 7, source: 'hubspot', tasks: 120, truncated: false, byRule: [{ ruleId: 'follow-up', recognised: 40 }, { ruleId: 'check-in', recognised: 8 }] });
    expect(recognisedText('check-in', fromPreview)).toBe('Recognised 8 of the 120 tasks read from HubSpot by the preview in the last 7 days.');
  });

  test('when an admin searches the rules, then id, name, description and phrases match, ignoring case and spaces around', () => {
    expect(filterRules(rules, '  SOW ').map((rule) => rule.id)).toEqual(['pointer-follow-up']);
    expect(filterRules(rules, 'touch base').map((rule) => rule.id)).toEqual(['check-in']);
    expect(filterRules(rules, 'follow-up').map((rule) => rule.id)).toEqual(['follow-up', 'pointer-follow-up']);
    expect(filterRules(rules, '')).toHaveLength(3);
    expect(filterRules(rules, 'zebra')).toEqual([]);
  });

  test('when a rule is switched off but not saved, then its row shows it off; the card\'s rule is marked as the target', () => {
    const row = ruleRow(followUp, { edit: { enabled: false }, counts: null, target: 'follow-up' });
    expect(row.enabled).toBe(false);
    expect(row.targeted).toBe(true);
    expect(row.targetNote).toContain('The rule named on your card');
    expect(ruleRow(pointer, { counts: null, target: 'follow-up' }).targetNote).toBeNull();
    expect(row.meta).toBe('Rule id: follow-up · default');
  });

  test('when a card links to a rule, then only a rule-id hash names it', () => {
    expect(targetFromHash('#rule-pointer-follow-up')).toBe('pointer-follow-up');
    expect(targetFromHash('#rule-Follow')).toBeNull();
    expect(targetFromHash('#uninstall')).toBeNull();
    expect(targetFromHash('#rule-%E0%A4%A')).toBeNull();
  });
});

describe('rule edits', () => {
  test('when an admin types phrases and patterns, then a save sends only what differs, phrases split on commas', () => {
    expect(splitList(' proposal, , the SOW ,')).toEqual(['proposal', 'the SOW']);
    expect(patternLines('  ^a\n\n b \n')).toEqual(['^a', 'b']);
    expect(rulePatch(pointer, { enabled: false, patterns: [] }, { locale: 'de', add: 'Angebot, Vertrag', remove: '' }))
      .toEqual({ enabled: false, phrases: { de: { add: ['Angebot', 'Vertrag'] } } });
    expect(rulePatch(followUp, { enabled: true, patterns: [] }, { locale: 'en', add: ' ', remove: 'following up' })).toEqual({ phrases: { en: { remove: ['following up'] } } });
    expect(rulePatch(followUp, { patterns: ['^x'] })).toEqual({ patterns: ['^x'] });
    expect(rulePatch(followUp, undefined, { locale: 'en', add: '', remove: '' })).toBeNull();
  });

  test('when the preview runs, then it sends the unsaved rule switches and patterns and the changed settings only', () => {
    const draft: SettingsValues = { ...saved, antiNoise: { ...saved.antiNoise, dailyBudgetPerRep: 0 } };
    const edits = new Map([['pointer-follow-up', { enabled: false }], ['follow-up', { enabled: true }], ['check-in', { patterns: ['^ping'] }]]);
    expect(previewRequest(14, { rules, edits, draft, saved })).toEqual({
      days: 14, rules: [{ ruleId: 'check-in', patterns: ['^ping'] }, { ruleId: 'pointer-follow-up', enabled: false }], settings: { antiNoise: draft.antiNoise },
    });
    expect(previewRequest(7, { rules, edits: new Map(), draft: saved, saved })).toEqual({ days: 7 });
    expect(changedSettings({ ...saved, locale: 'de' }, saved)).toEqual({ locale: 'de' });
  });

  test('when the channel changes, then the id typed for that channel is kept and other channels carry none', () => {
    expect(deliveryFor('timeline-v3', { channel: 'timeline-v3', eventTemplateId: '42' })).toEqual({ channel: 'timeline-v3', eventTemplateId: '42' });
    expect(deliveryFor('app-event', { channel: 'note' })).toEqual({ channel: 'app-event', eventTypeName: '' });
    expect(deliveryFor('task-body', { channel: 'app-event', eventTypeName: 'x' })).toEqual({ channel: 'task-body' });
  });
});

describe('preview, analytics and audit views', () => {
  test('when a preview answers, then the summary, source, table rows, skips in words and examples come from it', () => {
    const view = previewView(previewSample);
    expect(view.summary).toBe('120 tasks scanned · 48 robotic · 31 cards would be posted');
    expect(view.source).toBe(`Source: stored webhook events. ${previewSample.note}`);
    expect(view.rows.map((row) => [row.ruleId, row.matched, row.cards])).toEqual([['follow-up', 40, 27], ['check-in', 8, 4]]);
    expect(view.skipped).toMatch(/^Skipped: /);
    expect(view.noExamples).toBeNull();
    const empty = previewView({ ...previewSample, skipped: [{ reason: 'rule-disabled', count: 1 }, { reason: 'later-reason', count: 2 }], examples: [], truncated: true, tasksScanned: 1, cards: 1 });
    expect(empty.summary).toBe('1 task scanned · 48 robotic · 1 card would be posted (newest tasks only)');
    expect(empty.skipped).toBe('Skipped: Rule switched off 1 · later-reason 2');
    expect(empty.noExamples).toBe('No cards in this window.');
    expect(previewView({ ...previewSample, skipped: [] }).skipped).toBe('Skipped: none');
  });

  test('when analytics answer, then totals, day labels, skip labels and rates are in words', () => {
    const view = analyticsView(analyticsSample);
    expect(view.totals.map((total) => total.label)).toEqual(['Cards delivered', 'Tasks skipped', 'Found helpful']);
    expect(view.perDay[0]?.label).toBe(analyticsSample.deliveredPerDay[0]?.date.slice(5));
    expect(view.byRule.every((row) => /^(\d+%|no feedback)$/.test(row.helpful))).toBe(true);
    expect(analyticsView({ ...analyticsSample, totals: { delivered: 1, skipped: 0, helpfulRate: null } }).summary).toContain('1 card delivered · 0 skipped · helpful rate no feedback');
  });

  test('when an audit entry is shown, then it names the actor (email, user id or channel) and at most ten changes', () => {
    const entry = { id: '1', at: '2026-09-01T10:00:00Z', actor: { via: 'settings-page' }, action: 'rule.disabled', target: 'rule:follow-up',
      changes: Array.from({ length: 12 }, (_, index) => ({ path: `p${index}`, before: true, after: false })) };
    const line = auditLine(entry);
    expect([line.who, line.what, line.changes.length, line.changes[0]]).toEqual(['settings-page', 'rule.disabled rule:follow-up', 10, 'p0: true → false']);
    expect(auditLine({ ...entry, actor: { userId: '7', via: 'x' } }).who).toBe('7');
  });
});

describe('validation messages', () => {
  test('when a call is refused, then its problems are the messages (with their field on request), else its message', () => {
    const error = apiErrorFrom(400, { error: { code: 'invalid_request', message: 'Not saved', problems: [{ path: 'patterns[0]', code: 'unsupported_regex', message: 'Pattern 1: no look-ahead.' }] } });
    expect(error).toBeInstanceOf(ApiError);
    expect(problemMessages(error)).toEqual(['Pattern 1: no look-ahead.']);
    expect(problemMessages(error, true)).toEqual(['patterns[0]: Pattern 1: no look-ahead.']);
    expect(problemMessages(apiErrorFrom(500, 'not json'))).toEqual(['Request failed (500)']);
    expect(problemMessages('thrown string')).toEqual(['Something went wrong.']);
    expect(describeError(new ApiError(409, 'version_conflict', 'x', []))).toContain('Reload the page');
    expect(describeError(error)).toBe('Pattern 1: no look-ahead.');
  });

  test('when an uninstall is confirmed, then only this portal\'s id, spaces around ignored, lets it through', () => {
    expect(checkUninstallConfirm(' 42 ', 42)).toBeNull();
    expect(checkUninstallConfirm('12345', 42)).toBe('Type 42, this portal\'s id, to confirm. Nothing was deleted.');
  });

  test('when a reader opens the page, then they are told who can grant editing', () => {
    expect(readOnlyNote([{ userId: '1', email: 'a@b.example' }, { email: 'c@d.example' }])).toBe('You can read these settings but not change them. Editing can be granted by: a@b.example / user 1, c@d.example.');
    expect(readOnlyNote([])).toContain('the user who installed Unrobot');
  });

  test('when an editor entry is typed, then blanks are dropped and the list limit is checked', () => {
    expect(editorEntry(' 7 ', '  ')).toEqual({ userId: '7' });
    expect(checkNewEditor({ email: 'x@y.example' }, Array.from({ length: 50 }, (_, index) => ({ userId: String(index + 1) }))).list).toBe('A portal has at most 50 editors; remove one first.');
    expect(checkNewEditor({ email: `${'a'.repeat(250)}@x.io` }, []).email).toBe('The email is too long; the limit is 254 characters.');
  });

  test('when the page checks an entry, then it agrees with the contract\'s user id pattern and the API\'s email check (zod)', () => {
    const openapi = JSON.parse(readFileSync(new URL('../../../src/settings/openapi.json', import.meta.url), 'utf8')) as { components: { schemas: { HubSpotId: { pattern: string } } } };
    const userId = new RegExp(openapi.components.schemas.HubSpotId.pattern);
    for (const id of ['1', '98499705', '0', '012', '1'.repeat(20), '1'.repeat(21), '12 3', '١٢٣']) {
      expect([id, checkNewEditor({ userId: id }, []).userId === undefined]).toEqual([id, userId.test(id)]);
    }
    const emails = ['ops@acme.example', 'o.p+s@acme.co.uk', "o'neil@acme.example", 'ops@acme', '.ops@acme.example', 'ops.@acme.example',
      'o..ps@acme.example', 'ops@-acme.example', 'ops@acme.c', 'öps@acme.example', 'ops@acme.example ', `${'a'.repeat(250)}@x.io`];
    for (const email of emails) {
      expect([email, checkNewEditor({ email }, []).email === undefined]).toEqual([email, z.email().max(254).safeParse(email).success]);
    }
  });

  test('when the service names the added entry as a whole, then the problem goes to the field it was given by; the rest to the list', () => {
    const duplicate = 'Entry 3 names the same person as entry 2.';
    const self = 'You cannot remove yourself; ask another editor to remove you.';
    const error = new ApiError(400, 'invalid_request', 'The editors were not saved: 2 problems to fix.', [
      { path: 'admins[2]', code: 'duplicate_entry', message: duplicate }, { path: 'admins', code: 'cannot_remove_self', message: self },
    ]);
    expect(placeProblems(error, { index: 2, entry: { email: 'ops@acme.example' } })).toEqual({ email: duplicate, list: self });
    expect(placeProblems(error, { index: 2, entry: { userId: '7', email: 'ops@acme.example' } })).toEqual({ userId: duplicate, list: self });
    expect(placeProblems(error, null)).toEqual({ list: `${duplicate} ${self}` });
    expect(placeProblems(new Error('Request failed (500)'), null)).toEqual({ list: 'Request failed (500)' });
  });

});
