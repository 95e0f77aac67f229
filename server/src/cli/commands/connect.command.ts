import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import type { Command } from 'commander';
import { RipeError } from '@ripe/shared';
import { connectorAuthFromConfig } from '../../app/crm-connectors.ts';
import { listMembers } from '../../access/members.repository.ts';
import { databaseOptions } from '../../config/database-options.ts';
import { loadConfig } from '../../config/env.ts';
import { getConnection, type Connection } from '../../connectors/connections/connections.repository.ts';
import { connectSalesforceByJwt } from './connect-jwt.ts';
import { startInstall } from '../../connectors/connections/oauth-install.ts';
import { createApp } from '../../http/app.ts';
import { createLogger } from '../../logging/logger.ts';
import { openDatabase } from '../../store/database.ts';
import { migrate } from '../../store/migrator.ts';
import { withOrg } from '../../store/org-scope.ts';
import { positiveInt } from '../cli-error.ts';
import { keyringFromConfig, requireKeyring } from '../../secrets/index.ts';

interface ConnectOptions {
  org: string;
  member?: string;
  jwtUsername?: string;
  port: number;
  timeout: number;
  json?: boolean;
}

const crms = ['salesforce', 'hubspot'] as const;
type OAuthCrm = (typeof crms)[number];

function oauthCrm(raw: string): OAuthCrm {
  const crm = crms.find((known) => known === raw);
  if (!crm)
    throw new RipeError('invalid_argument', `the CRM must be one of ${crms.join(', ')}, got "${raw}"`);
  return crm;
}

/**
 * `ripe connect <crm> --org ID`: the install flow from a terminal, as `sf org login web` does it. Ripe's own app
 * listens on a loopback port so that its callback route receives the CRM's redirect; the admin opens the printed
 * URL, approves, and the route exchanges the code and seals the tokens.
 */
export function registerConnect(program: Command): void {
  program
    .command('connect')
    .description(
      "connect an org to its CRM: prints the consent URL and completes the flow on Ripe's callback route",
    )
    .argument('<crm>', `the CRM: ${crms.join(', ')}`, oauthCrm)
    .requiredOption('--org <orgId>', 'the org to connect')
    .option('--member <memberId>', 'the admin connecting it (default: the first admin of the org)')
    .option(
      '--jwt-username <username>',
      'salesforce: connect by the JWT bearer flow as this pre-authorised user (SALESFORCE_JWT_KEY_FILE), no browser',
    )
    .option(
      '--port <port>',
      'loopback port of the callback (registered in the CRM app)',
      positiveInt('port', 1, 65_535),
      1717,
    )
    .option('--timeout <seconds>', 'how long to wait for the approval', positiveInt('timeout', 1, 3_600), 300)
    .option('--json', 'machine-readable output')
    .action(async (crm: OAuthCrm, options: ConnectOptions) => {
      const config = loadConfig();
      const connectorAuth = connectorAuthFromConfig(config);
      if (!connectorAuth(crm)) {
        const prefix = crm.toUpperCase();
        throw new RipeError(
          'invalid_env',
          `Set ${prefix}_CLIENT_ID and ${prefix}_CLIENT_SECRET (Ripe's app in ${crm === 'salesforce' ? 'Salesforce' : 'HubSpot'}) to connect an org`,
        );
      }
      // The tokens are sealed with the master key: without one the callback could not keep them.
      requireKeyring(keyringFromConfig(config.secrets));
      const db = await openDatabase(databaseOptions(config));
      const logger = createLogger({ level: 'warn' });
      const app = createApp({ db, config, logger, connectorAuth, defaultMetrics: false });
      const server = app.listen(options.port, '127.0.0.1');
      // Listening before anything awaits, so neither the event nor an error is missed.
      const listening = new Promise<void>((resolve, reject) => {
        server.once('listening', resolve);
        server.once('error', (error) =>
          reject(
            new RipeError(
              'invalid_argument',
              `Port ${options.port} is not free (${error.message}): pass --port`,
            ),
          ),
        );
      });
      try {
        await listening;
        await migrate(db);
        const port = (server.address() as AddressInfo).port;
        const startedAt = new Date();
        const memberId = await withOrg(db, options.org, async (tx) => {
          const admins = (await listMembers(tx)).filter((m) => m.role === 'admin');
          const member = options.member ? admins.find((m) => m.id === options.member) : admins[0];
          if (!member) {
            throw new RipeError(
              'forbidden',
              `Org ${options.org} has no admin${options.member ? ` ${options.member}` : ''}`,
            );
          }
          return member.id;
        });
        if (options.jwtUsername !== undefined) {
          if (crm !== 'salesforce')
            throw new RipeError('invalid_argument', '--jwt-username is for salesforce');
          const connected = await connectSalesforceByJwt(db, config, {
            orgId: options.org,
            memberId,
            username: options.jwtUsername,
          });
          printConnected(connected, options);
          return;
        }
        const { url } = await withOrg(db, options.org, async (tx) => {
          return startInstall(tx, () => connectorAuth(crm), {
            crm,
            memberId,
            redirectUri: `http://127.0.0.1:${port}/v1/oauth/${crm}/callback`,
            now: startedAt,
          });
        });
        if (options.json) process.stderr.write(`${JSON.stringify({ authorizeUrl: url })}\n`);
        else console.log(`Open this URL and approve Ripe (waiting ${options.timeout} s):\n\n  ${url}\n`);
        const connection = await waitForConnection(db, options.org, startedAt, options.timeout * 1000);
        printConnected(connection, options);
      } finally {
        server.closeAllConnections();
        server.close();
        await db.close();
      }
    });
}

async function waitForConnection(
  db: Awaited<ReturnType<typeof openDatabase>>,
  orgId: string,
  since: Date,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const connection = await withOrg(db, orgId, (tx) => getConnection(tx));
    if (connection?.status === 'connected' && connection.connectedAt && connection.connectedAt >= since)
      return connection;
    await delay(250);
  }
  throw new RipeError(
    'invalid_request',
    `No approval within ${Math.round(timeoutMs / 1000)} s: run ripe connect again`,
  );
}

function printConnected(connection: Connection, options: ConnectOptions): void {
  const result = {
    orgId: options.org,
    crm: connection.crm,
    instance: connection.instance,
    scopes: connection.scopes,
    status: connection.status,
  };
  if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else
    console.log(
      `Connected: ${connection.instance ?? ''}${connection.scopes.length > 0 ? ` (scopes: ${connection.scopes.join(' ')})` : ''}`,
    );
}
