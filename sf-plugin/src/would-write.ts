// What a night writes to one Account: the catalogue values of its verdict under their Salesforce names (the
// write-back's own conversion), beside what the org holds now, so a dry run shows exactly the fields it would change.
import { fieldCatalogue, machineFieldValues, type Verdict } from '@ripe/shared';
import type { Connection } from '@salesforce/core';
import { catalogueFields } from './ripe-server.ts';

export type SalesforceValue = string | number | boolean | null;

export interface AccountWrite {
  /** Every machine-owned field the night writes, by Salesforce name. */
  fields: Record<string, SalesforceValue>;
  /** The fields whose value differs from the org's now: what the write-back would change. */
  changes: Record<string, { from: SalesforceValue; to: SalesforceValue }>;
}

/** The Salesforce record the write-back makes of a verdict's fields. */
export function salesforceFields(verdict: Verdict): Record<string, SalesforceValue> {
  const converted = catalogueFields(verdict.accountId, machineFieldValues(verdict));
  // Only the catalogue's machine fields are converted: a refusal would be a programmer error.
  if (!converted.ok)
    throw new Error(`Account ${verdict.accountId}: a catalogue field has no Salesforce name`);
  return converted.record as Record<string, SalesforceValue>;
}

const machineNames = fieldCatalogue.filter((entry) => !entry.humanOwned).map((entry) => entry.salesforce);
const datetimeNames = new Set(
  fieldCatalogue.filter((entry) => entry.type === 'datetime').map((e) => e.salesforce),
);

/** The org's current values of the machine fields of these accounts, read through the sf CLI's connection. */
export async function currentValues(
  connection: Connection,
  accountIds: readonly string[],
): Promise<Map<string, Record<string, SalesforceValue>>> {
  const current = new Map<string, Record<string, SalesforceValue>>();
  if (accountIds.length === 0) return current;
  const ids = accountIds.map((id) => `'${id.replace(/[^A-Za-z0-9]/g, '')}'`).join(', ');
  const soql = `SELECT Id, ${machineNames.join(', ')} FROM Account WHERE Id IN (${ids})`;
  const result = await connection.query<Record<string, SalesforceValue> & { Id: string }>(soql, {
    autoFetch: true,
  });
  for (const record of result.records) current.set(record.Id.slice(0, 15), record);
  return current;
}

export function accountWrite(
  verdict: Verdict,
  now: Record<string, SalesforceValue> | undefined,
): AccountWrite {
  const fields = salesforceFields(verdict);
  const changes: AccountWrite['changes'] = {};
  for (const [name, value] of Object.entries(fields)) {
    const from = now?.[name] ?? null;
    if (!sameValue(name, from, value)) changes[name] = { from, to: value };
  }
  return { fields, changes };
}

function sameValue(name: string, held: SalesforceValue, written: SalesforceValue): boolean {
  if (held === written) return true;
  // A datetime comes back with milliseconds and an offset: compare the instants.
  if (datetimeNames.has(name) && typeof held === 'string' && typeof written === 'string')
    return Date.parse(held) === Date.parse(written);
  return false;
}
