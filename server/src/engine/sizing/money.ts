// Amounts in words for the texts: totals in whole units with thousands separators ("12,480 USD"), unit
// prices as precise as they are ("480 USD", "12.50 USD", "0.002 USD").

function grouped(integer: number): string {
  const digits = String(Math.abs(integer));
  let text = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) text += ',';
    text += digits[i];
  }
  return integer < 0 ? `-${text}` : text;
}

/** A count or a total in whole units: `12480` → `12,480`. */
export function formatAmount(amount: number): string {
  return grouped(Math.round(amount));
}

/** A total: whole units and the currency, `12,480 USD`. */
export function formatMoney(amount: number, currency: string): string {
  return `${formatAmount(amount)} ${currency}`;
}

/**
 * A unit price, as precise as it is: whole units when it is whole (`480 USD`), cents from 1 up
 * (`12.50 USD`), and four significant digits below 1 (`0.002 USD`, `0.0125 USD`).
 */
export function formatPrice(price: number, currency: string): string {
  if (Number.isInteger(price)) return `${grouped(price)} ${currency}`;
  if (Math.abs(price) >= 1) {
    const cents = Math.round(price * 100);
    const whole = Math.trunc(cents / 100);
    return `${grouped(whole)}.${String(Math.abs(cents % 100)).padStart(2, '0')} ${currency}`;
  }
  return `${Number(price.toPrecision(4))} ${currency}`;
}

/** Rounds money to whole units, never below zero. */
export function wholeUnits(amount: number): number {
  return amount > 0 ? Math.round(amount) : 0;
}
