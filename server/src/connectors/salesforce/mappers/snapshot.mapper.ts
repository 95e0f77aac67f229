import {
  fieldCatalogue,
  type AccountSnapshotInput,
  type Contact,
  type Opportunity,
  type PriceBook,
  type Ticket,
} from '@ripe/shared';
import type { ExpansionStatus, HumanOwnedValues } from '../../crm-connector.ts';
import { day, num, text, type AccountRecords } from './account-records.ts';
import { mapActivities } from './activities.mapper.ts';
import { contactRole, titleSeniority } from './contact-role.ts';
import type { SalesforceFieldMap } from './salesforce-field-map.ts';
import { mapUsage, type UsageWindow } from './usage.mapper.ts';

/** A raw snapshot with every list present (the mapper always fills them, possibly empty). */
export type MappedSnapshot = AccountSnapshotInput &
  Required<Pick<AccountSnapshotInput, 'usage' | 'contacts' | 'activities' | 'tickets' | 'opportunities'>>;

export interface SnapshotContext {
  map: SalesforceFieldMap;
  priceBook: PriceBook | null;
  usage: UsageWindow;
}

const opportunityTypes: [RegExp, Opportunity['type']][] = [
  [/^(new business|new customer)$/i, 'new_business'],
  [/^renewal$|^existing customer - replacement$/i, 'renewal'],
  [/^(upsell|add-on business|existing customer - upgrade|expansion)$/i, 'upsell'],
  [/^cross[- ]sell$/i, 'cross_sell'],
  [/^usage commit$/i, 'usage_commit'],
  [/^(contraction|downgrade|existing customer - downgrade)$/i, 'contraction'],
];
const casePriorities: Record<string, Ticket['priority']> = {
  low: 'low',
  medium: 'normal',
  normal: 'normal',
  high: 'high',
  critical: 'urgent',
  urgent: 'urgent',
};

const segmentOf = (value: unknown) =>
  text(value)
    ?.toLowerCase()
    .replace(/[^a-z]+/g, '_');

function tierOf(value: unknown, priceBook: PriceBook | null): string | undefined {
  const raw = text(value);
  if (!raw || !priceBook) return raw;
  const wanted = raw.toLowerCase();
  return (
    priceBook.tiers.find((t) => t.id.toLowerCase() === wanted || t.name.toLowerCase() === wanted)?.id ?? raw
  );
}

function mapContacts(records: AccountRecords, lastSeen: Map<string, [string, string]>): Contact[] {
  const relations = new Map(records.relations.map((r) => [text(r.ContactId), r]));
  return records.contacts.flatMap((record): Contact[] => {
    const id = text(record.Id);
    const name =
      text(record.Name) ?? [text(record.FirstName), text(record.LastName)].filter(Boolean).join(' ');
    const createdAt = day(record.CreatedDate);
    if (!id || !name || !createdAt) return [];
    const relation = relations.get(id);
    const seen = lastSeen.get(id);
    const left =
      relation?.IsActive === false ? (day(relation.EndDate) ?? day(relation.SystemModstamp)) : undefined;
    return [
      {
        id,
        name,
        ...(text(record.Email) ? { email: text(record.Email) } : {}),
        ...(text(record.Phone) ? { phone: text(record.Phone) } : {}),
        title: text(record.Title) ?? '',
        role: contactRole(relation?.Roles),
        seniority: titleSeniority(record.Title),
        createdAt,
        ...(seen ? { firstActivityAt: seen[0], lastActivityAt: seen[1] } : {}),
        ...(left ? { leftAt: left } : {}),
      },
    ];
  });
}

function mapTickets(records: AccountRecords): Ticket[] {
  return records.cases.flatMap((record): Ticket[] => {
    const id = text(record.Id);
    const openedAt = day(record.CreatedDate);
    if (!id || !openedAt) return [];
    const closed = record.IsClosed === true;
    const closedAt = closed ? day(record.ClosedDate) : undefined;
    return [
      {
        id,
        openedAt,
        ...(closedAt ? { closedAt } : {}),
        priority: casePriorities[text(record.Priority)?.toLowerCase() ?? ''] ?? 'normal',
        status: closed ? 'closed' : text(record.Status) === 'New' ? 'open' : 'pending',
        escalated: record.IsEscalated === true,
        subject: text(record.Subject) ?? '',
      },
    ];
  });
}

/**
 * When a deal closed: the day its stage history moved it to the stage it closed in (a close date is often the
 * day someone planned, not the day it happened), else its close date.
 */
function closedOn(
  record: AccountRecords['opportunities'][number],
  history: AccountRecords['opportunityHistory'],
) {
  const moves = history
    .filter((h) => h.OpportunityId === record.Id && h.StageName === record.StageName)
    .map((h) => day(h.CreatedDate))
    .filter((d): d is string => d !== undefined)
    .sort();
  return moves[0] ?? day(record.CloseDate);
}

function mapOpportunities(records: AccountRecords): Opportunity[] {
  return records.opportunities.flatMap((record): Opportunity[] => {
    const id = text(record.Id);
    const createdAt = day(record.CreatedDate);
    const typeName = text(record.Type) ?? '';
    const type = opportunityTypes.find(([pattern]) => pattern.test(typeName.trim()))?.[1];
    if (!id || !createdAt || !type) return [];
    const stage = record.IsClosed === true ? (record.IsWon === true ? 'closed_won' : 'closed_lost') : 'open';
    const closedAt = stage === 'open' ? undefined : closedOn(record, records.opportunityHistory);
    return [
      {
        id,
        type,
        amount: Math.max(0, num(record.Amount) ?? 0),
        stage,
        createdAt,
        ...(closedAt ? { closedAt } : {}),
      },
    ];
  });
}

const humanNames = Object.fromEntries(
  fieldCatalogue.filter((f) => f.humanOwned).map((f) => [f.name, f.salesforce]),
);
const statuses = new Set<ExpansionStatus>([
  'new',
  'approved',
  'adjusted',
  'rejected',
  'snoozed',
  'won',
  'lost',
]);

/** What the account team set on the Account's human-owned package fields. */
export function mapHumanValues(account: AccountRecords['account']): HumanOwnedValues {
  const status = text(account[humanNames.status ?? '']);
  return {
    status: status && statuses.has(status as ExpansionStatus) ? (status as ExpansionStatus) : null,
    adjustedPotential: num(account[humanNames.adjusted_potential ?? '']) ?? null,
    rejectionReason: text(account[humanNames.rejection_reason ?? '']) ?? null,
    snoozedUntil: day(account[humanNames.snoozed_until ?? '']) ?? null,
    changedBy: null,
    changedAt: null,
  };
}

/**
 * The canonical snapshot of one Account and its records. Values are carried as found (an unknown segment or
 * a missing renewal date is left for the night's validation to name); only records that cannot be told apart
 * at all (no id, no date) are skipped.
 */
export function mapSnapshot(records: AccountRecords, ctx: SnapshotContext): MappedSnapshot {
  const { account } = records;
  const { map } = ctx;
  const activities = mapActivities(records);
  const lastSeen = new Map<string, [string, string]>();
  for (const a of activities) {
    const on = a.occurredAt.slice(0, 10);
    for (const p of a.participants) lastSeen.set(p, [lastSeen.get(p)?.[0] ?? on, on]);
  }
  const modules = (text(account[map.modules]) ?? '')
    .split(';')
    .map((m) => m.trim())
    .filter(Boolean);
  const tier = tierOf(account[map.tier], ctx.priceBook);
  const country = text(account.BillingCountryCode) ?? text(account.BillingCountry);
  const contract = {
    tier: tier ?? '',
    seatsLicensed: num(account[map.seatsLicensed]),
    committedVolume: num(account[map.committedVolume]) ?? 0,
    price: num(account[map.arr]),
    startDate: day(account[map.contractStart]),
    renewalDate: day(account[map.renewalDate]),
    modules,
  };
  return {
    account: {
      id: text(account.Id) ?? '',
      name: text(account.Name) ?? '',
      segment: segmentOf(account[map.segment]) as AccountSnapshotInput['account']['segment'],
      industry: text(account.Industry) ?? 'Unknown',
      ...(country && /^[A-Za-z]{2}$/.test(country) ? { country: country.toUpperCase() } : {}),
      ...(text(account.OwnerId) ? { ownerId: text(account.OwnerId) } : {}),
      ...(text(account[map.csmOwner]) ? { csmId: text(account[map.csmOwner]) } : {}),
      createdAt: day(account.CreatedDate) ?? '',
    },
    contract: contract as AccountSnapshotInput['contract'],
    usage: mapUsage(records, map.usage, ctx.usage, contract, ctx.priceBook),
    contacts: mapContacts(records, lastSeen),
    activities,
    tickets: mapTickets(records),
    opportunities: mapOpportunities(records),
  };
}
