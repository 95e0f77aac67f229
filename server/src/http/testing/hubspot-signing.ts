import type { Test } from 'supertest';
import { signatureV3 } from '../hubspot/signature-v3.ts';

/** The HubSpot app of test servers: its client secret signs, its public origin is what HubSpot calls. */
export const testHubSpotApp = {
  clientId: 'test-hubspot-app',
  clientSecret: 'test-hubspot-client-secret',
  origin: 'https://ripe.test',
};

/** The environment of a test server that serves the HubSpot app's routes. */
export const hubspotTestEnv = {
  HUBSPOT_CLIENT_ID: testHubSpotApp.clientId,
  HUBSPOT_CLIENT_SECRET: testHubSpotApp.clientSecret,
  RIPE_PUBLIC_URL: testHubSpotApp.origin,
};

/**
 * Signs a supertest request as HubSpot signs a `hubspot.fetch` call (v3: method, the public URL, the body,
 * the timestamp), with the test app's secret unless told. `body` is sent as is: what is signed is what is sent.
 */
export function signAsHubSpot(
  call: Test,
  request: { method: string; url: string; body?: string; ageMs?: number; secret?: string },
): Test {
  const timestamp = String(Date.now() - (request.ageMs ?? 0));
  const signature = signatureV3(
    {
      method: request.method.toUpperCase(),
      uri: `${testHubSpotApp.origin}${request.url}`,
      body: request.body ?? '',
      timestamp,
    },
    request.secret ?? testHubSpotApp.clientSecret,
  );
  return call.set('x-hubspot-signature-v3', signature).set('x-hubspot-request-timestamp', timestamp);
}
