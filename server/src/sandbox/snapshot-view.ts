// Renders the CRM's view of an account timeline on a day: the contract in force then, usage up to that day,
// activities, tickets and contacts dated on or before it, opportunities with the stage they had then.
import type { AccountSnapshot, Activity, Contact, Opportunity, Ticket, UsageSeries } from '@ripe/shared';
import { isoInstant } from './calendar.ts';
import type { SandboxContext } from './sandbox-context.ts';
import { tierAt } from './sandbox-price-book.ts';
import type { AccountTimeline, ContractState } from './timeline.types.ts';

export function contractOn(contracts: readonly ContractState[], day: number): ContractState {
  let current = contracts[0];
  for (const state of contracts) {
    if (state.from > day) break;
    current = state;
  }
  if (!current) throw new RangeError('an account has at least one contract');
  return current;
}

function renderUsage(
  ctx: SandboxContext,
  timeline: AccountTimeline,
  state: ContractState,
  asOf: number,
): UsageSeries[] {
  const visible = Math.max(0, asOf - timeline.seriesStart + 1);
  const start = ctx.isoOf(timeline.seriesStart);
  return timeline.usage.map((track) => {
    const series: UsageSeries = {
      metric: track.metric,
      kind: track.kind,
      start,
      values: track.values.slice(0, visible),
    };
    if (track.feature !== undefined) {
      series.feature = track.feature;
      series.premium =
        track.moduleId !== undefined
          ? !state.modules.includes(track.moduleId)
          : state.tierRank < (track.tierRank ?? 0);
    }
    return series;
  });
}

function renderActivities(ctx: SandboxContext, timeline: AccountTimeline, asOf: number): Activity[] {
  const { profile } = timeline;
  const activities: Activity[] = [];
  for (let k = 0; k < timeline.activities.length; k += 1) {
    const track = timeline.activities[k];
    if (!track || track.day > asOf) break;
    const activity: Activity = {
      id: `${profile.id}-a${k + 1}`,
      type: track.type,
      occurredAt: isoInstant(track.day, track.minuteOfDay, profile.utcOffset),
      direction: track.direction,
      participants: [...track.participants],
      text: track.text,
    };
    if (track.subject !== undefined) activity.subject = track.subject;
    activities.push(activity);
  }
  return activities;
}

function renderContacts(ctx: SandboxContext, timeline: AccountTimeline, asOf: number): Contact[] {
  // First and last activity as the CRM computes them: over the activities it holds by then.
  const seen = new Map<string, { first: number; last: number }>();
  for (const track of timeline.activities) {
    if (track.day > asOf) break;
    for (const id of track.participants) {
      const span = seen.get(id);
      if (span) span.last = track.day;
      else seen.set(id, { first: track.day, last: track.day });
    }
  }
  const contacts: Contact[] = [];
  for (const track of timeline.contacts) {
    if (track.createdOn > asOf) continue;
    let role = track.roles[0];
    for (const entry of track.roles) if (entry.from <= asOf) role = entry;
    const contact: Contact = {
      id: track.id,
      name: track.name,
      email: track.email,
      title: role?.title ?? '',
      role: role?.role ?? 'unknown',
      seniority: role?.seniority ?? 'individual',
      createdAt: ctx.isoOf(track.createdOn),
    };
    if (track.phone !== undefined) contact.phone = track.phone;
    const span = seen.get(track.id);
    if (span) {
      contact.firstActivityAt = ctx.isoOf(span.first);
      contact.lastActivityAt = ctx.isoOf(span.last);
    }
    if (track.leftOn !== undefined && track.leftOn <= asOf) contact.leftAt = ctx.isoOf(track.leftOn);
    contacts.push(contact);
  }
  return contacts;
}

function renderTickets(ctx: SandboxContext, timeline: AccountTimeline, asOf: number): Ticket[] {
  const tickets: Ticket[] = [];
  timeline.tickets.forEach((track, k) => {
    if (track.openedOn > asOf) return;
    const closed = track.closedOn !== undefined && track.closedOn <= asOf;
    const pending = !closed && track.pendingFrom !== undefined && track.pendingFrom <= asOf;
    const ticket: Ticket = {
      id: `${timeline.profile.id}-t${k + 1}`,
      openedAt: ctx.isoOf(track.openedOn),
      priority: track.priority,
      status: closed ? 'closed' : pending ? 'pending' : 'open',
      escalated: track.escalatedOn !== undefined && track.escalatedOn <= asOf,
      subject: track.subject,
    };
    if (closed && track.closedOn !== undefined) ticket.closedAt = ctx.isoOf(track.closedOn);
    tickets.push(ticket);
  });
  return tickets;
}

function renderOpportunities(ctx: SandboxContext, timeline: AccountTimeline, asOf: number): Opportunity[] {
  const opportunities: Opportunity[] = [];
  timeline.opportunities.forEach((track, k) => {
    if (track.createdOn > asOf) return;
    const closed = track.closesOn <= asOf;
    const opportunity: Opportunity = {
      id: `${timeline.profile.id}-o${k + 1}`,
      type: track.type,
      amount: track.amount,
      stage: closed ? (track.won ? 'closed_won' : 'closed_lost') : 'open',
      createdAt: ctx.isoOf(track.createdOn),
    };
    if (closed) opportunity.closedAt = ctx.isoOf(track.closesOn);
    opportunities.push(opportunity);
  });
  return opportunities;
}

/** The snapshot of `timeline` as the CRM showed it on day `asOf`: nothing after `asOf` is visible. */
export function renderSnapshot(
  ctx: SandboxContext,
  timeline: AccountTimeline,
  asOf: number,
): AccountSnapshot {
  const { profile } = timeline;
  const state = contractOn(timeline.contracts, asOf);
  return {
    account: {
      id: profile.id,
      name: profile.name,
      segment: profile.segment,
      industry: profile.industry,
      country: profile.country,
      ownerId: profile.owner.id,
      ownerName: profile.owner.name,
      csmId: profile.csm.id,
      csmName: profile.csm.name,
      createdAt: ctx.isoOf(profile.createdOn),
    },
    contract: {
      tier: tierAt(state.tierRank).id,
      seatsLicensed: state.seats,
      committedVolume: state.committedVolume,
      price: state.price,
      startDate: ctx.isoOf(state.termStart),
      renewalDate: ctx.isoOf(state.renewal),
      modules: [...state.modules],
    },
    usage: renderUsage(ctx, timeline, state, asOf),
    contacts: renderContacts(ctx, timeline, asOf),
    activities: renderActivities(ctx, timeline, asOf),
    tickets: renderTickets(ctx, timeline, asOf),
    opportunities: renderOpportunities(ctx, timeline, asOf),
  };
}
