import { secret } from '../../../config/secret.ts';
import { err, ok, type Result } from '../../../resilience/result.ts';
import type { ConnectorAuth, TokenSet } from '../../connector-auth.ts';
import type { ConnectorError } from '../../crm-connector.ts';

export interface FakeConnectorAuth extends ConnectorAuth {
  /** Codes exchanged and refresh tokens used, in order (test values, not real secrets). */
  readonly exchanged: string[];
  readonly refreshedWith: string[];
  /** What the next refreshes answer: new tokens by default. */
  refreshAnswers: 'tokens' | ConnectorError;
}

/** Token values a test can look for in responses, logs and tables: each call mints new ones. */
export function fakeTokens(label: string, expiresAt: Date | null): TokenSet {
  return {
    accessToken: secret(`access-${label}-7f3e9a`),
    refreshToken: secret(`refresh-${label}-c81d44`),
    expiresAt,
    instance: 'https://acme.my.salesforce.example',
    scopes: ['api', 'refresh_token'],
  };
}

/** A CRM's OAuth half without a network: codes are exchanged for fake tokens, refreshes counted. */
export function createFakeConnectorAuth(options: {
  now: () => Date;
  lifetimeMs?: number;
}): FakeConnectorAuth {
  const lifetimeMs = options.lifetimeMs ?? 3_600_000;
  const expiry = () => new Date(options.now().getTime() + lifetimeMs);
  const fake: FakeConnectorAuth = {
    exchanged: [],
    refreshedWith: [],
    refreshAnswers: 'tokens',
    authorizeUrl: ({ state, redirectUri }) =>
      `https://login.crm.example/authorize?${new URLSearchParams({ state, redirect_uri: redirectUri })}`,
    exchangeCode: async ({ code }): Promise<Result<TokenSet, ConnectorError>> => {
      fake.exchanged.push(code);
      if (code === 'bad-code') return err({ code: 'invalid_request', message: 'The code is invalid' });
      return ok(fakeTokens(`exchange-${fake.exchanged.length}`, expiry()));
    },
    refresh: async (refreshToken): Promise<Result<TokenSet, ConnectorError>> => {
      fake.refreshedWith.push(refreshToken.reveal());
      // A real CRM answers after a round trip: concurrent callers overlap with it.
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (fake.refreshAnswers !== 'tokens') return err(fake.refreshAnswers);
      return ok({ ...fakeTokens(`refresh-${fake.refreshedWith.length}`, expiry()), refreshToken: null });
    },
  };
  return fake;
}
