import { parseQuery, type OrderByClause, type Query } from '@jetstreamapp/soql-parser-js';
import { SalesforceRestError } from '../salesforce-errors.ts';
import {
  findField,
  findObject,
  type FieldSchema,
  type ObjectSchema,
  type OrgView,
} from '../sobject-schema.ts';
import { compileWhere, type RecordPredicate, type SubqueryValues } from './soql-where.ts';

export interface OrderTerm {
  field: FieldSchema;
  descending: boolean;
  nullsLast: boolean;
}

/** What a supported SOQL query asks for, checked against the org's schema. */
export interface QueryPlan {
  object: ObjectSchema;
  fields: readonly FieldSchema[];
  where?: RecordPredicate;
  orderBy: readonly OrderTerm[];
  limit?: number;
}

const malformed = (message: string) => new SalesforceRestError(400, 'MALFORMED_QUERY', message);
const noSuchColumn = (name: string, object: string) =>
  new SalesforceRestError(
    400,
    'INVALID_FIELD',
    `No such column '${name}' on entity '${object}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
  );

// Clauses a real org answers and this emulator does not: refused, never answered wrongly.
const unsupported: readonly (keyof Query)[] = [
  'groupBy',
  'having',
  'offset',
  'withDataCategory',
  'withSecurityEnforced',
  'withAccessLevel',
  'for',
  'update',
  'usingScope',
  'sObjectAlias',
];

function parse(soql: string): Query {
  try {
    return parseQuery(soql);
  } catch (error) {
    const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : '';
    throw malformed(`unexpected token in query: ${detail}`.trim());
  }
}

function orderTerm(clause: OrderByClause, object: ObjectSchema, org: OrgView): OrderTerm {
  if (!('field' in clause)) throw malformed('ORDER BY a function is not supported by this emulator');
  const field = findField(object, clause.field, org);
  if (!field) throw noSuchColumn(clause.field, object.name);
  const descending = clause.order === 'DESC';
  // SOQL puts nulls first in ascending order and last in descending order unless told otherwise.
  const nullsLast = clause.nulls === undefined ? descending : clause.nulls === 'LAST';
  return { field, descending, nullsLast };
}

/** Parses SOQL with a real parser and keeps only what the emulator answers exactly. */
export function planQuery(soql: string, org: OrgView, subquery?: SubqueryValues): QueryPlan {
  return planParsed(parse(soql), org, subquery);
}

/** A parsed query's plan; a semi-join's inner query is run through `subquery`. */
export function planParsed(query: Query, org: OrgView, subquery?: SubqueryValues): QueryPlan {
  for (const clause of unsupported) {
    if (query[clause] !== undefined) throw malformed(`${clause} is not supported by this emulator`);
  }
  const object = query.sObject === undefined ? undefined : findObject(query.sObject, org);
  if (!object) {
    throw new SalesforceRestError(
      400,
      'INVALID_TYPE',
      `sObject type '${query.sObject ?? ''}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
    );
  }
  const fields: FieldSchema[] = [];
  for (const selected of query.fields ?? []) {
    if (selected.type !== 'Field' || selected.alias !== undefined) {
      throw malformed(`only plain fields can be selected in this emulator, not ${selected.type}`);
    }
    const field = findField(object, selected.field, org);
    if (!field) throw noSuchColumn(selected.field, object.name);
    if (fields.includes(field)) throw malformed(`duplicate field selected: ${field.name}`);
    fields.push(field);
  }
  const orderBy = query.orderBy === undefined ? [] : [query.orderBy].flat();
  return {
    object,
    fields,
    ...(query.where ? { where: compileWhere(query.where, object, org, subquery) } : {}),
    orderBy: orderBy.map((clause) => orderTerm(clause, object, org)),
    ...(query.limit === undefined ? {} : { limit: query.limit }),
  };
}
