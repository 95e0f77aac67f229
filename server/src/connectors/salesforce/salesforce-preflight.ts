import { fieldCatalogue } from '@ripe/shared';
import type { PreflightReport } from '../crm-connector.ts';
import { accountContractFields, type SalesforceFieldMap } from './mappers/salesforce-field-map.ts';
import type { WriteTargets } from './salesforce-writes.ts';

interface DescribeField {
  name: string;
  updateable?: boolean;
  createable?: boolean;
}

/** What Ripe needs of each object: fields it reads, fields it writes. */
export function requirements(map: SalesforceFieldMap, targets: WriteTargets) {
  const machine = fieldCatalogue.filter((f) => !f.humanOwned).map((f) => f.salesforce);
  const human = fieldCatalogue.filter((f) => f.humanOwned).map((f) => f.salesforce);
  const needs: Record<string, { read: string[]; write: string[] }> = {
    Account: { read: [...accountContractFields(map), ...human], write: machine },
    Task: { read: [], write: [targets.keyField] },
    Opportunity: { read: [], write: [targets.keyField] },
    [targets.historyObject]: {
      read: [],
      write: [targets.historyExternalId, targets.historyAccountField, targets.historyDateField, ...machine],
    },
  };
  const usage = map.usage;
  if (usage.source === 'crm_object' || usage.source === 'crm_object_columns') {
    const fields =
      usage.source === 'crm_object'
        ? [usage.accountField, usage.dayField, usage.metricField, usage.valueField]
        : [usage.accountField, usage.dayField, ...usage.columns.map((c) => c.field)];
    needs[usage.object] = { read: fields, write: [] };
  }
  return needs;
}

/**
 * Each missing object, field or write permission named, from the objects' `describe`. An object the org
 * does not have answers 404 (the package is not installed, or the usage object is misnamed).
 */
export function preflightReport(
  needs: ReturnType<typeof requirements>,
  described: ReadonlyMap<string, { fields: DescribeField[] } | null>,
): PreflightReport {
  const missing: PreflightReport['missing'] = [];
  for (const [object, need] of Object.entries(needs)) {
    const describe = described.get(object);
    if (!describe) {
      missing.push({
        kind: 'object',
        name: object,
        message: `The object ${object} does not exist in the org`,
      });
      continue;
    }
    const fields = new Map(describe.fields.map((f) => [f.name.toLowerCase(), f]));
    for (const name of new Set([...need.read, ...need.write])) {
      const field = fields.get(name.toLowerCase());
      if (!field) {
        missing.push({
          kind: 'field',
          name: `${object}.${name}`,
          message: `The field ${object}.${name} is not installed or not visible`,
        });
      } else if (need.write.includes(name) && field.updateable === false && field.createable === false) {
        missing.push({
          kind: 'permission',
          name: `${object}.${name}`,
          message: `Ripe's user cannot edit ${object}.${name}: give it the Ripe Admin permission set`,
        });
      }
    }
  }
  return { ok: missing.length === 0, missing };
}
