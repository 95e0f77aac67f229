import type { PriceBook } from '@ripe/shared';
import { sandboxPriceBook } from '../../../sandbox/sandbox-price-book.ts';
import { hubspotConnector, type HubSpotConnectorOptions } from '../hubspot.connector.ts';
import { connectPortal, type EmulatorSession } from './emulator-session.ts';
import {
  startHubSpotEmulator,
  type HubSpotEmulator,
  type HubSpotEmulatorOptions,
} from './hubspot-emulator.ts';
import { ripePropertiesIn } from './portal-report.ts';

export interface EmulatorPortal {
  emulator: HubSpotEmulator;
  session: EmulatorSession;
  /** Ripe's properties the install created (none were there before). */
  installed: number;
  priceBook: PriceBook;
  /** A connector for one night, through @hubspot/api-client, with the session's shared token store. */
  connector(overrides?: Partial<HubSpotConnectorOptions>): ReturnType<typeof hubspotConnector>;
  close(): Promise<void>;
}

/** A portal seeded from the sandbox as of `asOf`, with Ripe installed through the consent and code exchange. */
export async function startEmulatorPortal(options: HubSpotEmulatorOptions): Promise<EmulatorPortal> {
  const emulator = await startHubSpotEmulator(options);
  try {
    const before = ripePropertiesIn(emulator.state);
    const session = await connectPortal(emulator);
    return {
      emulator,
      session,
      installed: ripePropertiesIn(emulator.state) - before,
      priceBook: sandboxPriceBook,
      connector: (overrides = {}) =>
        hubspotConnector({
          baseUrl: emulator.url,
          tokens: session.tokens,
          asOf: options.asOf,
          portalId: session.granted.instance,
          // The org's price book: the portal renders the sandbox's accounts.
          priceBook: sandboxPriceBook,
          ...overrides,
        }),
      close: () => emulator.close(),
    };
  } catch (error) {
    await emulator.close();
    throw error;
  }
}
