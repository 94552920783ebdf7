/**
 * The danger zone: uninstall Unrobot from the portal and delete its data, confirmed by typing the
 * portal id. Same wording as the standalone page's section (src/settings/settings-page.ts).
 */
import { Alert, Button, Flex, Form, Heading, Input, Link, List, Text, Tile } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { API_BASE_URL, ApiError, settingsApi } from './api.ts';

/** What the uninstall deletes, as the standalone page lists it. */
export const UNINSTALL_DELETES = [
  'the portal\'s HubSpot tokens (HubSpot revokes them too);',
  'its settings, rule changes, editors and audit log;',
  'its cards, skips and feedback, stored task events and queued work;',
  'every signed-in session of the portal.',
];

interface Refusal { message: string; onStandalonePage: boolean }

interface UninstallSectionProps {
  portalId: number;
  readOnly: boolean;
  onUninstalled: () => void;
}

export function UninstallSection({ portalId, readOnly, onUninstalled }: UninstallSectionProps) {
  const [typed, setTyped] = useState('');
  const [fieldProblem, setFieldProblem] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [running, setRunning] = useState(false);

  const uninstall = async () => {
    setRefusal(null);
    if (typed.trim() !== String(portalId)) {
      setFieldProblem(`Type ${portalId}, this portal's id, to confirm. Nothing was deleted.`);
      return;
    }
    setFieldProblem('');
    setRunning(true);
    try {
      await settingsApi.uninstall(typed.trim());
      onUninstalled();
    } catch (caught) {
      const onField = caught instanceof ApiError ? caught.problems.filter((problem) => problem.path === 'confirm') : [];
      if (onField.length > 0) setFieldProblem(onField.map((problem) => problem.message).join(' '));
      else {
        // 403: the service accepts an uninstall only from its own page's signed-in session (openapi.json, uninstall).
        setRefusal({
          message: caught instanceof Error ? caught.message : 'The uninstall failed.',
          onStandalonePage: caught instanceof ApiError && caught.status === 403,
        });
      }
    } finally {
      setRunning(false);
    }
  };

  return (
    <Tile testId="uninstall-section">
      <Flex direction="column" gap="small">
        <Heading>Uninstall Unrobot from this portal</Heading>
        <Text>This removes the app from your HubSpot portal and deletes, here, everything Unrobot keeps about it:</Text>
        <List variant="unordered">{UNINSTALL_DELETES.map((item) => <Text key={item}>{item}</Text>)}</List>
        <Text>Notes already posted to HubSpot records stay in HubSpot. Only a record that the install existed and was removed, without any personal data, is kept. This cannot be undone; installing again starts from the defaults.</Text>
        <Form testId="uninstall-form" preventDefault={true} onSubmit={() => void uninstall()}>
          <Flex direction="column" gap="small">
            <Input label={`Type this portal's id, ${portalId}, to confirm`} name="uninstallConfirm" testId="uninstall-confirm"
              value={typed} readOnly={readOnly} error={fieldProblem !== ''} validationMessage={fieldProblem} onChange={setTyped} />
            <Flex direction="row">
              <Button type="submit" variant="destructive" testId="uninstall" disabled={readOnly || running}>
                {running ? 'Uninstalling…' : 'Uninstall Unrobot and delete its data'}
              </Button>
            </Flex>
          </Flex>
        </Form>
        {refusal !== null && (
          <Alert title="Unrobot was not uninstalled" variant="danger" testId="uninstall-error">
            {refusal.message}
            {refusal.onStandalonePage && <Link href={{ url: `${API_BASE_URL}/settings#uninstall`, external: true }}>Open Unrobot's settings page</Link>}
          </Alert>
        )}
      </Flex>
    </Tile>
  );
}
