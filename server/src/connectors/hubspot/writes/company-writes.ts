// account_fields and history operations as one batch update of companies (an input per company, ≤ 100):
// the catalogue values under their HubSpot property names, and the night's history key. HubSpot keeps every
// value a property held (its property history, read with `propertiesWithHistory`), so the history of the
// verdicts is the history of these properties; `ripe_history_key` marks which night each set belongs to.
// When a company's values are refused, its history key is written alone in a second call, so the refusal is
// the fields' error only. Each company's `updatedAt` in the answer is carried back as the outcome's `modifiedAt`,
// so the next pull can tell Ripe's own write from a person's later edit.
import { ok, type Result } from '../../../resilience/result.ts';
import type { ConnectorError } from '../../crm-connector.ts';
import type { WriteOperation, WriteOutcome } from '../../write-operation.ts';
import { ripeSchema } from '../provider.ts';
import { hubspotPropertyOf } from '../schema/ripe-properties.ts';
import type { HubSpotTransport } from '../transport/hubspot-transport.ts';
import { errorsById, refused, type BatchErrorEntry } from './batch-outcomes.ts';

type CompanyOperation = Extract<WriteOperation, { kind: 'account_fields' | 'history' }>;
type Input = { id: string; properties: Record<string, string> };

const crmText = (value: string | number | null): string => (value === null ? '' : String(value));

async function update(
  transport: HubSpotTransport,
  inputs: Input[],
): Promise<Result<{ done: Map<string, string>; failed: Map<string, WriteOutcome> }, ConnectorError>> {
  if (inputs.length === 0) return ok({ done: new Map(), failed: new Map() });
  const answer = await transport.call({ kind: 'batch_update', direction: 'write' }, (client) =>
    client.crm.objects.batchApi.updateWithHttpInfo('companies', { inputs }),
  );
  if (!answer.ok) return answer;
  const errors = 'errors' in answer.value ? (answer.value.errors as BatchErrorEntry[]) : [];
  // The client parses `updatedAt` into a Date; HubSpot answers it to the millisecond.
  const done = new Map(answer.value.results.map((r) => [r.id, new Date(r.updatedAt).toISOString()]));
  return ok({ done, failed: errorsById(errors) });
}

export async function writeCompanies(
  transport: HubSpotTransport,
  operations: readonly { index: number; operation: CompanyOperation }[],
): Promise<Result<Map<number, WriteOutcome>, ConnectorError>> {
  const outcomes = new Map<number, WriteOutcome>();
  const inputs = new Map<string, Input>();
  for (const { index, operation } of operations) {
    const properties = inputs.get(operation.accountId)?.properties ?? {};
    if (operation.kind === 'history') properties[ripeSchema.historyKeyProperty] = operation.externalId;
    else {
      const unknown = Object.keys(operation.fields).filter((name) => !hubspotPropertyOf.has(name));
      if (unknown.length > 0) {
        outcomes.set(
          index,
          refused('PROPERTY_DOESNT_EXIST', `No catalogue property for ${unknown.join(', ')}`, unknown),
        );
        continue;
      }
      for (const [name, value] of Object.entries(operation.fields))
        properties[hubspotPropertyOf.get(name) as string] = crmText(value);
    }
    inputs.set(operation.accountId, { id: operation.accountId, properties });
  }
  const first = await update(transport, [...inputs.values()]);
  if (!first.ok) return first;
  // The history keys of companies whose values were refused, alone.
  const retry = operations.filter(
    ({ operation }) => operation.kind === 'history' && first.value.failed.has(operation.accountId),
  );
  const second = await update(
    transport,
    retry.map(({ operation }) => ({
      id: operation.accountId,
      properties: { [ripeSchema.historyKeyProperty]: (operation as { externalId: string }).externalId },
    })),
  );
  if (!second.ok) return second;
  // The company's latest instant: the history key's retry, when there was one, came after the first call.
  const modifiedAtOf = (id: string) => second.value.done.get(id) ?? first.value.done.get(id);
  for (const { index, operation } of operations) {
    if (outcomes.has(index)) continue;
    const again = operation.kind === 'history' && first.value.failed.has(operation.accountId);
    const answer = again ? second.value : first.value;
    const failure = answer.failed.get(operation.accountId);
    if (failure) outcomes.set(index, failure);
    else if (answer.done.has(operation.accountId)) {
      const modifiedAt = modifiedAtOf(operation.accountId);
      outcomes.set(index, { ok: true, crmId: operation.accountId, ...(modifiedAt ? { modifiedAt } : {}) });
    } else
      outcomes.set(
        index,
        refused('NO_OUTCOME', `HubSpot answered nothing for company ${operation.accountId}`),
      );
  }
  return ok(outcomes);
}
