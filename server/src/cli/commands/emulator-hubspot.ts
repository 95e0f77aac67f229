import {
  defaultEmulatorClient,
  startHubSpotEmulator,
} from '../../connectors/hubspot/emulator/hubspot-emulator.ts';

export interface HubSpotEmulatorCliOptions {
  port: number;
  accounts: number;
  seed: number;
  asOf: string;
}

/**
 * `ripe emulator hubspot`: a HubSpot portal on loopback, seeded from the sandbox, with HubSpot's rate limits for
 * marketplace apps; its consent page approves at once. What it prints is what `ripe connect hubspot`, `ripe run`
 * and `ripe serve` need in their environment. Stops on SIGINT or SIGTERM.
 */
export async function runHubSpotEmulator(options: HubSpotEmulatorCliOptions): Promise<void> {
  const emulator = await startHubSpotEmulator({
    port: options.port,
    accounts: options.accounts,
    seed: options.seed,
    asOf: options.asOf,
  });
  console.log(`HubSpot emulator: ${emulator.url} (portal ${emulator.state.hubId}, ${options.accounts} companies as of ${options.asOf})

In another terminal (the emulator's own OAuth client; not a real secret):
  export HUBSPOT_API_BASE_URL=${emulator.url}
  export HUBSPOT_CLIENT_ID=${defaultEmulatorClient.clientId}
  export HUBSPOT_CLIENT_SECRET=${defaultEmulatorClient.clientSecret}

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
}
