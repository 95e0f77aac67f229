// Support tickets: a background rate by segment, more and worse (high/urgent, escalated) when the
// relationship cools, usage declines or a risky renewal approaches.
import type { Segment } from '@ripe/shared';
import type { Rng } from './prng.ts';
import type { SandboxContext } from './sandbox-context.ts';
import type { AccountProfile, Storyline, TicketTrack } from './timeline.types.ts';
import type { Language } from './people.data.ts';

const ticketRate: Record<Segment, number> = { smb: 0.3, mid_market: 0.8, enterprise: 2 };

const subjects: Record<Language, readonly string[]> = {
  en: [
    'SSO login failing',
    'CSV export times out',
    'Sync errors with the CRM',
    'Dashboard not loading',
    'User cannot be invited',
    'API rate limit errors',
    'Wrong totals in report',
    'Question about permissions',
  ],
  fr: [
    'Connexion SSO impossible',
    "L'export CSV n'aboutit pas",
    'Erreurs de synchronisation avec le CRM',
    'Le tableau de bord ne se charge pas',
    "Impossible d'inviter un utilisateur",
    "Erreurs de limite d'API",
    'Totaux erronés dans un rapport',
    'Question sur les droits',
  ],
};

const calmPriorities: Record<TicketTrack['priority'], number> = {
  low: 0.3,
  normal: 0.5,
  high: 0.15,
  urgent: 0.05,
};
const troubledPriorities: Record<TicketTrack['priority'], number> = {
  low: 0.1,
  normal: 0.3,
  high: 0.4,
  urgent: 0.2,
};

function troubled(story: Storyline, day: number): boolean {
  if (story.coolingFrom !== undefined && day >= story.coolingFrom) return true;
  if (story.decline && day >= story.decline.start) return true;
  return false;
}

export function generateTickets(
  rng: Rng,
  ctx: SandboxContext,
  profile: AccountProfile,
  story: Storyline,
): TicketTrack[] {
  const tickets: TicketTrack[] = [];
  const from = Math.max(profile.createdOn, ctx.historyStart - 60);
  for (let month = from; month <= ctx.endDay; month += 30) {
    const bad =
      troubled(story, month) ||
      (story.riskyRenewalsFrom !== undefined && month >= story.riskyRenewalsFrom && rng.chance(0.5));
    const expected = ticketRate[profile.segment] * (bad ? 2.5 : 1);
    const count = Math.floor(expected) + (rng.chance(expected - Math.floor(expected)) ? 1 : 0);
    for (let k = 0; k < count; k += 1) {
      const openedOn = month + rng.int(0, 29);
      if (openedOn > ctx.endDay) continue;
      const priority = rng.weighted(bad ? troubledPriorities : calmPriorities);
      const urgent = priority === 'urgent' || priority === 'high';
      const ticket: TicketTrack = { openedOn, priority, subject: rng.pick(subjects[profile.language]) };
      if (rng.chance(bad ? 0.35 : 0.04)) ticket.escalatedOn = openedOn + rng.int(0, 5);
      const duration = urgent ? rng.int(1, 10) : rng.int(2, 25);
      if (rng.chance(0.3)) ticket.pendingFrom = openedOn + Math.floor(duration / 2);
      // Some tickets are never closed within the history.
      if (!rng.chance(0.04)) ticket.closedOn = openedOn + duration;
      tickets.push(ticket);
    }
  }
  // Ids follow the opening order, so the visible tickets on any day are numbered without gaps.
  return tickets.sort((a, b) => a.openedOn - b.openedOn);
}
