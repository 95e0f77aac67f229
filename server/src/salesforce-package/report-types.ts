// Two custom report types: the accounts with their verdict (one row per account, so sums of potential
// are right), and the accounts with their nightly snapshots (one row per account and night, for trends).
import { fieldCatalogue, machineFields } from '@ripe/shared';
import { snapshotObject, sourceName } from './package-names.ts';
import type { XmlElement } from './xml.ts';

export const ACCOUNTS_REPORT_TYPE = 'Ripe_Expansion_Accounts';
export const HISTORY_REPORT_TYPE = 'Ripe_Expansion_History';

/** The `table` of the snapshots in the history report type, and the prefix of their report columns. */
export const SNAPSHOT_TABLE = `Account.${snapshotObject.relationshipName}__r`;

// Standard Account fields worth grouping by; `NumberOfEmployees` feeds the segment bucket.
const accountColumns = ['Name', 'Owner', 'Industry', 'Type', 'NumberOfEmployees', 'AnnualRevenue'];
const checkedAccountColumns = new Set(['Name', 'Owner']);

function columns(
  table: string,
  fields: readonly string[],
  checked: (field: string) => boolean,
): XmlElement[] {
  return fields.map((field) => ({ checkedByDefault: checked(field), field, table }));
}

const accountSection: XmlElement = {
  columns: columns('Account', accountColumns, (field) => checkedAccountColumns.has(field)),
  masterLabel: 'Account',
};

export const reportTypesXml: Readonly<Record<string, XmlElement>> = {
  [ACCOUNTS_REPORT_TYPE]: {
    baseObject: 'Account',
    category: 'accounts',
    deployed: true,
    description:
      'Accounts with their Ripe expansion verdict and the account team decision: one row per account.',
    label: 'Ripe expansion accounts',
    sections: [
      accountSection,
      {
        columns: columns(
          'Account',
          fieldCatalogue.map((entry) => sourceName(entry.salesforce)),
          () => true,
        ),
        masterLabel: 'Ripe expansion verdict',
      },
    ],
  },
  [HISTORY_REPORT_TYPE]: {
    baseObject: 'Account',
    category: 'accounts',
    deployed: true,
    description:
      'Accounts with the verdict Ripe recorded each night: one row per account and night, for trends.',
    join: { outerJoin: false, relationship: `${snapshotObject.relationshipName}__r` },
    label: 'Ripe expansion history',
    sections: [
      accountSection,
      {
        columns: columns(
          SNAPSHOT_TABLE,
          ['Name', snapshotObject.dateField, ...machineFields.map((entry) => sourceName(entry.salesforce))],
          () => true,
        ),
        masterLabel: 'Expansion snapshots',
      },
    ],
  },
};
