import type { SalesforceRecord } from '../emulator-state.ts';
import { planParsed, type QueryPlan } from './soql-plan.ts';
import type { SubqueryValues } from './soql-where.ts';
import type { OrgView } from '../sobject-schema.ts';
import { SalesforceRestError } from '../salesforce-errors.ts';
import { comparable, compareValues, kindOf } from './soql-values.ts';

/** A selected record: its id (for `attributes.url`) and the selected fields. */
export interface QueryRow {
  id: string;
  fields: SalesforceRecord;
}

/** The records a plan selects, filtered, ordered and limited, projected onto the selected fields. */
export function runQuery(plan: QueryPlan, table: Iterable<SalesforceRecord>): QueryRow[] {
  const matched = [...table].filter((record) => record.IsDeleted !== true && (plan.where?.(record) ?? true));
  if (plan.orderBy.length > 0) {
    matched.sort((a, b) => {
      for (const term of plan.orderBy) {
        const kind = kindOf(term.field);
        const left = comparable(kind, a[term.field.name] ?? null);
        const right = comparable(kind, b[term.field.name] ?? null);
        if (left === right) continue;
        if (left === null) return term.nullsLast ? 1 : -1;
        if (right === null) return term.nullsLast ? -1 : 1;
        const order = compareValues(left, right);
        return term.descending ? -order : order;
      }
      return 0;
    });
  }
  const limited = plan.limit === undefined ? matched : matched.slice(0, plan.limit);
  return limited.map((record) => ({
    id: String(record.Id),
    fields: Object.fromEntries(plan.fields.map((field) => [field.name, record[field.name] ?? null])),
  }));
}

/** Runs a semi-join's inner query against the org's tables: the values of its one selected field, lower-cased. */
export function subqueryValues(
  tables: Readonly<Record<string, ReadonlyMap<string, SalesforceRecord>>>,
  org: OrgView,
): SubqueryValues {
  const run: SubqueryValues = (inner) => {
    const plan = planParsed(inner, org, run);
    const [field] = plan.fields;
    if (!field || plan.fields.length !== 1) {
      throw new SalesforceRestError(400, 'MALFORMED_QUERY', 'a semi-join subquery selects exactly one field');
    }
    const rows = runQuery(plan, tables[plan.object.name]?.values() ?? []);
    return new Set(rows.map((row) => String(row.fields[field.name] ?? '').toLowerCase()));
  };
  return run;
}
