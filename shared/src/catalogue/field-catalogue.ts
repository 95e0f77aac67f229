/**
 * The single source of what Ripe writes to the CRM. Salesforce metadata, HubSpot property
 * definitions, the write-back mapping and both cards derive from this list.
 */

/**
 * How a field is stored in the CRM. `number` is a whole number, `percent` a fraction 0..1, `currency`
 * whole units of the account's currency, `text` and `longtext` are bounded by the entry's `maxLength`.
 */
export type FieldType =
  'picklist' | 'number' | 'percent' | 'currency' | 'date' | 'datetime' | 'text' | 'longtext' | 'contact';

/**
 * One logical field and its names in both CRMs.
 *
 * @example
 * const score: CatalogueField = fieldCatalogue[1];
 * score.salesforce; // 'ripe__Score__c'
 */
export interface CatalogueField<Name extends string = string, HumanOwned extends boolean = boolean> {
  /** Logical name, used by the write-back mapping and the cards. */
  readonly name: Name;
  readonly label: string;
  readonly type: FieldType;
  /** Values of a picklist. */
  readonly values?: readonly string[];
  /** Human-owned fields are never overwritten by the night. */
  readonly humanOwned: HumanOwned;
  /** Help text shown next to the field in both CRMs. */
  readonly description: string;
  /** Longest value a `text` or `longtext` field holds, in characters; longer values are cut. */
  readonly maxLength?: number;
  /** Salesforce API name on Account (namespace `ripe`). */
  readonly salesforce: string;
  /** HubSpot company property name. */
  readonly hubspot: string;
}

// Salesforce Text holds 255 characters; 32,000 keeps a Long Text Area well inside both CRMs' limits.
const TEXT = 255;
const LONG_TEXT = 32_000;

interface FieldOptions {
  values?: readonly string[];
  maxLength?: number;
}

function field<const Name extends string, const HumanOwned extends boolean>(
  humanOwned: HumanOwned,
  name: Name,
  label: string,
  type: FieldType,
  description: string,
  options: FieldOptions,
): CatalogueField<Name, HumanOwned> {
  const pascal = name.replace(/(^|_)([a-z])/g, (_m, _s: string, c: string) => c.toUpperCase());
  return {
    name,
    label,
    type,
    description,
    ...(options.values ? { values: options.values } : {}),
    ...(options.maxLength ? { maxLength: options.maxLength } : {}),
    humanOwned,
    salesforce: `ripe__${pascal}__c`,
    hubspot: `ripe_${name}`,
  };
}

/** A field the night writes. */
const machine = <const Name extends string>(
  name: Name,
  label: string,
  type: FieldType,
  description: string,
  options: FieldOptions = {},
) => field(false, name, label, type, description, options);

/** A field the account team sets; the night reads it and never overwrites it. */
const human = <const Name extends string>(
  name: Name,
  label: string,
  type: FieldType,
  description: string,
  options: FieldOptions = {},
) => field(true, name, label, type, description, options);

/**
 * Every field Ripe adds to the CRM account (Salesforce Account, HubSpot company), in display order.
 *
 * @example
 * fieldCatalogue.find((entry) => entry.name === 'readiness')?.hubspot; // 'ripe_readiness'
 */
export const fieldCatalogue = [
  machine(
    'readiness',
    'Expansion readiness',
    'picklist',
    'Ready: a converging expansion case and nothing serious against it, approach now. Nurture: a case ' +
      'forming, not strong enough yet or too early. Caution: a real case with a serious risk (escalation, ' +
      'cooling relationship, alternative evaluated), see Contradictions before any pitch. Not ready: no ' +
      'case for expansion now.',
    { values: ['ready', 'nurture', 'caution', 'not_ready'] },
  ),
  machine('score', 'Expansion score', 'number', 'Composite score, 0–100'),
  machine(
    'probability',
    'Expansion probability',
    'percent',
    'Calibrated probability of expansion within 90 days',
  ),
  machine(
    'probability_low',
    'Probability (low)',
    'percent',
    'Low end of the probability’s likely range (80 % interval): how low it may be on this evidence',
  ),
  machine(
    'probability_high',
    'Probability (high)',
    'percent',
    'High end of the probability’s likely range (80 % interval): how high it may be on this evidence',
  ),
  machine('confidence', 'Confidence', 'percent', 'How much evidence the verdict rests on'),
  machine('motion', 'Expansion motion', 'picklist', 'Seat upsell, tier upgrade, cross-sell or usage commit', {
    values: ['seat_upsell', 'tier_upgrade', 'cross_sell', 'usage_commit'],
  }),
  machine('potential', 'Expansion potential', 'currency', 'Most likely added ARR'),
  machine('potential_low', 'Potential (low)', 'currency', 'Low end of the potential range'),
  machine('potential_high', 'Potential (high)', 'currency', 'High end of the potential range'),
  machine('expected_value', 'Expected value', 'currency', 'Potential × probability'),
  machine('window_start', 'Window opens', 'date', 'First day of the expansion window'),
  machine('window_end', 'Window closes', 'date', 'Last day of the expansion window'),
  machine('signals', 'Signals', 'longtext', 'Converging signals with their facts and dates', {
    maxLength: LONG_TEXT,
  }),
  machine('contradictions', 'Contradictions', 'longtext', 'What argues against expanding now', {
    maxLength: LONG_TEXT,
  }),
  machine(
    'approach',
    'Suggested approach',
    'longtext',
    'Talk track anchored on a concrete signal, and next step',
    {
      maxLength: LONG_TEXT,
    },
  ),
  machine(
    'email_draft',
    'Email draft',
    'longtext',
    'A first email to the decision-maker, anchored on the same signal: the subject, then the body',
    { maxLength: LONG_TEXT },
  ),
  machine('decision_maker', 'Decision-maker', 'contact', 'The contact to approach, with the reason'),
  human('status', 'Expansion status', 'picklist', 'Set by the account team', {
    values: ['new', 'approved', 'adjusted', 'rejected', 'snoozed', 'won', 'lost'],
  }),
  human('adjusted_potential', 'Adjusted potential', 'currency', 'Potential as adjusted by the account team'),
  human('rejection_reason', 'Rejection reason', 'text', 'Why the account team rejected it', {
    maxLength: TEXT,
  }),
  human('snoozed_until', 'Snoozed until', 'date', 'No new alert before this day'),
  machine('last_scored_at', 'Last scored at', 'datetime', 'When the night last scored this account'),
] as const satisfies readonly CatalogueField[];

type CatalogueEntry = (typeof fieldCatalogue)[number];
type MachineEntry = Extract<CatalogueEntry, { humanOwned: false }>;
type HumanOwnedEntry = Extract<CatalogueEntry, { humanOwned: true }>;

/**
 * The logical name of any catalogue field.
 *
 * @example const name: CatalogueFieldName = 'expected_value';
 */
export type CatalogueFieldName = CatalogueEntry['name'];

/**
 * A field the night writes (not human-owned).
 *
 * @example const name: MachineFieldName = 'score';
 */
export type MachineFieldName = MachineEntry['name'];

/**
 * A field the account team owns; the night never writes it.
 *
 * @example const name: HumanOwnedFieldName = 'status';
 */
export type HumanOwnedFieldName = HumanOwnedEntry['name'];

/**
 * The machine-owned entries, in catalogue order: what the write-back sends.
 *
 * @example machineFields.map((entry) => entry.salesforce); // ['ripe__Readiness__c', ...]
 */
export const machineFields: readonly MachineEntry[] = fieldCatalogue.filter(
  (entry): entry is MachineEntry => !entry.humanOwned,
);

/**
 * Names of the human-owned fields, in catalogue order.
 *
 * @example humanOwnedFields; // ['status', 'adjusted_potential', 'rejection_reason', 'snoozed_until']
 */
export const humanOwnedFields: readonly HumanOwnedFieldName[] = fieldCatalogue
  .filter((entry): entry is HumanOwnedEntry => entry.humanOwned)
  .map((entry) => entry.name);
