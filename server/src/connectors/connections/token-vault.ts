import type { SecretsRepository } from '../../secrets/secrets.repository.ts';
import type { Database } from '../../store/database.ts';
import { withOrg } from '../../store/org-scope.ts';
import type { CrmKind } from '../../store/orgs.repository.ts';
import type { TokenSet } from '../connector-auth.ts';
import {
  getConnection,
  readTokens,
  recordTokens,
  setConnectionStatus,
  type ConnectionStatus,
  type StatusChange,
  type StoredTokens,
} from './connections.repository.ts';

/** What the token store reads and writes about one connection. */
export interface VaultContents {
  crm: CrmKind;
  status: ConnectionStatus;
  statusReason: string | null;
  /** Undefined when the org never authorised its CRM, or revoked it. */
  tokens: StoredTokens | undefined;
}

/** Where one connection's tokens live: sealed secrets in the store, an in-memory map in unit tests. */
export interface TokenVault {
  /** Undefined when the org has no connection. */
  load(): Promise<VaultContents | undefined>;
  save(tokens: TokenSet): Promise<void>;
  markStatus(change: StatusChange): Promise<void>;
}

export interface DatabaseVaultDeps {
  db: Database;
  orgId: string;
  secrets: SecretsRepository;
}

/** The org's connection row and its sealed tokens, each call one short transaction of the org. */
export function databaseTokenVault({ db, orgId, secrets }: DatabaseVaultDeps): TokenVault {
  return {
    load: () =>
      withOrg(db, orgId, async (tx) => {
        const connection = await getConnection(tx);
        if (!connection) return undefined;
        return {
          crm: connection.crm,
          status: connection.status,
          statusReason: connection.statusReason,
          tokens: await readTokens(tx, secrets),
        };
      }),
    save: async (tokens) => {
      await withOrg(db, orgId, (tx) => recordTokens(tx, secrets, tokens));
    },
    markStatus: async (change) => {
      await withOrg(db, orgId, (tx) => setConnectionStatus(tx, change));
    },
  };
}

/** A connection held in memory for one process (`ripe demo` against an emulator, the contract suite). */
export function memoryTokenVault(
  crm: CrmKind,
  initial: TokenSet,
): TokenVault & { contents(): VaultContents } {
  let contents: VaultContents = {
    crm,
    status: 'connected',
    statusReason: null,
    tokens: {
      accessToken: initial.accessToken,
      refreshToken: initial.refreshToken,
      expiresAt: initial.expiresAt,
    },
  };
  return {
    contents: () => contents,
    load: async () => contents,
    save: async (tokens) => {
      contents = {
        ...contents,
        status: 'connected',
        statusReason: null,
        tokens: {
          accessToken: tokens.accessToken,
          refreshToken: tokens.refreshToken ?? contents.tokens?.refreshToken ?? null,
          expiresAt: tokens.expiresAt,
        },
      };
    },
    markStatus: async (change) => {
      contents = {
        ...contents,
        status: change.status,
        statusReason: change.status === 'connected' ? null : change.reason,
      };
    },
  };
}
