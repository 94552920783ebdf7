/**
 * The OAuth callback as one story: take the state, exchange the code, learn whose token it is,
 * store the install (refresh token encrypted, access token in memory), and report who signed in.
 */
import type { Clock } from '../clock.ts';
import { AppError } from '../errors.ts';
import type { OAuthClient } from '../hubspot/oauth-tokens.ts';
import type { TokenCipher } from '../hubspot/token-cipher.ts';
import type { Logger } from '../logger.ts';
import type { InstallStore } from '../store/install-store.ts';
import type { AuthorizationPurpose, OAuthStateStore } from '../store/oauth-state-store.ts';
import { consumeState, DEFAULT_RETURN_TO } from './authorization-state.ts';
import type { OAuthTokenProvider } from './oauth-token-provider.ts';

/** Who completed the OAuth flow; handed to the settings area's `onLogin`. */
export interface LoginIdentity {
  portalId: string;
  userId: string | undefined;
  email: string | undefined;
  scopes: string[];
  /** Same-origin path the login asked to return to. */
  returnTo: string;
}

export interface CompleteAuthorizationDeps {
  states: OAuthStateStore;
  installs: InstallStore;
  cipher: TokenCipher;
  oauthClient: Pick<OAuthClient, 'exchangeCode' | 'tokenInfo'>;
  tokens?: Pick<OAuthTokenProvider, 'remember'>;
  /** After an install is stored: e.g. the pipeline's `resumePortal` (clears the pause, re-enqueues parked jobs). */
  onInstalled?: (portalId: string) => Promise<unknown>;
  clock: Clock;
  log: Logger;
  /** `<publicBaseUrl>/oauth/callback`, exactly as sent to the authorize page. */
  redirectUri: string;
}

export interface CallbackInput {
  state: string | undefined;
  /** The value of the state cookie. */
  binding: string | undefined;
  code: string | undefined;
  error: string | undefined;
}

export interface AuthorizationOutcome {
  purpose: AuthorizationPurpose;
  identity: LoginIdentity;
  /** True when this callback stored (or renewed) the install. */
  installed: boolean;
  reinstalled: boolean;
}

export async function completeAuthorization(deps: CompleteAuthorizationDeps, input: CallbackInput): Promise<AuthorizationOutcome> {
  const stored = await consumeState(deps.states, deps.clock, input.state, input.binding);
  if (input.error !== undefined) {
    throw new AppError('oauth.denied', 'HubSpot did not grant access, so nothing was installed', { status: 400, details: { error: input.error.slice(0, 60) } });
  }
  if (input.code === undefined || input.code === '' || input.code.length > 512) {
    throw new AppError('oauth.bad-code', 'HubSpot sent no authorization code; start again', { status: 400 });
  }
  const grant = await deps.oauthClient.exchangeCode(input.code, deps.redirectUri);
  const info = await deps.oauthClient.tokenInfo(grant.accessToken);
  if (grant.hubId !== undefined && grant.hubId !== info.hubId) {
    throw new AppError('oauth.mismatch', 'HubSpot named two different portals for one sign-in', { status: 502 });
  }
  const portalId = info.hubId;
  const identity: LoginIdentity = { portalId, userId: info.userId ?? grant.userId, email: info.email, scopes: info.scopes.length > 0 ? info.scopes : grant.scopes ?? [], returnTo: stored.returnTo ?? DEFAULT_RETURN_TO };

  // A login by a user of an active install leaves the install (and its first admin) as it is.
  const existing = stored.purpose === 'login' ? await deps.installs.getInstall(portalId) : undefined;
  if (existing?.status === 'active') {
    deps.log.info({ portalId, purpose: stored.purpose }, 'oauth login completed');
    return { purpose: stored.purpose, identity, installed: false, reinstalled: false };
  }
  const { reinstalled } = await deps.installs.saveInstall({
    portalId,
    refreshTokenCiphertext: deps.cipher.encrypt(grant.refreshToken, { portalId, purpose: 'refresh-token' }),
    scopes: identity.scopes,
    userId: identity.userId ?? null,
    email: identity.email ?? null,
    at: deps.clock.now(),
  });
  deps.tokens?.remember(portalId, grant);
  await deps.onInstalled?.(portalId);
  deps.log.info({ portalId, purpose: stored.purpose, reinstalled, scopes: identity.scopes.length }, 'app installed');
  return { purpose: stored.purpose, identity, installed: true, reinstalled };
}
