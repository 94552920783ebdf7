import { Alert, Button, Form, Input, Link, Table, Tile } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import type { Admin, AdminEntry } from '../../../extension-manifest/src/app/settings/api.ts';
import { UNINSTALL_DELETES } from '../../../extension-manifest/src/app/settings/page-model.ts';
import { SettingsPage } from '../../../extension-manifest/src/app/settings/SettingsPage.tsx';
import { adminsSample, invalidEditorError, meSample } from '../settings-contract/api-samples.ts';
import { mockHubspotFetch, on, pageReads, type Route } from './fake-backend.ts';

const BASE = 'https://unrobot.example.com';
const reads: Route[] = pageReads();
/** `trigger`'s declared argument type is the handler itself (a typing slip in 0.17.0); the runtime passes the value on. */
const eventArg = (value: unknown) => value as never;
let restore = () => {};
afterEach(() => restore());

/** The editor list as the service keeps it: PUT replaces it, GET reads it back. */
function editorsBackend(initial: readonly Admin[]) {
  let admins: Admin[] = [...initial];
  const same = (a: AdminEntry) => (b: AdminEntry) => a.userId === b.userId && a.email === b.email;
  const route: Route = (call) => {
    if (new URL(call.url).pathname !== '/api/v1/admins') return undefined;
    if (call.method === 'PUT') {
      const sent = (call.body as { admins: AdminEntry[] }).admins;
      admins = sent.map((entry) => admins.find(same(entry)) ?? { ...entry, addedBy: meSample.user.id, addedAt: '2026-09-02T10:00:00.000Z' });
    }
    return { status: 200, body: { admins } };
  };
  return { route, current: () => admins };
}

function renderPage(routes: Route[]) {
  const mock = mockHubspotFetch(routes);
  restore = mock.restore;
  const renderer = createRenderer('settings');
  renderer.render(<SettingsPage />);
  return { renderer, calls: mock.calls };
}

async function renderLoaded(routes: Route[] = []) {
  const page = renderPage([...routes, ...reads]);
  await page.renderer.waitFor(() => expect(page.renderer.findByTestId(Table, 'editor-list')).toBeDefined());
  return page;
}

const type = (renderer: ReturnType<typeof createRenderer>, testId: string, value: string) =>
  renderer.findByTestId(Input, testId).trigger('onChange', eventArg(value));
const submit = (renderer: ReturnType<typeof createRenderer>, testId: string) =>
  renderer.findByTestId(Form, testId).trigger('onSubmit', eventArg({}));

describe('editors', () => {
  test('when the page loads, then each editor is listed and every one but the caller has a labelled remove button', async () => {
    const { renderer } = await renderLoaded();
    const list = String(renderer.findByTestId(Table, 'editor-list'));
    expect(list).toContain('revops@acme.example');
    expect(list).toContain('installed Unrobot');
    expect(list).toContain('(you)');
    expect(renderer.maybeFindByTestId(Button, 'remove-editor-0')).toBeNull();
    expect(renderer.findByTestId(Button, 'remove-editor-1').text).toBe('Remove ops@acme.example');
    expect(renderer.findByTestId(Input, 'editor-user-id').props.label).toBe('HubSpot user id');
    expect(renderer.findByTestId(Input, 'editor-email').props.label).toBe('Email');
  });

  test('when an editor is added and another removed, then each PUT sends the whole list and a reload shows what was saved', async () => {
    const backend = editorsBackend(adminsSample.admins);
    const { renderer, calls } = await renderLoaded([backend.route]);
    type(renderer, 'editor-email', ' sales-lead@acme.example ');
    submit(renderer, 'editor-form');
    await renderer.waitFor(() => expect(String(renderer.findByTestId(Table, 'editor-list'))).toContain('sales-lead@acme.example'));
    expect(renderer.findByTestId(Alert, 'editor-notice').text).toContain('Added sales-lead@acme.example as an editor.');
    await renderer.waitFor(() => expect(renderer.findByTestId(Input, 'editor-email').props.value).toBe(''));
    expect(calls.filter((c) => c.method === 'PUT')).toEqual([{ method: 'PUT', url: `${BASE}/api/v1/admins`, body: {
      admins: [{ userId: '98499705', email: 'revops@acme.example' }, { email: 'ops@acme.example' }, { email: 'sales-lead@acme.example' }],
    } }]);

    renderer.findByTestId(Button, 'remove-editor-1').trigger('onClick');
    await renderer.waitFor(() => expect(String(renderer.findByTestId(Table, 'editor-list'))).not.toContain('"ops@acme.example"'));
    expect(calls.filter((c) => c.method === 'PUT').at(-1)?.body).toEqual({ admins: [{ userId: '98499705', email: 'revops@acme.example' }, { email: 'sales-lead@acme.example' }] });
    // The audit log is read again after each save (load, add, remove).
    await renderer.waitFor(() => expect(calls.filter((c) => c.method === 'GET' && c.url.includes('/audit'))).toHaveLength(3));

    restore();
    const reloaded = await renderLoaded([backend.route]);
    const list = String(reloaded.renderer.findByTestId(Table, 'editor-list'));
    expect(backend.current().map((admin) => admin.email)).toEqual(['revops@acme.example', 'sales-lead@acme.example']);
    expect(list).toContain('sales-lead@acme.example');
    expect(list).not.toContain('"ops@acme.example"');
  });

  test.each([
    ['nothing', '', '', 'editor-user-id', 'Give a HubSpot user id, an email, or both.'],
    ['a user id with letters', '98x', '', 'editor-user-id', 'A HubSpot user id is digits only.'],
    ['an email without a domain', '', 'ops@acme', 'editor-email', 'This is not an email address.'],
    ['an email already listed, in other case', '', 'OPS@acme.example', 'editor-email', 'This email is already an editor (entry 2).'],
    ['a user id already listed', '98499705', '', 'editor-user-id', 'This user id is already an editor (entry 1).'],
  ])('when %s is added, then nothing is sent and the problem is on the field', async (_what, userId, email, field, message) => {
    const { renderer, calls } = await renderLoaded();
    type(renderer, 'editor-user-id', userId);
    type(renderer, 'editor-email', email);
    submit(renderer, 'editor-form');
    await renderer.waitFor(() => expect(renderer.findByTestId(Input, field).props.error).toBe(true));
    expect(renderer.findByTestId(Input, field).props.validationMessage).toBe(message);
    expect(calls.filter((c) => c.method === 'PUT')).toEqual([]);
  });

  test('when the service refuses the new entry, then its problem is shown next to that field and the input is kept', async () => {
    const { renderer } = await renderLoaded([on('PUT', '/api/v1/admins', 400, invalidEditorError)]);
    type(renderer, 'editor-email', 'sales-lead@acme.example');
    submit(renderer, 'editor-form');
    await renderer.waitFor(() => expect(renderer.findByTestId(Input, 'editor-email').props.error).toBe(true));
    expect(renderer.findByTestId(Input, 'editor-email').props.validationMessage).toBe('This is not an email address.');
    expect(renderer.findByTestId(Input, 'editor-email').props.value).toBe('sales-lead@acme.example');
    expect(renderer.findByTestId(Input, 'editor-user-id').props.error).toBe(false);
    expect(String(renderer.findByTestId(Table, 'editor-list'))).not.toContain('sales-lead');
  });

  test('when a removal is refused for the whole list, then the reason is shown under the list and the editor stays', async () => {
    const refusal = { error: { code: 'invalid_request', message: 'The editors were not saved: 1 problem to fix.', problems: [{ path: 'admins', code: 'cannot_remove_self', message: 'You cannot remove yourself; ask another editor to remove you.' }] } };
    const { renderer } = await renderLoaded([on('PUT', '/api/v1/admins', 400, refusal)]);
    renderer.findByTestId(Button, 'remove-editor-1').trigger('onClick');
    await renderer.waitFor(() => expect(renderer.findByTestId(Alert, 'editor-error').text).toContain('You cannot remove yourself'));
    expect(renderer.findByTestId(Button, 'remove-editor-1')).toBeDefined();
  });

  test('when the user may not edit, then the page names who can grant editing and every editor control is off', async () => {
    const { renderer } = await renderLoaded([on('GET', '/api/v1/me', 200, { ...meSample, user: { id: '555' }, canEdit: false })]);
    expect(renderer.findByTestId(Alert, 'read-only').text).toContain('Editing can be granted by: revops@acme.example / user 98499705, ops@acme.example.');
    expect(renderer.findByTestId(Button, 'remove-editor-0').props.disabled).toBe(true);
    expect(renderer.findByTestId(Button, 'add-editor').props.disabled).toBe(true);
    expect(renderer.findByTestId(Input, 'editor-email').props.readOnly).toBe(true);
  });
});

describe('uninstall', () => {
  test('when the section is shown, then it lists what is deleted, as the standalone page does, and links there, with no way to uninstall through hubspot.fetch', async () => {
    const { renderer, calls } = await renderLoaded();
    const section = String(renderer.findByTestId(Tile, 'uninstall-section'));
    for (const item of UNINSTALL_DELETES) expect(section).toContain(item);
    expect(section).not.toContain('Add editor');
    expect(renderer.findByTestId(Link, 'uninstall-link').props.href).toEqual({ url: `${BASE}/settings#uninstall`, external: true });
    expect(renderer.findByTestId(Tile, 'uninstall-section').findAll(Button)).toEqual([]);
    expect(calls.filter((c) => c.method === 'DELETE')).toEqual([]);
  });
});
