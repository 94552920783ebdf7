/**
 * The settings API as the HubSpot settings extension sees it (src/settings/openapi.json).
 * Every call goes through `hubspot.fetch`, which HubSpot signs (v3) and which may only reach
 * the origins listed in app-hsmeta.json `permittedUrls.fetch`. The portal is never sent: the
 * backend takes it from the signed request.
 */
import { hubspot } from '@hubspot/ui-extensions';

/** The deployer's backend origin; keep in step with app-hsmeta.json (see the README). */
export const API_BASE_URL = 'https://unrobot.example.com';

export type Locale = 'en' | 'de' | 'fr' | 'es' | 'nl' | 'pt';
export type LensId = 'whose-urgency' | 'going-dark' | 'behind-the-scenes' | 'common-denominators'
  | 'internal-experts' | 'long-term' | 'service-experience' | 'calm-attention';
export type Delivery =
  | { channel: 'note' }
  | { channel: 'timeline-v3'; eventTemplateId: string }
  | { channel: 'app-event'; eventTypeName: string }
  | { channel: 'task-body' };
export interface AntiNoise {
  dailyBudgetPerRep: number;
  recordCooldownHours: number;
  clientReplyWindowHours: number;
  quietHours: { start: string; end: string } | null;
  snoozeDays: number;
}
export interface SettingsValues {
  locale: Locale;
  timeZone: string;
  delivery: Delivery;
  thresholds: { silenceDays: number; stageAgeMultiple: number };
  lenses: Record<LensId, boolean>;
  antiNoise: AntiNoise;
}
export interface Settings extends SettingsValues { portalId: number; version: number }
export interface Me { portalId: number; user: { id: string; email?: string }; canEdit: boolean }
export interface Rule {
  id: string;
  name: string;
  description: string;
  enabled: boolean;
  patterns: string[];
  threshold: number;
  customized: boolean;
}
export interface CardContent { ruleId: string; ruleName: string; taskSubject: string; headline: string; questions: string[]; why: string }
export interface SkipCount { reason: string; count: number }
export interface PreviewResult {
  days: number;
  tasksScanned: number;
  robotic: number;
  cards: number;
  byRule: Array<{ ruleId: string; ruleName: string; matched: number; cards: number }>;
  skipped: SkipCount[];
  examples: CardContent[];
}
export interface Analytics {
  days: number;
  totals: { delivered: number; skipped: number; helpfulRate: number | null };
  deliveredPerDay: Array<{ date: string; delivered: number }>;
  skipsByReason: SkipCount[];
  byRule: Array<{ ruleId: string; ruleName: string; delivered: number; helpfulRate: number | null }>;
  byLens: Array<{ lens: LensId; delivered: number; helpfulRate: number | null }>;
}
export interface AuditEntry {
  id: string;
  at: string;
  actor: { email?: string; userId?: string; via: string };
  action: string;
  target: string;
  changes: Array<{ path: string; before: unknown; after: unknown }>;
}
export interface Problem { path: string; code: string; message: string }
/** A person who may edit: a HubSpot user id, an email, or both. */
export interface AdminEntry { userId?: string; email?: string }
export interface Admin extends AdminEntry { addedBy: string | null; addedAt: string }

/** A refused call, with the server's message and the problems an admin can fix. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problems: Problem[];

  constructor(status: number, code: string, message: string, problems: Problem[]) {
    super(message);
    this.status = status;
    this.code = code;
    this.problems = problems;
  }
}

type Method = 'GET' | 'PUT' | 'PATCH' | 'POST' | 'DELETE';

/** Calls one route and returns its JSON body (`{}` for a 204), or throws an ApiError for any non-2xx answer. */
export async function callApi<T>(method: Method, path: string, body?: Record<string, unknown>): Promise<T> {
  const options = body === undefined ? { method } : { method, body };
  const response = await hubspot.fetch(`${API_BASE_URL}${path}`, options);
  const payload = (await response.json().catch(() => ({}))) as {
    error?: { code?: string; message?: string; problems?: Problem[] };
  };
  if (!response.ok) {
    const error = payload.error ?? {};
    throw new ApiError(response.status, error.code ?? 'internal', error.message ?? `Request failed (${response.status})`, error.problems ?? []);
  }
  return payload as T;
}

/** The typed routes the settings page uses. */
export const settingsApi = {
  me: () => callApi<Me>('GET', '/api/v1/me'),
  settings: () => callApi<Settings>('GET', '/api/v1/settings'),
  saveSettings: (values: SettingsValues, version: number) =>
    callApi<Settings>('PUT', '/api/v1/settings', { ...values, version }),
  rules: () => callApi<{ rules: Rule[] }>('GET', '/api/v1/rules'),
  patchRule: (ruleId: string, patch: { enabled?: boolean; patterns?: string[] }) =>
    callApi<Rule>('PATCH', `/api/v1/rules/${encodeURIComponent(ruleId)}`, patch),
  preview: (days: number, settings: SettingsValues) => callApi<PreviewResult>('POST', '/api/v1/preview', { days, settings }),
  analytics: (days: 7 | 30) => callApi<Analytics>('GET', `/api/v1/analytics?days=${days}`),
  audit: () => callApi<{ entries: AuditEntry[] }>('GET', '/api/v1/audit?limit=20'),
  admins: () => callApi<{ admins: Admin[] }>('GET', '/api/v1/admins'),
  /** Replaces the whole editor list (no version: the last save wins). */
  saveAdmins: (admins: AdminEntry[]) =>
    callApi<{ admins: Admin[] }>('PUT', '/api/v1/admins', { admins: admins.map(({ userId, email }) => ({ ...(userId !== undefined && { userId }), ...(email !== undefined && { email }) })) }),
  /** Answers 204; `confirm` is the portal id the admin typed. */
};

/** "75%" for a rate, "–" when there was no feedback. */
export function formatRate(rate: number | null): string {
  return rate === null ? '–' : `${Math.round(rate * 100)}%`;
}
