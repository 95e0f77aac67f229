// The sales leader's reports, in the Ripe_Expansion folder. Columns of a custom report type read
// `<table>$<field>`; the segment is a bucket on the account's employees (an org's own segment field is
// not the package's to know).
import { fieldCatalogue, type CatalogueFieldName } from '@ripe/shared';
import { snapshotObject, sourceName } from './package-names.ts';
import { ACCOUNTS_REPORT_TYPE, HISTORY_REPORT_TYPE, SNAPSHOT_TABLE } from './report-types.ts';
import type { XmlElement } from './xml.ts';

export const REPORT_FOLDER = 'Ripe_Expansion';

function sourceField(name: CatalogueFieldName): string {
  const entry = fieldCatalogue.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`${name} is not in the field catalogue`);
  return sourceName(entry.salesforce);
}

/** A catalogue field as a column of the accounts report type. */
const account = (name: CatalogueFieldName) => `Account$${sourceField(name)}`;
/** A catalogue field as a column of the snapshots in the history report type. */
const snapshot = (name: CatalogueFieldName) => `${SNAPSHOT_TABLE}$${sourceField(name)}`;
const snapshotDate = `${SNAPSHOT_TABLE}$${snapshotObject.dateField}`;

const SEGMENT = 'BucketField_Segment';

const segmentBucket: XmlElement = {
  bucketType: 'number',
  developerName: SEGMENT,
  masterLabel: 'Segment (employees)',
  nullTreatment: 'z',
  sourceColumnName: 'Account$NumberOfEmployees',
  values: [
    { sourceValues: { to: '99' }, value: 'SMB' },
    { sourceValues: { from: '99', to: '999' }, value: 'Mid-market' },
    { sourceValues: { from: '999' }, value: 'Enterprise' },
  ],
};

const sum = (field: string): XmlElement => ({ aggregateTypes: 'Sum', field });
const plain = (field: string): XmlElement => ({ field });

export const reportsXml: Readonly<Record<string, XmlElement>> = {
  Potential_Pipeline_By_Owner_And_Segment: {
    buckets: segmentBucket,
    chart: {
      chartSummaries: { aggregate: 'Sum', axisBinding: 'y', column: account('potential') },
      chartType: 'HorizontalBarStacked',
      enableHoverLabels: true,
      groupingColumn: 'Account$Owner',
      legendPosition: 'Right',
      location: 'CHART_TOP',
      secondaryGroupingColumn: SEGMENT,
      showAxisLabels: true,
      size: 'Medium',
      summaryAxisRange: 'Auto',
    },
    columns: [
      plain('Account$Name'),
      plain(account('readiness')),
      plain(account('motion')),
      sum(account('potential')),
      sum(account('expected_value')),
      plain(account('window_start')),
    ],
    description:
      'Expansion potential and expected value of the accounts worth pursuing, by owner and segment.',
    filter: {
      criteriaItems: [
        { column: account('readiness'), operator: 'equals', value: 'ready,nurture,caution' },
        { column: account('status'), operator: 'notEqual', value: 'rejected,lost' },
      ],
    },
    format: 'Summary',
    groupingsDown: [
      { dateGranularity: 'None', field: 'Account$Owner', sortOrder: 'Asc' },
      { dateGranularity: 'None', field: SEGMENT, sortOrder: 'Asc' },
    ],
    name: 'Potential pipeline by owner and segment',
    reportType: `${ACCOUNTS_REPORT_TYPE}__c`,
    scope: 'organization',
    showDetails: true,
    showGrandTotal: true,
    showSubTotals: true,
  },
  Ready_Accounts_This_Week: {
    columns: [
      plain('Account$Name'),
      plain('Account$Owner'),
      plain(account('expected_value')),
      plain(account('potential')),
      plain(account('probability')),
      plain(account('motion')),
      plain(account('window_start')),
      plain(account('window_end')),
      plain(account('status')),
    ],
    description: 'Accounts the nightly run found ready this week, highest expected value first.',
    filter: { criteriaItems: { column: account('readiness'), operator: 'equals', value: 'ready' } },
    format: 'Tabular',
    name: 'Ready accounts this week',
    reportType: `${ACCOUNTS_REPORT_TYPE}__c`,
    scope: 'organization',
    showDetails: true,
    showGrandTotal: true,
    showSubTotals: true,
    sortColumn: account('expected_value'),
    sortOrder: 'Desc',
    timeFrameFilter: { dateColumn: account('last_scored_at'), interval: 'INTERVAL_THISWEEK' },
  },
  Approved_Vs_Rejected: {
    chart: {
      chartSummaries: { axisBinding: 'y', column: 'RowCount' },
      chartType: 'Donut',
      enableHoverLabels: true,
      groupingColumn: account('status'),
      location: 'CHART_TOP',
      showPercentage: true,
      showTotal: true,
      showValues: true,
      size: 'Medium',
      summaryAxisRange: 'Auto',
    },
    columns: [
      plain('Account$Name'),
      plain('Account$Owner'),
      plain(account('motion')),
      sum(account('potential')),
      sum(account('adjusted_potential')),
      plain(account('rejection_reason')),
    ],
    description:
      'What the account teams decided on the opportunities: approved, adjusted, rejected, won and lost.',
    filter: {
      criteriaItems: {
        column: account('status'),
        operator: 'equals',
        value: 'approved,adjusted,rejected,won,lost',
      },
    },
    format: 'Summary',
    groupingsDown: { dateGranularity: 'None', field: account('status'), sortOrder: 'Asc' },
    name: 'Approved vs rejected',
    reportType: `${ACCOUNTS_REPORT_TYPE}__c`,
    scope: 'organization',
    showDetails: true,
    showGrandTotal: true,
    showSubTotals: true,
  },
  Expansion_Score_Trend: {
    chart: {
      chartSummaries: { aggregate: 'Average', axisBinding: 'y', column: snapshot('score') },
      chartType: 'Line',
      enableHoverLabels: true,
      groupingColumn: snapshotDate,
      location: 'CHART_TOP',
      showAxisLabels: true,
      size: 'Medium',
      summaryAxisRange: 'Auto',
    },
    columns: [
      plain('Account$Name'),
      { aggregateTypes: 'Average', field: snapshot('score') },
      { aggregateTypes: 'Average', field: snapshot('probability') },
      sum(snapshot('expected_value')),
      plain(snapshot('readiness')),
    ],
    description: 'Average expansion score and expected value week by week, from the nightly snapshots.',
    format: 'Summary',
    groupingsDown: { dateGranularity: 'Week', field: snapshotDate, sortOrder: 'Asc' },
    name: 'Expansion score trend',
    reportType: `${HISTORY_REPORT_TYPE}__c`,
    scope: 'organization',
    showDetails: false,
    showGrandTotal: true,
    showSubTotals: true,
    timeFrameFilter: { dateColumn: snapshotDate, interval: 'INTERVAL_LAST90' },
  },
};

/** What the dashboard shows of each summary report: its chart, as a dashboard component of this type. */
export const dashboardCharts: readonly { report: string; componentType: string; header: string }[] = [
  {
    report: 'Potential_Pipeline_By_Owner_And_Segment',
    componentType: 'BarStacked',
    header: 'Potential pipeline',
  },
  { report: 'Approved_Vs_Rejected', componentType: 'Donut', header: 'Decisions' },
  { report: 'Expansion_Score_Trend', componentType: 'Line', header: 'Score trend, 90 days' },
];
