import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { RipeError } from '@ripe/shared';
import { startSalesforceEmulator } from '../../connectors/salesforce/emulator/salesforce-emulator.ts';
import { orgClockAfter } from '../../connectors/salesforce/emulator/emulator-state.ts';
import { isoDay, positiveInt } from '../cli-error.ts';
import { runHubSpotEmulator } from './emulator-hubspot.ts';

interface EmulatorOptions {
  port: number;
  accounts: number;
  seed: number;
  asOf: string;
  usageDays: number;
  jwtKeyFile?: string;
}

const jwtUsername = 'ripe-integration@emulator.example';

/**
 * `ripe emulator salesforce|hubspot`: the CRM's emulator on loopback, seeded from the sandbox, until Ctrl-C. What
 * it prints is what `ripe connect <crm>` and `ripe run` need in their environment.
 */
export function registerEmulator(program: Command): void {
  program
    .command('emulator')
    .description(
      'run a CRM emulator on loopback (salesforce, hubspot), seeded from the sandbox, until Ctrl-C',
    )
    .argument('<crm>', 'the CRM: salesforce or hubspot')
    .option('--port <port>', 'port to listen on', positiveInt('port', 1, 65_535), 8443)
    .option('--accounts <n>', 'accounts to seed', positiveInt('accounts', 1, 100_000), 200)
    .option('--seed <s>', 'seed of the sandbox portfolio', positiveInt('seed', 0), 42)
    .option('--as-of <date>', 'the day the org shows (YYYY-MM-DD)', isoDay('as-of'), '2026-06-01')
    .option(
      '--usage-days <n>',
      'days of daily usage records per account',
      positiveInt('usage-days', 1, 730),
      450,
    )
    .option(
      '--jwt-key-file <file>',
      "set up the JWT bearer flow: writes a new certificate's private key there (the app trusts its public key)",
    )
    .action(async (crm: string, options: EmulatorOptions) => {
      if (crm === 'hubspot') return runHubSpotEmulator(options);
      if (crm !== 'salesforce') {
        throw new RipeError(
          'invalid_argument',
          `There is an emulator for salesforce and hubspot only, not "${crm}"`,
        );
      }
      const keys = options.jwtKeyFile ? writeJwtKey(options.jwtKeyFile) : undefined;
      const emulator = await startSalesforceEmulator({
        ...(keys ? { oauth: { jwt: { publicKeyPem: keys.publicKey, username: jwtUsername } } } : {}),
        port: options.port,
        accounts: options.accounts,
        seed: options.seed,
        endDate: options.asOf,
        clock: orgClockAfter(options.asOf),
        usageDays: options.usageDays,
      });
      console.log(`Salesforce emulator: ${emulator.url} (${options.accounts} accounts as of ${options.asOf})

In another terminal (the emulator's own OAuth client; not a real secret):
  export SALESFORCE_LOGIN_URL=${emulator.url}
  export SALESFORCE_CLIENT_ID=${emulator.oauth.clientId}
  export SALESFORCE_CLIENT_SECRET=${emulator.oauth.clientSecret}${
    keys
      ? `
  export SALESFORCE_JWT_KEY_FILE=${options.jwtKeyFile ?? ''}   # then: ripe connect salesforce --org ID --jwt-username ${jwtUsername}`
      : ''
  }

Ctrl-C stops it.`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      await emulator.close();
    });
}

/** A new RSA key pair for the emulated connected app's certificate; the private key written where asked. */
function writeJwtKey(file: string): { publicKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  try {
    writeFileSync(file, privateKey, { mode: 0o600 });
  } catch (error) {
    throw new RipeError(
      'invalid_argument',
      `--jwt-key-file cannot be written: ${file} (${(error as Error).message})`,
    );
  }
  return { publicKey };
}
