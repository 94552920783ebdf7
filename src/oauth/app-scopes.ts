/**
 * The scopes the authorize URL asks for: exactly `requiredScopes` of
 * `extension-manifest/src/app/app-hsmeta.json` (a test keeps them equal). HubSpot refuses an
 * install that asks for a scope the app does not declare (REFERENCE.md §6).
 */
export const APP_SCOPES: readonly string[] = [
  'oauth',
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.objects.companies.read',
  'crm.objects.deals.read',
  'crm.objects.owners.read',
  'crm.objects.tasks.read',
  'tickets',
  'timeline',
];
