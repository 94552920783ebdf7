/** Who may change the settings besides the installer: the list, add by user id and/or email, remove. */
import { Alert, Button, Flex, Form, Heading, Input, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { ApiError, settingsApi, type Admin, type AdminEntry, type Me } from './api.ts';

/** The API's rules for one entry (src/settings/settings-router.ts `AdminEntrySchema`, at most 50 entries). */
const USER_ID = /^[1-9][0-9]{0,19}$/;
/** zod 4's `z.email()` pattern, which the API applies. */
const EMAIL = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const MAX_EDITORS = 50;

/** A problem on the user id field, the email field, or the list as a whole. */
export interface EditorProblems { userId?: string; email?: string; list?: string }

export const adminLabel = (admin: AdminEntry): string =>
  [admin.email, admin.userId !== undefined ? `user ${admin.userId}` : undefined].filter((part) => part !== undefined).join(' / ');

const isMe = (admin: AdminEntry, me: Me): boolean =>
  admin.userId === me.user.id || (admin.email !== undefined && me.user.email !== undefined && admin.email.toLowerCase() === me.user.email.toLowerCase());

/** Checks a new entry as the API would, so the admin hears about it before a round trip. */
export function checkNewEditor(entry: AdminEntry, admins: AdminEntry[]): EditorProblems {
  if (entry.userId === undefined && entry.email === undefined) return { userId: 'Give a HubSpot user id, an email, or both.' };
  const problems: EditorProblems = {};
  if (entry.userId !== undefined && !USER_ID.test(entry.userId)) problems.userId = 'A HubSpot user id is digits only.';
  if (entry.email !== undefined && entry.email.length > 254) problems.email = 'The email is too long; the limit is 254 characters.';
  else if (entry.email !== undefined && !EMAIL.test(entry.email)) problems.email = 'This is not an email address.';
  const sameId = admins.findIndex((admin) => entry.userId !== undefined && admin.userId === entry.userId);
  const email = entry.email?.toLowerCase();
  const sameEmail = admins.findIndex((admin) => email !== undefined && admin.email?.toLowerCase() === email);
  if (problems.userId === undefined && sameId >= 0) problems.userId = `This user id is already an editor (entry ${sameId + 1}).`;
  if (problems.email === undefined && sameEmail >= 0) problems.email = `This email is already an editor (entry ${sameEmail + 1}).`;
  if (admins.length >= MAX_EDITORS) problems.list = `A portal has at most ${MAX_EDITORS} editors; remove one first.`;
  return problems;
}

/**
 * Places the API's 400 problems: those about the added entry (the last one sent) on its fields, one
 * about the entry as a whole on the field it was given by, the rest on the list.
 */
export function placeProblems(error: unknown, added: { index: number; entry: AdminEntry } | null): EditorProblems {
  if (!(error instanceof ApiError) || error.problems.length === 0) {
    return { list: error instanceof Error ? error.message : 'The editors were not saved.' };
  }
  const placed: Record<keyof EditorProblems, string[]> = { userId: [], email: [], list: [] };
  const entry = added === null ? null : `admins[${added.index}]`;
  const wholeEntryOn = added?.entry.userId === undefined ? 'email' : 'userId';
  for (const problem of error.problems) {
    if (entry !== null && problem.path === `${entry}.email`) placed.email.push(problem.message);
    else if (entry !== null && problem.path === `${entry}.userId`) placed.userId.push(problem.message);
    else if (entry !== null && problem.path === entry) placed[wholeEntryOn].push(problem.message);
    else placed.list.push(problem.message);
  }
  return Object.fromEntries(Object.entries(placed).filter(([, messages]) => messages.length > 0).map(([key, messages]) => [key, messages.join(' ')]));
}

interface EditorsSectionProps {
  admins: Admin[];
  me: Me;
  onSaved: (admins: Admin[]) => Promise<void> | void;
}

export function EditorsSection({ admins, me, onSaved }: EditorsSectionProps) {
  const readOnly = !me.canEdit;
  const [userId, setUserId] = useState('');
  const [email, setEmail] = useState('');
  const [problems, setProblems] = useState<EditorProblems>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (next: AdminEntry[], done: string, added: { index: number; entry: AdminEntry } | null): Promise<boolean> => {
    setSaving(true);
    setNotice(null);
    try {
      const saved = await settingsApi.saveAdmins(next);
      setProblems({});
      setNotice(done);
      await onSaved(saved.admins);
      return true;
    } catch (caught) {
      setProblems(placeProblems(caught, added));
      return false;
    } finally {
      setSaving(false);
    }
  };

  const add = async () => {
    const entry: AdminEntry = { ...(userId.trim() !== '' && { userId: userId.trim() }), ...(email.trim() !== '' && { email: email.trim() }) };
    const found = checkNewEditor(entry, admins);
    setProblems(found);
    if (Object.keys(found).length > 0) { setNotice(null); return; }
    if (await save([...admins, entry], `Added ${adminLabel(entry)} as an editor.`, { index: admins.length, entry })) {
      setUserId('');
      setEmail('');
    }
  };

  return (
    <Flex direction="column" gap="small">
      <Heading>Editors</Heading>
      <Text>Who may change these settings. Anyone else in the portal who signs in can read them. Name a person by HubSpot user id, by the email they sign in to HubSpot with, or both. You cannot remove yourself; ask another editor.</Text>
      <Table bordered={true} testId="editor-list">
        <TableHead>
          <TableRow>
            <TableHeader>User id</TableHeader><TableHeader>Email</TableHeader><TableHeader>Added by</TableHeader><TableHeader>Added</TableHeader><TableHeader>Remove</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {admins.map((admin, index) => (
            <TableRow key={`${admin.userId ?? ''}|${admin.email ?? ''}`}>
              <TableCell>{admin.userId ?? '—'}</TableCell>
              <TableCell>{admin.email ?? '—'}</TableCell>
              <TableCell>{admin.addedBy ?? 'installed Unrobot'}</TableCell>
              <TableCell>{admin.addedAt.slice(0, 10)}</TableCell>
              <TableCell>
                {isMe(admin, me) ? <Text>(you)</Text> : (
                  <Button size="xs" variant="secondary" testId={`remove-editor-${index}`} disabled={readOnly || saving}
                    onClick={() => void save(admins.filter((_, i) => i !== index), `Removed ${adminLabel(admin)}.`, null)}>
                    {`Remove ${adminLabel(admin)}`}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Form testId="editor-form" preventDefault={true} onSubmit={() => void add()}>
        <Flex direction="row" gap="small" align="end">
          <Input label="HubSpot user id" name="editorUserId" testId="editor-user-id" value={userId} readOnly={readOnly}
            error={problems.userId !== undefined} validationMessage={problems.userId ?? ''} onChange={setUserId} />
          <Input label="Email" name="editorEmail" testId="editor-email" value={email} readOnly={readOnly}
            error={problems.email !== undefined} validationMessage={problems.email ?? ''} onChange={setEmail} />
          <Button type="submit" testId="add-editor" disabled={readOnly || saving}>{saving ? 'Saving…' : 'Add editor'}</Button>
        </Flex>
      </Form>
      {problems.list !== undefined && <Alert title="The editors were not saved" variant="danger" testId="editor-error">{problems.list}</Alert>}
      {notice !== null && <Alert title="Editors saved" variant="success" testId="editor-notice">{notice}</Alert>}
    </Flex>
  );
}
