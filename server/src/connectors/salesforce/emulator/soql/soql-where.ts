import type { Condition, Operator, Query, ValueCondition, WhereClause } from '@jetstreamapp/soql-parser-js';
import type { SalesforceRecord } from '../emulator-state.ts';
import { SalesforceRestError } from '../salesforce-errors.ts';
import { findField, type ObjectSchema, type OrgView } from '../sobject-schema.ts';
import { compileCondition } from './soql-condition.ts';

/** A compiled WHERE: true when the record matches. */
export type RecordPredicate = (record: SalesforceRecord) => boolean;

type Token = '(' | ')' | 'AND' | 'OR' | RecordPredicate;

const malformed = (message: string) => new SalesforceRestError(400, 'MALFORMED_QUERY', message);

function isValueCondition(condition: Condition | null): condition is ValueCondition {
  return (
    condition !== null &&
    'field' in condition &&
    'value' in condition &&
    !('dateLiteralVariable' in condition)
  );
}

// The parser hands back a right-leaning list with parenthesis counts: lay it out flat, then parse it again.
/** The ids a semi-join's inner query selects (`Id IN (SELECT AccountId FROM Contact WHERE …)`). */
export type SubqueryValues = (inner: Query) => ReadonlySet<string>;

function tokens(clause: WhereClause, schema: ObjectSchema, org: OrgView, subquery?: SubqueryValues): Token[] {
  const out: Token[] = [];
  let node: WhereClause | undefined = clause;
  while (node) {
    const left = node.left as (Condition & { openParen?: number; closeParen?: number }) | null;
    if ('operator' in node && node.operator === 'NOT')
      throw malformed('NOT is not supported by this emulator');
    if (left && 'valueQuery' in left) {
      out.push(
        ...semiJoin(
          left as Condition & { field: string; operator: string; valueQuery: Query },
          schema,
          org,
          subquery,
        ),
      );
      if ('operator' in node && 'right' in node) {
        out.push(node.operator as 'AND' | 'OR');
        node = node.right;
      } else node = undefined;
      continue;
    }
    if (!isValueCondition(left)) throw malformed('only field comparisons are supported by this emulator');
    for (let i = 0; i < (left.openParen ?? 0); i += 1) out.push('(');
    const field = findField(schema, left.field, org);
    if (left.field.includes('.')) throw malformed(`relationship filters are not supported: ${left.field}`);
    if (!field) {
      throw new SalesforceRestError(
        400,
        'INVALID_FIELD',
        `No such column '${left.field}' on entity '${schema.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
      );
    }
    out.push(compileCondition(field, left.operator as Operator, left));
    for (let i = 0; i < (left.closeParen ?? 0); i += 1) out.push(')');
    if ('operator' in node && 'right' in node) {
      out.push(node.operator as 'AND' | 'OR');
      node = node.right;
    } else node = undefined;
  }
  return out;
}

function parseGroup(list: Token[], at: { i: number }): RecordPredicate {
  const terms: RecordPredicate[] = [parseTerm(list, at)];
  let joiner: 'AND' | 'OR' | undefined;
  while (list[at.i] === 'AND' || list[at.i] === 'OR') {
    const op = list[at.i] as 'AND' | 'OR';
    // SOQL refuses AND and OR side by side without parentheses.
    if (joiner && joiner !== op) throw malformed(`unexpected token: '${op}'`);
    joiner = op;
    at.i += 1;
    terms.push(parseTerm(list, at));
  }
  if (joiner === 'OR') return (record) => terms.some((term) => term(record));
  return (record) => terms.every((term) => term(record));
}

function parseTerm(list: Token[], at: { i: number }): RecordPredicate {
  const token = list[at.i];
  at.i += 1;
  if (token === '(') {
    const inner = parseGroup(list, at);
    if (list[at.i] !== ')') throw malformed("expecting ')'");
    at.i += 1;
    return inner;
  }
  if (typeof token === 'function') return token;
  throw malformed(`unexpected token: '${String(token)}'`);
}

/** Compiles a WHERE clause, refusing what the emulator cannot answer exactly. */
export function compileWhere(
  clause: WhereClause,
  schema: ObjectSchema,
  org: OrgView,
  subquery?: SubqueryValues,
): RecordPredicate {
  const list = tokens(clause, schema, org, subquery);
  const at = { i: 0 };
  const predicate = parseGroup(list, at);
  if (at.i !== list.length) throw malformed(`unexpected token: '${String(list[at.i])}'`);
  return predicate;
}

/** `field IN (SELECT one field FROM … WHERE …)`: the inner query's values, as a set the field is matched against. */
function semiJoin(
  condition: Condition & {
    field: string;
    operator: string;
    valueQuery: Query;
    openParen?: number;
    closeParen?: number;
  },
  schema: ObjectSchema,
  org: OrgView,
  subquery: SubqueryValues | undefined,
): Token[] {
  if (!subquery) throw malformed('semi-join subqueries are not supported here');
  if (condition.operator !== 'IN' && condition.operator !== 'NOT IN') {
    throw malformed(`a subquery needs IN or NOT IN, not ${condition.operator}`);
  }
  const field = findField(schema, condition.field, org);
  if (!field || condition.field.includes('.')) {
    throw new SalesforceRestError(
      400,
      'INVALID_FIELD',
      `No such column '${condition.field}' on entity '${schema.name}'`,
    );
  }
  const values = subquery(condition.valueQuery);
  const name = field.name;
  const inside = (record: SalesforceRecord) => values.has(String(record[name] ?? '').toLowerCase());
  const predicate: RecordPredicate = condition.operator === 'IN' ? inside : (record) => !inside(record);
  return [
    ...Array.from({ length: condition.openParen ?? 0 }, () => '(' as const),
    predicate,
    ...Array.from({ length: condition.closeParen ?? 0 }, () => ')' as const),
  ];
}
