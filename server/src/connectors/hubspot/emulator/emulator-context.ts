import type { PortalState } from './portal-state.ts';
import type { EmulatorFaults } from './emulator-faults.ts';
import type { RateLimiter } from './rate-limiter.ts';

export interface EmulatorClient {
  clientId: string;
  clientSecret: string;
}

/** What every route reads: the portal, the clock, the app's credentials, the faults and the limiter. */
export interface EmulatorContext {
  portal: PortalState;
  now: () => number;
  client: EmulatorClient;
  accessTokenLifetimeSeconds: number;
  faults: EmulatorFaults;
  limiter: RateLimiter;
}

export const isoAt = (ms: number): string => new Date(ms).toISOString();
