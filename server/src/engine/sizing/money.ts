// Amounts in words for `basis` texts: whole units with thousands separators ("12,480 USD").

export function formatAmount(amount: number): string {
  const rounded = Math.round(amount);
  const digits = String(Math.abs(rounded));
  let grouped = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) grouped += ',';
    grouped += digits[i];
  }
  return rounded < 0 ? `-${grouped}` : grouped;
}

export function formatMoney(amount: number, currency: string): string {
  return `${formatAmount(amount)} ${currency}`;
}

/** Rounds money to whole units, never below zero. */
export function wholeUnits(amount: number): number {
  return amount > 0 ? Math.round(amount) : 0;
}
