// The converted package's report types, reports, dashboard, record page, card bundle and labels: each
// reference points at something the package defines, so a renamed catalogue field breaks here, not in an org.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldCatalogue, machineFields } from '@ripe/shared';
import { customLabels } from './card-labels.ts';
import { snapshotObject, sourceName } from './package-names.ts';
import {
  child,
  convertForceApp,
  list,
  repositoryRoot,
  text,
  texts,
  type ConvertedPackage,
  type Node,
} from './testing/converted-package.ts';

let converted: ConvertedPackage;
const reportTypeColumns = new Map<string, Set<string>>();

beforeAll(async () => {
  converted = await convertForceApp();
  for (const name of converted.manifest.get('ReportType') ?? []) {
    const type = await converted.read(`reportTypes/${name}.reportType`, 'ReportType');
    const columns = list(type, 'sections').flatMap((section) =>
      list(section, 'columns').map((column) => `${text(column, 'table')}$${text(column, 'field')}`),
    );
    reportTypeColumns.set(`${name}__c`, new Set(columns));
  }
}, 60_000);

afterAll(() => converted?.dispose());

const reportNames = () => (converted.manifest.get('Report') ?? []).filter((name) => !name.endsWith('/'));
const readReport = (name: string) => converted.read(`reports/${name}.report`, 'Report');

describe('report types', () => {
  it('offer every catalogue field on accounts, and every machine field on the snapshots', () => {
    const accounts = reportTypeColumns.get('Ripe_Expansion_Accounts__c');
    const history = reportTypeColumns.get('Ripe_Expansion_History__c');
    for (const entry of fieldCatalogue)
      expect(accounts?.has(`Account$${sourceName(entry.salesforce)}`), entry.name).toBe(true);
    for (const entry of machineFields)
      expect(history?.has(`Account.Expansion_Snapshots__r$${sourceName(entry.salesforce)}`), entry.name).toBe(
        true,
      );
    expect(history?.has(`Account.Expansion_Snapshots__r$${snapshotObject.dateField}`)).toBe(true);
  });

  it('join the snapshots by the relationship of the history object', async () => {
    const history = await converted.read('reportTypes/Ripe_Expansion_History.reportType', 'ReportType');
    expect(text(history, 'baseObject')).toBe('Account');
    expect(text(child(history, 'join'), 'relationship')).toBe(`${snapshotObject.relationshipName}__r`);
    expect(text(history, 'deployed')).toBe('true');
  });
});

describe('reports', () => {
  it('are the four a sales leader asks for', () => {
    expect(reportNames().sort()).toEqual([
      'Ripe_Expansion/Approved_Vs_Rejected',
      'Ripe_Expansion/Expansion_Score_Trend',
      'Ripe_Expansion/Potential_Pipeline_By_Owner_And_Segment',
      'Ripe_Expansion/Ready_Accounts_This_Week',
    ]);
  });

  it('read only columns their report type offers, or their own buckets', async () => {
    for (const name of reportNames()) {
      const report = await readReport(name);
      const offered = reportTypeColumns.get(text(report, 'reportType'));
      expect([...reportTypeColumns.keys()], `${name}: report type`).toContain(text(report, 'reportType'));
      const buckets = new Set(list(report, 'buckets').map((bucket) => text(bucket, 'developerName')));
      const used = [
        ...list(report, 'columns').map((column) => text(column, 'field')),
        ...list(report, 'groupingsDown').map((grouping) => text(grouping, 'field')),
        ...list(report.filter ? child(report, 'filter') : {}, 'criteriaItems').map((item) =>
          text(item, 'column'),
        ),
        ...(report.timeFrameFilter ? [text(child(report, 'timeFrameFilter'), 'dateColumn')] : []),
        ...list(report, 'buckets').map((bucket) => text(bucket, 'sourceColumnName')),
      ];
      for (const column of used)
        expect(offered?.has(column) || buckets.has(column), `${name}: ${column}`).toBe(true);
      // A summary report must not list its grouping among its columns.
      const columns = new Set(list(report, 'columns').map((column) => text(column, 'field')));
      for (const grouping of list(report, 'groupingsDown'))
        expect(columns.has(text(grouping, 'field')), name).toBe(false);
      expect(text(report, 'name').length, name).toBeLessThanOrEqual(40);
    }
  });

  it('group the pipeline by owner and segment, and the trend by week', async () => {
    const pipeline = await readReport('Ripe_Expansion/Potential_Pipeline_By_Owner_And_Segment');
    expect(list(pipeline, 'groupingsDown').map((grouping) => text(grouping, 'field'))).toEqual([
      'Account$Owner',
      'BucketField_Segment',
    ]);
    const trend = await readReport('Ripe_Expansion/Expansion_Score_Trend');
    const [byWeek] = list(trend, 'groupingsDown');
    expect(byWeek && text(byWeek, 'dateGranularity')).toBe('Week');
  });
});

describe('the dashboard', () => {
  it('shows the chart of a summary report in each of its three sections', async () => {
    const dashboard = await converted.read(
      'dashboards/Ripe_Expansion/Ripe_Expansion_Overview.dashboard',
      'Dashboard',
    );
    expect(text(dashboard, 'dashboardType')).toBe('LoggedInUser');
    const sections = ['leftSection', 'middleSection', 'rightSection'].map((name) => child(dashboard, name));
    for (const section of sections) {
      const [component] = list(section, 'components');
      if (!component) throw new Error('an empty dashboard section');
      const report = text(component, 'report');
      expect(reportNames()).toContain(report);
      const source = await readReport(report);
      expect(text(source, 'format'), report).toBe('Summary');
      // The report draws a chart of a named type (Line, Donut, HorizontalBarStacked …).
      expect(text(child(source, 'chart'), 'chartType'), report).toMatch(/^[A-Z]\w+$/);
      expect(text(component, 'useReportChart')).toBe('true');
    }
  });
});

describe('the record page and the card', () => {
  it('places the card in the sidebar of an Account record page', async () => {
    const page = await converted.read('flexipages/Ripe_Account_Record_Page.flexipage', 'FlexiPage');
    expect(text(page, 'sobjectType')).toBe('Account');
    expect(text(page, 'type')).toBe('RecordPage');
    const sidebar = list(page, 'flexiPageRegions').find((region) => text(region, 'name') === 'sidebar');
    const names = list(sidebar ?? {}, 'itemInstances').map((item) =>
      text(child(item, 'componentInstance'), 'componentName'),
    );
    expect(names).toEqual(['expansionCard']);
    const identifiers = list(page, 'flexiPageRegions').flatMap((region) =>
      list(region, 'itemInstances').map((item) => text(child(item, 'componentInstance'), 'identifier')),
    );
    expect(new Set(identifiers).size).toBe(identifiers.length);
  });

  it('ships the card bundle, exposed on Account record pages', async () => {
    const meta = await converted.read(
      'lwc/expansionCard/expansionCard.js-meta.xml',
      'LightningComponentBundle',
    );
    expect(text(meta, 'isExposed')).toBe('true');
    expect(texts(child(meta, 'targets'), 'target')).toEqual(['lightning__RecordPage']);
    const [config] = list(child(meta, 'targetConfigs'), 'targetConfig');
    expect(config && texts(child(config, 'objects'), 'object')).toEqual(['Account']);
    for (const file of ['expansionCard.js', 'expansionCard.html', 'fields.js', 'decisions.js', 'verdict.js'])
      await expect(
        readFile(join(repositoryRoot, 'force-app/main/default/lwc/expansionCard', file)),
      ).resolves.not.toHaveLength(0);
  });

  it('leaves the Jest tests and fixtures out of the package', async () => {
    const meta = await converted.read(
      'lwc/expansionCard/expansionCard.js-meta.xml',
      'LightningComponentBundle',
    );
    expect(text(meta, 'isExposed')).toBe('true');
    await expect(
      converted.read('lwc/expansionCard/__tests__/data/getRecord.json', 'Account'),
    ).rejects.toThrow(/ENOENT/);
  });
});

describe('custom labels', () => {
  it('carry every text of the card in English, each translated into French', async () => {
    const english = await converted.read('labels/CustomLabels.labels', 'CustomLabels');
    const french = await converted.read('translations/fr.translation', 'Translations');
    const expected = customLabels();
    const byName = (nodes: Node[], name: string, value: string) =>
      new Map(nodes.map((node) => [text(node, name), text(node, value)]));
    expect(byName(list(english, 'labels'), 'fullName', 'value')).toEqual(
      new Map(expected.map((label) => [label.fullName, label.en])),
    );
    expect(byName(list(french, 'customLabels'), 'name', 'label')).toEqual(
      new Map(expected.map((label) => [label.fullName, label.fr])),
    );
  });
});
