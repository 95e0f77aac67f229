import { fieldCatalogue, type FieldType } from '@ripe/shared';
import { sandboxFeatures } from '../../../sandbox/sandbox-price-book.ts';
import { keyPrefixes } from './salesforce-id.ts';

/** The sObjects the emulator serves. */
export type SObjectName =
  | 'Account'
  | 'Contact'
  | 'AccountContactRelation'
  | 'Task'
  | 'Event'
  | 'EmailMessage'
  | 'Note'
  | 'Case'
  | 'Opportunity'
  | 'OpportunityHistory'
  | 'Product_Usage__c'
  | 'ripe__Expansion_Snapshot__c';
export const sObjectNames: readonly SObjectName[] = [
  'Account',
  'Contact',
  'AccountContactRelation',
  'Task',
  'Event',
  'EmailMessage',
  'Note',
  'Case',
  'Opportunity',
  'OpportunityHistory',
  'Product_Usage__c',
  'ripe__Expansion_Snapshot__c',
];

/** Field types as `describe` reports them. */
export type SalesforceFieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'reference'
  | 'datetime'
  | 'date'
  | 'double'
  | 'int'
  | 'currency'
  | 'percent'
  | 'boolean'
  | 'picklist'
  | 'multipicklist'
  | 'email'
  | 'phone';

export interface FieldSchema {
  name: string;
  label: string;
  type: SalesforceFieldType;
  /** Set by the platform (Id, audit fields): never written through the API. */
  system?: boolean;
  externalId?: boolean;
  /** Belongs to the Ripe managed package: absent while the package is not installed. */
  packaged?: boolean;
  referenceTo?: SObjectName | 'User';
}

/** The Ripe package's objects: absent while the package is not installed. */
export const packagedObjects: ReadonlySet<SObjectName> = new Set(['ripe__Expansion_Snapshot__c']);

export interface ObjectSchema {
  name: SObjectName;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  fields: readonly FieldSchema[];
}

const system = (name: string, type: SalesforceFieldType, label: string): FieldSchema => ({
  name,
  label,
  type,
  system: true,
});
const auditFields: readonly FieldSchema[] = [
  system('Id', 'id', 'Record ID'),
  system('IsDeleted', 'boolean', 'Deleted'),
  system('CreatedDate', 'datetime', 'Created Date'),
  system('LastModifiedDate', 'datetime', 'Last Modified Date'),
  system('SystemModstamp', 'datetime', 'System Modstamp'),
  { ...system('LastModifiedById', 'reference', 'Last Modified By ID'), referenceTo: 'User' },
];
const field = (name: string, type: SalesforceFieldType, label: string, extra: Partial<FieldSchema> = {}) => ({
  name,
  label,
  type,
  ...extra,
});

const catalogueTypes: Record<FieldType, SalesforceFieldType> = {
  picklist: 'picklist',
  number: 'double',
  percent: 'percent',
  currency: 'currency',
  date: 'date',
  datetime: 'datetime',
  text: 'string',
  longtext: 'textarea',
  contact: 'reference',
};

/** The Ripe package's Account fields, derived from the field catalogue. */
const packageAccountFields: readonly FieldSchema[] = fieldCatalogue.map((entry) => ({
  name: entry.salesforce,
  label: entry.label,
  type: catalogueTypes[entry.type],
  packaged: true,
  ...(entry.type === 'contact' ? { referenceTo: 'Contact' as const } : {}),
}));

// Usage lives on the Account as the customer's own custom fields (the org's field mapping names them).
const usageAccountFields: readonly FieldSchema[] = [
  field('Tier__c', 'picklist', 'Tier'),
  field('Seats_Licensed__c', 'double', 'Seats licensed'),
  field('Seats_Used__c', 'double', 'Seats used'),
  field('Active_Users__c', 'double', 'Active users'),
  field('Consumption__c', 'double', 'Consumption (last day)'),
  field('Committed_Volume__c', 'double', 'Committed volume per month'),
  field('ARR__c', 'currency', 'ARR'),
  field('Contract_Start__c', 'date', 'Contract start'),
  field('Renewal_Date__c', 'date', 'Renewal date'),
  field('Segment__c', 'picklist', 'Segment'),
  field('Modules__c', 'multipicklist', 'Modules licensed'),
  field('CSM__c', 'reference', 'Customer success manager', { referenceTo: 'User' }),
];

/** The customer's own daily usage object, one record per account and day (the org's field mapping names it). */
export const usageColumns = [
  { field: 'Seats_Used__c', metric: 'seats_used', kind: 'seats_used', label: 'Seats used' },
  { field: 'Active_Users__c', metric: 'active_users', kind: 'active_users', label: 'Active users' },
  { field: 'API_Calls__c', metric: 'api_calls', kind: 'consumption', label: 'API calls (thousands)' },
  ...sandboxFeatures.map((feature) => ({
    field: `Feature_${feature.replace(/(^|_)([a-z])/g, (_m, _s: string, c: string) => c.toUpperCase())}__c`,
    metric: `feature:${feature}`,
    kind: 'feature_adoption' as const,
    label: `Users of ${feature.replace('_', ' ')}`,
  })),
] as const;

/** The catalogue's machine fields on the history object, beside its own. */
const snapshotFields: readonly FieldSchema[] = fieldCatalogue
  .filter((entry) => !entry.humanOwned)
  .map((entry) => ({
    name: entry.salesforce,
    label: entry.label,
    type: catalogueTypes[entry.type],
    packaged: true,
    ...(entry.type === 'contact' ? { referenceTo: 'Contact' as const } : {}),
  }));

export const objectSchemas: Readonly<Record<SObjectName, ObjectSchema>> = {
  Account: {
    name: 'Account',
    label: 'Account',
    labelPlural: 'Accounts',
    keyPrefix: keyPrefixes.Account,
    fields: [
      ...auditFields,
      field('Name', 'string', 'Account Name'),
      field('Industry', 'picklist', 'Industry'),
      field('BillingCountry', 'string', 'Billing Country'),
      field('OwnerId', 'reference', 'Owner ID', { referenceTo: 'User' }),
      ...usageAccountFields,
      ...packageAccountFields,
    ],
  },
  Contact: {
    name: 'Contact',
    label: 'Contact',
    labelPlural: 'Contacts',
    keyPrefix: keyPrefixes.Contact,
    fields: [
      ...auditFields,
      field('AccountId', 'reference', 'Account ID', { referenceTo: 'Account' }),
      field('FirstName', 'string', 'First Name'),
      field('LastName', 'string', 'Last Name'),
      field('Name', 'string', 'Full Name', { system: true }),
      field('Title', 'string', 'Title'),
      field('Email', 'email', 'Email'),
      field('Phone', 'phone', 'Business Phone'),
    ],
  },
  Task: {
    name: 'Task',
    label: 'Task',
    labelPlural: 'Tasks',
    keyPrefix: keyPrefixes.Task,
    fields: [
      ...auditFields,
      field('WhatId', 'reference', 'Related To ID', { referenceTo: 'Account' }),
      field('WhoId', 'reference', 'Name ID', { referenceTo: 'Contact' }),
      field('OwnerId', 'reference', 'Assigned To ID', { referenceTo: 'User' }),
      field('Subject', 'string', 'Subject'),
      field('Description', 'textarea', 'Description'),
      field('ActivityDate', 'date', 'Due Date Only'),
      field('Status', 'picklist', 'Status'),
      field('Priority', 'picklist', 'Priority'),
      field('TaskSubtype', 'picklist', 'Task Subtype'),
      field('CallType', 'picklist', 'Call Type'),
      field('ripe__Idempotency_Key__c', 'string', 'Ripe idempotency key', {
        externalId: true,
        packaged: true,
      }),
    ],
  },
  Event: {
    name: 'Event',
    label: 'Event',
    labelPlural: 'Events',
    keyPrefix: keyPrefixes.Event,
    fields: [
      ...auditFields,
      field('WhatId', 'reference', 'Related To ID', { referenceTo: 'Account' }),
      field('WhoId', 'reference', 'Name ID', { referenceTo: 'Contact' }),
      field('Subject', 'string', 'Subject'),
      field('Description', 'textarea', 'Description'),
      field('StartDateTime', 'datetime', 'Start Date Time'),
      field('EndDateTime', 'datetime', 'End Date Time'),
      field('DurationInMinutes', 'int', 'Duration'),
    ],
  },
  Opportunity: {
    name: 'Opportunity',
    label: 'Opportunity',
    labelPlural: 'Opportunities',
    keyPrefix: keyPrefixes.Opportunity,
    fields: [
      ...auditFields,
      field('AccountId', 'reference', 'Account ID', { referenceTo: 'Account' }),
      field('Name', 'string', 'Name'),
      field('Type', 'picklist', 'Opportunity Type'),
      field('Amount', 'currency', 'Amount'),
      field('StageName', 'picklist', 'Stage'),
      field('CloseDate', 'date', 'Close Date'),
      field('IsClosed', 'boolean', 'Closed', { system: true }),
      field('IsWon', 'boolean', 'Won', { system: true }),
      field('ripe__Idempotency_Key__c', 'string', 'Ripe idempotency key', {
        externalId: true,
        packaged: true,
      }),
    ],
  },
  OpportunityHistory: {
    name: 'OpportunityHistory',
    label: 'Opportunity History',
    labelPlural: 'Opportunity History',
    keyPrefix: keyPrefixes.OpportunityHistory,
    fields: [
      ...auditFields,
      field('OpportunityId', 'reference', 'Opportunity ID', { referenceTo: 'Opportunity', system: true }),
      field('StageName', 'picklist', 'Stage', { system: true }),
      field('Amount', 'currency', 'Amount', { system: true }),
      field('CloseDate', 'date', 'Close Date', { system: true }),
    ],
  },
  AccountContactRelation: {
    name: 'AccountContactRelation',
    label: 'Account Contact Relationship',
    labelPlural: 'Account Contact Relationships',
    keyPrefix: keyPrefixes.AccountContactRelation,
    fields: [
      ...auditFields,
      field('AccountId', 'reference', 'Account ID', { referenceTo: 'Account' }),
      field('ContactId', 'reference', 'Contact ID', { referenceTo: 'Contact' }),
      field('Roles', 'multipicklist', 'Roles'),
      field('IsActive', 'boolean', 'Active'),
      field('IsDirect', 'boolean', 'Direct'),
      field('StartDate', 'date', 'Start Date'),
      field('EndDate', 'date', 'End Date'),
    ],
  },
  EmailMessage: {
    name: 'EmailMessage',
    label: 'Email Message',
    labelPlural: 'Email Messages',
    keyPrefix: keyPrefixes.EmailMessage,
    fields: [
      ...auditFields,
      field('RelatedToId', 'reference', 'Related To ID', { referenceTo: 'Account' }),
      field('Subject', 'string', 'Subject'),
      field('TextBody', 'textarea', 'Text Body'),
      field('MessageDate', 'datetime', 'Message Date'),
      field('Incoming', 'boolean', 'Is Incoming'),
      field('FromAddress', 'email', 'From Address'),
      field('ToAddress', 'string', 'To Address'),
    ],
  },
  Note: {
    name: 'Note',
    label: 'Note',
    labelPlural: 'Notes',
    keyPrefix: keyPrefixes.Note,
    fields: [
      ...auditFields,
      field('ParentId', 'reference', 'Parent ID', { referenceTo: 'Account' }),
      field('Title', 'string', 'Title'),
      field('Body', 'textarea', 'Body'),
    ],
  },
  Case: {
    name: 'Case',
    label: 'Case',
    labelPlural: 'Cases',
    keyPrefix: keyPrefixes.Case,
    fields: [
      ...auditFields,
      field('AccountId', 'reference', 'Account ID', { referenceTo: 'Account' }),
      field('Subject', 'string', 'Subject'),
      field('Priority', 'picklist', 'Priority'),
      field('Status', 'picklist', 'Status'),
      field('IsEscalated', 'boolean', 'Escalated'),
      field('IsClosed', 'boolean', 'Closed', { system: true }),
      field('ClosedDate', 'datetime', 'Closed Date', { system: true }),
    ],
  },
  Product_Usage__c: {
    name: 'Product_Usage__c',
    label: 'Product Usage',
    labelPlural: 'Product Usage',
    keyPrefix: keyPrefixes.Product_Usage__c,
    fields: [
      ...auditFields,
      field('Account__c', 'reference', 'Account', { referenceTo: 'Account' }),
      field('Usage_Date__c', 'date', 'Usage date'),
      ...usageColumns.map((column) => field(column.field, 'double', column.label)),
    ],
  },
  ripe__Expansion_Snapshot__c: {
    name: 'ripe__Expansion_Snapshot__c',
    label: 'Expansion Snapshot',
    labelPlural: 'Expansion Snapshots',
    keyPrefix: keyPrefixes.ripe__Expansion_Snapshot__c,
    fields: [
      ...auditFields,
      field('ripe__Account__c', 'reference', 'Account', { referenceTo: 'Account', packaged: true }),
      field('ripe__External_Id__c', 'string', 'External id', { externalId: true, packaged: true }),
      field('ripe__Snapshot_Date__c', 'date', 'Snapshot date', { packaged: true }),
      ...snapshotFields,
    ],
  },
};

/** The object named `name` in any letter case, as SOQL and the REST paths accept it. */
/** What the org has installed: the Ripe package, less the fields a test hid (`Account.ripe__Score__c`). */
export interface OrgView {
  packageInstalled: boolean;
  hiddenFields: ReadonlySet<string>;
}

const wholeOrg: OrgView = { packageInstalled: true, hiddenFields: new Set() };

export function findObject(name: string, org: OrgView = wholeOrg): ObjectSchema | undefined {
  const wanted = name.toLowerCase();
  return sObjectNames
    .filter((n) => org.packageInstalled || !packagedObjects.has(n))
    .map((n) => objectSchemas[n])
    .find((schema) => schema.name.toLowerCase() === wanted);
}

/** The fields of an object the org has: package fields only while the package is installed. */
export function visibleFields(schema: ObjectSchema, org: OrgView): readonly FieldSchema[] {
  return schema.fields.filter(
    (f) => (org.packageInstalled || !f.packaged) && !org.hiddenFields.has(`${schema.name}.${f.name}`),
  );
}

/** A field by name, case-insensitively, among the visible fields. */
export function findField(schema: ObjectSchema, name: string, org: OrgView): FieldSchema | undefined {
  const wanted = name.toLowerCase();
  return visibleFields(schema, org).find((f) => f.name.toLowerCase() === wanted);
}
