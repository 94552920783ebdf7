import { Accordion, Button, Table, Text, TextArea, Toggle } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { countsFromPreview, recognisedText } from '../../../extension-manifest/src/app/settings/page-model.ts';
import { SettingsPage } from '../../../extension-manifest/src/app/settings/SettingsPage.tsx';
import { invalidPatternError, meSample, previewSample, rulesSample, settingsSample } from '../settings-contract/api-samples.ts';
import { mockHubspotFetch, on, pageReads } from './fake-backend.ts';

const BASE = 'https://unrobot.example.com';
const reads = pageReads();
let restore = () => {};

/** `trigger`'s declared argument type is the handler itself (a typing slip in 0.17.0); the runtime passes the value on. */
const eventArg = (value: unknown) => value as never;
afterEach(() => restore());

async function renderLoaded(routes = reads) {
  const mock = mockHubspotFetch(routes);
  restore = mock.restore;
  const renderer = createRenderer('settings');
  renderer.render(<SettingsPage />);
  await renderer.waitFor(() => expect(renderer.findByTestId(Toggle, 'rule-toggle-follow-up')).toBeDefined());
  return { renderer, calls: mock.calls };
}

test('when the page loads, then it shows each rule with its description, toggle state and the audit log, all fetched from the permitted origin', async () => {
  const { renderer, calls } = await renderLoaded();
  expect(renderer.findByTestId(Toggle, 'rule-toggle-follow-up').props.checked).toBe(true);
  expect(renderer.findByTestId(Toggle, 'rule-toggle-check-in').props.checked).toBe(false);
  expect(String(renderer.getRootNode())).toContain('Tasks that only say to follow up, with nothing about the client.');
  expect(String(renderer.findByTestId(Table, 'audit-log'))).toContain('revops@acme.example');
  expect(calls.every((call) => call.url.startsWith(`${BASE}/api/v1/`))).toBe(true);
  expect(calls.some((call) => /portal/i.test(call.url) || JSON.stringify(call.body ?? '').includes('portal'))).toBe(false);
});

test('when an admin switches a rule off, then the page PATCHes only that rule with enabled false', async () => {
  const switchedOff = { ...rulesSample.rules[0], enabled: false, customized: true };
  const { renderer, calls } = await renderLoaded([on('PATCH', '/api/v1/rules/follow-up', 200, switchedOff), ...reads]);
  renderer.findByTestId(Toggle, 'rule-toggle-follow-up').trigger('onChange', eventArg(false));
  await renderer.waitFor(() => expect(renderer.findByTestId(Toggle, 'rule-toggle-follow-up').props.checked).toBe(false));
  expect(calls.filter((c) => c.method === 'PATCH')).toEqual([{ method: 'PATCH', url: `${BASE}/api/v1/rules/follow-up`, body: { enabled: false } }]);
});

test('when a pattern is refused, then the problem the server gives is shown on the pattern field', async () => {
  const { renderer } = await renderLoaded([on('PATCH', '/api/v1/rules/check-in', 400, invalidPatternError), ...reads]);
  renderer.findByTestId(TextArea, 'rule-patterns-check-in').trigger('onChange', eventArg('^(?!renewal).*follow up'));
  renderer.findByTestId(Button, 'rule-patterns-save-check-in').trigger('onClick');
  await renderer.waitFor(() => expect(renderer.findByTestId(TextArea, 'rule-patterns-check-in').props.error).toBe(true));
  expect(renderer.findByTestId(TextArea, 'rule-patterns-check-in').props.validationMessage).toContain('look-ahead');
});

test('when the preview runs with an unsaved budget, then the unsaved settings are sent and the counts and an example card appear', async () => {
  const { renderer, calls } = await renderLoaded([on('POST', '/api/v1/preview', 200, previewSample), ...reads]);
  renderer.find(Toggle, { name: 'quietHours' }).trigger('onChange', eventArg(false));
  renderer.findByTestId(Button, 'run-preview').trigger('onClick');
  await renderer.waitFor(() => expect(renderer.maybeFindByTestId(Table, 'preview-by-rule')).not.toBeNull());
  const sent = calls.find((c) => c.method === 'POST')?.body as { days: number; settings: { antiNoise: { quietHours: unknown } } };
  expect(sent.days).toBe(7);
  expect(sent.settings.antiNoise.quietHours).toBeNull();
  expect(String(renderer.getRootNode())).toContain(previewSample.examples[0]?.headline);
  // The rule list now counts what the preview read.
  expect(renderer.findByTestId(Text, 'rule-count-follow-up').text).toBe(recognisedText('follow-up', countsFromPreview(previewSample)));
});

test('when the page loads, then each rule shows how many recent tasks it recognised, and a pointer rule lists pointers, not phrases', async () => {
  const { renderer } = await renderLoaded();
  expect(renderer.findByTestId(Text, 'rule-count-follow-up').text).toBe('Recognised 12 of the 40 tasks stored from webhooks in the last 7 days.');
  expect(renderer.findByTestId(Text, 'rule-count-check-in').text).toBe('Off; would have recognised none of the 40 tasks stored from webhooks in the last 7 days.');
  expect(renderer.findByTestId(Accordion, 'rule-phrases-pointer-follow-up').props.title).toBe('Pointers');
  expect(String(renderer.findByTestId(Accordion, 'rule-phrases-pointer-follow-up'))).toContain('Pointers (en): proposal · sow');
  expect(renderer.findByTestId(Accordion, 'rule-phrases-follow-up').props.title).toBe('Phrases');
  expect(String(renderer.findByTestId(Accordion, 'rule-phrases-follow-up'))).toContain('Phrases (en): follow up · following up');
  expect(renderer.findByTestId(Toggle, 'rule-toggle-pointer-follow-up').props.checked).toBe(true);
});

test('when the settings are saved, then PUT carries the version read and the values without read-only fields', async () => {
  const saved = { ...settingsSample, version: 4 };
  const { renderer, calls } = await renderLoaded([on('PUT', '/api/v1/settings', 200, saved), ...reads]);
  renderer.findByTestId(Button, 'save-settings').trigger('onClick');
  await renderer.waitFor(() => expect(String(renderer.getRootNode())).toContain('Settings saved.'));
  const body = calls.find((c) => c.method === 'PUT')?.body as Record<string, unknown>;
  expect(body.version).toBe(3);
  expect(Object.keys(body).sort()).toEqual(['antiNoise', 'delivery', 'lenses', 'locale', 'thresholds', 'timeZone', 'version']);
});

test('when the user may not edit, then toggles are read only and save is disabled', async () => {
  const { renderer } = await renderLoaded([on('GET', '/api/v1/me', 200, { ...meSample, canEdit: false }), ...reads]);
  expect(renderer.findByTestId(Toggle, 'rule-toggle-follow-up').props.readOnly).toBe(true);
  expect(renderer.findByTestId(Button, 'save-settings').props.disabled).toBe(true);
});

test('when the backend cannot be reached, then the page says so instead of spinning', async () => {
  const mock = mockHubspotFetch([on('GET', '/api/v1/me', 500, { error: { code: 'internal', message: 'Unrobot is down (request 42)' } })]);
  restore = mock.restore;
  const renderer = createRenderer('settings');
  renderer.render(<SettingsPage />);
  await renderer.waitFor(() => expect(String(renderer.getRootNode())).toContain('could not be loaded'));
});
