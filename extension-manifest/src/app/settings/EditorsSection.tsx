/** Who may change the settings besides the installer: the list, add by user id and/or email, remove. Checks and messages: page-model.ts. */
import { Alert, Button, Flex, Form, Heading, Input, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { settingsApi, type Admin, type AdminEntry, type Me } from './api.ts';
import { adminLabel, checkNewEditor, editorEntry, isMe, pageMessages, placeProblems, type EditorProblems } from './page-model.ts';

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
    const entry = editorEntry(userId, email);
    const found = checkNewEditor(entry, admins);
    setProblems(found);
    if (Object.keys(found).length > 0) { setNotice(null); return; }
    if (await save([...admins, entry], pageMessages.editorAdded(entry), { index: admins.length, entry })) {
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
                    onClick={() => void save(admins.filter((_, i) => i !== index), pageMessages.editorRemoved(admin), null)}>
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
