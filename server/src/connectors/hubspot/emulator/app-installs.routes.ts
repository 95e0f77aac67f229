// The app's install in the portal, and its removal: HubSpot's app uninstalls API
// (`DELETE /appinstalls/2026-03/external-install`, developers.hubspot.com "App uninstalls API"): the portal's OAuth
// access token names the account, a `204` without a body answers. After it the portal's tokens are gone, so they
// are refused as any unknown token is: `401 INVALID_AUTHENTICATION` on the API, `400` "missing or unknown
// refresh token" on the token endpoint. A test uninstalls the app as a portal admin would (`uninstallApp`).
// Not emulated: the webhooks journal's app lifecycle entries, whose format HubSpot does not document
// (docs/hubspot-app-lifecycle.md).
import express, { type Router } from 'express';
import { hubspotExternalInstallPath } from '../hubspot-uninstall.ts';
import { isoAt, type EmulatorContext } from './emulator-context.ts';
import { sendHubSpotError } from './hubspot-error.ts';
import type { PortalState } from './portal-state.ts';

/** One uninstall of the app from the portal: when, and who did it. */
export interface AppUninstall {
  hubId: number;
  at: string;
  /** `api`: the app called the uninstall endpoint; `portal`: an admin removed the app in HubSpot. */
  by: 'api' | 'portal';
}

const uninstallsByPortal = new WeakMap<PortalState, AppUninstall[]>();

/** The uninstalls the portal saw, oldest first. */
export function appUninstalls(portal: PortalState): readonly AppUninstall[] {
  return uninstallsByPortal.get(portal) ?? [];
}

/** Removes the app from the portal: every token it was granted stops working; the uninstall is recorded. */
export function uninstallApp(
  portal: PortalState,
  at: string,
  by: AppUninstall['by'] = 'portal',
): AppUninstall {
  portal.accessTokens.clear();
  portal.refreshTokens.clear();
  const uninstall = { hubId: portal.hubId, at, by };
  uninstallsByPortal.set(portal, [...appUninstalls(portal), uninstall]);
  return uninstall;
}

export function appInstallsRoutes(ctx: EmulatorContext): Router {
  const router = express.Router();
  router.delete(hubspotExternalInstallPath, (req, res) => {
    const header = req.header('authorization') ?? '';
    const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    const grant = ctx.portal.accessTokens.get(token);
    if (!grant || grant.expiresAt <= ctx.now()) {
      sendHubSpotError(
        res,
        401,
        grant ? 'EXPIRED_AUTHENTICATION' : 'INVALID_AUTHENTICATION',
        grant
          ? 'The OAuth token used to make this call expired.'
          : 'Authentication credentials not found. This API supports OAuth 2.0 authentication.',
      );
      return;
    }
    uninstallApp(ctx.portal, isoAt(ctx.now()), 'api');
    res.status(204).end();
  });
  return router;
}
