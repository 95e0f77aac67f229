// The language to write to the customer in: French when the account is in France or Belgium, or when
// most of its recent conversations are French; English otherwise. Function words decide a message's
// language — cheap, and robust enough for the two languages the product supports.
import type { AccountSnapshot } from '@ripe/shared';

export type DraftLanguage = 'en' | 'fr';

const frenchCountries: ReadonlySet<string> = new Set(['FR', 'BE']);
const frenchWords: ReadonlySet<string> = new Set(
  'le la les des du et est nous vous pour avec une pas sur dans que qui notre votre nos vos je bonjour merci cordialement au'.split(
    ' ',
  ),
);
const englishWords: ReadonlySet<string> = new Set(
  'the and is are we you for with not on that our your i hi thanks to of it this be have regards will'.split(
    ' ',
  ),
);
/** Recent messages read: enough to know the account's language. */
const maxMessages = 20;
const wordPattern = /[a-zàâçéèêëîïôûùüÿœ]+/g;

export function messageLanguage(text: string): DraftLanguage | null {
  let french = 0;
  let english = 0;
  for (const word of text.toLowerCase().match(wordPattern) ?? []) {
    if (frenchWords.has(word)) french++;
    else if (englishWords.has(word)) english++;
  }
  if (french === english) return null;
  return french > english ? 'fr' : 'en';
}

export function draftLanguage(snapshot: AccountSnapshot): DraftLanguage {
  const country = snapshot.account.country?.toUpperCase();
  if (country && frenchCountries.has(country)) return 'fr';
  let french = 0;
  let english = 0;
  const activities = snapshot.activities;
  // activities are not guaranteed sorted: read the latest ones by date
  const latest =
    activities.length > maxMessages
      ? [...activities].sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : -1)).slice(0, maxMessages)
      : activities;
  for (const activity of latest) {
    if (activity.direction === 'internal') continue;
    const language = messageLanguage(`${activity.subject ?? ''} ${activity.text}`);
    if (language === 'fr') french++;
    else if (language === 'en') english++;
  }
  return french > english ? 'fr' : 'en';
}
