/**
 * The danger zone, inside HubSpot: what an uninstall deletes (the standalone page's wording,
 * src/settings/settings-page.ts) and the way to do it. The service accepts an uninstall only from
 * its own signed-in settings page (openapi.json: a `hubspot.fetch` request gets 403), so this
 * section links there rather than offering a button that could never succeed.
 */
import { Flex, Heading, Link, List, Text, Tile } from '@hubspot/ui-extensions';
import { API_BASE_URL } from './api.ts';
import { UNINSTALL_DELETES } from './page-model.ts';

export function UninstallSection() {
  return (
    <Tile testId="uninstall-section">
      <Flex direction="column" gap="small">
        <Heading>Uninstall Unrobot from this portal</Heading>
        <Text>This removes the app from your HubSpot portal and deletes, here, everything Unrobot keeps about it:</Text>
        <List variant="unordered">{UNINSTALL_DELETES.map((item) => <Text key={item}>{item}</Text>)}</List>
        <Text>Notes already posted to HubSpot records stay in HubSpot. Only a record that the install existed and was removed, without any personal data, is kept. This cannot be undone; installing again starts from the defaults.</Text>
        <Text>An editor uninstalls on Unrobot's own settings page, signed in with HubSpot, by typing the portal id to confirm.</Text>
        <Link testId="uninstall-link" href={{ url: `${API_BASE_URL}/settings#uninstall`, external: true }}>Uninstall on Unrobot's settings page</Link>
      </Flex>
    </Tile>
  );
}
