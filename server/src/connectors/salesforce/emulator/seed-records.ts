import type { AccountSnapshot, Activity, Contact, Opportunity, Ticket, UsageKind } from '@ripe/shared';
import { addDays, dayNumber } from '@ripe/shared';
import { createSandbox } from '../../../sandbox/sandbox.ts';
import { salesforceDateTime, type EmulatorState, type SalesforceRecord } from './emulator-state.ts';
import { usageColumns } from './sobject-schema.ts';

export interface SeedOptions {
  accounts: number;
  /** Days of daily usage records kept per account, up to the day shown (default 450). */
  usageDays?: number;
  seed: number;
  /** The sandbox's last day, YYYY-MM-DD. */
  endDate: string;
  /** The day the org shows (default endDate): nothing later is visible. */
  asOf?: string;
}

const midnight = (day: string) => salesforceDateTime(Date.parse(`${day}T00:00:00Z`));
const instant = (iso: string) => salesforceDateTime(Date.parse(iso));
/** When the seed was written: the end of the day the org shows. Nothing seeded is stamped later. */
export const seededAt = (asOf: string) => salesforceDateTime(Date.parse(`${asOf}T23:59:59Z`));

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
// Contact roles as the standard AccountContactRelation.Roles picklist names them; `Champion` is the value
// orgs add for it (the connector's mapping reads both).
const contactRoles: Record<Contact['role'], string | null> = {
  champion: 'Champion',
  sponsor: 'Executive Sponsor',
  decision_maker: 'Decision Maker',
  budget_owner: 'Economic Buyer',
  influencer: 'Influencer',
  user: 'Business User',
  technical_buyer: 'Technical Buyer',
  evaluator: 'Evaluator',
  // not in the standard picklist: an org adds them, the sandbox never generates them
  admin: null,
  procurement: null,
  legal: null,
  blocker: null,
  unknown: null,
};
const casePriorities: Record<Ticket['priority'], string> = {
  low: 'Low',
  normal: 'Medium',
  high: 'High',
  urgent: 'Critical',
};
const caseStatuses: Record<Ticket['status'], string> = { open: 'New', pending: 'Working', closed: 'Closed' };

function audit(state: EmulatorState, id: string, created: string, modified: string): SalesforceRecord {
  return {
    Id: id,
    IsDeleted: false,
    CreatedDate: created,
    LastModifiedDate: modified,
    SystemModstamp: modified,
    LastModifiedById: state.adminUserId,
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
      ...audit(state, accountId, midnight(account.createdAt), seededAt(asOf)),
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
      Modules__c: contract.modules.length > 0 ? contract.modules.join(';') : null,
      CSM__c: account.csmId === undefined ? null : userId(account.csmId),
    });
    const contactIds = new Map<string, string>();
    for (const contact of snapshot.contacts) {
      const id = state.newId('Contact');
      contactIds.set(contact.id, id);
      const [first, ...rest] = contact.name.split(' ');
      const created = midnight(contact.createdAt);
      state.tables.Contact.set(id, {
        ...audit(state, id, created, contact.leftAt ? midnight(contact.leftAt) : created),
        AccountId: accountId,
        FirstName: rest.length > 0 ? (first ?? null) : null,
        LastName: rest.length > 0 ? rest.join(' ') : contact.name,
        Name: contact.name,
        Title: contact.title,
        Email: contact.email ?? null,
        Phone: contact.phone ?? null,
      });
    }
    for (const contact of snapshot.contacts) {
      const id = state.newId('AccountContactRelation');
      const created = midnight(contact.createdAt);
      state.tables.AccountContactRelation.set(id, {
        ...audit(state, id, created, contact.leftAt ? midnight(contact.leftAt) : created),
        AccountId: accountId,
        ContactId: contactIds.get(contact.id) ?? null,
        Roles: contactRoles[contact.role],
        IsActive: contact.leftAt === undefined,
        IsDirect: true,
        StartDate: contact.createdAt,
        EndDate: contact.leftAt ?? null,
      });
    }
    const emails = new Map(snapshot.contacts.map((contact) => [contact.id, contact.email ?? null]));
    for (const activity of snapshot.activities) seedActivity(state, activity, accountId, contactIds, emails);
    for (const ticket of snapshot.tickets) {
      const id = state.newId('Case');
      const closed = ticket.closedAt ? midnight(ticket.closedAt) : null;
      state.tables.Case.set(id, {
        ...audit(state, id, midnight(ticket.openedAt), closed ?? midnight(ticket.openedAt)),
        AccountId: accountId,
        Subject: ticket.subject,
        Priority: casePriorities[ticket.priority],
        Status: caseStatuses[ticket.status],
        IsEscalated: ticket.escalated,
        IsClosed: ticket.status === 'closed',
        ClosedDate: ticket.status === 'closed' ? closed : null,
      });
    }
    seedUsage(state, snapshot, accountId, asOf, options.usageDays ?? 450);
    for (const opportunity of snapshot.opportunities) {
      const id = state.newId('Opportunity');
      const closeDay = opportunity.closedAt ?? contract.renewalDate;
      state.tables.Opportunity.set(id, {
        ...audit(
          state,
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
      // The stage history Salesforce keeps: opened in the first stage, then moved to its closing stage.
      const moves: [string, string][] = [[opportunity.createdAt, stages.open]];
      if (opportunity.closedAt) moves.push([opportunity.closedAt, stages[opportunity.stage]]);
      for (const [day, stage] of moves) {
        const historyId = state.newId('OpportunityHistory');
        state.tables.OpportunityHistory.set(historyId, {
          ...audit(state, historyId, midnight(day), midnight(day)),
          OpportunityId: id,
          StageName: stage,
          Amount: opportunity.amount,
          CloseDate: closeDay,
        });
      }
    }
  }
}

const ourAddress = 'csm@ripe-vendor.example';

/** Emails as EmailMessage, calls as call Tasks, meetings as Events, internal notes as Notes. */
function seedActivity(
  state: EmulatorState,
  activity: Activity,
  accountId: string,
  contactIds: ReadonlyMap<string, string>,
  emails: ReadonlyMap<string, string | null>,
): void {
  const at = instant(activity.occurredAt);
  const [participant] = activity.participants;
  const who = participant === undefined ? null : (contactIds.get(participant) ?? null);
  switch (activity.type) {
    case 'email': {
      const id = state.newId('EmailMessage');
      const theirs = participant === undefined ? null : (emails.get(participant) ?? null);
      const incoming = activity.direction === 'inbound';
      state.tables.EmailMessage.set(id, {
        ...audit(state, id, at, at),
        RelatedToId: accountId,
        Subject: activity.subject ?? null,
        TextBody: activity.text,
        MessageDate: at,
        Incoming: incoming,
        FromAddress: incoming ? theirs : ourAddress,
        ToAddress: incoming ? ourAddress : theirs,
      });
      return;
    }
    case 'note': {
      const id = state.newId('Note');
      state.tables.Note.set(id, {
        ...audit(state, id, at, at),
        ParentId: accountId,
        Title: activity.subject ?? 'Note',
        Body: activity.text,
      });
      return;
    }
    case 'meeting': {
      const id = state.newId('Event');
      const end = salesforceDateTime(Date.parse(activity.occurredAt) + 30 * 60_000);
      state.tables.Event.set(id, {
        ...audit(state, id, at, at),
        WhatId: accountId,
        WhoId: who,
        Subject: activity.subject ?? null,
        Description: activity.text,
        StartDateTime: at,
        EndDateTime: end,
        DurationInMinutes: 30,
      });
      return;
    }
    case 'call': {
      const id = state.newId('Task');
      state.tables.Task.set(id, {
        ...audit(state, id, at, at),
        WhatId: accountId,
        WhoId: who,
        Subject: activity.subject ?? null,
        Description: activity.text,
        OwnerId: null,
        ActivityDate: activity.occurredAt.slice(0, 10),
        Status: 'Completed',
        Priority: 'Normal',
        TaskSubtype: 'Call',
        CallType: activity.direction === 'inbound' ? 'Inbound' : 'Outbound',
        ripe__Idempotency_Key__c: null,
      });
    }
  }
}

/** One Product_Usage__c record per account and day with data, the usage columns filled from the series. */
function seedUsage(
  state: EmulatorState,
  snapshot: AccountSnapshot,
  accountId: string,
  asOf: string,
  days: number,
): void {
  const first = addDays(asOf, -(days - 1));
  const byMetric = new Map(snapshot.usage.map((series) => [series.metric, series]));
  for (let day = first; day <= asOf; day = addDays(day, 1)) {
    const values: SalesforceRecord = {};
    let any = false;
    for (const column of usageColumns) {
      const series = byMetric.get(column.metric);
      const value = series?.values[dayNumber(day) - dayNumber(series.start)] ?? null;
      values[column.field] = value;
      if (value !== null) any = true;
    }
    if (!any) continue;
    const id = state.newId('Product_Usage__c');
    // A day's usage lands the next midnight; the last day's with the rest of the seed.
    const stamp = day === asOf ? seededAt(asOf) : midnight(addDays(day, 1));
    state.tables.Product_Usage__c.set(id, {
      ...audit(state, id, stamp, stamp),
      Account__c: accountId,
      Usage_Date__c: day,
      ...values,
    });
  }
}
