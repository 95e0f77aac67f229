// opportunity_create: the expansion deal, created once per key (`ripe_opportunity_key`) in the configured
// pipeline and stage, associated with the company (deal→company, type 341). A key already there answers the
// deal it names.
import { ok, type Result } from '../../../resilience/result.ts';
import type { ConnectorError } from '../../crm-connector.ts';
import type { WriteOperation, WriteOutcome } from '../../write-operation.ts';
import type { HubSpotConnectorSettings } from '../hubspot-settings.ts';
import { ripeSchema } from '../provider.ts';
import type { HubSpotTransport } from '../transport/hubspot-transport.ts';
import { refused } from './batch-outcomes.ts';
import { createWithCompany, readByKey } from './keyed-records.ts';

type DealOperation = Extract<WriteOperation, { kind: 'opportunity_create' }>;

/** HUBSPOT_DEFINED deal → company, unlabeled (developers.hubspot.com, association type ids). */
export const dealToCompanyTypeId = 341;

export function dealProperties(
  operation: DealOperation,
  deal: HubSpotConnectorSettings['expansionDeal'],
): Record<string, string> {
  const { opportunity } = operation;
  return {
    dealname: opportunity.name,
    amount: String(opportunity.amount),
    deal_currency_code: opportunity.currency,
    closedate: `${opportunity.closeOn}T00:00:00.000Z`,
    pipeline: deal.pipeline,
    dealstage: deal.stage,
    dealtype: deal.dealtype,
  };
}

export async function writeDeals(
  transport: HubSpotTransport,
  settings: HubSpotConnectorSettings,
  operations: readonly { index: number; operation: DealOperation }[],
): Promise<Result<Map<number, WriteOutcome>, ConnectorError>> {
  const outcomes = new Map<number, WriteOutcome>();
  if (operations.length === 0) return ok(outcomes);
  const keys = [...new Set(operations.map(({ operation }) => operation.key))];
  const existing = await readByKey(transport, 'deals', ripeSchema.dealKeyProperty, keys, []);
  if (!existing.ok) return existing;
  const creates = new Map(
    operations
      .filter(({ operation }) => !existing.value.has(operation.key))
      .map(({ operation }) => [
        operation.key,
        {
          key: operation.key,
          companyId: operation.accountId,
          properties: dealProperties(operation, settings.expansionDeal),
        },
      ]),
  );
  const created = await createWithCompany(
    transport,
    'deals',
    ripeSchema.dealKeyProperty,
    dealToCompanyTypeId,
    [...creates.values()],
  );
  if (!created.ok) return created;
  for (const { index, operation } of operations) {
    const found = existing.value.get(operation.key);
    const outcome = found ? { ok: true as const, crmId: found.id } : created.value.get(operation.key);
    outcomes.set(
      index,
      outcome ?? refused('NO_OUTCOME', `HubSpot answered nothing for deal ${operation.key}`),
    );
  }
  return ok(outcomes);
}
