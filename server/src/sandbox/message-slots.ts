// The values of a message's `{slot}`s, computed on demand and memoised, so that one message names one city,
// one team, one month — and a template that uses two slots costs two draws, not twenty.
import type { SlotSource, Slots } from './message-templates.ts';
import {
  competitors,
  expansionCountries,
  featureNames,
  fundingRounds,
  monthNames,
  projects,
  teams,
} from './places.data.ts';
import type { Rng } from './prng.ts';
import type { SandboxContext } from './sandbox-context.ts';
import { sandboxPriceBook, tierAt, topTierRank } from './sandbox-price-book.ts';
import type { AccountProfile, ContactTrack, ContractState } from './timeline.types.ts';

const otherCities = ['Lyon', 'Toronto', 'Austin', 'Madrid', 'Bruxelles'];
const headcountScale = { smb: 4, mid_market: 15, enterprise: 60 } as const;

export class MessageSlots implements SlotSource {
  private readonly memo: Slots;

  constructor(
    private readonly rng: Rng,
    private readonly ctx: SandboxContext,
    private readonly profile: AccountProfile,
    private readonly contract: ContractState,
    speaker: ContactTrack,
    given: Slots,
    private readonly day: number,
    /** Our own e-mail: the CSM signs and greets the customer. */
    fromUs: boolean,
  ) {
    const csmFirst = profile.csm.name.split(' ')[0] ?? profile.csm.name;
    this.memo = {
      csm: fromUs ? speaker.firstName : csmFirst,
      sender: fromUs ? csmFirst : speaker.firstName,
      ...given,
    };
  }

  get(name: string): string {
    return (this.memo[name] ??= this.compute(name));
  }

  private compute(name: string): string {
    const { rng, profile, contract } = this;
    const language = profile.language;
    switch (name) {
      case 'company':
        return profile.name;
      case 'city':
        return rng.chance(0.6) ? profile.city : rng.pick(otherCities);
      case 'team':
        return rng.pick(teams[language]);
      case 'project':
        return rng.pick(projects[language]);
      case 'month':
        return monthNames[language][Number(this.ctx.isoOf(this.day + rng.int(25, 70)).slice(5, 7)) - 1] ?? '';
      case 'seats':
        return String(Math.max(2, Math.round(contract.seats * rng.real(0.1, 0.35))));
      case 'seats_total':
        return String(contract.seats);
      case 'tier':
        return tierAt(Math.min(topTierRank, contract.tierRank + 1)).name;
      case 'feature': {
        const included = tierAt(contract.tierRank).features;
        const next = tierAt(Math.min(topTierRank, contract.tierRank + 1)).features.find(
          (f) => !included.includes(f),
        );
        const feature = next ?? 'reports';
        return featureNames[feature]?.[language] ?? feature;
      }
      case 'module': {
        const unlicensed = sandboxPriceBook.modules.filter((module) => !contract.modules.includes(module.id));
        return rng.pick(unlicensed.length > 0 ? unlicensed : sandboxPriceBook.modules).name;
      }
      case 'percent':
        return String(rng.int(10, 40));
      case 'headcount':
        return String(Math.max(3, Math.round(headcountScale[profile.segment] * rng.real(0.5, 2))));
      case 'round':
        return rng.pick(fundingRounds);
      case 'country':
        return rng.pick(expansionCountries[language]);
      case 'competitor':
        return rng.pick(competitors);
      case 'renewal':
        return this.ctx.isoOf(contract.renewal);
      default:
        return '';
    }
  }
}
