/**
 * Which tables hold a portal's data, so uninstall purges all of it (RELIABILITY.md §3.9). Kept
 * next to the migrations: a test lists every table with a `portal_id` column and fails when one
 * is in neither list below, so a new tenant table cannot be forgotten.
 */

/** Deleted row by row on uninstall (`where portal_id = $1`), children before parents. */
export const PURGED_TENANT_TABLES: readonly string[] = [
  'card_feedback',
  'cards',
  'card_skips',
  'record_snoozes',
  'processed_events',
  'quarantined_events',
  'webhook_events',
  'parked_jobs',
  'paused_portals',
  'poll_cursors',
  'portal_admins',
  'portal_settings',
  // the actors of settings changes are people (user ids, emails)
  'settings_audit',
  'settings_sessions',
  'installs',
];

/** Kept on uninstall, with the reason; these rows must hold no personal data and no secret. */
export const RETAINED_TENANT_TABLES: Readonly<Record<string, string>> = {
  install_audit: 'what happened to the install and when: no user, no token, no CRM data',
  hubspot_rate_lanes: 'the times of the last few seconds of HubSpot calls (the shared rate budget): no user, no token, no CRM data',
};
