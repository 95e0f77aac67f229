import type { Contract } from './account-snapshot.schema.ts';

export interface Licence {
  seatsLicensed: number;
  tier: string;
}

/**
 * The licence in force on `day` (`YYYY-MM-DD`): the latest amendment effective on or before it, the
 * earliest amendment for a day before any (the oldest terms known), and the contract's own terms when
 * there is no history or the day is after every amendment.
 *
 * @example licenceOn(contract, '2025-03-01') // { seatsLicensed: 200, tier: 'business' } before a cut to 120
 */
export function licenceOn(contract: Contract, day: string): Licence {
  const history = contract.licenceHistory ?? [];
  const current = { seatsLicensed: contract.seatsLicensed, tier: contract.tier };
  if (history.length === 0) return current;
  let found: Licence | null = null;
  for (const amendment of history) {
    if (amendment.effectiveDate > day) break;
    found = amendment;
  }
  // after the last amendment, today's terms hold (the import checks that they agree)
  if (found === history.at(-1)) return current;
  const terms = found ?? history[0]!;
  return { seatsLicensed: terms.seatsLicensed, tier: terms.tier };
}
