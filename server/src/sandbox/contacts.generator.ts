// The account's stakeholders over time: the initial buying group, a champion leaving (and a user promoted
// in their place), new budget owners or executives appearing during expansion episodes or cost reviews.
import type { Segment } from '@ripe/shared';
import type { Rng } from './prng.ts';
import type { SandboxContext } from './sandbox-context.ts';
import {
  emailLocalPart,
  firstNames,
  lastNames,
  titlesByRole,
  titleText,
  type Gender,
  type SandboxRole,
} from './people.data.ts';
import type { AccountProfile, ContactTrack, Storyline } from './timeline.types.ts';

type KnownRole = SandboxRole;

const userCount: Record<Segment, [number, number]> = { smb: [1, 3], mid_market: [2, 4], enterprise: [3, 7] };

function phoneFor(rng: Rng, country: string): string {
  const digits = (count: number): string => Array.from({ length: count }, () => rng.int(0, 9)).join('');
  switch (country) {
    case 'FR':
      return `+33 6 ${digits(2)} ${digits(2)} ${digits(2)} ${digits(2)}`;
    case 'BE':
      return `+32 47${digits(1)} ${digits(2)} ${digits(2)} ${digits(2)}`;
    case 'US':
    case 'CA':
      return `+1 ${rng.int(201, 989)} 555 ${digits(4)}`;
    case 'GB':
      return `+44 7700 900${digits(3)}`;
    default:
      return `+49 151 ${digits(8)}`;
  }
}

class ContactBook {
  readonly contacts: ContactTrack[] = [];

  constructor(
    private readonly rng: Rng,
    private readonly profile: AccountProfile,
  ) {}

  add(role: KnownRole, createdOn: number): ContactTrack {
    const { rng, profile } = this;
    const gender: Gender = rng.chance(0.5) ? 'f' : 'm';
    const language = profile.language === 'fr' && rng.chance(0.1) ? 'en' : profile.language;
    const first = rng.pick(firstNames[language][gender]);
    const last = rng.pick(lastNames[language]);
    const choice = rng.pick(titlesByRole[role]);
    const contact: ContactTrack = {
      id: `${profile.id}-c${this.contacts.length + 1}`,
      name: `${first} ${last}`,
      firstName: first,
      email: `${emailLocalPart(first, last)}@${profile.domain}`,
      createdOn,
      roles: [
        {
          from: createdOn,
          role,
          title: titleText(choice, profile.language, gender, rng.chance(0.15)),
          seniority: choice.seniority,
        },
      ],
    };
    if (rng.chance(0.6)) contact.phone = phoneFor(rng, profile.country);
    this.contacts.push(contact);
    return contact;
  }

  promote(contact: ContactTrack, role: KnownRole, day: number): void {
    const choice = this.rng.pick(titlesByRole[role]);
    const gender: Gender = this.rng.chance(0.5) ? 'f' : 'm';
    contact.roles.push({
      from: day,
      role,
      title: titleText(choice, this.profile.language, gender, false),
      seniority: choice.seniority,
    });
  }
}

export function generateContacts(
  rng: Rng,
  ctx: SandboxContext,
  profile: AccountProfile,
  story: Storyline,
): ContactTrack[] {
  const book = new ContactBook(rng, profile);
  const onboarding = (): number => profile.createdOn + rng.int(0, 20);
  // The champion signed the deal: known from day one, so every activity has someone to talk to.
  const champion = book.add('champion', profile.createdOn);
  const small = profile.segment === 'smb';
  if (!small || rng.chance(0.5)) book.add('sponsor', onboarding());
  book.add('decision_maker', onboarding());
  if (!small || rng.chance(0.4)) book.add('budget_owner', onboarding());
  const influencers = { smb: 0, mid_market: 1, enterprise: rng.int(1, 2) }[profile.segment];
  for (let k = 0; k < influencers; k += 1) book.add('influencer', onboarding());
  const [minUsers, maxUsers] = userCount[profile.segment];
  const users = Array.from({ length: rng.int(minUsers, maxUsers) }, () =>
    book.add('user', onboarding() + rng.int(0, 120)),
  );

  const leaves = story.championLeavesOn;
  if (leaves !== undefined) {
    champion.leftOn = leaves;
    const successor = users[0];
    if (successor && rng.chance(0.5)) book.promote(successor, 'champion', leaves + rng.int(10, 60));
    else if (rng.chance(0.4)) book.add('champion', leaves + rng.int(30, 90));
  }
  for (const episode of story.episodes) {
    if (!episode.newStakeholder || episode.start > ctx.endDay) continue;
    book.add(
      rng.chance(0.5) ? 'budget_owner' : rng.pick<KnownRole>(['decision_maker', 'sponsor']),
      episode.start + rng.int(15, 70),
    );
  }
  // A new CFO often arrives with the cost review of a declining account (a confounder for "new budget owner").
  if (story.decline && rng.chance(0.3)) book.add('budget_owner', story.decline.start + rng.int(0, 60));
  const leaver = users[users.length - 1];
  if (leaver && users.length > 1 && rng.chance(0.2))
    leaver.leftOn = rng.int(Math.max(leaver.createdOn + 30, ctx.historyStart), ctx.endDay + 30);
  return book.contacts;
}
