/**
 * Everything one sandbox instance knows, in memory: the app's credentials, the portals that
 * installed it, issued tokens, timeline templates, the request log and active faults.
 * Nothing lives at module scope, so each test builds its own sandbox.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { createPortal, type Portal } from './portal.ts';
import type { FaultRule } from './faults.ts';
import { createRequestLog, type RequestLog } from './request-log.ts';

export interface AppCredentials {
  appId: number;
  clientId: string;
  clientSecret: string;
  /** The developer API key (`hapikey`) that guards event-template management. */
  developerApiKey: string;
}

export interface IssuedToken {
  token: string;
  portalId: number;
  scopes: string[];
  /** Epoch ms, or null for a private-app token that never expires. */
  expiresAt: number | null;
  revoked: boolean;
  refreshToken?: string;
}

export interface AuthCode {
  portalId: number;
  redirectUri: string;
  scopes: string[];
  expiresAt: number;
  used: boolean;
}

export interface TemplateToken {
  name: string;
  label: string;
  type: 'string' | 'number' | 'date' | 'enumeration';
  options?: Array<{ value: string; label: string }>;
  objectPropertyName?: string;
  createdAt?: string;
  updatedAt?: string;
}

export interface TimelineTemplate {
  id: string;
  name: string;
  objectType: string;
  headerTemplate?: string;
  detailTemplate?: string;
  tokens: TemplateToken[];
  createdAt: string;
  updatedAt: string;
}

/** Scopes the sandbox grants when a token is issued without an explicit list. */
export const DEFAULT_SCOPES = [
  'oauth', 'crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.objects.companies.read',
  'crm.objects.deals.read', 'tickets', 'timeline', 'crm.objects.owners.read',
];

export interface SandboxState {
  readonly app: AppCredentials;
  readonly clock: Clock;
  readonly portals: Map<number, Portal>;
  readonly tokens: Map<string, IssuedToken>;
  readonly refreshTokens: Map<string, { portalId: number; scopes: string[]; revoked: boolean }>;
  readonly authCodes: Map<string, AuthCode>;
  readonly templates: Map<string, TimelineTemplate>;
  /** App event type names (`ae{appId}_…`) and the object type each targets. */
  readonly appEventTypes: Map<string, string>;
  /** Each app event type's header and detail templates (Markdown + Handlebars), as the app's project defines them. */
  readonly appEventTemplates: Map<string, { headerTemplate: string; detailTemplate: string }>;
  readonly requests: RequestLog;
  faults: FaultRule[];
  /** The portal the CLI and control API use when none is named. */
  defaultPortalId: number;
  nextTemplateId: number;
  /** Adds an empty portal and a non-expiring access token for it (generated unless given). */
  addPortal(portalId: number, accessToken?: string): { portal: Portal; accessToken: string };
  /** The portal, or the default one; throws if unknown. */
  portal(portalId?: number): Portal;
  /** Issues an expiring OAuth access token for a portal. */
  issueAccessToken(portalId: number, scopes: string[], ttlSeconds: number, refreshToken?: string): IssuedToken;
}

/** A token shaped like HubSpot's (`CO…` for OAuth, `pat-na1-…` for private apps). */
export function newToken(prefix: string): string {
  return `${prefix}${randomBytes(24).toString('base64url')}`;
}

export function createSandboxState(app: AppCredentials, clock: Clock): SandboxState {
  const state: SandboxState = {
    app, clock,
    portals: new Map(), tokens: new Map(), refreshTokens: new Map(), authCodes: new Map(),
    templates: new Map(), appEventTypes: new Map(), appEventTemplates: new Map(), requests: createRequestLog(),
    faults: [], defaultPortalId: 0, nextTemplateId: 1_001_000,
    addPortal(portalId, accessToken) {
      const portal = createPortal(portalId);
      state.portals.set(portalId, portal);
      if (state.defaultPortalId === 0) state.defaultPortalId = portalId;
      const token = accessToken ?? newToken('pat-na1-');
      state.tokens.set(token, { token, portalId, scopes: [...DEFAULT_SCOPES], expiresAt: null, revoked: false });
      return { portal, accessToken: token };
    },
    portal(portalId) {
      const portal = state.portals.get(portalId ?? state.defaultPortalId);
      if (!portal) throw new Error(`unknown portal ${portalId ?? state.defaultPortalId}`);
      return portal;
    },
    issueAccessToken(portalId, scopes, ttlSeconds, refreshToken) {
      const issued: IssuedToken = {
        token: newToken('CO'), portalId, scopes, expiresAt: clock.now() + ttlSeconds * 1000, revoked: false,
        ...(refreshToken === undefined ? {} : { refreshToken }),
      };
      state.tokens.set(issued.token, issued);
      return issued;
    },
  };
  return state;
}
