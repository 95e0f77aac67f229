import { fieldCatalogue, type FieldType } from '@ripe/shared';
import { keyPrefixes } from './salesforce-id.ts';

/** The sObjects the emulator serves. */
export type SObjectName = 'Account' | 'Contact' | 'Task' | 'Event' | 'Opportunity';
export const sObjectNames: readonly SObjectName[] = ['Account', 'Contact', 'Task', 'Event', 'Opportunity'];

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
];

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
    ],
  },
};

/** The object named `name` in any letter case, as SOQL and the REST paths accept it. */
export function findObject(name: string): ObjectSchema | undefined {
  const wanted = name.toLowerCase();
  return sObjectNames.map((n) => objectSchemas[n]).find((schema) => schema.name.toLowerCase() === wanted);
}

/** The fields of an object the org has: package fields only while the package is installed. */
export function visibleFields(schema: ObjectSchema, packageInstalled: boolean): readonly FieldSchema[] {
  return packageInstalled ? schema.fields : schema.fields.filter((f) => !f.packaged);
}

/** A field by name, case-insensitively, among the visible fields. */
export function findField(
  schema: ObjectSchema,
  name: string,
  packageInstalled: boolean,
): FieldSchema | undefined {
  const wanted = name.toLowerCase();
  return visibleFields(schema, packageInstalled).find((f) => f.name.toLowerCase() === wanted);
}
