import { describe, expect, it } from 'vitest';
import { sandboxPriceBook } from '../../../sandbox/sandbox-price-book.ts';
import { hubspotConnectorSettingsSchema } from '../hubspot-settings.ts';
import bundle from './fixtures/company-bundle.json' with { type: 'json' };
import { mapPulledAccount, type CompanyBundle } from './snapshot.mapper.ts';

const settings = hubspotConnectorSettingsSchema.parse({ usage: { days: 3 } });
const context = { settings, asOf: '2026-06-01', priceBook: sandboxPriceBook };

describe('mapPulledAccount', () => {
  it('maps a stored company bundle whole: account, contract, usage from history, people, deals, activities, team values', () => {
    expect(mapPulledAccount(bundle as CompanyBundle, context)).toStrictEqual({
      accountId: '1000001',
      snapshot: {
        account: {
          id: '1000001',
          name: 'Orchard Health',
          segment: 'smb',
          industry: 'Energy',
          country: 'ES',
          csmId: '70001',
          createdAt: '2024-01-21',
        },
        contract: {
          tier: 'team',
          seatsLicensed: 27,
          committedVolume: 40,
          price: 10597,
          startDate: '2026-01-21',
          renewalDate: '2027-01-21',
          modules: ['analytics'],
        },
        usage: [
          { metric: 'seats_used', kind: 'seats_used', start: '2026-05-30', values: [18, 18, 19] },
          // Licensed by the analytics module: not premium; audit logs are not in the team tier: premium.
          {
            metric: 'feature:audit_log',
            kind: 'feature_adoption',
            feature: 'audit_log',
            premium: true,
            start: '2026-05-30',
            values: [null, 2, 2],
          },
          {
            metric: 'feature:dashboards',
            kind: 'feature_adoption',
            feature: 'dashboards',
            premium: false,
            start: '2026-05-30',
            values: [null, 1, 1],
          },
        ],
        contacts: [
          {
            id: '1000002',
            name: 'Ana Ruiz',
            email: 'ana@orchard.example',
            title: 'VP Operations',
            role: 'decision_maker',
            seniority: 'vp',
            createdAt: '2024-02-01',
          },
        ],
        activities: [
          {
            id: '1000005',
            type: 'email',
            occurredAt: '2026-05-28T10:00:00.000Z',
            direction: 'inbound',
            participants: [],
            subject: 'Adding seats',
            text: 'Could you send a quote for 5 additional seats?',
          },
        ],
        tickets: [],
        // Won on the day the stage history says, not the close date; the unmapped deal type is left out.
        opportunities: [
          {
            id: '1000003',
            type: 'upsell',
            amount: 3600,
            stage: 'closed_won',
            createdAt: '2025-09-01',
            closedAt: '2025-10-14',
          },
        ],
      },
      human: {
        status: 'snoozed',
        adjustedPotential: null,
        rejectionReason: null,
        snoozedUntil: '2026-07-15',
        changedBy: '9101',
        changedAt: '2026-05-31T09:12:00.000Z',
      },
      cursor: { modifiedAt: '2026-06-01T06:00:00.000Z', id: '1000001' },
      ownerId: '70001',
    });
  });

  it('keeps a value that is not a number as its text, so validation names the record and the field', () => {
    const broken = structuredClone(bundle) as CompanyBundle;
    broken.company.properties.seats_licensed = 'twenty';
    const snapshot = mapPulledAccount(broken, context).snapshot as { contract: { seatsLicensed: unknown } };
    expect(snapshot.contract.seatsLicensed).toBe('twenty');
  });
});
