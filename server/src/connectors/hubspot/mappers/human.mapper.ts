import { noHumanValues, type ExpansionStatus, type HumanOwnedValues } from '../../crm-connector.ts';
import { hubspotPropertyOf } from '../schema/ripe-properties.ts';
import { day, text, type HubSpotRecord } from './hubspot-record.ts';

const statuses: readonly ExpansionStatus[] = [
  'new',
  'approved',
  'adjusted',
  'rejected',
  'snoozed',
  'won',
  'lost',
];

const property = (name: string): string => hubspotPropertyOf.get(name) ?? `ripe_${name}`;

/** The company properties the account team owns, read when the night pulls. */
export const humanProperties = ['status', 'adjusted_potential', 'rejection_reason', 'snoozed_until'].map(
  property,
);

/**
 * What the account team set on the company. Who and when come from the status property's newest version
 * (read with history); a value outside the picklist reads as no status.
 */
export function mapHuman(company: HubSpotRecord): HumanOwnedValues {
  const status = text(company, property('status'));
  const potential = Number(text(company, property('adjusted_potential')) ?? Number.NaN);
  const latest = company.propertiesWithHistory?.[property('status')]?.[0];
  return {
    ...noHumanValues,
    status: statuses.find((candidate) => candidate === status) ?? null,
    adjustedPotential: Number.isFinite(potential) ? potential : null,
    rejectionReason: text(company, property('rejection_reason')) ?? null,
    snoozedUntil: day(company, property('snoozed_until')) ?? null,
    changedBy: latest?.updatedByUserId === undefined ? null : String(latest.updatedByUserId),
    changedAt: latest?.timestamp ?? null,
  };
}
