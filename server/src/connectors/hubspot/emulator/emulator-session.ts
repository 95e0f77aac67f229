import { secret } from '../../../config/secret.ts';
import { sessionThroughConsent, type ConsentSession } from '../../connections/consent-session.ts';
import { hubspotAuth } from '../hubspot-auth.ts';
import type { HubSpotEmulator } from './hubspot-emulator.ts';
import { defaultEmulatorClient } from './hubspot-emulator.ts';

export type EmulatorSession = ConsentSession;

/**
 * Installs Ripe in the emulated portal the way an admin does: the consent page (the emulator approves at once
 * and redirects with a code), the code exchanged on the dated token endpoint — which creates Ripe's properties —,
 * then a token store that refreshes on a 401.
 */
export function connectPortal(emulator: HubSpotEmulator): Promise<EmulatorSession> {
  return sessionThroughConsent(
    'hubspot',
    hubspotAuth({
      baseUrl: emulator.url,
      clientId: defaultEmulatorClient.clientId,
      clientSecret: secret(defaultEmulatorClient.clientSecret),
    }),
  );
}
