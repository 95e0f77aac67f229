import { fieldCatalogue } from '@ripe/shared';
import type { UsageSource } from '../../settings/field-mapping.schema.ts';
import { taskKeyField } from './mappers/activities.mapper.ts';
import type { AccountRecords } from './mappers/account-records.ts';
import { accountContractFields, type SalesforceFieldMap } from './mappers/salesforce-field-map.ts';
import { idList, soqlDateTime } from './soql.ts';

/** A related object a pull reads: its account lookup, the fields selected and an optional extra filter. */
export interface RelatedObject {
  key: Exclude<keyof AccountRecords, 'account'>;
  object: string;
  accountField: string;
  fields: readonly string[];
  /** Extra WHERE terms, ANDed after the account filter. */
  where?: string;
}

const humanFields = fieldCatalogue.filter((f) => f.humanOwned).map((f) => f.salesforce);

export interface PullWindow {
  /** First instant of the activity window (ISO). */
  activitiesSince: string;
  /** First day of the usage window (`YYYY-MM-DD`). */
  usageSince: string;
}

/** Every Account field a pull selects. */
export function accountFields(map: SalesforceFieldMap): string[] {
  const standard = ['Id', 'Name', 'Industry', 'BillingCountry', 'OwnerId', 'CreatedDate', 'SystemModstamp'];
  return [...new Set([...standard, ...accountContractFields(map), ...humanFields])];
}

function usageObject(source: UsageSource, usageSince: string): RelatedObject | null {
  if (source.source === 'crm_object_columns') {
    return {
      key: 'usage',
      object: source.object,
      accountField: source.accountField,
      fields: ['Id', source.accountField, source.dayField, ...source.columns.map((c) => c.field)],
      where: `${source.dayField} >= ${usageSince}`,
    };
  }
  if (source.source === 'crm_object') {
    return {
      key: 'usage',
      object: source.object,
      accountField: source.accountField,
      fields: ['Id', source.accountField, source.dayField, source.metricField, source.valueField],
      where: `${source.dayField} >= ${usageSince}`,
    };
  }
  return null;
}

/** The related objects of an Account a pull reads, in the order it reads them. */
export function relatedObjects(map: SalesforceFieldMap, window: PullWindow): RelatedObject[] {
  const since = soqlDateTime(window.activitiesSince);
  const objects: RelatedObject[] = [
    {
      key: 'contacts',
      object: 'Contact',
      accountField: 'AccountId',
      fields: ['Id', 'AccountId', 'FirstName', 'LastName', 'Name', 'Title', 'Email', 'Phone', 'CreatedDate'],
    },
    {
      key: 'relations',
      object: 'AccountContactRelation',
      accountField: 'AccountId',
      fields: ['Id', 'AccountId', 'ContactId', 'Roles', 'IsActive', 'EndDate', 'SystemModstamp'],
    },
    {
      key: 'emails',
      object: 'EmailMessage',
      accountField: 'RelatedToId',
      fields: [
        'Id',
        'RelatedToId',
        'Subject',
        'TextBody',
        'MessageDate',
        'Incoming',
        'FromAddress',
        'ToAddress',
      ],
      where: `MessageDate >= ${since}`,
    },
    {
      key: 'tasks',
      object: 'Task',
      accountField: 'WhatId',
      fields: [
        'Id',
        'WhatId',
        'WhoId',
        'Subject',
        'Description',
        'CreatedDate',
        'TaskSubtype',
        'CallType',
        taskKeyField,
      ],
      where: `CreatedDate >= ${since}`,
    },
    {
      key: 'events',
      object: 'Event',
      accountField: 'WhatId',
      fields: ['Id', 'WhatId', 'WhoId', 'Subject', 'Description', 'StartDateTime'],
      where: `StartDateTime >= ${since}`,
    },
    {
      key: 'notes',
      object: 'Note',
      accountField: 'ParentId',
      fields: ['Id', 'ParentId', 'Title', 'Body', 'CreatedDate'],
      where: `CreatedDate >= ${since}`,
    },
    {
      key: 'cases',
      object: 'Case',
      accountField: 'AccountId',
      fields: [
        'Id',
        'AccountId',
        'Subject',
        'Priority',
        'Status',
        'IsEscalated',
        'IsClosed',
        'ClosedDate',
        'CreatedDate',
      ],
      where: `(IsClosed = false OR CreatedDate >= ${since})`,
    },
    {
      key: 'opportunities',
      object: 'Opportunity',
      accountField: 'AccountId',
      fields: [
        'Id',
        'AccountId',
        'Type',
        'Amount',
        'StageName',
        'IsClosed',
        'IsWon',
        'CloseDate',
        'CreatedDate',
      ],
    },
  ];
  const usage = usageObject(map.usage, window.usageSince);
  return usage ? [...objects, usage] : objects;
}

export function relatedQuery(related: RelatedObject, accountIds: readonly string[]): string {
  const where = [
    `${related.accountField} IN (${idList(accountIds)})`,
    ...(related.where ? [related.where] : []),
  ];
  return `SELECT ${related.fields.join(', ')} FROM ${related.object} WHERE ${where.join(' AND ')}`;
}

export function accountQuery(map: SalesforceFieldMap, accountIds: readonly string[]): string {
  return `SELECT ${accountFields(map).join(', ')} FROM Account WHERE Id IN (${idList(accountIds)})`;
}

/** The stage moves of these accounts' opportunities, through a semi-join (one query, whatever their number). */
export function opportunityHistoryQuery(accountIds: readonly string[]): string {
  return `SELECT Id, OpportunityId, StageName, CreatedDate FROM OpportunityHistory WHERE OpportunityId IN (SELECT Id FROM Opportunity WHERE AccountId IN (${idList(accountIds)}))`;
}
