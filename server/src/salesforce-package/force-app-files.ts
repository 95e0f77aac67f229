// Every generated file of force-app, by path under force-app/main/default. Pure: the generator writes
// them, the drift test compares them with what is committed.
import { fieldCatalogue } from '@ripe/shared';
import { catalogueFieldXml, idempotencyKeyFieldXml } from './custom-fields.ts';
import { DASHBOARD_FOLDER, DASHBOARD_NAME, dashboardXml, publicFolderXml } from './dashboard.ts';
import { accountRecordPageXml, FLEXIPAGE_NAME } from './flexipage.ts';
import { customLabelsXml, frenchTranslationXml, labelsModule } from './label-files.ts';
import { accountListViewNames, listViewXml } from './list-views.ts';
import { fieldPath, idempotencyKeyField, snapshotObject, sourceName } from './package-names.ts';
import { permissionSetNames, permissionSetXml } from './permission-sets.ts';
import { reportTypesXml } from './report-types.ts';
import { REPORT_FOLDER, reportsXml } from './reports.ts';
import { snapshotFieldsXml, snapshotObjectXml } from './snapshot-object.ts';
import { metadataXml } from './xml.ts';

/** The folder the generated files live in, relative to the repository root. */
export const FORCE_APP_DEFAULT = 'force-app/main/default';

/**
 * The folders the generator owns under force-app/main/default: a file there that it does not write is
 * stale (a field renamed in the catalogue) and goes.
 */
export const GENERATED_FOLDERS = [
  'objects/Account',
  `objects/${snapshotObject.name}`,
  'objects/Activity',
  'objects/Opportunity',
  'permissionsets',
  'reportTypes',
  'reports',
  'dashboards',
  'flexipages',
  'labels',
  'translations',
  'lwc/ripeLabels/ripeLabels.js',
];

/** The module of labels the card imports, beside the metadata. */
export const LABELS_MODULE_PATH = 'lwc/ripeLabels/ripeLabels.js';

export function forceAppFiles(): ReadonlyMap<string, string> {
  const files = new Map<string, string>();
  const put = (path: string, root: string, body: Parameters<typeof metadataXml>[1]) =>
    files.set(path, metadataXml(root, body));

  for (const entry of fieldCatalogue)
    put(
      fieldPath('Account', sourceName(entry.salesforce)),
      'CustomField',
      catalogueFieldXml(entry, 'Account'),
    );
  for (const name of accountListViewNames)
    put(`objects/Account/listViews/${name}.listView-meta.xml`, 'ListView', listViewXml(name));

  put(
    `objects/${snapshotObject.name}/${snapshotObject.name}.object-meta.xml`,
    'CustomObject',
    snapshotObjectXml,
  );
  for (const [field, body] of snapshotFieldsXml())
    put(fieldPath(snapshotObject.name, field), 'CustomField', body);

  put(fieldPath('Activity', idempotencyKeyField), 'CustomField', idempotencyKeyFieldXml('Activity'));
  put(fieldPath('Opportunity', idempotencyKeyField), 'CustomField', idempotencyKeyFieldXml('Opportunity'));

  for (const name of permissionSetNames)
    put(`permissionsets/${name}.permissionset-meta.xml`, 'PermissionSet', permissionSetXml(name));

  for (const [name, body] of Object.entries(reportTypesXml))
    put(`reportTypes/${name}.reportType-meta.xml`, 'ReportType', body);
  put(`reports/${REPORT_FOLDER}.reportFolder-meta.xml`, 'ReportFolder', publicFolderXml('Ripe Expansion'));
  for (const [name, body] of Object.entries(reportsXml))
    put(`reports/${REPORT_FOLDER}/${name}.report-meta.xml`, 'Report', body);
  put(
    `dashboards/${DASHBOARD_FOLDER}.dashboardFolder-meta.xml`,
    'DashboardFolder',
    publicFolderXml('Ripe Expansion'),
  );
  put(`dashboards/${DASHBOARD_FOLDER}/${DASHBOARD_NAME}.dashboard-meta.xml`, 'Dashboard', dashboardXml());

  put(`flexipages/${FLEXIPAGE_NAME}.flexipage-meta.xml`, 'FlexiPage', accountRecordPageXml());

  put('labels/CustomLabels.labels-meta.xml', 'CustomLabels', customLabelsXml());
  put('translations/fr.translation-meta.xml', 'Translations', frenchTranslationXml());
  files.set(LABELS_MODULE_PATH, labelsModule());
  return files;
}
