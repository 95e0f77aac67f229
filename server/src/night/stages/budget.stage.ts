import { RipeError } from '@ripe/shared';
import { callWithAuth } from '../../connectors/call-with-auth.ts';
import type { CrmConnector } from '../../connectors/crm-connector.ts';
import { planBudget } from '../api-budget.ts';
import type { NightCheckpoint } from '../checkpoint.repository.ts';
import type { NightState } from '../night-state.ts';

/** What the CRM lacks for Ripe (the package or properties not installed, a permission) fails the night, named. */
export async function preflightStage(connector: CrmConnector): Promise<void> {
  const report = await callWithAuth(connector, () => connector.preflight());
  if (!report.ok)
    throw new RipeError('connector_failed', `The CRM refused the preflight: ${report.error.message}`);
  if (report.value.ok) return;
  const missing = report.value.missing.map((item) => `${item.kind} ${item.name}`).join(', ');
  throw new RipeError(
    'connector_failed',
    `The ${connector.provider.label} org lacks what Ripe needs: ${missing}. Install or upgrade the Ripe package, then run the night again`,
  );
}

/** Calls a night makes before its first page: the preflight and the count of changed accounts. */
const callsBeforeAPage = 2;

/** The API budget: a share of what remains of the daily allowance, against what the night needs. */
export async function budgetStage(
  connector: CrmConnector,
  checkpoint: NightCheckpoint,
  night: NightState,
  share: number,
): Promise<void> {
  const allowance = await callWithAuth(connector, () => connector.allowance());
  if (!allowance.ok) throw new RipeError('connector_failed', allowance.error.message);
  night.allowance = allowance.value;
  const base = { allowance: allowance.value, share, changed: null, pageSize: 1, writeBatchSize: 1 };
  const { maxCalls } = planBudget(base);
  // Too little left for the preflight, the count and one page: the night waits for tomorrow's allowance.
  if (maxCalls !== null && maxCalls < callsBeforeAPage + 1) {
    night.budget = { maxCalls, estimatedCalls: null, fits: false };
    night.stopped = 'budget';
    return;
  }
  await preflightStage(connector);
  const changed = await callWithAuth(connector, () =>
    connector.countChanged(checkpoint.cursor, checkpoint.asOf),
  );
  night.changed = changed.ok ? changed.value : null;
  night.budget = planBudget({
    allowance: allowance.value,
    share,
    changed: night.changed,
    pageSize: connector.provider.pageSize,
    writeBatchSize: connector.provider.writeBatchSize,
  });
}
