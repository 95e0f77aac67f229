// CustomField metadata for every catalogue field, the history object's own fields and the idempotency
// keys. Elements follow the CustomField WSDL sequence (alphabetical after fullName).
import type { CatalogueField, FieldType } from '@ripe/shared';
import { idempotencyKeyField, snapshotObject, sourceName } from './package-names.ts';
import { valueLabel } from './picklist-labels.ts';
import type { XmlElement } from './xml.ts';

/** The Metadata API field type of each catalogue type. */
export const metadataFieldTypes: Readonly<Record<FieldType, string>> = {
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

// Salesforce Text holds 255 characters at most.
const TEXT_LENGTH = 255;
const LONG_TEXT_LINES = 6;

/** Where a catalogue field is defined: on Account, or copied on the history object. */
export type FieldHost = 'Account' | 'Snapshot';

// A lookup's child relationship name is unique per referenced object (Contact), so each host has its own.
const decisionMakerRelationship: Readonly<Record<FieldHost, { name: string; label: string }>> = {
  Account: { name: 'Ripe_Decision_Maker_Accounts', label: 'Accounts (Ripe decision-maker)' },
  Snapshot: { name: 'Ripe_Decision_Maker_Snapshots', label: 'Expansion snapshots (decision-maker)' },
};

/** A catalogue field as CustomField metadata. */
export function catalogueFieldXml(entry: CatalogueField, host: FieldHost): XmlElement {
  const owner = entry.humanOwned
    ? 'Set by the account team; the nightly run reads it and never overwrites it.'
    : host === 'Account'
      ? 'Written by the nightly run; edits are overwritten by the next night.'
      : 'The value the nightly run wrote that day.';
  const relationship = entry.type === 'contact' ? decisionMakerRelationship[host] : undefined;
  return {
    fullName: sourceName(entry.salesforce),
    deleteConstraint: relationship ? 'SetNull' : undefined,
    description: `Ripe: ${sentence(entry.description)} ${owner}`,
    inlineHelpText: entry.description,
    label: entry.label,
    ...sizing(entry),
    referenceTo: relationship ? 'Contact' : undefined,
    relationshipLabel: relationship?.label,
    relationshipName: relationship?.name,
    required: false,
    ...scale(entry.type),
    type: metadataFieldTypes[entry.type],
    valueSet: entry.values ? picklistValueSet(entry.values) : undefined,
    visibleLines: entry.type === 'longtext' ? LONG_TEXT_LINES : undefined,
  };
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

// `length` and `precision` come before `referenceTo`; `scale` after `required` (the WSDL sequence).
function sizing(entry: CatalogueField): XmlElement {
  switch (entry.type) {
    case 'text':
    case 'longtext':
      return { length: entry.maxLength ?? TEXT_LENGTH };
    case 'number':
    case 'currency':
      return { precision: 18 };
    case 'percent':
      // 0–100 with two decimals: the connector writes 72.35 for 0.7235.
      return { precision: 5 };
    default:
      return {};
  }
}

function scale(type: FieldType): XmlElement {
  if (type === 'percent') return { scale: 2 };
  // Whole numbers and whole units of currency, as the catalogue rounds them.
  if (type === 'number' || type === 'currency') return { scale: 0 };
  return {};
}

function picklistValueSet(values: readonly string[]): XmlElement {
  return {
    restricted: true,
    valueSetDefinition: {
      sorted: false,
      value: values.map((value) => ({ fullName: value, default: false, label: valueLabel(value).en })),
    },
  };
}

/** The history object's link to its account: master-detail, so a snapshot is shared and deleted with it. */
export const snapshotAccountFieldXml: XmlElement = {
  fullName: snapshotObject.accountField,
  description: 'Ripe: the account this snapshot scored. Snapshots are shared and deleted with their account.',
  label: 'Account',
  referenceTo: 'Account',
  relationshipLabel: 'Expansion Snapshots',
  relationshipName: snapshotObject.relationshipName,
  relationshipOrder: 0,
  reparentableMasterDetail: false,
  type: 'MasterDetail',
  writeRequiresMasterRead: false,
};

/** `<accountId>:<date>`: the nightly run upserts its snapshot by it, so a replayed night writes it once. */
export const snapshotExternalIdFieldXml: XmlElement = {
  fullName: snapshotObject.externalIdField,
  caseSensitive: false,
  description: 'Ripe: the account and the day of this snapshot; the nightly run upserts by it.',
  externalId: true,
  label: 'External id',
  length: TEXT_LENGTH,
  required: false,
  type: 'Text',
  unique: true,
};

export const snapshotDateFieldXml: XmlElement = {
  fullName: snapshotObject.dateField,
  description: 'Ripe: the day the nightly run scored the account.',
  inlineHelpText: 'The day the nightly run scored the account',
  label: 'Snapshot date',
  required: false,
  type: 'Date',
};

/**
 * The key the nightly run upserts its Tasks and Opportunities by. Custom fields of Task live on Activity;
 * Activity fields cannot be unique, so uniqueness is the upsert's (an upsert by external id never creates
 * a second record for a key).
 */
export function idempotencyKeyFieldXml(host: 'Activity' | 'Opportunity'): XmlElement {
  return {
    fullName: idempotencyKeyField,
    caseSensitive: host === 'Opportunity' ? true : undefined,
    description:
      'Ripe: the key the nightly run writes this record by, so a retried write never duplicates it.',
    externalId: true,
    label: 'Ripe idempotency key',
    length: TEXT_LENGTH,
    required: false,
    type: 'Text',
    unique: host === 'Opportunity' ? true : undefined,
  };
}
