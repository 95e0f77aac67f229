// What Ripe left in the portal, as a person looking at it would count it: Ripe's properties, the companies
// carrying Ripe's values, and Ripe's tasks — each associated with its company and owned by that company's CSM.
import { ripeSchema } from '../provider.ts';
import { ripeProperties } from '../schema/ripe-properties.ts';
import { associatedIds, type PortalState } from './portal-state.ts';

/** Ripe's properties present in the portal (company fields, task and deal keys). */
export function ripePropertiesIn(portal: PortalState): number {
  return ripeProperties().filter((definition) =>
    portal.properties[definition.objectType].has(definition.name),
  ).length;
}

export interface PortalReport {
  ripeProperties: number;
  companiesWithVerdict: number;
  tasks: number;
  tasksOpen: number;
  /** Tasks associated with exactly one company. */
  tasksAssociated: number;
  /** Tasks owned by their company's owner (`csmOwnerProperty`, default `hubspot_owner_id`). */
  tasksOwned: number;
}

export function portalReport(portal: PortalState, csmOwnerProperty = 'hubspot_owner_id'): PortalReport {
  const report: PortalReport = {
    ripeProperties: ripePropertiesIn(portal),
    companiesWithVerdict: 0,
    tasks: 0,
    tasksOpen: 0,
    tasksAssociated: 0,
    tasksOwned: 0,
  };
  for (const company of portal.records.companies.values())
    if (company.properties[ripeSchema.historyKeyProperty]) report.companiesWithVerdict += 1;
  for (const task of portal.records.tasks.values()) {
    if (!task.properties[ripeSchema.taskKeyProperty]) continue;
    report.tasks += 1;
    if (task.properties.hs_task_status !== 'COMPLETED') report.tasksOpen += 1;
    const companies = [...associatedIds(portal, 'tasks', task.id, 'companies').keys()];
    if (companies.length !== 1) continue;
    report.tasksAssociated += 1;
    const owner = portal.records.companies.get(companies[0] ?? '')?.properties[csmOwnerProperty];
    if (owner && task.properties.hubspot_owner_id === owner) report.tasksOwned += 1;
  }
  return report;
}

/** The write calls among the portal's requests (`emulator.requests()`), by route: searches and reads are POSTs too. */
export function writeCalls(requests: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(requests).filter(
      ([request]) =>
        /^(POST|PATCH|PUT|DELETE) \/crm\//.test(request) && !/\/(search|batch\/read)$/.test(request),
    ),
  );
}
