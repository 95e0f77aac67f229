import type { SalesforceRecord } from '../emulator-state.ts';
import type { QueryPlan } from './soql-plan.ts';
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
