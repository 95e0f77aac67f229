import type { AccountSnapshot, Activity, Opportunity } from '@ripe/shared';
import { usageProperty } from '../hubspot-settings.ts';
import type { Sandbox } from '../../../sandbox/sandbox.ts';
import type { CrmObjectType, Owner } from './crm-records.types.ts';
import { usageGroupName } from './default-schema.data.ts';
import { associate, definedTypes, insertRecord } from './portal-records.ts';
import { dailyVersions, seedHistory, stageVersions } from './seed-history.ts';
import { addSeedProperty } from './portal-schema.ts';
import type { PortalState } from './portal-state.ts';
import { seedUsageRecords, seedUsageSchema, type SeededUsage } from './usage-object.seed.ts';

const midnight = (day: string): string => `${day}T00:00:00.000Z`;

/** The product-usage integration's company property for a usage metric, as the connector maps it. */
export const usagePropertyName = usageProperty;

function ownerIdOf(
  portal: PortalState,
  userKey: string | undefined,
  name: string | undefined,
  at: string,
): string | null {
  if (!userKey || !name) return null;
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@vendor.example`;
  const known = portal.owners.find((owner) => owner.email === email);
  if (known) return known.id;
  const [firstName = name, ...rest] = name.split(' ');
  const owner: Owner = {
    id: String(70_000 + portal.owners.length + 1),
    email,
    firstName,
    lastName: rest.join(' '),
    userId: 9_000 + portal.owners.length + 1,
    createdAt: at,
    updatedAt: at,
    archived: false,
  };
  portal.owners.push(owner);
  return owner.id;
}

function usageProperties(
  portal: PortalState,
  snapshot: AccountSnapshot,
  at: string,
  usage: SeededUsage,
): Record<string, string | null> {
  const { contract } = snapshot;
  const values: Record<string, string | null> = {
    contract_tier: contract.tier,
    seats_licensed: String(contract.seatsLicensed),
    contract_renewal_date: contract.renewalDate,
    contract_start_date: contract.startDate,
    contract_arr: String(contract.price),
    contract_committed_volume: String(contract.committedVolume),
    contract_modules: contract.modules.join(';'),
    customer_segment: snapshot.account.segment,
  };
  for (const series of usage === 'properties' ? snapshot.usage : []) {
    const last = series.values.at(-1);
    values[usagePropertyName(series.metric)] = last === undefined || last === null ? null : String(last);
  }
  const texts = new Set(['contract_tier', 'contract_modules', 'customer_segment']);
  for (const name of Object.keys(values)) {
    const isNumber = !texts.has(name) && !name.endsWith('_date');
    addSeedProperty(
      portal,
      'companies',
      {
        name,
        label: name,
        type: isNumber ? 'number' : name.endsWith('_date') ? 'date' : 'string',
        fieldType: isNumber ? 'number' : name.endsWith('_date') ? 'date' : 'text',
        groupName: usageGroupName,
      },
      at,
    );
  }
  return values;
}

/** The `dealtype` value of each sandbox opportunity type: HubSpot's two defaults and options the portal added. */
export const seededDealTypes: Record<Opportunity['type'], string> = {
  new_business: 'newbusiness',
  upsell: 'existingbusiness',
  renewal: 'renewal',
  cross_sell: 'cross_sell',
  usage_commit: 'usage_commit',
  contraction: 'contraction',
};

/** HubSpot's buying roles (`hs_buying_role`) for the sandbox's contact roles. */
const buyingRoles: Record<string, string | null> = {
  champion: 'CHAMPION',
  sponsor: 'EXECUTIVE_SPONSOR',
  decision_maker: 'DECISION_MAKER',
  budget_owner: 'BUDGET_HOLDER',
  user: 'END_USER',
  influencer: 'INFLUENCER',
  unknown: null,
};

function dealProperties(opportunity: Opportunity, accountName: string): Record<string, string | null> {
  const stage = { open: 'qualifiedtobuy', closed_won: 'closedwon', closed_lost: 'closedlost' }[
    opportunity.stage
  ];
  return {
    dealname: `${accountName} — ${opportunity.type.replace('_', ' ')}`,
    amount: String(opportunity.amount),
    pipeline: 'default',
    dealstage: stage,
    closedate: opportunity.closedAt ? midnight(opportunity.closedAt) : null,
    dealtype: seededDealTypes[opportunity.type],
  };
}

function engagementOf(activity: Activity): {
  type: CrmObjectType;
  properties: Record<string, string | null>;
} {
  const hs_timestamp = new Date(activity.occurredAt).toISOString();
  switch (activity.type) {
    case 'email':
      return {
        type: 'emails',
        properties: {
          hs_timestamp,
          hs_email_subject: activity.subject ?? '',
          hs_email_text: activity.text,
          hs_email_direction: activity.direction === 'inbound' ? 'INCOMING_EMAIL' : 'EMAIL',
        },
      };
    case 'note':
      return { type: 'notes', properties: { hs_timestamp, hs_note_body: activity.text } };
    case 'meeting':
      return {
        type: 'meetings',
        properties: {
          hs_timestamp,
          hs_meeting_title: activity.subject ?? '',
          hs_meeting_body: activity.text,
        },
      };
    case 'call':
      return {
        type: 'calls',
        properties: {
          hs_timestamp,
          hs_call_title: activity.subject ?? '',
          hs_call_body: activity.text,
          hs_call_direction: activity.direction === 'inbound' ? 'INBOUND' : 'OUTBOUND',
        },
      };
  }
}

/** Renders account i of the sandbox on `asOf` as HubSpot records: a company, its contacts, deals, engagements. */
export function seedAccount(
  portal: PortalState,
  snapshot: AccountSnapshot,
  at: string,
  usageHistoryDays = defaultUsageHistoryDays,
  usage: SeededUsage = 'properties',
): string {
  const { account } = snapshot;
  const ownerId = ownerIdOf(
    portal,
    account.csmId ?? account.ownerId,
    account.csmName ?? account.ownerName,
    at,
  );
  const company = insertRecord(
    portal,
    'companies',
    {
      name: account.name,
      domain: `${account.name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`,
      industry: account.industry,
      country: account.country ?? null,
      annualrevenue: String(snapshot.contract.price),
      lifecyclestage: 'customer',
      hubspot_owner_id: ownerId,
      ...usageProperties(portal, snapshot, at, usage),
    },
    at,
    midnight(account.createdAt),
  );
  const asOf = at.slice(0, 10);
  if (usage === 'custom_object') {
    const objectTypeId = seedUsageSchema(portal, at);
    seedUsageRecords(portal, objectTypeId, company.id, snapshot.usage, asOf, usageHistoryDays);
  } else {
    for (const series of snapshot.usage) {
      seedHistory(company, usagePropertyName(series.metric), dailyVersions(series, asOf, usageHistoryDays));
    }
  }
  snapshot.contacts.forEach((contact, index) => {
    const [firstname = contact.name, ...last] = contact.name.split(' ');
    const record = insertRecord(
      portal,
      'contacts',
      {
        firstname,
        lastname: last.join(' '),
        email: contact.email ?? null,
        phone: contact.phone ?? null,
        jobtitle: contact.title,
        hs_buying_role: buyingRoles[contact.role] ?? null,
      },
      at,
      midnight(contact.createdAt),
    );
    associate(
      portal,
      'contacts',
      record.id,
      'companies',
      company.id,
      definedTypes('contacts', 'companies', index === 0),
    );
  });
  for (const opportunity of snapshot.opportunities) {
    const deal = insertRecord(
      portal,
      'deals',
      dealProperties(opportunity, account.name),
      at,
      midnight(opportunity.createdAt),
    );
    seedHistory(deal, 'dealstage', stageVersions(opportunity));
    associate(portal, 'deals', deal.id, 'companies', company.id, definedTypes('deals', 'companies', true));
  }
  for (const activity of snapshot.activities) {
    const { type, properties } = engagementOf(activity);
    const record = insertRecord(portal, type, properties, at, new Date(activity.occurredAt).toISOString());
    associate(portal, type, record.id, 'companies', company.id, definedTypes(type, 'companies'));
  }
  return company.id;
}

/** Days of usage history a seeded company carries: enough for the engine's 90-day windows and trends. */
export const defaultUsageHistoryDays = 120;

export function seedFromSandbox(
  portal: PortalState,
  sandbox: Sandbox,
  accounts: number,
  asOf: string,
  usageHistoryDays = defaultUsageHistoryDays,
  usage: SeededUsage = 'properties',
): void {
  const at = `${asOf}T06:00:00.000Z`;
  const dealtype = portal.properties.deals.get('dealtype');
  for (const value of Object.values(seededDealTypes)) {
    if (dealtype && !dealtype.options.some((option) => option.value === value))
      dealtype.options.push({ label: value, value, displayOrder: dealtype.options.length, hidden: false });
  }
  for (let index = 0; index < accounts; index += 1)
    seedAccount(portal, sandbox.snapshotAt(index, asOf), at, usageHistoryDays, usage);
}
