// Three permission sets. Users read the verdict and edit only the human-owned fields (their decision);
// the integration user the nightly run connects as writes the machine fields, the history and the keys,
// and only reads the decision; admins hold everything. Standard-object and user permissions stay with the
// org's profiles: a packaged permission set cannot carry them.
import { fieldCatalogue, machineFields } from '@ripe/shared';
import { idempotencyKeyField, snapshotObject, sourceName } from './package-names.ts';
import type { XmlElement } from './xml.ts';

export type PermissionSetName = 'Ripe_Admin' | 'Ripe_User' | 'Ripe_Integration';

type Access = 'edit' | 'read';

interface FieldGrant {
  field: string;
  access: Access;
}

interface ObjectGrant {
  create: boolean;
  edit: boolean;
  delete: boolean;
  all: boolean;
}

interface PermissionSetSpec {
  label: string;
  description: string;
  account: (humanOwned: boolean) => Access;
  snapshot: ObjectGrant & { fields: Access };
  keys: Access | null;
}

const specs: Readonly<Record<PermissionSetName, PermissionSetSpec>> = {
  Ripe_Admin: {
    label: 'Ripe Admin',
    description:
      'Administers Ripe: every Ripe field on Account, the expansion history with all records, the idempotency keys.',
    account: () => 'edit',
    snapshot: { create: true, edit: true, delete: true, all: true, fields: 'edit' },
    keys: 'edit',
  },
  Ripe_User: {
    label: 'Ripe User',
    description:
      'Account managers and CSMs: read the expansion verdict and its history; approve, adjust, reject or snooze.',
    account: (humanOwned) => (humanOwned ? 'edit' : 'read'),
    snapshot: { create: false, edit: false, delete: false, all: false, fields: 'read' },
    keys: null,
  },
  Ripe_Integration: {
    label: 'Ripe Integration',
    description:
      'The user the nightly run connects as: writes the verdict, the history, tasks and opportunities by key; reads the decision.',
    account: (humanOwned) => (humanOwned ? 'read' : 'edit'),
    snapshot: { create: true, edit: true, delete: false, all: false, fields: 'edit' },
    keys: 'edit',
  },
};

export const permissionSetNames = Object.keys(specs) as PermissionSetName[];

/** The grants of one permission set, field by field, in a stable order. */
export function fieldGrants(name: PermissionSetName): FieldGrant[] {
  const spec = specs[name];
  const snapshotFields = [
    snapshotObject.externalIdField,
    snapshotObject.dateField,
    ...machineFields.map((entry) => sourceName(entry.salesforce)),
  ];
  const grants: FieldGrant[] = [
    ...fieldCatalogue.map((entry) => ({
      field: `Account.${sourceName(entry.salesforce)}`,
      access: spec.account(entry.humanOwned),
    })),
    // The master-detail field is required on the detail: the platform refuses field permissions on it.
    ...snapshotFields.map((field) => ({
      field: `${snapshotObject.name}.${field}`,
      access: spec.snapshot.fields,
    })),
    ...(spec.keys
      ? [
          { field: `Opportunity.${idempotencyKeyField}`, access: spec.keys },
          // Task's custom fields are defined on Activity but granted on Task (Event follows).
          { field: `Task.${idempotencyKeyField}`, access: spec.keys },
        ]
      : []),
  ];
  return grants.sort((a, b) => a.field.localeCompare(b.field));
}

export function permissionSetXml(name: PermissionSetName): XmlElement {
  const spec = specs[name];
  const { snapshot } = spec;
  return {
    description: spec.description,
    fieldPermissions: fieldGrants(name).map((grant) => ({
      editable: grant.access === 'edit',
      field: grant.field,
      readable: true,
    })),
    hasActivationRequired: false,
    label: spec.label,
    objectPermissions: {
      allowCreate: snapshot.create,
      allowDelete: snapshot.delete,
      allowEdit: snapshot.edit,
      allowRead: true,
      modifyAllRecords: snapshot.all,
      object: snapshotObject.name,
      viewAllFields: false,
      viewAllRecords: snapshot.all,
    },
  };
}
