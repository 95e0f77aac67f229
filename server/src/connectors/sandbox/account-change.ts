import type { AccountSnapshot } from '@ripe/shared';

const notes = [
  'Quarterly check-in: the team is growing and they asked what adding seats would cost.',
  'Support call: a few users could not log in after the password policy change; resolved.',
  'Email: they want to roll the product out to a second department next quarter.',
  'Meeting notes: usage review, no change planned before the renewal.',
] as const;

/**
 * An account as it looks after `version` changes in the CRM since the generator drew it: one more note per
 * change and the latest usage point of each series raised by one unit per change. Pure and deterministic.
 */
export function changeAccount(
  snapshot: AccountSnapshot,
  version: number,
  modifiedAt: string,
): AccountSnapshot {
  const activities = [...snapshot.activities];
  for (let k = 1; k <= version; k += 1) {
    activities.push({
      id: `${snapshot.account.id}-change${k}`,
      type: 'note',
      occurredAt: modifiedAt,
      direction: 'internal',
      participants: [],
      text: notes[(k + snapshot.account.id.length) % notes.length] ?? '',
    });
  }
  const usage = snapshot.usage.map((series) => {
    const last = series.values.length - 1;
    const value = series.values[last];
    if (last < 0 || value === null || value === undefined) return series;
    const values = [...series.values];
    values[last] = value + version;
    return { ...series, values };
  });
  return { ...snapshot, activities, usage };
}
