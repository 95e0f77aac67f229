// Numbers and dates in the user's locale. Dates from the backend are calendar days (YYYY-MM-DD): formatted in
// UTC so that no time zone moves them to the day before.

export interface Formatters {
  money(amount: number, currency: string): string;
  percent(ratio: number): string;
  day(isoDate: string): string;
  dateTime(isoInstant: string): string;
  number(value: number): string;
}

export function formatters(locale: string | undefined): Formatters {
  const tag = locale && /^[a-z]{2}(-[a-z]{2})?$/i.test(locale) ? locale : 'en-US';
  return {
    money: (amount, currency) =>
      new Intl.NumberFormat(tag, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount),
    percent: (ratio) =>
      new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 }).format(ratio),
    day: (isoDate) =>
      new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(`${isoDate}T00:00:00Z`),
      ),
    dateTime: (isoInstant) =>
      new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(
        new Date(isoInstant),
      ),
    number: (value) => new Intl.NumberFormat(tag).format(value),
  };
}
