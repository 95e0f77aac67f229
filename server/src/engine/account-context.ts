import { RipeError, isUnpricedCurrency, priceBookIn, type AccountSnapshot } from '@ripe/shared';
import type { EngineContext } from './engine-context.ts';

/**
 * The context one account is scored in: the org's price book in the account's currency (its own prices
 * for that currency, else converted), so its potential, prices and amounts are all in one currency.
 * An account in a currency the price book cannot price is a record error, never a silent conversion.
 */
export function accountContext(snapshot: AccountSnapshot, ctx: EngineContext): EngineContext {
  const currency = snapshot.account.currency;
  if (currency === undefined || currency === ctx.priceBook.currency) return ctx;
  const priceBook = priceBookIn(ctx.priceBook, currency);
  if (isUnpricedCurrency(priceBook)) {
    throw new RipeError(
      'invalid_record',
      `account ${snapshot.account.id}: account.currency: the price book has no ${currency} price for ${priceBook.item} and no exchange rate to ${currency}`,
      {
        issues: [
          {
            record: 'account',
            recordId: snapshot.account.id,
            field: 'account.currency',
            message: `no ${currency} price for ${priceBook.item} and no exchange rate`,
          },
        ],
      },
    );
  }
  return { ...ctx, priceBook };
}
