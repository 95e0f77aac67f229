import type { Activity, Evidence, Motion, PriceBook, Signal, TechniqueResult } from '@ripe/shared';
import { dayNumber, instantDayNumber, isoDay } from '@ripe/shared';
import { findConversationCues, type ConversationCue } from '../../text/conversation-cues.ts';
import { foldText } from '../../text/fold-text.ts';
import type { IntentCode } from '../../text/intents/intent.types.ts';
import { needRank, type StatedNeed } from '../../text/intents/stated-need.ts';
import { conversationCodes, type ConversationCode } from '../../text/lexicon.ts';
import type { Technique } from '../technique.ts';
import { makeSignal, round3, scoreFromSignals } from '../signal.ts';
import { namedModuleEvidence } from './named-module.evidence.ts';
import { describeNeed, needEvidenceId, needKind } from './stated-need.evidence.ts';

/** Customer-written text says most; our notes and calls count too; our own emails least. */
const directionWeight: Record<Activity['direction'], number> = { inbound: 1, internal: 0.7, outbound: 0.3 };
/** Quotes kept per code, the weightiest first. */
const MAX_QUOTES = 3;
/** Below this, a signal is noise (one outbound mention months ago). */
const MIN_STRENGTH = 0.05;
/** A possibility ("we might bring the Lyon team on board") weighs less than a stated plan or fact. */
const HEDGED_WEIGHT = 0.4;

const intentLabels: Record<IntentCode, string> = {
  team_onboarding: 'team, office or department coming on board',
  headcount_growth: 'headcount grown',
  funding_raised: 'funding raised',
  hiring_plan: 'hiring plan',
  evaluating_alternatives: 'evaluating alternatives',
  restructuring: 'restructuring or headcount reduction',
};

/** What the evidence shows as its value: the people stated, else the money, else the phrase. */
function valueOf(cue: ConversationCue): number | string {
  return cue.people ?? cue.money ?? cue.phrase;
}

function describe(cue: ConversationCue): string {
  if (!cue.intent) return `${descriptions[cue.code]}${cue.hedged ? ' (hedged)' : ''}`;
  const people = cue.people !== undefined ? `, ${cue.people} people stated` : '';
  return `${descriptions[cue.code]}: ${intentLabels[cue.intent]}${cue.hedged ? ' (hedged)' : ''}${people}`;
}

const descriptions: Record<ConversationCode, string> = {
  buying_intent: 'Buying intent',
  plan_limit_question: 'Question about plan or limits',
  new_need: 'New team, use case or project',
  growth_event: 'Growth event',
  dissatisfaction: 'Dissatisfaction',
  budget_cut: 'Budget cut',
  churn_threat: 'Churn threat',
  expansion_declined: 'Expansion declined',
  champion_leaving_mentioned: 'Champion leaving',
};

interface Mention {
  weight: number;
  evidence: Evidence;
  /** The need in numbers the text states, when asserted by the customer or noted by us, and its sentence. */
  need?: StatedNeed;
  needQuote?: string;
  day: number;
  /** Written by us: never the customer's request. */
  ours: boolean;
}

/** Codes whose sentences may name the module the customer wants. */
const MODULE_CODES: ReadonlySet<ConversationCode> = new Set([
  'buying_intent',
  'new_need',
  'plan_limit_question',
]);

/** The latest need stated in numbers, the most explicit of a day: the one the sizing rests on. */
function latestNeed(mentions: readonly Mention[]): Mention | null {
  let best: Mention | null = null;
  for (const mention of mentions) {
    if (!mention.need) continue;
    if (!best?.need || mention.day > best.day) {
      best = mention;
      continue;
    }
    if (mention.day < best.day) continue;
    const rank = needRank(mention.need) - needRank(best.need);
    if (rank < 0 || (rank === 0 && mention.weight > best.weight)) best = mention;
  }
  return best;
}

const ownNamesOf = new WeakMap<PriceBook, ReadonlySet<string>>();

/** The words of our own tiers' and modules' names, folded: a demo of "the Analytics module" is ours. */
export function ownNames(priceBook: PriceBook): ReadonlySet<string> {
  let names = ownNamesOf.get(priceBook);
  if (!names) {
    const words = [...priceBook.tiers, ...priceBook.modules].flatMap((item) =>
      foldText(item.name).split(/[^a-z0-9]+/),
    );
    names = new Set(words.filter((word) => word.length > 1));
    ownNamesOf.set(priceBook, names);
  }
  return names;
}

/** The code a mention was read for (its evidence id ends with it). */
function codeOf(mention: Mention): ConversationCode {
  return mention.evidence.id.slice(mention.evidence.id.lastIndexOf(':') + 1) as ConversationCode;
}

/** Mostly a team or people in numbers: a new need for seats, not for a module. */
function newNeedMotion(list: readonly Mention[]): Motion | undefined {
  let people = 0;
  let total = 0;
  for (const mention of list) {
    total += mention.weight;
    if (mention.need) people += mention.weight;
  }
  return people >= total / 2 ? 'seat_upsell' : undefined;
}

/**
 * Buying intent, new needs and negative context in the emails, notes, meetings and calls of the lookback
 * window, English and French, negation-aware, each mention weighted by recency (half-life) and by who
 * wrote it. Every signal quotes its sentences.
 */
export const conversationTechnique: Technique = (snapshot, ctx): TechniqueResult => {
  const today = dayNumber(ctx.now);
  const { lookbackDays, halfLifeDays } = ctx.config.conversation;
  const mentions = new Map<ConversationCode, Mention[]>();
  const year = Number(ctx.now.slice(0, 4));
  const names = ownNames(ctx.priceBook);
  let readable = 0;

  for (const activity of snapshot.activities) {
    const day = instantDayNumber(activity.occurredAt);
    const age = today - day;
    if (age < 0 || age > lookbackDays) continue;
    if (activity.text.length === 0 && !activity.subject) continue;
    readable++;
    const weight = directionWeight[activity.direction] * Math.pow(0.5, age / halfLifeDays);
    const cues = findConversationCues(activity.text, activity.subject, { year, ownNames: names });
    for (const cue of cues) {
      const cueWeight = cue.hedged ? weight * HEDGED_WEIGHT : weight;
      let list = mentions.get(cue.code);
      if (!list) {
        list = [];
        mentions.set(cue.code, list);
      }
      // only what the customer said, asserted, sizes: our own emails and possibilities do not
      const need = !cue.hedged && activity.direction !== 'outbound' ? cue.need : undefined;
      list.push({
        weight: cueWeight,
        day,
        ours: activity.direction === 'outbound',
        ...(need ? { need, needQuote: cue.needQuote ?? cue.quote } : {}),
        evidence: {
          id: `conv:${activity.id}:${cue.code}`,
          description: `${describe(cue)} (${activity.direction} ${activity.type})`,
          value: valueOf(cue),
          date: isoDay(day),
          source: `activity:${activity.id}`,
          quote: cue.quote,
        },
      });
    }
  }

  const signals: Signal[] = [];
  const evidence: Evidence[] = [];
  const kept: Mention[] = [];
  for (const code of conversationCodes) {
    const list = mentions.get(code);
    if (!list) continue;
    // Saturating sum: one fresh inbound mention ≈ 0.63, several push towards 1.
    let total = 0;
    for (const mention of list) total += mention.weight;
    const strength = 1 - Math.exp(-total);
    if (strength < MIN_STRENGTH) continue;
    const quoted = list.sort((a, b) => b.weight - a.weight).slice(0, MAX_QUOTES);
    for (const mention of quoted) evidence.push(mention.evidence);
    kept.push(...list);
    signals.push(
      makeSignal(
        code,
        strength,
        quoted.map((mention) => mention.evidence.id),
        code === 'new_need' ? newNeedMotion(list) : undefined,
      ),
    );
  }

  const need = latestNeed(kept);
  if (need?.need) {
    const kind = needKind(need.need, snapshot.contract.seatsLicensed);
    const id = needEvidenceId(kind);
    const code = codeOf(need);
    evidence.push({
      ...need.evidence,
      id,
      description: `Stated need: ${describeNeed(kind, need.need.count, need.need.approximate)}`,
      value: need.need.count,
      quote: need.needQuote ?? need.evidence.quote ?? '',
    });
    const signal = signals.find((candidate) => candidate.code === code);
    if (signal) signal.evidenceIds.unshift(id);
  }

  const moduleNamed = namedModuleEvidence(
    kept
      .filter((mention) => !mention.ours && MODULE_CODES.has(codeOf(mention)))
      .map((mention) => ({
        quote: mention.evidence.quote ?? '',
        weight: mention.weight,
        day: mention.evidence.date,
        source: mention.evidence.source,
      })),
    ctx.priceBook,
    snapshot.contract.modules,
  );
  if (moduleNamed) {
    evidence.push(moduleNamed);
    const signal = signals.find(
      (candidate) =>
        MODULE_CODES.has(candidate.code as ConversationCode) &&
        candidate.evidenceIds.some(
          (id) => evidence.find((item) => item.id === id)?.quote === moduleNamed.quote,
        ),
    );
    signal?.evidenceIds.push(moduleNamed.id);
  }

  return {
    technique: 'conversation',
    score: scoreFromSignals(signals),
    // Confidence grows with the number of readable activities: ~0.7 with 10, ~0.95 with 25.
    confidence: round3(1 - Math.exp(-readable / 8)),
    signals,
    evidence,
    contradictions: [],
  };
};
