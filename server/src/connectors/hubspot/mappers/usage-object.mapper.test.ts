import { describe, expect, it } from 'vitest';
import { sandboxPriceBook } from '../../../sandbox/sandbox-price-book.ts';
import { hubspotConnectorSettingsSchema } from '../hubspot-settings.ts';
import bundle from './fixtures/company-bundle.json' with { type: 'json' };
import records from './fixtures/usage-records.json' with { type: 'json' };
import type { HubSpotRecord } from './hubspot-record.ts';
import { mapPulledAccount, type CompanyBundle } from './snapshot.mapper.ts';
import { recordDay, usageFromRecords, type UsageObjectMapping } from './usage-object.mapper.ts';

const mapping: UsageObjectMapping = {
  objectType: 'product_usage',
  dateProperty: 'usage_date',
  metrics: {
    seats: { metric: 'seats_used', kind: 'seats_used' },
    api_calls: { metric: 'api_calls', kind: 'consumption' },
    audit: { metric: 'feature:audit_log', kind: 'feature_adoption', feature: 'audit_log' },
  },
};
const context = { companyId: '1000001', objectType: '2-100001', asOf: '2026-06-01', days: 4 };

describe('usage from custom-object records', () => {
  it('builds each metric’s daily series: a record applies to its day, missing days are null, the last created wins a day', () => {
    const { series } = usageFromRecords(records as HubSpotRecord[], mapping, context);
    expect(series).toStrictEqual([
      // 05-29 twice (the later record, 11); 05-30's value is not a number; 05-31 as epoch milliseconds.
      { metric: 'seats_used', kind: 'seats_used', start: '2026-05-29', values: [11, null, 13, 12] },
      // An empty value is no value; -5 is refused; the record of 05-20 is before the window.
      { metric: 'api_calls', kind: 'consumption', start: '2026-05-29', values: [100, 120, null, null] },
      {
        metric: 'feature:audit_log',
        kind: 'feature_adoption',
        feature: 'audit_log',
        start: '2026-05-29',
        values: [1, null, 0, null],
      },
    ]);
  });

  it('names the record and the property of every value it could not read, and keeps the rest', () => {
    const { errors } = usageFromRecords(records as HubSpotRecord[], mapping, context);
    expect(
      errors.map(({ recordId, property, reason, value }) => ({ recordId, property, reason, value })),
    ).toStrictEqual([
      { recordId: '5000002', property: 'seats', reason: 'not_a_number', value: 'abc' },
      { recordId: '5000004', property: 'usage_date', reason: 'unparseable_date', value: 'yesterday' },
      { recordId: '5000005', property: 'api_calls', reason: 'negative', value: '-5' },
      { recordId: '5000008', property: 'usage_date', reason: 'missing_date', value: null },
      { recordId: '5000009', property: 'usage_date', reason: 'unparseable_date', value: '2026-02-30' },
    ]);
    expect(errors[0]).toMatchObject({
      code: 'usage_record_invalid',
      objectType: '2-100001',
      companyId: '1000001',
      message: 'Usage record 5000002 (2-100001) of company 1000001: seats is not a number: "abc"',
    });
  });

  it('reads the day of a date property in each form HubSpot answers', () => {
    expect(recordDay('2026-05-31')).toBe('2026-05-31');
    expect(recordDay('1780185600000')).toBe('2026-05-31');
    expect(recordDay('2026-05-31T00:00:00Z')).toBe('2026-05-31');
    expect(recordDay('31/05/2026')).toBeUndefined();
    expect(recordDay('2026-13-01')).toBeUndefined();
  });

  it('has no series without records, and none for a metric with no value in the window', () => {
    expect(usageFromRecords([], mapping, context)).toStrictEqual({ series: [], errors: [] });
  });

  it('replaces the property-history series of a metric the records hold, in the mapped account', () => {
    const settings = hubspotConnectorSettingsSchema.parse({ usage: { days: 4, customObject: mapping } });
    const account = mapPulledAccount(
      {
        ...(bundle as CompanyBundle),
        usageRecords: { objectType: '2-100001', records: records as HubSpotRecord[] },
      },
      { settings, asOf: '2026-06-01', priceBook: sandboxPriceBook },
    );
    const usage = (account.snapshot as { usage: { metric: string; values: unknown[]; premium?: boolean }[] })
      .usage;
    const seats = usage.filter((series) => series.metric === 'seats_used');
    expect(seats).toStrictEqual([
      { metric: 'seats_used', kind: 'seats_used', start: '2026-05-29', values: [11, null, 13, 12] },
    ]);
    // Audit logs are premium for the fixture's team contract, as for a property-history series.
    expect(usage.find((series) => series.metric === 'feature:audit_log')?.premium).toBe(true);
    // Each unreadable value is the account's issue, by record and property.
    expect(account.issues).toHaveLength(5);
    expect(account.issues?.every((issue) => issue.record === 'usage record (2-100001)')).toBe(true);
  });
});
