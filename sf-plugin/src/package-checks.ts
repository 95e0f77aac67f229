// The package, permission and field-mapping checks of `sf ripe setup`: what the nightly run needs of the org
// (the connector's own `requirements`), described through the sf CLI's connection, and each gap named with the
// fix — the package to install, the permission set to assign, the mapping to change.
import { Messages, type Connection } from '@salesforce/core';
import type { SetupCheck } from './ripe-context.ts';
import { defaultWriteTargets, preflightReport, requirements, salesforceFieldMap } from './ripe-server.ts';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@ripe/plugin-ripe', 'ripe.shared');

type Needs = ReturnType<typeof requirements>;
type Described = Parameters<typeof preflightReport>[1];

/** What the nights need of the org under this field mapping (Ripe's settings). */
export function needsOf(fieldMapping: Record<string, unknown>): Needs {
  return requirements(salesforceFieldMap(fieldMapping), defaultWriteTargets);
}

/** Each object's describe; null for an object the org does not have (or the user cannot see). */
export async function describeObjects(
  connection: Connection,
  objects: readonly string[],
): Promise<Described> {
  const described = new Map<
    string,
    { fields: { name: string; updateable?: boolean; createable?: boolean }[] } | null
  >();
  for (const object of objects) {
    try {
      const result = await connection.describe(object);
      described.set(object, { fields: result.fields });
    } catch (error) {
      if (isNotFound(error)) described.set(object, null);
      else throw error;
    }
  }
  return described;
}

function isNotFound(error: unknown): boolean {
  const { errorCode, name } = (error ?? {}) as { errorCode?: string; name?: string };
  return errorCode === 'NOT_FOUND' || name === 'NOT_FOUND';
}

// The package's names carry its namespace; everything else the nights read comes from the admin's mapping.
const inPackage = (name: string) => /(^|\.)ripe__/.test(name);

/** The preflight's findings as checks, one per area, each gap named with its fix. */
export function packageChecks(needs: Needs, described: Described): SetupCheck[] {
  const report = preflightReport(needs, described);
  const packaged = report.missing.filter((gap) => gap.kind !== 'permission' && inPackage(gap.name));
  const permissions = report.missing.filter((gap) => gap.kind === 'permission');
  const mapping = report.missing.filter((gap) => gap.kind !== 'permission' && !inPackage(gap.name));
  const packageObjects = Object.keys(needs).filter(inPackage).length;
  const packageFields = Object.entries(needs)
    .filter(([object]) => object === 'Account' || inPackage(object))
    .reduce((count, [, need]) => count + need.write.filter(inPackage).length, 0);
  return [
    {
      area: 'package',
      name: 'Ripe package',
      ok: packaged.length === 0,
      message:
        packaged.length === 0
          ? messages.getMessage('check.package.ok', [packageFields, packageObjects])
          : messages.getMessage('check.package.missing', [packaged.map((gap) => gap.name).join(', ')]),
      fix: packaged.length === 0 ? null : messages.getMessage('fix.package'),
    },
    {
      area: 'permissions',
      name: 'Permissions',
      ok: permissions.length === 0,
      message:
        permissions.length === 0
          ? messages.getMessage('check.permissions.ok')
          : messages.getMessage('check.permissions.missing', [permissions.map((gap) => gap.name).join(', ')]),
      fix: permissions.length === 0 ? null : messages.getMessage('fix.permissions'),
    },
    {
      area: 'field_mapping',
      name: 'Field mapping',
      ok: mapping.length === 0,
      message:
        mapping.length === 0
          ? messages.getMessage('check.mapping.ok')
          : messages.getMessage('check.mapping.missing', [mapping.map((gap) => gap.name).join(', ')]),
      fix: mapping.length === 0 ? null : messages.getMessage('fix.mapping'),
    },
  ];
}
