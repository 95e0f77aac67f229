// What the portal's users do between nights (for the contract suite and demos): edit companies in the UI, a
// share of customers showing buying signals, the account team's decisions; and a look at what Ripe wrote.
import { fieldCatalogue } from '@ripe/shared';
import type { HumanOwnedValues } from '../../crm-connector.ts';
import { usageProperty } from '../hubspot-settings.ts';
import { ripeSchema } from '../provider.ts';
import { mixSeed, Rng } from '../../../sandbox/prng.ts';
import { associate, definedTypes, insertRecord, setProperties } from './portal-records.ts';
import { associatedIds, type PortalState } from './portal-state.ts';

type HumanEdit = Partial<Omit<HumanOwnedValues, 'changedBy' | 'changedAt'>>;

const catalogue = new Map<string, string>(fieldCatalogue.map((field) => [field.name, field.hubspot]));
const ui = { sourceType: 'CRM_UI' as const, updatedByUserId: 9_101 };

export function companyIds(portal: PortalState): string[] {
  return [...portal.records.companies.keys()];
}

/** A user saves the company: its last-modified instant moves. */
export function touchCompany(portal: PortalState, id: string, at: string): void {
  const record = portal.records.companies.get(id);
  if (record) setProperties(record, 'companies', {}, at, ui);
}

export function setHumanValues(portal: PortalState, id: string, edit: HumanEdit, at: string): void {
  const record = portal.records.companies.get(id);
  if (!record) return;
  const values: Record<string, string> = {};
  const names = {
    status: 'status',
    adjustedPotential: 'adjusted_potential',
    rejectionReason: 'rejection_reason',
    snoozedUntil: 'snoozed_until',
  } as const;
  for (const [key, name] of Object.entries(names)) {
    const value = edit[key as keyof HumanEdit];
    if (value !== undefined) values[catalogue.get(name) ?? name] = value === null ? '' : String(value);
  }
  setProperties(record, 'companies', values, at, ui);
}

export function humanValues(portal: PortalState, id: string): HumanOwnedValues {
  const properties = portal.records.companies.get(id)?.properties ?? {};
  const read = (name: string) => properties[catalogue.get(name) ?? name] || null;
  const potential = read('adjusted_potential');
  return {
    status: read('status') as HumanOwnedValues['status'],
    adjustedPotential: potential === null ? null : Number(potential),
    rejectionReason: read('rejection_reason'),
    snoozedUntil: read('snoozed_until'),
    changedBy: null,
    changedAt: null,
  };
}

/**
 * A share of companies show buying signals: more seats used and an inbound email, dated `occurredAt` (the
 * portal's business day), recorded by the integration at `at` (which moves the companies' last-modified).
 */
export function changeCompanies(
  portal: PortalState,
  share: number,
  seed: number,
  at: string,
  occurredAt: string,
): string[] {
  const rng = new Rng(mixSeed(seed, 0xc4a9));
  const ids = companyIds(portal);
  const count = Math.max(1, Math.round(share * ids.length));
  const pool = [...ids];
  const picked = Array.from(
    { length: Math.min(count, pool.length) },
    () => pool.splice(rng.int(0, pool.length - 1), 1)[0] ?? '',
  );
  showBuyingSignals(portal, picked, rng, at, occurredAt);
  return picked;
}

/** These companies show buying signals (see `changeCompanies`); answers the ones the portal has. */
export function showBuyingSignals(
  portal: PortalState,
  ids: readonly string[],
  rng: Rng,
  at: string,
  occurredAt: string,
): string[] {
  const changed: string[] = [];
  for (const id of ids) {
    const record = portal.records.companies.get(id);
    if (!record) continue;
    changed.push(id);
    const seats = Number(record.properties[usageProperty('seats_used')] ?? 0);
    const licensed = Number(record.properties.seats_licensed ?? seats);
    const property = usageProperty('seats_used');
    const value = String(Math.min(licensed, seats + rng.int(1, 3)));
    setProperties(record, 'companies', { [property]: value }, at);
    // The value is the business day's: its version carries that day's instant.
    const [latest] = record.history[property] ?? [];
    if (latest) latest.timestamp = occurredAt;
    const email = insertRecord(
      portal,
      'emails',
      {
        hs_timestamp: occurredAt,
        hs_email_subject: 'Adding seats',
        hs_email_text: `We have run out of licences again. Could you send a quote for ${rng.int(3, 20)} additional seats?`,
        hs_email_direction: 'INCOMING_EMAIL',
      },
      at,
    );
    associate(portal, 'emails', email.id, 'companies', id, definedTypes('emails', 'companies'));
  }
  return changed;
}

/** The catalogue fields Ripe's integration wrote on the company (what a user set is not counted). */
export function writtenFields(portal: PortalState, id: string): Record<string, string | null> {
  const record = portal.records.companies.get(id);
  if (!record) return {};
  const written: Record<string, string | null> = {};
  for (const field of fieldCatalogue) {
    const byRipe = record.history[field.hubspot]?.some((version) => version.sourceType === 'INTEGRATION');
    if (byRipe) written[field.name] = record.properties[field.hubspot] ?? null;
  }
  return written;
}

/** Records Ripe keyed (tasks, deals) with their company. */
export function keyedRecords(portal: PortalState, type: 'tasks' | 'deals') {
  const keyProperty = type === 'tasks' ? ripeSchema.taskKeyProperty : ripeSchema.dealKeyProperty;
  return [...portal.records[type].values()].flatMap((record) => {
    const key = record.properties[keyProperty];
    if (!key) return [];
    const [accountId = ''] = associatedIds(portal, type, record.id, 'companies').keys();
    return [{ key, accountId, open: record.properties.hs_task_status !== 'COMPLETED' }];
  });
}

/** History records Ripe wrote: distinct (company, night) keys. */
export function historyCount(portal: PortalState): number {
  let count = 0;
  for (const record of portal.records.companies.values())
    count += new Set((record.history[ripeSchema.historyKeyProperty] ?? []).map((version) => version.value))
      .size;
  return count;
}
