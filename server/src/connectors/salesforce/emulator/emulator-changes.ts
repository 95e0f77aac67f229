import type { HumanOwnedValues } from '../../crm-connector.ts';
import { fieldCatalogue } from '@ripe/shared';
import type { Rng } from '../../../sandbox/prng.ts';
import { salesforceDateTime, type EmulatorState, type SalesforceRecord } from './emulator-state.ts';

const buyingEmails = [
  ['Adding seats', 'We have run out of licences again. Could you send a quote for {n} additional seats?'],
  ['More licences', "Every seat is taken and people are sharing logins. Let's talk about adding {n} seats."],
  [
    'Quick question on seats',
    "Can you prepare an order form for {n} more seats? We'd like to sign this quarter.",
  ],
] as const;

/** A record changed by a person in the org (not through Ripe's integration user), stamped with the org's clock. */
function edit(state: EmulatorState, record: SalesforceRecord, values: SalesforceRecord): void {
  const stamp = salesforceDateTime(state.now());
  Object.assign(record, values, {
    LastModifiedDate: stamp,
    SystemModstamp: stamp,
    LastModifiedById: state.adminUserId,
  });
}

/**
 * What "the account changed" looks like in the org, as its users and its usage sync make it: the latest day's
 * seats used go up (never past the licence) and the customer writes in asking to buy, on `day`.
 */
export function changeAccounts(
  state: EmulatorState,
  accountIds: readonly string[],
  rng: Rng,
  day: string,
): void {
  for (const accountId of accountIds) {
    const account = state.tables.Account.get(accountId);
    if (!account) continue;
    const licensed = typeof account.Seats_Licensed__c === 'number' ? account.Seats_Licensed__c : 0;
    let latest: SalesforceRecord | undefined;
    for (const row of state.tables.Product_Usage__c.values()) {
      if (
        row.Account__c === accountId &&
        (!latest || String(row.Usage_Date__c) > String(latest.Usage_Date__c))
      )
        latest = row;
    }
    if (latest && typeof latest.Seats_Used__c === 'number') {
      edit(state, latest, { Seats_Used__c: Math.min(licensed, latest.Seats_Used__c + rng.int(1, 3)) });
    }
    const contact = [...state.tables.Contact.values()].find((c) => c.AccountId === accountId);
    const [subject, body] = rng.pick(buyingEmails);
    const id = state.newId('EmailMessage');
    const at = salesforceDateTime(Date.parse(`${day}T12:00:00Z`));
    const email: SalesforceRecord = {
      Id: id,
      IsDeleted: false,
      CreatedDate: at,
      RelatedToId: accountId,
      Subject: subject,
      TextBody: body.replace('{n}', String(rng.int(3, 20))),
      MessageDate: at,
      Incoming: true,
      FromAddress: typeof contact?.Email === 'string' ? contact.Email : null,
      ToAddress: 'csm@ripe-vendor.example',
    };
    edit(state, email, {});
    state.tables.EmailMessage.set(id, email);
  }
}

/** Someone edits the Account (any field): the next night pulls it. */
export function touchAccount(state: EmulatorState, accountId: string): void {
  const account = state.tables.Account.get(accountId);
  if (account) edit(state, account, {});
}

const humanFields = Object.fromEntries(
  fieldCatalogue.filter((f) => f.humanOwned).map((f) => [f.name, f.salesforce]),
) as Record<'status' | 'adjusted_potential' | 'rejection_reason' | 'snoozed_until', string>;

/** The account team sets the human-owned fields in the org (the card or the record page). */
export function setHumanValues(
  state: EmulatorState,
  accountId: string,
  values: Partial<Omit<HumanOwnedValues, 'changedBy' | 'changedAt'>>,
): void {
  const account = state.tables.Account.get(accountId);
  if (!account) return;
  const set: SalesforceRecord = {};
  if (values.status !== undefined) set[humanFields.status] = values.status;
  if (values.adjustedPotential !== undefined) set[humanFields.adjusted_potential] = values.adjustedPotential;
  if (values.rejectionReason !== undefined) set[humanFields.rejection_reason] = values.rejectionReason;
  if (values.snoozedUntil !== undefined) set[humanFields.snoozed_until] = values.snoozedUntil;
  edit(state, account, set);
}
