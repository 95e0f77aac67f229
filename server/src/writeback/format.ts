export { addDays } from '@ripe/shared';

/** `48,000 USD`: whole units, grouped, with the ISO code (the CRM shows it in a text body). */
export function formatMoney(amount: number, currency: string): string {
  return `${Math.round(amount).toLocaleString('en-US')} ${currency}`;
}
