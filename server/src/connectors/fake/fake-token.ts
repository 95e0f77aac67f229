import { err, ok, type Result } from '../../resilience/result.ts';
import type { ConnectorError } from '../crm-connector.ts';
import { renewToken } from './fake-faults.ts';
import type { FakeCrmState } from './fake-state.ts';

/**
 * The token endpoint of the fake CRM's one connection. The token is the CRM's, not a connector's: a refresh
 * through any connector serves them all. Single-flight: calls made while one refresh is under way share it.
 */
export function reauthenticate(state: FakeCrmState): Promise<Result<void, ConnectorError>> {
  state.refreshing ??= (async () => {
    // Let every caller of this turn join before the refresh lands.
    await Promise.resolve();
    const refusal = renewToken(state.faults);
    if (refusal) return err(refusal);
    state.refreshCount += 1;
    return ok(undefined);
  })().finally(() => {
    state.refreshing = null;
  });
  return state.refreshing;
}
