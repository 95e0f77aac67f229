// Names inside the package. The connector writes the installed names (`ripe__Score__c`); source format
// in a namespaced package names everything without the prefix (`Score__c`), and packaging adds it. The
// package's own objects and fields come from what the connector writes, so the two cannot part.
import { defaultWriteTargets } from '../connectors/salesforce/salesforce-writes.ts';

/** The package namespace (`sfdx-project.json`); a test holds the two together. */
export const PACKAGE_NAMESPACE = 'ripe';

const PREFIX = `${PACKAGE_NAMESPACE}__`;

/** The source-format name of an installed package name: `ripe__Score__c` → `Score__c`. */
export function sourceName(installedName: string): string {
  if (!installedName.startsWith(PREFIX))
    throw new Error(`${installedName} is not in the ${PACKAGE_NAMESPACE} namespace`);
  return installedName.slice(PREFIX.length);
}

/** The installed name of a source-format name: `Score__c` → `ripe__Score__c`. */
export function installedName(sourceFormatName: string): string {
  return `${PREFIX}${sourceFormatName}`;
}

/** The history object and its own fields, as the connector upserts them. */
export const snapshotObject = {
  name: sourceName(defaultWriteTargets.historyObject),
  accountField: sourceName(defaultWriteTargets.historyAccountField),
  externalIdField: sourceName(defaultWriteTargets.historyExternalId),
  dateField: sourceName(defaultWriteTargets.historyDateField),
  /** Child relationship from Account: `Account.Expansion_Snapshots__r` in reports and SOQL. */
  relationshipName: 'Expansion_Snapshots',
} as const;

/** The idempotency-key field the connector upserts Tasks and Opportunities by. */
export const idempotencyKeyField = sourceName(defaultWriteTargets.keyField);

/** Where a field of the package lives in source format. */
export function fieldPath(objectName: string, fieldName: string): string {
  return `objects/${objectName}/fields/${fieldName}.field-meta.xml`;
}
