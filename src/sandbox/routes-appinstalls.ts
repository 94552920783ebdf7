/**
 * App-initiated uninstall (`DELETE /appinstalls/v3/external-install`): the app removes itself from
 * the portal of the calling token. Like `POST /__sandbox/portals/:id/uninstall`, every access and
 * refresh token of that portal is revoked; HubSpot answers 204 with no body.
 */
import { Router } from 'express';
import { authOf } from './gateway.ts';
import type { SandboxState } from './state.ts';

export function createAppInstallsRouter(state: SandboxState): Router {
  const router = Router();
  router.delete('/appinstalls/v3/external-install', (_req, res) => {
    const portalId = authOf(res).portal.portalId;
    for (const token of state.tokens.values()) if (token.portalId === portalId) token.revoked = true;
    for (const refresh of state.refreshTokens.values()) if (refresh.portalId === portalId) refresh.revoked = true;
    res.status(204).end();
  });
  return router;
}
