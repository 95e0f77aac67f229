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
/** Messages read: a few decided ones are enough to know the account's language. */
const decidedMessages = 5;
/** Characters read per message: the opening says which language it is in. */
const charsPerMessage = 160;

function isLetter(code: number): boolean {
  // a–z, and the Latin-1 / Latin Extended-A letters French uses (à, é, œ...)
  return (code >= 97 && code <= 122) || (code >= 0xe0 && code <= 0x17f && code !== 0xf7);
}

export function messageLanguage(text: string): DraftLanguage | null {
  const lower = text.slice(0, charsPerMessage).toLowerCase();
  let french = 0;
  let english = 0;
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const letter = i < lower.length && isLetter(lower.charCodeAt(i));
    if (letter) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    // function words are short: skip the slice for long words
    if (i - start <= 12) {
      const word = lower.slice(start, i);
      if (frenchWords.has(word)) french++;
      else if (englishWords.has(word)) english++;
    }
    start = -1;
  }
  if (french === english) return null;
  return french > english ? 'fr' : 'en';
}

export function draftLanguage(snapshot: AccountSnapshot): DraftLanguage {
  const country = snapshot.account.country?.toUpperCase();
  if (country && frenchCountries.has(country)) return 'fr';
  let french = 0;
  let english = 0;
  // latest first when the CRM lists activities chronologically; an account rarely switches language
  const activities = snapshot.activities;
  for (let i = activities.length - 1; i >= 0 && french + english < decidedMessages; i--) {
    const activity = activities[i]!;
    if (activity.direction === 'internal') continue;
    const language = messageLanguage(
      activity.subject ? `${activity.subject} ${activity.text}` : activity.text,
    );
    if (language === 'fr') french++;
    else if (language === 'en') english++;
  }
  return french > english ? 'fr' : 'en';
}
