// The history object: one record per account and night, the machine fields as they were that night.
// Master-detail to Account, so a user sees the snapshots of the accounts they see, and an account's history
// goes when the account goes.
import { machineFields } from '@ripe/shared';
import {
  catalogueFieldXml,
  snapshotAccountFieldXml,
  snapshotDateFieldXml,
  snapshotExternalIdFieldXml,
} from './custom-fields.ts';
import { snapshotObject, sourceName } from './package-names.ts';
import type { XmlElement } from './xml.ts';

export const snapshotObjectXml: XmlElement = {
  deploymentStatus: 'Deployed',
  description:
    'Ripe: the expansion verdict of an account as the nightly run wrote it that day — score, probability, ' +
    'readiness, motion, potential and expected value — for trends and the score history reports.',
  enableActivities: false,
  // Bulk API, sharing and streaming go together (an "Enterprise Application" object).
  enableBulkApi: true,
  enableFeeds: false,
  enableHistory: false,
  enableReports: true,
  enableSearch: false,
  enableSharing: true,
  enableStreamingApi: true,
  externalSharingModel: 'ControlledByParent',
  label: 'Expansion Snapshot',
  nameField: {
    displayFormat: 'SNAP-{0000000}',
    label: 'Snapshot Number',
    startingNumber: 1,
    type: 'AutoNumber',
  },
  pluralLabel: 'Expansion Snapshots',
  sharingModel: 'ControlledByParent',
  visibility: 'Public',
};

/** The object's fields by source name: its own three, then the catalogue's machine fields. */
export function snapshotFieldsXml(): ReadonlyMap<string, XmlElement> {
  return new Map<string, XmlElement>([
    [snapshotObject.accountField, snapshotAccountFieldXml],
    [snapshotObject.externalIdField, snapshotExternalIdFieldXml],
    [snapshotObject.dateField, snapshotDateFieldXml],
    ...machineFields.map(
      (entry) => [sourceName(entry.salesforce), catalogueFieldXml(entry, 'Snapshot')] as const,
    ),
  ]);
}
