import { secret } from '../../config/secret.ts';
import type { TokenSet } from '../../connectors/connector-auth.ts';
import type { StoredTokens } from '../../connectors/connections/connections.repository.ts';
import { createSingleFlightTokenStore } from '../../connectors/connections/token-store.ts';
import type { TokenVault } from '../../connectors/connections/token-vault.ts';
import {
  createPortal,
  defaultEmulatorClient,
  startHubSpotEmulator,
} from '../../connectors/hubspot/emulator/hubspot-emulator.ts';
import {
  changeCompanies,
  companyIds,
  historyCount,
  humanValues,
  keyedRecords,
  setHumanValues,
  touchCompany,
  writtenFields,
} from '../../connectors/hubspot/emulator/portal-edits.ts';
import { hubspotAuth } from '../../connectors/hubspot/hubspot-auth.ts';
import { hubspotConnector } from '../../connectors/hubspot/hubspot.connector.ts';
import { fieldCatalogue } from '@ripe/shared';
import { sandboxPriceBook } from '../../sandbox/sandbox-price-book.ts';
import { contractAsOf, describeConnectorContract } from './connector-contract.ts';
import type { ContractCrm } from './contract-crm.ts';

const now = () => new Date().toISOString();

function memoryVault(tokens: StoredTokens): TokenVault {
  let stored = tokens;
  return {
    load: async () => ({ crm: 'hubspot', status: 'connected', statusReason: null, tokens: stored }),
    save: async (set: TokenSet) => {
      stored = {
        accessToken: set.accessToken,
        refreshToken: set.refreshToken ?? stored.refreshToken,
        expiresAt: set.expiresAt,
      };
    },
    markStatus: async () => undefined,
  };
}

/** The portal's emulator, installed: tokens issued, Ripe's properties created by `ensureProperties`. */
async function hubspotCrm(): Promise<ContractCrm> {
  const portal = createPortal({ accounts: 120, seed: 7, asOf: contractAsOf });
  const emulator = await startHubSpotEmulator({ accounts: 0, seed: 7, asOf: contractAsOf, portal });
  const issued = emulator.issueAccessToken();
  const auth = hubspotAuth({
    baseUrl: emulator.url,
    clientId: defaultEmulatorClient.clientId,
    clientSecret: secret(defaultEmulatorClient.clientSecret),
  });
  let refreshes = 0;
  const tokens = createSingleFlightTokenStore({
    vault: memoryVault({
      accessToken: secret(issued.accessToken),
      refreshToken: secret(issued.refreshToken),
      expiresAt: null,
    }),
    auth: { ...auth, refresh: (token) => ((refreshes += 1), auth.refresh(token)) },
    now: () => new Date(),
  });
  const connector = () =>
    hubspotConnector({
      baseUrl: emulator.url,
      tokens,
      asOf: contractAsOf,
      portalId: String(portal.hubId),
      // The org's price book: the portal renders the sandbox's accounts.
      priceBook: sandboxPriceBook,
    });
  const installed = await connector().ensureProperties();
  if (!installed.ok) throw new Error(installed.error.message);
  const portalOf = () => portal;
  const faults = () => emulator.faults;
  let seed = 0;
  return {
    accountIds: () => companyIds(portalOf()),
    connector,
    changeAccounts: (share) =>
      changeCompanies(portalOf(), share, (seed += 1), now(), `${contractAsOf}T23:00:00.000Z`),
    touch: (accountId) => touchCompany(portalOf(), accountId, now()),
    setHuman: (accountId, edit) => setHumanValues(portalOf(), accountId, edit, now()),
    human: (accountId) => humanValues(portalOf(), accountId),
    accountFields: (accountId) => writtenFields(portalOf(), accountId),
    tasks: () => keyedRecords(portalOf(), 'tasks'),
    opportunities: () => keyedRecords(portalOf(), 'deals').map(({ key, accountId }) => ({ key, accountId })),
    historyCount: () => historyCount(portalOf()),
    close: () => emulator.close(),
    faults: {
      expireTokenAfterCalls: (calls) => void (faults().expireTokensAfterRequests = calls),
      dailyLimitAfterCalls: (calls) => void (faults().dailyLimitAfterRequests = calls),
      rejectRecords: (ids, message) =>
        void faults().rejectedProperties.push({
          objectType: 'companies',
          property: 'ripe_readiness',
          ids,
          message,
        }),
      missingField: (name) => {
        const property = fieldCatalogue.find((field) => field.name === name)?.hubspot ?? name;
        portalOf().properties.companies.delete(property);
      },
      clear: () => {
        const current = faults();
        Object.assign(current, {
          expireTokensAfterRequests: null,
          dailyLimitReached: false,
          dailyLimitAfterRequests: null,
          gateway: null,
          rejectedProperties: [],
          missingPropertyGroups: [],
        });
      },
      refreshCount: () => refreshes,
    },
  };
}

describeConnectorContract('HubSpot emulator', hubspotCrm, { faults: true, skipsOwnWrites: true });
