// Account i's whole timeline, from (seed, i) alone: profile → storyline → contracts and episodes →
// usage, contacts, activities, tickets, opportunities. Each part draws from its own stream.
import { drawProfile } from './account-profile.ts';
import { generateActivities } from './activities.generator.ts';
import { generateContacts } from './contacts.generator.ts';
import { buildContractHistory } from './contract-history.ts';
import { generateOpportunities } from './opportunities.generator.ts';
import { accountRng } from './prng.ts';
import type { SandboxContext } from './sandbox-context.ts';
import { planStoryline } from './storyline.ts';
import { generateTickets } from './tickets.generator.ts';
import type { AccountTimeline } from './timeline.types.ts';
import { generateUsage } from './usage.generator.ts';

export function buildAccountTimeline(ctx: SandboxContext, index: number): AccountTimeline {
  const profile = drawProfile(accountRng(ctx.seed, index, 'profile'), ctx, index);
  const storyRng = accountRng(ctx.seed, index, 'storyline');
  const storyline = planStoryline(storyRng, ctx, profile);
  const { contracts, changes } = buildContractHistory(storyRng, ctx, profile, storyline);
  const usage = generateUsage(accountRng(ctx.seed, index, 'usage'), ctx, profile, storyline, contracts);
  const contacts = generateContacts(accountRng(ctx.seed, index, 'contacts'), ctx, profile, storyline);
  const activities = generateActivities(
    accountRng(ctx.seed, index, 'activities'),
    ctx,
    profile,
    storyline,
    contacts,
    contracts,
  );
  const tickets = generateTickets(accountRng(ctx.seed, index, 'tickets'), ctx, profile, storyline);
  const opportunities = generateOpportunities(storyRng, profile, contracts, changes, storyline.episodes);
  return {
    profile,
    storyline,
    contracts,
    changes,
    seriesStart: usage.seriesStart,
    usage: usage.tracks,
    contacts,
    activities,
    tickets,
    opportunities,
  };
}
