import type { AccountSnapshot } from './account-snapshot.schema.ts';
import type { PriceBook } from './price-book.schema.ts';
import { isUnpricedCurrency, priceBookIn } from './price-book-currency.ts';
import type { FieldIssue } from '../errors.ts';

export interface ImportContext {
  /** The day the file describes: the licence history holds what was in force up to it. */
  asOf: string;
  priceBook: PriceBook;
}

/**
 * What one account says that its price book or its day contradicts: a tier or module the price book does
 * not sell, a currency it cannot price, a renewal before the start, a licence history out of step with
 * the contract. Empty when the account can be scored as it is.
 */
export function checkAccountAgainstBook(snapshot: AccountSnapshot, context: ImportContext): FieldIssue[] {
  const { priceBook, asOf } = context;
  const issues: FieldIssue[] = [];
  const issue = (field: string, message: string) =>
    issues.push({ record: 'account', recordId: snapshot.account.id, field, message });
  const tiers = new Set(priceBook.tiers.map((tier) => tier.id));
  const tierList = [...tiers].join(', ');
  const { contract, account } = snapshot;
  if (!tiers.has(contract.tier))
    issue('contract.tier', `tier "${contract.tier}" is not in the price book (tiers: ${tierList})`);
  const modules = new Set(priceBook.modules.map((module) => module.id));
  contract.modules.forEach((module, position) => {
    if (!modules.has(module))
      issue(
        `contract.modules.${position}`,
        `module "${module}" is not in the price book (modules: ${[...modules].join(', ') || 'none'})`,
      );
  });
  if (contract.renewalDate < contract.startDate)
    issue(
      'contract.renewalDate',
      `renewal ${contract.renewalDate} is before the start ${contract.startDate}`,
    );
  if (account.currency !== undefined) {
    const book = priceBookIn(priceBook, account.currency);
    if (isUnpricedCurrency(book))
      issue(
        'account.currency',
        `the price book (in ${priceBook.currency}) has no ${account.currency} price for ${book.item} and no exchangeRates.${account.currency}`,
      );
  }
  let inForce = -1;
  (contract.licenceHistory ?? []).forEach((amendment, position) => {
    if (!tiers.has(amendment.tier))
      issue(
        `contract.licenceHistory.${position}.tier`,
        `tier "${amendment.tier}" is not in the price book (tiers: ${tierList})`,
      );
    if (amendment.effectiveDate > asOf)
      issue(
        `contract.licenceHistory.${position}.effectiveDate`,
        `amendment effective ${amendment.effectiveDate}, after the file's day ${asOf}: the history holds what was in force up to it`,
      );
    else inForce = position;
  });
  const latest = contract.licenceHistory?.[inForce];
  if (latest && (latest.seatsLicensed !== contract.seatsLicensed || latest.tier !== contract.tier))
    issue(
      `contract.licenceHistory.${inForce}`,
      `the latest amendment (${latest.effectiveDate}: ${latest.seatsLicensed} seats, ${latest.tier}) is not the contract in force ` +
        `(${contract.seatsLicensed} seats, ${contract.tier}): add the amendment that brought it to its terms`,
    );
  return issues;
}
