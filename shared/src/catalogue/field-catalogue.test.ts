import { describe, expect, it } from 'vitest';
import { motionSchema, readinessSchema } from '../verdict/verdict.schema.ts';
import { fieldCatalogue, humanOwnedFields, machineFields, type CatalogueField } from './field-catalogue.ts';

// Salesforce: a custom field name begins with a letter, holds letters, digits and single underscores,
// does not end with an underscore and is at most 40 characters; the API name adds the `ripe__`
// namespace prefix and the `__c` suffix. Labels are at most 40 characters, help text 510.
const SALESFORCE_API_NAME = /^ripe__([A-Za-z][A-Za-z0-9_]*)__c$/;
// HubSpot: internal property names are lowercase letters, digits and underscores, starting with a letter.
const HUBSPOT_NAME = /^[a-z][a-z0-9_]*$/;
const PICKLIST_VALUE = /^[a-z][a-z0-9_]*$/;
// Salesforce Text holds 255 characters; HubSpot text properties 65,536.
const MAX_LENGTH = { text: 255, longtext: 65_536 } as const;

/** What stops a catalogue entry from mapping to both CRMs. */
function mapsToProblems(fields: readonly CatalogueField[]): string[] {
  const problems: string[] = [];
  const seen = { name: new Set<string>(), salesforce: new Set<string>(), hubspot: new Set<string>() };
  for (const field of fields) {
    const at = field.name || '(unnamed)';
    for (const key of ['name', 'salesforce', 'hubspot'] as const) {
      if (!field[key]) problems.push(`${at}: no ${key} name`);
      else if (seen[key].has(field[key])) problems.push(`${at}: duplicate ${key} name ${field[key]}`);
      seen[key].add(field[key]);
    }
    if (!field.label.trim()) problems.push(`${at}: no label`);
    if (field.label.length > 40) problems.push(`${at}: label longer than 40 characters`);
    if (!field.description.trim()) problems.push(`${at}: no help text`);
    if (field.description.length > 510) problems.push(`${at}: help text longer than 510 characters`);

    const salesforceName = SALESFORCE_API_NAME.exec(field.salesforce)?.[1];
    if (field.salesforce && !salesforceName) problems.push(`${at}: ${field.salesforce} is not ripe__X__c`);
    if (salesforceName && (salesforceName.includes('__') || salesforceName.endsWith('_')))
      problems.push(`${at}: ${field.salesforce} has a double or trailing underscore`);
    if (salesforceName && salesforceName.length > 40)
      problems.push(`${at}: ${field.salesforce} is longer than 40 characters before __c`);
    if (field.hubspot && !HUBSPOT_NAME.test(field.hubspot))
      problems.push(`${at}: ${field.hubspot} is not a HubSpot internal name`);

    if (field.type === 'picklist') {
      const values = field.values ?? [];
      if (values.length === 0) problems.push(`${at}: picklist without values`);
      for (const value of values)
        if (!PICKLIST_VALUE.test(value)) problems.push(`${at}: picklist value ${value} is not snake_case`);
      if (new Set(values).size !== values.length) problems.push(`${at}: duplicate picklist value`);
    } else if (field.values) problems.push(`${at}: values on a ${field.type} field`);

    if (field.type === 'text' || field.type === 'longtext') {
      if (field.maxLength === undefined) problems.push(`${at}: ${field.type} without maxLength`);
      else if (field.maxLength < 1 || field.maxLength > MAX_LENGTH[field.type])
        problems.push(`${at}: maxLength ${field.maxLength} outside 1–${MAX_LENGTH[field.type]}`);
    } else if (field.maxLength !== undefined) problems.push(`${at}: maxLength on a ${field.type} field`);
  }
  return problems;
}

const good: CatalogueField = {
  name: 'score',
  label: 'Expansion score',
  type: 'number',
  humanOwned: false,
  description: 'Composite score, 0–100',
  salesforce: 'ripe__Score__c',
  hubspot: 'ripe_score',
};

describe('mapsTo', () => {
  it('finds every catalogue field a Salesforce and a HubSpot home', () => {
    expect(mapsToProblems(fieldCatalogue)).toStrictEqual([]);
  });

  it.each<[string, Partial<CatalogueField>, string[]]>([
    ['no Salesforce name', { salesforce: '' }, ['score: no salesforce name']],
    ['no HubSpot name', { hubspot: '' }, ['score: no hubspot name']],
    ['no label', { label: ' ' }, ['score: no label']],
    ['no help text', { description: '' }, ['score: no help text']],
    ['a picklist without values', { type: 'picklist' }, ['score: picklist without values']],
    ['values off a picklist', { values: ['a'] }, ['score: values on a number field']],
    [
      'a picklist value twice',
      { type: 'picklist', values: ['ready', 'ready'] },
      ['score: duplicate picklist value'],
    ],
    [
      'a picklist value in capitals',
      { type: 'picklist', values: ['Ready'] },
      ['score: picklist value Ready is not snake_case'],
    ],
    ['a text without maxLength', { type: 'text' }, ['score: text without maxLength']],
    ['a text past 255', { type: 'text', maxLength: 256 }, ['score: maxLength 256 outside 1–255']],
    [
      'a Salesforce name outside the namespace',
      { salesforce: 'Score__c' },
      ['score: Score__c is not ripe__X__c'],
    ],
    [
      'a Salesforce name with a double underscore',
      { salesforce: 'ripe__Sc__ore__c' },
      ['score: ripe__Sc__ore__c has a double or trailing underscore'],
    ],
    [
      'a Salesforce name ending in an underscore',
      { salesforce: 'ripe__Score___c' },
      ['score: ripe__Score___c has a double or trailing underscore'],
    ],
    [
      'a Salesforce name starting with a digit',
      { salesforce: 'ripe__1Score__c' },
      ['score: ripe__1Score__c is not ripe__X__c'],
    ],
    [
      'a Salesforce name of 41 characters',
      { salesforce: `ripe__${'S'.repeat(41)}__c` },
      [`score: ripe__${'S'.repeat(41)}__c is longer than 40 characters before __c`],
    ],
    [
      'a HubSpot name in capitals',
      { hubspot: 'ripe_Score' },
      ['score: ripe_Score is not a HubSpot internal name'],
    ],
    [
      'a HubSpot name starting with a digit',
      { hubspot: '1_score' },
      ['score: 1_score is not a HubSpot internal name'],
    ],
  ])('reports %s', (_case, change, problems) => {
    expect(mapsToProblems([{ ...good, ...change }])).toStrictEqual(problems);
  });

  it('accepts a Salesforce name of exactly 40 characters', () => {
    expect(mapsToProblems([{ ...good, salesforce: `ripe__${'S'.repeat(40)}__c` }])).toStrictEqual([]);
  });

  it('reports a name used twice', () => {
    expect(mapsToProblems([good, good])).toStrictEqual([
      'score: duplicate name name score',
      'score: duplicate salesforce name ripe__Score__c',
      'score: duplicate hubspot name ripe_score',
    ]);
  });
});

describe('fieldCatalogue', () => {
  const values = (name: string) => fieldCatalogue.find((field) => field.name === name)?.values;

  it('offers exactly the readiness and motion values a verdict can hold', () => {
    expect(values('readiness')).toStrictEqual(readinessSchema.options);
    expect(values('motion')).toStrictEqual(motionSchema.options);
  });

  it('splits the fields between the night and the account team', () => {
    expect(humanOwnedFields).toStrictEqual([
      'status',
      'adjusted_potential',
      'rejection_reason',
      'snoozed_until',
    ]);
    expect(machineFields.map((field) => field.name)).toStrictEqual([
      'readiness',
      'score',
      'probability',
      'probability_low',
      'probability_high',
      'confidence',
      'motion',
      'potential',
      'potential_low',
      'potential_high',
      'expected_value',
      'window_start',
      'window_end',
      'signals',
      'contradictions',
      'approach',
      'email_draft',
      'decision_maker',
      'last_scored_at',
    ]);
  });

  it('derives the CRM names from the logical name', () => {
    const potentialLow = fieldCatalogue.find((field) => field.name === 'potential_low');
    expect([potentialLow?.salesforce, potentialLow?.hubspot]).toStrictEqual([
      'ripe__PotentialLow__c',
      'ripe_potential_low',
    ]);
  });
});
