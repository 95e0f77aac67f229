// Account list views for the CSM queue: what to approach now, what is mine, what needs a second look,
// what is snoozed. Columns and filters name the package's fields in source format.
import { fieldCatalogue, type CatalogueFieldName } from '@ripe/shared';
import { sourceName } from './package-names.ts';
import type { XmlElement } from './xml.ts';

/** The source name of a catalogue field on Account. */
function column(name: CatalogueFieldName): string {
  const entry = fieldCatalogue.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`${name} is not in the field catalogue`);
  return sourceName(entry.salesforce);
}

const ACCOUNT_NAME = 'ACCOUNT.NAME';
const OWNER_ALIAS = 'CORE.USERS.ALIAS';

const queueColumns = [
  ACCOUNT_NAME,
  column('expected_value'),
  column('potential'),
  column('probability'),
  column('motion'),
  column('window_start'),
  column('window_end'),
  OWNER_ALIAS,
];

interface ListViewSpec {
  label: string;
  filterScope: 'Everything' | 'Mine';
  columns: string[];
  filters: { field: CatalogueFieldName; operation: 'equals'; value: string }[];
  booleanFilter?: string;
}

const specs: Readonly<Record<string, ListViewSpec>> = {
  Ripe_Ready_To_Approach: {
    label: 'Ripe: ready to approach',
    filterScope: 'Everything',
    columns: queueColumns,
    // Not decided yet: a status nobody set is blank, the night never writes it.
    filters: [
      { field: 'readiness', operation: 'equals', value: 'ready' },
      { field: 'status', operation: 'equals', value: 'new' },
      { field: 'status', operation: 'equals', value: '' },
    ],
    booleanFilter: '1 AND (2 OR 3)',
  },
  Ripe_My_Ready_Accounts: {
    label: 'Ripe: my ready accounts',
    filterScope: 'Mine',
    columns: [...queueColumns.filter((name) => name !== OWNER_ALIAS), column('status')],
    filters: [{ field: 'readiness', operation: 'equals', value: 'ready' }],
  },
  Ripe_Caution: {
    label: 'Ripe: caution, read before pitching',
    filterScope: 'Everything',
    columns: [
      ACCOUNT_NAME,
      column('potential'),
      column('motion'),
      column('score'),
      column('status'),
      OWNER_ALIAS,
    ],
    filters: [{ field: 'readiness', operation: 'equals', value: 'caution' }],
  },
  Ripe_Snoozed: {
    label: 'Ripe: snoozed',
    filterScope: 'Everything',
    columns: [ACCOUNT_NAME, column('snoozed_until'), column('readiness'), column('potential'), OWNER_ALIAS],
    filters: [{ field: 'status', operation: 'equals', value: 'snoozed' }],
  },
};

export const accountListViewNames = Object.keys(specs);

export function listViewXml(name: string): XmlElement {
  const spec = specs[name];
  if (!spec) throw new Error(`no list view ${name}`);
  return {
    fullName: name,
    booleanFilter: spec.booleanFilter,
    columns: spec.columns,
    filterScope: spec.filterScope,
    filters: spec.filters.map((filter) => ({
      field: column(filter.field),
      operation: filter.operation,
      value: filter.value,
    })),
    label: spec.label,
  };
}
