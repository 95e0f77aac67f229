// The account's conversations: steady background noise (scheduling, invoices, thanks), the visible side of
// each expansion episode (a trigger, buying intent, plan questions, sponsor meetings, a new stakeholder),
// fizzles ("postponed"), negations, and the negative context of the confounders.
import type { Segment } from '@ripe/shared';
import { ActivityWriter, type Channel } from './activity-writer.ts';
import { addYears } from './calendar.ts';
import { noiseKeys, outboundNoiseKeys, type Slots, type TemplateKey } from './message-templates.ts';
import type { Rng } from './prng.ts';
import type { SandboxContext } from './sandbox-context.ts';
import { sandboxPriceBook, tierAt } from './sandbox-price-book.ts';
import type {
  AccountProfile,
  ActivityTrack,
  ContactTrack,
  ContractState,
  Episode,
  Storyline,
} from './timeline.types.ts';

/** Background activities per 30 days. */
const noiseRate: Record<Segment, number> = { smb: 1.2, mid_market: 3, enterprise: 6 };

const triggerKeys: Record<Episode['kind'], readonly TemplateKey[]> = {
  seat_growth: ['new_team', 'hiring', 'funding', 'acquisition', 'international', 'new_project'],
  tier_ceiling: ['new_project', 'international', 'hiring', 'new_use_case'],
  module_exploration: ['new_use_case', 'new_project', 'new_team'],
  consumption_growth: ['new_project', 'international', 'funding'],
};

const buyingKey: Record<Episode['kind'], TemplateKey> = {
  seat_growth: 'buying_seats',
  tier_ceiling: 'buying_tier',
  module_exploration: 'buying_module',
  consumption_growth: 'buying_commit',
};

const planQuestionChance: Record<Episode['kind'], number> = {
  seat_growth: 0.4,
  tier_ceiling: 0.6,
  module_exploration: 0.2,
  consumption_growth: 0.3,
};

/** How a customer's message reaches the CRM, and how background activities do. */
const customerChannels: Partial<Record<Channel, number>> = {
  email_in: 0.6,
  call: 0.2,
  note: 0.1,
  meeting: 0.1,
};
const noiseChannels: Record<Channel, number> = {
  email_in: 0.3,
  email_out: 0.25,
  call: 0.15,
  meeting: 0.15,
  note: 0.15,
};

function customerChannel(rng: Rng): Channel {
  return rng.weighted(customerChannels);
}

function writeNoise(
  rng: Rng,
  ctx: SandboxContext,
  profile: AccountProfile,
  story: Storyline,
  writer: ActivityWriter,
): void {
  const from = Math.max(profile.createdOn, ctx.historyStart - 60);
  for (let week = from; week <= ctx.endDay; week += 7) {
    let rate = noiseRate[profile.segment];
    if (story.coolingFrom !== undefined && week >= story.coolingFrom) rate *= 0.4;
    const expected = (rate * 7) / 30;
    const count = Math.floor(expected) + (rng.chance(expected - Math.floor(expected)) ? 1 : 0);
    for (let k = 0; k < count; k += 1) {
      const channel = rng.weighted(noiseChannels);
      writer.write({
        day: week + rng.int(0, 6),
        key: rng.pick(channel === 'email_out' ? outboundNoiseKeys : noiseKeys),
        channel,
        from: ['champion', 'user', 'influencer'],
      });
    }
  }
  // Renewal paperwork before every renewal.
  for (let year = 1; addYears(profile.createdOn, year) - 60 <= ctx.endDay; year += 1) {
    const renewal = addYears(profile.createdOn, year);
    if (renewal < ctx.historyStart - 60) continue;
    writer.write({
      day: renewal - rng.int(20, 60),
      key: 'noise_renewal',
      channel: 'email_out',
      from: ['budget_owner', 'champion'],
    });
  }
}

function stakeholderOf(episode: Episode, contacts: readonly ContactTrack[]): ContactTrack | undefined {
  return contacts.find(
    (c) =>
      c.createdOn >= episode.start + 15 &&
      c.createdOn <= episode.start + 70 &&
      c.roles[0]?.role !== 'user' &&
      c.roles[0]?.role !== 'champion',
  );
}

function writeEpisode(
  rng: Rng,
  episode: Episode,
  contacts: readonly ContactTrack[],
  writer: ActivityWriter,
): void {
  const close = episode.end;
  const fizzled = episode.outcome === 'fizzled';
  const stakeholder = episode.newStakeholder ? stakeholderOf(episode, contacts) : undefined;
  if (stakeholder) {
    const role = stakeholder.roles[0];
    const slots = {
      name: stakeholder.name,
      name_first: stakeholder.firstName,
      role_title: role?.title ?? '',
    };
    writer.write({
      day: stakeholder.createdOn + rng.int(3, 20),
      key: 'stakeholder_intro',
      channel: 'meeting',
      from: ['champion'],
      with: [stakeholder],
      slots,
    });
  }
  if (episode.silent) return;
  const span = Math.max(10, close - episode.start);
  if (rng.chance(0.6))
    writer.write({
      day: episode.start + rng.int(0, 40),
      key: rng.pick(triggerKeys[episode.kind]),
      channel: customerChannel(rng),
      from: ['sponsor', 'champion', 'decision_maker'],
    });
  const slots: Slots = {};
  if (episode.seatsAdded > 0) slots.seats = String(episode.seatsAdded);
  if (episode.targetRank !== undefined) slots.tier = tierAt(episode.targetRank).name;
  const moduleName = sandboxPriceBook.modules.find((m) => m.id === episode.moduleId)?.name;
  if (moduleName) slots.module = moduleName;
  if (rng.chance(fizzled ? 0.5 : 0.75)) {
    const intents = rng.int(1, 2);
    const from = Math.max(episode.start + 10, episode.firstSignal);
    for (let k = 0; k < intents; k += 1) {
      writer.write({
        day: from + rng.int(0, Math.max(5, close - from - 5)),
        key: buyingKey[episode.kind],
        channel: customerChannel(rng),
        from: ['champion', 'budget_owner', 'sponsor'],
        slots,
      });
    }
  }
  if (rng.chance(planQuestionChance[episode.kind])) {
    writer.write({
      day: episode.start + 20 + rng.int(0, Math.max(5, span - 20)),
      key: 'plan_limit',
      channel: customerChannel(rng),
      from: ['champion', 'user', 'influencer'],
      slots,
    });
  }
  if (rng.chance(0.6)) {
    for (let k = rng.int(1, 2); k > 0; k -= 1) {
      const day = episode.start + 20 + rng.int(0, Math.max(5, span - 20));
      const sponsor = writer.speaker(day, ['sponsor', 'decision_maker']);
      writer.write({
        day,
        key: 'sponsor_meeting',
        channel: 'note',
        from: ['champion'],
        with: [sponsor],
        slots: { sponsor: sponsor.name },
      });
    }
  }
  if (fizzled && !episode.lingers && rng.chance(0.6))
    writer.write({
      day: close + rng.int(0, 20),
      key: 'postponed',
      channel: customerChannel(rng),
      from: ['champion', 'sponsor'],
    });
  if (rng.chance(fizzled ? 0.3 : 0.25)) {
    writer.write({
      day: close + rng.int(20, 90),
      key: rng.chance(0.7) ? 'negation_seats' : 'negation_upgrade',
      channel: customerChannel(rng),
      from: ['champion', 'budget_owner'],
    });
  }
}

function writeNegativeContext(
  rng: Rng,
  ctx: SandboxContext,
  profile: AccountProfile,
  story: Storyline,
  contacts: readonly ContactTrack[],
  writer: ActivityWriter,
): void {
  const unhappy = (from: number, to: number, keys: readonly TemplateKey[], count: number): void => {
    for (let k = 0; k < count; k += 1) {
      const key = rng.pick(keys);
      const roles =
        key === 'dissatisfaction'
          ? (['champion', 'user'] as const)
          : (['budget_owner', 'decision_maker', 'sponsor'] as const);
      writer.write({
        day: rng.int(from, Math.max(from, to)),
        key,
        channel: customerChannel(rng),
        from: roles,
      });
    }
  };
  if (story.coolingFrom !== undefined && profile.archetype === 'cooling')
    unhappy(story.coolingFrom, story.coolingFrom + 200, ['dissatisfaction'], rng.int(2, 4));
  if (story.decline) {
    const { start, days } = story.decline;
    unhappy(start, start + days + 90, ['budget_cut', 'dissatisfaction'], rng.int(2, 4));
    if (rng.chance(0.6)) unhappy(start + 60, start + days + 120, ['churn_threat'], 1);
  }
  if (story.riskyRenewalsFrom !== undefined) {
    for (let year = 1; addYears(profile.createdOn, year) - 100 <= ctx.endDay; year += 1) {
      const renewal = addYears(profile.createdOn, year);
      if (renewal < story.riskyRenewalsFrom) continue;
      unhappy(renewal - 100, renewal - 5, ['dissatisfaction', 'churn_threat', 'budget_cut'], rng.int(2, 3));
    }
  }
  const leaves = story.championLeavesOn;
  const champion = contacts.find((c) => c.leftOn === leaves && c.roles[0]?.role === 'champion');
  if (leaves !== undefined && champion && rng.chance(0.75)) {
    const day = leaves - rng.int(5, 25);
    const next = writer.speaker(day, ['user', 'sponsor']);
    writer.write({
      day,
      key: 'champion_leaving',
      channel: customerChannel(rng),
      from: ['sponsor', 'user', 'decision_maker'],
      slots: { name: champion.name, name_next: next.firstName },
    });
  }
  if (story.spike && rng.chance(0.7))
    writer.write({
      day: story.spike.start - rng.int(3, 15),
      key: 'noise_training',
      channel: 'email_in',
      from: ['champion'],
    });
  // Accounts that are not growing say so, now and then.
  const quiet = ['steady', 'too_early', 'one_off_spike', 'declining', 'renewal_risk'].includes(
    profile.archetype,
  );
  if (quiet) {
    const from = Math.max(profile.createdOn, ctx.historyStart);
    for (let k = rng.chance(0.6) ? rng.int(1, 2) : 0; k > 0; k -= 1) {
      writer.write({
        day: rng.int(from, ctx.endDay),
        key: rng.chance(0.7) ? 'negation_seats' : 'negation_upgrade',
        channel: customerChannel(rng),
        from: ['champion', 'budget_owner'],
      });
    }
  }
}

export function generateActivities(
  rng: Rng,
  ctx: SandboxContext,
  profile: AccountProfile,
  story: Storyline,
  contacts: readonly ContactTrack[],
  contracts: readonly ContractState[],
): ActivityTrack[] {
  const writer = new ActivityWriter(rng, ctx, profile, contacts, contracts);
  writeNoise(rng, ctx, profile, story, writer);
  for (const episode of story.episodes)
    if (episode.start <= ctx.endDay) writeEpisode(rng, episode, contacts, writer);
  writeNegativeContext(rng, ctx, profile, story, contacts, writer);
  return writer.sorted();
}
