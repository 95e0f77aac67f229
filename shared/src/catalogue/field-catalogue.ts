/**
 * The single source of what Ripe writes to the CRM. Salesforce metadata, HubSpot property
 * definitions, the write-back mapping and both cards derive from this list.
 */
export type FieldType =
  'picklist' | 'number' | 'percent' | 'currency' | 'date' | 'datetime' | 'text' | 'longtext' | 'contact';

export interface CatalogueField {
  /** Logical name, used by the write-back mapping and the cards. */
  name: string;
  label: string;
  type: FieldType;
  /** Values of a picklist. */
  values?: readonly string[];
  /** Human-owned fields are never overwritten by the night. */
  humanOwned: boolean;
  description: string;
  /** Salesforce API name on Account (namespace `ripe`). */
  salesforce: string;
  /** HubSpot company property name. */
  hubspot: string;
}

const field = (
  name: string,
  label: string,
  type: FieldType,
  description: string,
  options: { values?: readonly string[]; humanOwned?: boolean } = {},
): CatalogueField => {
  const pascal = name.replace(/(^|_)([a-z])/g, (_m, _s: string, c: string) => c.toUpperCase());
  return {
    name,
    label,
    type,
    description,
    values: options.values,
    humanOwned: options.humanOwned ?? false,
    salesforce: `ripe__${pascal}__c`,
    hubspot: `ripe_${name}`,
  };
};

export const fieldCatalogue: readonly CatalogueField[] = [
  field('readiness', 'Expansion readiness', 'picklist', 'ready, nurture, caution or not ready', {
    values: ['ready', 'nurture', 'caution', 'not_ready'],
  }),
  field('score', 'Expansion score', 'number', 'Composite score, 0–100'),
  field(
    'probability',
    'Expansion probability',
    'percent',
    'Calibrated probability of expansion within 90 days',
  ),
  field('confidence', 'Confidence', 'percent', 'How much evidence the verdict rests on'),
  field('motion', 'Expansion motion', 'picklist', 'Seat upsell, tier upgrade, cross-sell or usage commit', {
    values: ['seat_upsell', 'tier_upgrade', 'cross_sell', 'usage_commit'],
  }),
  field('potential', 'Expansion potential', 'currency', 'Most likely added ARR'),
  field('potential_low', 'Potential (low)', 'currency', 'Low end of the potential range'),
  field('potential_high', 'Potential (high)', 'currency', 'High end of the potential range'),
  field('expected_value', 'Expected value', 'currency', 'Potential × probability'),
  field('window_start', 'Window opens', 'date', 'First day of the expansion window'),
  field('window_end', 'Window closes', 'date', 'Last day of the expansion window'),
  field('signals', 'Signals', 'longtext', 'Converging signals with their facts and dates'),
  field('contradictions', 'Contradictions', 'longtext', 'What argues against expanding now'),
  field(
    'approach',
    'Suggested approach',
    'longtext',
    'Talk track anchored on a concrete signal, and next step',
  ),
  field('decision_maker', 'Decision-maker', 'contact', 'The contact to approach, with the reason'),
  field('status', 'Expansion status', 'picklist', 'Set by the account team', {
    values: ['new', 'approved', 'adjusted', 'rejected', 'snoozed', 'won', 'lost'],
    humanOwned: true,
  }),
  field('adjusted_potential', 'Adjusted potential', 'currency', 'Potential as adjusted by the account team', {
    humanOwned: true,
  }),
  field('rejection_reason', 'Rejection reason', 'text', 'Why the account team rejected it', {
    humanOwned: true,
  }),
  field('snoozed_until', 'Snoozed until', 'date', 'No new alert before this day', { humanOwned: true }),
  field('last_scored_at', 'Last scored at', 'datetime', 'When the night last scored this account'),
];

export const humanOwnedFields = fieldCatalogue.filter((f) => f.humanOwned).map((f) => f.name);
