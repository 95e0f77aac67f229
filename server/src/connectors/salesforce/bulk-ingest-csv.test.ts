import { describe, expect, it } from 'vitest';
import { failedOutcome, ingestCsv, ingestOutcomes } from './bulk-ingest-csv.ts';

describe('ingestCsv', () => {
  it('writes a column per field, an unwritten field empty, a null as #N/A, no attributes', () => {
    const csv = ingestCsv([
      { attributes: { type: 'Account' }, Id: '001A', ripe__Score__c: 71, ripe__Motion__c: null },
      { attributes: { type: 'Account' }, Id: '001B', ripe__Signals__c: 'seats, "full"' },
    ]);
    expect(csv).toBe(
      [
        'Id,ripe__Score__c,ripe__Motion__c,ripe__Signals__c',
        '001A,71,#N/A,',
        '001B,,,"seats, ""full"""',
        '',
      ].join('\n'),
    );
  });
});

describe('failedOutcome', () => {
  it.each([
    [
      // Salesforce's documented failed-results example.
      'REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --',
      'REQUIRED_FIELD_MISSING',
      'Required fields are missing: [Name]',
      ['Name'],
      false,
    ],
    [
      'FIELD_CUSTOM_VALIDATION_EXCEPTION:Seats must be set:',
      'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      'Seats must be set',
      [],
      false,
    ],
    [
      'UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record:',
      'UNABLE_TO_LOCK_ROW',
      'unable to obtain exclusive access to this record',
      [],
      true,
    ],
    [
      'INVALID_FIELD_FOR_INSERT_UPDATE:Unable to create/update fields: ripe__Score__c:ripe__Score__c,ripe__Motion__c',
      'INVALID_FIELD_FOR_INSERT_UPDATE',
      'Unable to create/update fields: ripe__Score__c',
      ['ripe__Score__c', 'ripe__Motion__c'],
      false,
    ],
  ])('%s', (sfError, code, message, fields, retryable) => {
    expect(failedOutcome(sfError)).toStrictEqual({ ok: false, code, message, fields, retryable });
  });
});

describe('ingestOutcomes', () => {
  it('a failed row carries its error, a processed row succeeded, matched by the key column', () => {
    const outcomes = ingestOutcomes(['k1', 'k2', 'k3'], 'ripe__External_Id__c', {
      failed: [{ sf__Id: '', sf__Error: 'DUPLICATE_VALUE:duplicate:', ripe__External_Id__c: 'k2' }],
      successful: null,
    });
    expect(outcomes).toStrictEqual([
      { ok: true, crmId: null },
      { ok: false, code: 'DUPLICATE_VALUE', message: 'duplicate', fields: [], retryable: false },
      { ok: true, crmId: null },
    ]);
  });

  it('an update knows its id; with successful results read, a record in neither list was not processed', () => {
    expect(ingestOutcomes(['001A'], 'Id', { failed: [], successful: null })).toStrictEqual([
      { ok: true, crmId: '001A' },
    ]);
    const partial = ingestOutcomes(['001A', '001B'], 'Id', {
      failed: [],
      successful: [{ sf__Id: '001A', sf__Created: 'false', Id: '001A' }],
    });
    expect(partial[0]).toStrictEqual({ ok: true, crmId: '001A' });
    expect(partial[1]).toMatchObject({ ok: false, code: 'UNPROCESSED', retryable: true });
  });
});
