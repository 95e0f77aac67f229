import type { CrmRecord } from './crm-records.types.ts';

export type FilterOperator =
  | 'EQ'
  | 'NEQ'
  | 'LT'
  | 'LTE'
  | 'GT'
  | 'GTE'
  | 'IN'
  | 'NOT_IN'
  | 'HAS_PROPERTY'
  | 'NOT_HAS_PROPERTY'
  | 'BETWEEN';

export interface SearchFilter {
  propertyName: string;
  operator: FilterOperator;
  value?: string | number | boolean;
  highValue?: string | number;
  values?: readonly (string | number)[];
}

export interface SearchSort {
  propertyName: string;
  direction: 'ASCENDING' | 'DESCENDING';
}

/** Numbers compare as numbers, dates (ISO or epoch ms) as instants, anything else as lower-cased text. */
function compare(left: string, right: string): number {
  const a = Number(left);
  const b = Number(right);
  if (left !== '' && right !== '' && Number.isFinite(a) && Number.isFinite(b)) return a - b;
  const da = Date.parse(left);
  const db = Number.isFinite(Number(right)) ? Number(right) : Date.parse(right);
  if (!Number.isNaN(da) && !Number.isNaN(db)) return da - db;
  return left.toLowerCase().localeCompare(right.toLowerCase());
}

function matches(record: CrmRecord, filter: SearchFilter): boolean {
  const raw = record.properties[filter.propertyName];
  const has = raw !== undefined && raw !== null && raw !== '';
  if (filter.operator === 'HAS_PROPERTY') return has;
  if (filter.operator === 'NOT_HAS_PROPERTY') return !has;
  const value = raw ?? '';
  const target = String(filter.value ?? '');
  switch (filter.operator) {
    case 'EQ':
      return has && compare(value, target) === 0;
    case 'NEQ':
      return !has || compare(value, target) !== 0;
    case 'LT':
      return has && compare(value, target) < 0;
    case 'LTE':
      return has && compare(value, target) <= 0;
    case 'GT':
      return has && compare(value, target) > 0;
    case 'GTE':
      return has && compare(value, target) >= 0;
    case 'BETWEEN':
      return has && compare(value, target) >= 0 && compare(value, String(filter.highValue ?? '')) <= 0;
    case 'IN':
      return has && (filter.values ?? []).some((candidate) => compare(value, String(candidate)) === 0);
    case 'NOT_IN':
      return !(filter.values ?? []).some((candidate) => compare(value, String(candidate)) === 0);
  }
}

/** Filter groups are ORed, the filters inside a group ANDed; no groups matches everything. */
export function matchesGroups(
  record: CrmRecord,
  groups: readonly { filters: readonly SearchFilter[] }[],
): boolean {
  if (groups.length === 0) return true;
  return groups.some((group) => group.filters.every((filter) => matches(record, filter)));
}

/** Sorts by the first sort (HubSpot honours one), then by id so paging is stable. */
export function sortRecords(records: CrmRecord[], sorts: readonly SearchSort[]): CrmRecord[] {
  const [sort] = sorts;
  return records.sort((a, b) => {
    if (sort) {
      const order = compare(a.properties[sort.propertyName] ?? '', b.properties[sort.propertyName] ?? '');
      if (order !== 0) return sort.direction === 'DESCENDING' ? -order : order;
    }
    return Number(a.id) - Number(b.id);
  });
}

export const filterOperators: readonly FilterOperator[] = [
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'BETWEEN',
];
