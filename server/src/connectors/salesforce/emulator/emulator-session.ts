import { secret } from '../../../config/secret.ts';
import { sessionThroughConsent, type ConsentSession } from '../../connections/consent-session.ts';
import { salesforceAuth } from '../salesforce-auth.ts';
import type { SalesforceEmulator } from './salesforce-emulator.ts';

export type EmulatorSession = ConsentSession;

/** Connects to the emulator as an admin connects an org: the web-server flow through jsforce's OAuth2. */
export function connectEmulator(emulator: SalesforceEmulator): Promise<EmulatorSession> {
  return sessionThroughConsent(
    'salesforce',
    salesforceAuth({
      loginUrl: emulator.url,
      clientId: emulator.oauth.clientId,
      clientSecret: secret(emulator.oauth.clientSecret),
    }),
  );
}
