import type { AccountSnapshot, Activity, Opportunity, UsageKind } from '@ripe/shared';
import { createSandbox } from '../../../sandbox/sandbox.ts';
import { salesforceDateTime, type EmulatorState, type SalesforceRecord } from './emulator-state.ts';

export interface SeedOptions {
  accounts: number;
  seed: number;
  /** The sandbox's last day, YYYY-MM-DD. */
  endDate: string;
  /** The day the org shows (default endDate): nothing later is visible. */
  asOf?: string;
}

const midnight = (day: string) => salesforceDateTime(Date.parse(`${day}T00:00:00Z`));
const instant = (iso: string) => salesforceDateTime(Date.parse(iso));

function latest(snapshot: AccountSnapshot, kind: UsageKind): number | null {
  const series = snapshot.usage.find((entry) => entry.kind === kind);
  const values = series?.values ?? [];
  for (let i = values.length - 1; i >= 0; i -= 1) {
    const value = values[i];
    if (value !== null && value !== undefined) return value;
  }
  return null;
}

// The sandbox's own opportunity vocabulary: the org's field mapping says how its picklists read.
const opportunityTypes: Record<Opportunity['type'], string> = {
  new_business: 'New Business',
  renewal: 'Renewal',
  upsell: 'Upsell',
  cross_sell: 'Cross-sell',
  usage_commit: 'Usage Commit',
  contraction: 'Contraction',
};
const stages: Record<Opportunity['stage'], string> = {
  open: 'Prospecting',
  closed_won: 'Closed Won',
  closed_lost: 'Closed Lost',
};
const taskSubtypes: Record<Exclude<Activity['type'], 'meeting'>, string> = {
  email: 'Email',
  call: 'Call',
  note: 'Task',
};

function audit(id: string, created: string, modified: string): SalesforceRecord {
  return {
    Id: id,
    IsDeleted: false,
    CreatedDate: created,
    LastModifiedDate: modified,
    SystemModstamp: modified,
  };
}

/** Renders the sandbox portfolio as the org's Account, Contact, Task, Event and Opportunity records. */
export function seedRecords(state: EmulatorState, options: SeedOptions): void {
  const sandbox = createSandbox({ accounts: options.accounts, seed: options.seed, endDate: options.endDate });
  const asOf = options.asOf ?? options.endDate;
  const users = new Map<string, string>();
  const userId = (key: string) => users.get(key) ?? users.set(key, state.newId('User')).get(key) ?? '';
  for (let index = 0; index < options.accounts; index += 1) {
    const snapshot = sandbox.snapshotAt(index, asOf);
    const { account, contract } = snapshot;
    const accountId = state.newId('Account');
    state.tables.Account.set(accountId, {
      ...audit(accountId, midnight(account.createdAt), midnight(asOf)),
      Name: account.name,
      Industry: account.industry,
      BillingCountry: account.country ?? null,
      OwnerId: account.ownerId === undefined ? null : userId(account.ownerId),
      Tier__c: contract.tier,
      Seats_Licensed__c: contract.seatsLicensed,
      Seats_Used__c: latest(snapshot, 'seats_used'),
      Active_Users__c: latest(snapshot, 'active_users'),
      Consumption__c: latest(snapshot, 'consumption'),
      Committed_Volume__c: contract.committedVolume,
      ARR__c: contract.price,
      Contract_Start__c: contract.startDate,
      Renewal_Date__c: contract.renewalDate,
      Segment__c: account.segment,
    });
    const contactIds = new Map<string, string>();
    for (const contact of snapshot.contacts) {
      const id = state.newId('Contact');
      contactIds.set(contact.id, id);
      const [first, ...rest] = contact.name.split(' ');
      const created = midnight(contact.createdAt);
      state.tables.Contact.set(id, {
        ...audit(id, created, contact.leftAt ? midnight(contact.leftAt) : created),
        AccountId: accountId,
        FirstName: rest.length > 0 ? (first ?? null) : null,
        LastName: rest.length > 0 ? rest.join(' ') : contact.name,
        Name: contact.name,
        Title: contact.title,
        Email: contact.email ?? null,
        Phone: contact.phone ?? null,
      });
    }
    for (const activity of snapshot.activities) {
      const at = instant(activity.occurredAt);
      const who = activity.participants.map((p) => contactIds.get(p)).find((id) => id !== undefined) ?? null;
      const common = {
        WhatId: accountId,
        WhoId: who,
        Subject: activity.subject ?? null,
        Description: activity.text,
      };
      if (activity.type === 'meeting') {
        const id = state.newId('Event');
        const end = salesforceDateTime(Date.parse(activity.occurredAt) + 30 * 60_000);
        state.tables.Event.set(id, {
          ...audit(id, at, at),
          ...common,
          StartDateTime: at,
          EndDateTime: end,
          DurationInMinutes: 30,
        });
      } else {
        const id = state.newId('Task');
        state.tables.Task.set(id, {
          ...audit(id, at, at),
          ...common,
          OwnerId: null,
          ActivityDate: activity.occurredAt.slice(0, 10),
          Status: 'Completed',
          Priority: 'Normal',
          TaskSubtype: taskSubtypes[activity.type],
          ripe__Idempotency_Key__c: null,
        });
      }
    }
    for (const opportunity of snapshot.opportunities) {
      const id = state.newId('Opportunity');
      const closeDay = opportunity.closedAt ?? contract.renewalDate;
      state.tables.Opportunity.set(id, {
        ...audit(
          id,
          midnight(opportunity.createdAt),
          midnight(opportunity.closedAt ?? opportunity.createdAt),
        ),
        AccountId: accountId,
        Name: `${account.name} — ${opportunityTypes[opportunity.type]}`,
        Type: opportunityTypes[opportunity.type],
        Amount: opportunity.amount,
        StageName: stages[opportunity.stage],
        CloseDate: closeDay,
        IsClosed: opportunity.stage !== 'open',
        IsWon: opportunity.stage === 'closed_won',
      });
    }
  }
}
