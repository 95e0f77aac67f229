import { crmObjectTypes, type CrmObjectType, type PropertyDefinition } from './crm-records.types.ts';
import { defaultGroups, defaultProperties, type SeedProperty } from './default-schema.data.ts';
import type { PortalState } from './portal-state.ts';

export function propertyDefinition(seed: SeedProperty, displayOrder: number, at: string): PropertyDefinition {
  return {
    name: seed.name,
    label: seed.label,
    type: seed.type,
    fieldType: seed.fieldType,
    groupName: seed.groupName,
    description: '',
    options: (seed.options ?? []).map((value, index) => ({
      label: value,
      value,
      displayOrder: index,
      hidden: false,
    })),
    displayOrder,
    calculated: false,
    externalOptions: false,
    hasUniqueValue: false,
    hidden: false,
    formField: false,
    ...(seed.hubspotDefined ? { hubspotDefined: true } : {}),
    createdAt: at,
    updatedAt: at,
    archived: false,
  };
}

export function addSeedProperty(
  portal: PortalState,
  type: CrmObjectType,
  seed: SeedProperty,
  at: string,
): void {
  if (portal.properties[type].has(seed.name)) return;
  portal.properties[type].set(seed.name, propertyDefinition(seed, portal.properties[type].size, at));
}

/** The groups and properties every portal has before Ripe installs. */
export function seedSchema(portal: PortalState, at: string): void {
  for (const type of crmObjectTypes) {
    defaultGroups[type].forEach((group, index) =>
      portal.groups[type].set(group.name, { ...group, displayOrder: index, archived: false }),
    );
    for (const seed of defaultProperties[type]) addSeedProperty(portal, type, seed, at);
  }
}
