// force-app converted by source-deploy-retrieve into the metadata-format package a deploy sends, then
// checked against the field catalogue and against the names the connector and its emulator write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldCatalogue, machineFields, type CatalogueField, type FieldType } from '@ripe/shared';
import {
  objectSchemas,
  type FieldSchema,
  type SObjectName,
} from '../connectors/salesforce/emulator/sobject-schema.ts';
import { installedName, snapshotObject, sourceName } from './package-names.ts';
import { valueLabel } from './picklist-labels.ts';
import {
  child,
  convertForceApp,
  list,
  text,
  type ConvertedPackage,
  type Node,
} from './testing/converted-package.ts';

let converted: ConvertedPackage;
const objects = new Map<string, Node>();

beforeAll(async () => {
  converted = await convertForceApp();
  for (const name of ['Account', snapshotObject.name, 'Activity', 'Opportunity'])
    objects.set(name, await converted.read(`objects/${name}.object`, 'CustomObject'));
}, 60_000);

afterAll(() => converted?.dispose());

function fieldsOf(object: string): Map<string, Node> {
  const node = objects.get(object);
  if (!node) throw new Error(`${object} was not converted`);
  return new Map(list(node, 'fields').map((field) => [text(field, 'fullName'), field]));
}

function catalogueField(object: string, entry: CatalogueField): Node {
  const field = fieldsOf(object).get(sourceName(entry.salesforce));
  if (!field) throw new Error(`${object}.${entry.salesforce} is missing`);
  return field;
}

// Written out here rather than imported from the generator, so a wrong mapping there fails here.
const metadataFieldTypes: Readonly<Record<FieldType, string>> = {
  picklist: 'Picklist',
  number: 'Number',
  percent: 'Percent',
  currency: 'Currency',
  date: 'Date',
  datetime: 'DateTime',
  text: 'Text',
  longtext: 'LongTextArea',
  contact: 'Lookup',
};

// What `describe` reports for each Metadata API type: the emulator speaks describe.
const describeTypes: Readonly<Record<string, FieldSchema['type']>> = {
  Picklist: 'picklist',
  Number: 'double',
  Percent: 'percent',
  Currency: 'currency',
  Date: 'date',
  DateTime: 'datetime',
  Text: 'string',
  LongTextArea: 'textarea',
  Lookup: 'reference',
  MasterDetail: 'reference',
};

describe('the converted package', () => {
  it('lists every component type of the package in package.xml', () => {
    const { manifest } = converted;
    expect(manifest.get('CustomObject')).toEqual(expect.arrayContaining([snapshotObject.name]));
    expect(manifest.get('CustomField')).toEqual(
      expect.arrayContaining(fieldCatalogue.map((entry) => `Account.${sourceName(entry.salesforce)}`)),
    );
    expect(manifest.get('PermissionSet')).toEqual(['Ripe_Admin', 'Ripe_Integration', 'Ripe_User']);
    expect(manifest.get('ReportType')).toEqual(['Ripe_Expansion_Accounts', 'Ripe_Expansion_History']);
    expect(manifest.get('Report')).toHaveLength(5); // the folder and its four reports
    // SDR names a folder with a trailing slash in package.xml.
    expect(manifest.get('Dashboard')).toEqual(['Ripe_Expansion/', 'Ripe_Expansion/Ripe_Expansion_Overview']);
    expect(manifest.get('FlexiPage')).toEqual(['Ripe_Account_Record_Page']);
    expect(manifest.get('ListView')).toHaveLength(4);
    expect(manifest.get('LightningComponentBundle')).toEqual(
      expect.arrayContaining([
        'expansionCard',
        'expansionDecisionModal',
        'usageChart',
        'errorPanel',
        'ldsUtils',
        'ripeLabels',
      ]),
    );
    expect(manifest.get('CustomLabels')).toEqual(['CustomLabels']);
    expect(manifest.get('Translations')).toEqual(['fr']);
    expect(manifest.has('ApexClass')).toBe(false);
  });
});

describe('catalogue fields', () => {
  const hosts = [
    ['Account', fieldCatalogue],
    [snapshotObject.name, machineFields],
  ] as const;

  it.each(hosts)('are all on %s with the catalogue type, label and help text', (object, entries) => {
    for (const entry of entries) {
      const field = catalogueField(object, entry);
      const name = `${object}.${entry.name}`;
      expect(text(field, 'type'), name).toBe(metadataFieldTypes[entry.type]);
      expect(text(field, 'label'), name).toBe(entry.label);
      expect(text(field, 'inlineHelpText'), name).toBe(entry.description);
      expect(text(field, 'description'), name).toContain(entry.description);
    }
  });

  it.each(hosts)('on %s hold the catalogue picklist values, lengths and sizes', (object, entries) => {
    for (const entry of entries) {
      const field = catalogueField(object, entry);
      const name = `${object}.${entry.name}`;
      if (entry.values) {
        const values = list(child(child(field, 'valueSet'), 'valueSetDefinition'), 'value');
        expect(
          values.map((value) => text(value, 'fullName')),
          name,
        ).toEqual(entry.values);
        expect(
          values.map((value) => text(value, 'label')),
          name,
        ).toEqual(entry.values.map((v) => valueLabel(v).en));
        expect(text(child(field, 'valueSet'), 'restricted'), name).toBe('true');
      }
      if (entry.type === 'text' || entry.type === 'longtext')
        expect(Number(text(field, 'length')), name).toBe(entry.maxLength ?? 255);
      // Percent holds 0–100 with two decimals (the connector writes 72.35); money and scores whole.
      if (entry.type === 'percent')
        expect([text(field, 'precision'), text(field, 'scale')], name).toEqual(['5', '2']);
      if (entry.type === 'currency' || entry.type === 'number') expect(text(field, 'scale'), name).toBe('0');
      if (entry.type === 'contact') expect(text(field, 'referenceTo'), name).toBe('Contact');
    }
  });

  it('leave nothing of the package on Account outside the catalogue', () => {
    expect([...fieldsOf('Account').keys()].sort()).toEqual(
      fieldCatalogue.map((e) => sourceName(e.salesforce)).sort(),
    );
  });
});

describe('names the connector writes (the emulator schema)', () => {
  const packaged: [SObjectName, string][] = [
    ['Account', 'Account'],
    ['ripe__Expansion_Snapshot__c', snapshotObject.name],
    ['Task', 'Activity'],
    ['Opportunity', 'Opportunity'],
  ];

  it.each(packaged)(
    '%s: exactly the package fields, with their types, labels, keys and references',
    (sobject, object) => {
      const expected = objectSchemas[sobject].fields.filter((field) => field.packaged);
      const actual = [...fieldsOf(object).values()];
      expect(actual.map((field) => installedName(text(field, 'fullName'))).sort()).toEqual(
        expected.map((field) => field.name).sort(),
      );
      for (const schema of expected) {
        const field = fieldsOf(object).get(sourceName(schema.name));
        if (!field) throw new Error(`${schema.name} is missing`);
        expect(describeTypes[text(field, 'type')], schema.name).toBe(schema.type);
        expect(text(field, 'label'), schema.name).toBe(schema.label);
        expect(text(field, 'externalId') === 'true', schema.name).toBe(Boolean(schema.externalId));
        if (schema.referenceTo) expect(text(field, 'referenceTo'), schema.name).toBe(schema.referenceTo);
      }
    },
  );

  it('the history object is a child of Account, shared and deleted with it', () => {
    const object = objects.get(snapshotObject.name);
    if (!object) throw new Error('no history object');
    expect(text(object, 'sharingModel')).toBe('ControlledByParent');
    expect(text(object, 'label')).toBe(objectSchemas.ripe__Expansion_Snapshot__c.label);
    expect(text(object, 'pluralLabel')).toBe(objectSchemas.ripe__Expansion_Snapshot__c.labelPlural);
    expect(text(child(object, 'nameField'), 'type')).toBe('AutoNumber');
    const account = fieldsOf(snapshotObject.name).get(snapshotObject.accountField);
    if (!account) throw new Error('no account field');
    expect(text(account, 'type')).toBe('MasterDetail');
    expect(text(account, 'relationshipName')).toBe(snapshotObject.relationshipName);
    const key = fieldsOf(snapshotObject.name).get(snapshotObject.externalIdField);
    expect(key && text(key, 'unique')).toBe('true');
  });
});

describe('permission sets', () => {
  const grants = async (name: string) => {
    const set = await converted.read(`permissionsets/${name}.permissionset`, 'PermissionSet');
    return new Map(
      list(set, 'fieldPermissions').map((grant) => [
        text(grant, 'field'),
        { read: text(grant, 'readable') === 'true', edit: text(grant, 'editable') === 'true' },
      ]),
    );
  };
  const account = (entry: CatalogueField) => `Account.${sourceName(entry.salesforce)}`;

  it('let users read the verdict and edit only the human-owned fields', async () => {
    const user = await grants('Ripe_User');
    for (const entry of fieldCatalogue)
      expect(user.get(account(entry)), entry.name).toEqual({ read: true, edit: entry.humanOwned });
    expect(
      [...user]
        .filter(([, grant]) => grant.edit)
        .map(([field]) => field)
        .sort(),
    ).toEqual(
      fieldCatalogue
        .filter((entry) => entry.humanOwned)
        .map(account)
        .sort(),
    );
  });

  it('let the nightly run write its fields, history and keys, and only read the decision', async () => {
    const integration = await grants('Ripe_Integration');
    for (const entry of fieldCatalogue)
      expect(integration.get(account(entry)), entry.name).toEqual({ read: true, edit: !entry.humanOwned });
    expect(integration.get(`Task.${sourceName('ripe__Idempotency_Key__c')}`)).toEqual({
      read: true,
      edit: true,
    });
    expect(integration.get(`Opportunity.${sourceName('ripe__Idempotency_Key__c')}`)).toEqual({
      read: true,
      edit: true,
    });
  });

  it('let admins edit everything, and name only fields that exist and may carry permissions', async () => {
    const admin = await grants('Ripe_Admin');
    for (const entry of fieldCatalogue) expect(admin.get(account(entry))?.edit, entry.name).toBe(true);
    for (const name of ['Ripe_Admin', 'Ripe_User', 'Ripe_Integration']) {
      for (const field of (await grants(name)).keys()) {
        const [object = '', fieldName = ''] = field.split('.');
        const host = object === 'Task' ? 'Activity' : object;
        expect(fieldsOf(host).has(fieldName), `${name}: ${field}`).toBe(true);
        // A master-detail field is required on the detail: the platform refuses permissions on it.
        expect(text(fieldsOf(host).get(fieldName) ?? {}, 'type'), `${name}: ${field}`).not.toBe(
          'MasterDetail',
        );
      }
    }
  });
});
