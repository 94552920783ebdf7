/**
 * The settings API as the HubSpot settings extension sees it (src/settings/openapi.json).
 * Every call goes through `hubspot.fetch`, which HubSpot signs (v3) and which may only reach
 * the origins listed in app-hsmeta.json `permittedUrls.fetch`. The portal is never sent: the
 * backend takes it from the signed request. The shapes and what the page does with them are in
 * page-model.ts (generated from src/settings/page-model.ts, shared with the standalone page).
 */
import { hubspot } from '@hubspot/ui-extensions';
import { adminsUpdate, apiErrorFrom, type AdminEntry, type Admin, type Analytics, type AuditEntry, type Me, type PreviewRequest, type PreviewResult, type Rule, type RuleList, type RulePatch, type Settings, type SettingsValues } from './page-model.ts';

/** The deployer's backend origin; keep in step with app-hsmeta.json (see the README). */
export const API_BASE_URL = 'https://unrobot.example.com';

export type { Admin, AdminEntry, Analytics, AuditEntry, CardContent, Delivery, LensId, Locale, Me, PreviewResult, Problem, Rule, RuleCounts, RuleList, Settings, SettingsValues } from './page-model.ts';
export { ApiError } from './page-model.ts';

type Method = 'GET' | 'PUT' | 'PATCH' | 'POST' | 'DELETE';

/** Calls one route and returns its JSON body (`{}` for a 204), or throws an ApiError for any non-2xx answer. */
export async function callApi<T>(method: Method, path: string, body?: Record<string, unknown>): Promise<T> {
  const options = body === undefined ? { method } : { method, body };
  const response = await hubspot.fetch(`${API_BASE_URL}${path}`, options);
  const payload: unknown = await response.json().catch(() => ({}));
  if (!response.ok) throw apiErrorFrom(response.status, payload);
  return payload as T;
}

/** The typed routes the settings page uses. */
export const settingsApi = {
  me: () => callApi<Me>('GET', '/api/v1/me'),
  settings: () => callApi<Settings>('GET', '/api/v1/settings'),
  saveSettings: (values: SettingsValues, version: number) =>
    callApi<Settings>('PUT', '/api/v1/settings', { ...values, version }),
  rules: () => callApi<RuleList>('GET', '/api/v1/rules'),
  patchRule: (ruleId: string, patch: RulePatch) =>
    callApi<Rule>('PATCH', `/api/v1/rules/${encodeURIComponent(ruleId)}`, { ...patch }),
  preview: (request: PreviewRequest) => callApi<PreviewResult>('POST', '/api/v1/preview', { ...request }),
  analytics: (days: 7 | 30) => callApi<Analytics>('GET', `/api/v1/analytics?days=${days}`),
  audit: () => callApi<{ entries: AuditEntry[] }>('GET', '/api/v1/audit?limit=20'),
  admins: () => callApi<{ admins: Admin[] }>('GET', '/api/v1/admins'),
  /** Replaces the whole editor list (no version: the last save wins). */
  saveAdmins: (admins: AdminEntry[]) =>
    callApi<{ admins: Admin[] }>('PUT', '/api/v1/admins', adminsUpdate(admins)),
  /** Answers 204; `confirm` is the portal id the admin typed. */
};
